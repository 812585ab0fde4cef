using Halo.Core.Diagnostics;

namespace Halo.Frontends.Diagnostics;

/// <summary>Diagnostics reported while loading models (HALO1xxx). Ids are stable and never reused.</summary>
public static class FrontendDiagnostics
{
    /// <summary>HALO1001: the file is not a well-formed model (truncated, corrupt, or not of this format).</summary>
    public static readonly DiagnosticDescriptor MalformedModel = new("HALO1001", "Malformed model file",
        "'{0}' is not a valid {1} file: {2}; check that the file is complete and of the right format",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1002: an operator the frontend cannot import.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOperator = new("HALO1002", "Unsupported operator",
        "Operator '{0}' (domain '{1}', opset {2}) is not supported by the {3} frontend",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1003: external tensor data outside the model's folder, missing, or out of range.</summary>
    public static readonly DiagnosticDescriptor ExternalDataInvalid = new("HALO1003", "Invalid external data",
        "External data of tensor '{0}': {1}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1004: a tensor whose data does not match its type and shape, or of an unknown data type.</summary>
    public static readonly DiagnosticDescriptor InvalidTensor = new("HALO1004", "Invalid tensor",
        "Tensor '{0}' is invalid: {1}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1005: a value used but never defined.</summary>
    public static readonly DiagnosticDescriptor UndefinedValue = new("HALO1005", "Undefined value",
        "Value '{0}' is used by {1} but no input, initializer or node defines it",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1006: a value defined more than once.</summary>
    public static readonly DiagnosticDescriptor DuplicateValue = new("HALO1006", "Duplicate value",
        "Value '{0}' is defined more than once (again by {1}); value names must be unique in a graph",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1007: a negative or oversized dimension in a declared shape or tensor.</summary>
    public static readonly DiagnosticDescriptor InvalidDimension = new("HALO1007", "Invalid dimension",
        "'{0}' has invalid dimension {1} at axis {2}: {3}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1008: the model file does not exist or cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new("HALO1008", "Cannot read file",
        "Cannot read '{0}': {1}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1009: a declared type that is malformed or uses an unknown data type.</summary>
    public static readonly DiagnosticDescriptor InvalidType = new("HALO1009", "Invalid type",
        "The type of '{0}' is invalid: {1}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1010: an attribute of unknown kind, without a value, or referring to a missing function attribute.</summary>
    public static readonly DiagnosticDescriptor InvalidAttribute = new("HALO1010", "Invalid attribute",
        "Attribute '{0}' of {1}: {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1011: a model-local function that cannot be inlined (recursive, too deep, wrong arity).</summary>
    public static readonly DiagnosticDescriptor InvalidFunction = new("HALO1011", "Invalid function",
        "Function '{0}' called by {1} cannot be inlined: {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1012: a node of a domain the model does not import.</summary>
    public static readonly DiagnosticDescriptor DomainNotImported = new("HALO1012", "Domain not imported",
        "{0} uses domain '{1}', which the model's opset_import does not list; add the domain with its opset version",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);
}
