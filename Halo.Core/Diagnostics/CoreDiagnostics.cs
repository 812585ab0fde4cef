namespace Halo.Core.Diagnostics;

/// <summary>Diagnostics reported by Halo.Core: verification and shape inference (HALO2xxx), internal errors (HALO9xxx).</summary>
public static class CoreDiagnostics
{
    /// <summary>HALO2001: an operator that no registry knows.</summary>
    public static readonly DiagnosticDescriptor UnknownOperator = new("HALO2001", "Unknown operator",
        "Operator '{0}' (domain '{1}', opset {2}) is not known to the operator registry; register its schema or remove the node",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2002: wrong number of operands or results.</summary>
    public static readonly DiagnosticDescriptor ArityMismatch = new("HALO2002", "Wrong number of operands",
        "{0} takes {1} {2}, but the node has {3}",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2003: an operand type outside the operator's type constraint.</summary>
    public static readonly DiagnosticDescriptor TypeConstraintViolated = new("HALO2003", "Type not allowed",
        "{0} {1} '{2}' has type {3}, which constraint {4} does not allow (allowed: {5})",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2004: attribute missing, unknown or of the wrong kind.</summary>
    public static readonly DiagnosticDescriptor AttributeInvalid = new("HALO2004", "Invalid attribute",
        "{0}: {1}",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2005: shape inference found inconsistent shapes or values.</summary>
    public static readonly DiagnosticDescriptor ShapeInferenceFailed = new("HALO2005", "Shape inference failed",
        "{0}: {1}",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2006: the graph has a cycle.</summary>
    public static readonly DiagnosticDescriptor Cycle = new("HALO2006", "Graph has a cycle",
        "The graph has a cycle through value '{0}'; ONNX graphs must be acyclic",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2007: a declared type disagrees with the inferred one.</summary>
    public static readonly DiagnosticDescriptor TypeMismatch = new("HALO2007", "Type mismatch",
        "Value '{0}' is declared as {1} but its producer yields {2}",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2008: a subgraph uses an outer value that no enclosing graph defines.</summary>
    public static readonly DiagnosticDescriptor UnresolvedCapture = new("HALO2008", "Unresolved outer value",
        "Subgraph uses '{0}', which no enclosing graph defines",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2009: a malformed IR text.</summary>
    public static readonly DiagnosticDescriptor TextSyntaxError = new("HALO2009", "IR text syntax error",
        "Line {0}, column {1}: {2}",
        DiagnosticCategory.Verification, DiagnosticSeverity.Error);

    /// <summary>HALO2010: shape inference failed inside a subgraph (If branch, Loop or Scan body). The body
    /// may never run with these shapes (an untaken branch), so this is a warning; running it fails.</summary>
    public static readonly DiagnosticDescriptor SubgraphShapeInferenceFailed = new("HALO2010", "Shape inference failed in a subgraph",
        "{0}: {1}; the subgraph cannot run with these shapes",
        DiagnosticCategory.Verification, DiagnosticSeverity.Warning);

    /// <summary>HALO9001: an unexpected exception inside the platform.</summary>
    public static readonly DiagnosticDescriptor InternalError = new("HALO9001", "Internal error",
        "Internal error in {0}: {1}; please report it with the model",
        DiagnosticCategory.Internal, DiagnosticSeverity.Error);
}
