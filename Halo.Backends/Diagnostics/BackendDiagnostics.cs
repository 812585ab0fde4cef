using Halo.Core.Diagnostics;

namespace Halo.Backends.Diagnostics;

/// <summary>Diagnostics reported by backends (HALO4xxx). Ids are stable and never reused.</summary>
public static class BackendDiagnostics
{
    /// <summary>HALO4001: an operator (or operator version) the interpreter has no kernel for.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOperator = new("HALO4001", "Operator not supported by the interpreter",
        "Operator '{0}' (domain '{1}', version {2}) of node '{3}' is not supported by the interpreter; remove it or use another backend",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4002: a kernel exists but not for the element type of the node's operands.</summary>
    public static readonly DiagnosticDescriptor UnsupportedElementType = new("HALO4002", "Element type not supported by the interpreter",
        "Operator '{0}' of node '{1}' does not support element type {2} in the interpreter; cast the operands to a supported type",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4003: a kernel exists but not for an attribute value or operand form the node uses.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFeature = new("HALO4003", "Operator form not supported by the interpreter",
        "Operator '{0}' of node '{1}' cannot run in the interpreter: {2}",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4004: a graph input or output of a kind the interpreter cannot hold (map, sparse tensor, sequence
    /// of non-tensors), or a capture.</summary>
    public static readonly DiagnosticDescriptor UnsupportedValue = new("HALO4004", "Value kind not supported by the interpreter",
        "Value '{0}' of type {1} cannot be passed through the interpreter: {2}",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);

    /// <summary>HALO4005: a node takes or produces a value of a kind the interpreter cannot hold (a map, a sparse
    /// tensor, a sequence of maps).</summary>
    public static readonly DiagnosticDescriptor UnsupportedValueType = new("HALO4005", "Value type not supported by the interpreter",
        "Operator '{0}' of node '{1}' takes or produces a value of type {2}, which the interpreter cannot hold ({3}); use another backend",
        DiagnosticCategory.Backend, DiagnosticSeverity.Error);
}
