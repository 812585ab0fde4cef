using Halo.Core.Diagnostics;

namespace Halo.Backends.Odla;

/// <summary>Diagnostics of the ODLA code generator (HALO4101-HALO4149). Ids are stable and never reused.</summary>
public static class OdlaDiagnostics
{
    /// <summary>HALO4101: an operator (or operator version) without an ODLA lowering.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOperator = new("HALO4101", "Operator has no ODLA lowering",
        "Operator '{0}' (domain '{1}', version {2}) of node '{3}' has no ODLA lowering; remove or replace it, or run the model with the interpreter backend",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4102: a value whose shape is not static.</summary>
    public static readonly DiagnosticDescriptor DynamicShape = new("HALO4102", "Shape is not static",
        "Value '{0}' has shape {1}, but ODLA code needs static shapes; pin the inputs with --input-shape NAME:DIMS or --batch-size N",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4103: an element type (or value kind) that ODLA cannot represent.</summary>
    public static readonly DiagnosticDescriptor UnsupportedType = new("HALO4103", "Type not supported by ODLA",
        "Value '{0}' has type {1}, which ODLA code cannot represent; cast it to a supported tensor type",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4104: an operator with a lowering, but not for the attribute values or operand forms this node uses.</summary>
    public static readonly DiagnosticDescriptor UnsupportedForm = new("HALO4104", "Operator form has no ODLA lowering",
        "Operator '{0}' of node '{1}' cannot be lowered to ODLA: {2}",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4105: an entry function name that is not a C identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidEntryName = new("HALO4105", "Invalid entry function name",
        "Entry function name '{0}' is not a C identifier (letters, digits and '_', not starting with a digit, not a keyword)",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);
}
