using Halo.Core.Diagnostics;

namespace Halo.Frontends.TensorFlow;

/// <summary>Diagnostics of the TensorFlow GraphDef frontend (HALO1101-HALO1149). A file that does not parse is
/// HALO1001 and a missing file HALO1008, as for every frontend. Ids are stable and never reused.</summary>
internal static class TensorFlowDiagnostics
{
    /// <summary>HALO1101: an operator the frontend has no converter for (every one is reported at once).</summary>
    public static readonly DiagnosticDescriptor UnsupportedOperator = new("HALO1101", "Unsupported TensorFlow operator",
        "Operator '{0}' is not supported by the TensorFlow frontend; see docs/frontends/tensorflow.md for the supported operators",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1102: an input that names no node, or an output index the producer does not have.</summary>
    public static readonly DiagnosticDescriptor MissingInput = new("HALO1102", "Missing input",
        "Input '{0}' of {1}: {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1103: the data edges form a cycle.</summary>
    public static readonly DiagnosticDescriptor Cycle = new("HALO1103", "Cycle in the graph",
        "{0} is on or after a cycle of data edges ({1}); the frontend imports acyclic (frozen, loop-free) graphs only",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1104: two nodes of the same name, or a node without a name.</summary>
    public static readonly DiagnosticDescriptor InvalidNodeName = new("HALO1104", "Invalid node name",
        "Node #{0} ({1}) has an invalid name '{2}': {3}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1105: a data type the frontend cannot represent (quantized, resource, variant, invalid).</summary>
    public static readonly DiagnosticDescriptor UnsupportedDataType = new("HALO1105", "Unsupported data type",
        "{0} uses data type {1} ({2}), which the TensorFlow frontend does not support",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1106: a tensor whose data does not match its type and shape.</summary>
    public static readonly DiagnosticDescriptor InvalidTensor = new("HALO1106", "Invalid tensor",
        "The tensor of {0} is invalid: {1}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1107: a shape with negative (other than -1) or overflowing sizes.</summary>
    public static readonly DiagnosticDescriptor InvalidShape = new("HALO1107", "Invalid shape",
        "{0} has an invalid shape {1}: {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1108: an attribute missing, of the wrong kind, or with a value the frontend does not support.</summary>
    public static readonly DiagnosticDescriptor InvalidAttribute = new("HALO1108", "Invalid attribute",
        "Attribute '{0}' of {1}: {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1109: an operand that the conversion needs as a constant (axes, permutations, paddings).</summary>
    public static readonly DiagnosticDescriptor OperandNotConstant = new("HALO1109", "Operand must be constant",
        "Input {0} ({1}) of {2} must be a constant in the graph (a Const node); freeze the graph or fold it first",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1110: a node with the wrong number of data inputs.</summary>
    public static readonly DiagnosticDescriptor WrongInputCount = new("HALO1110", "Wrong number of inputs",
        "{0} has {1} data inputs, but the operator takes {2}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1111: an operand whose rank or element type the conversion cannot handle.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOperand = new("HALO1111", "Unsupported operand",
        "Input {0} of {1} is {2}: {3}",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1112: a requested graph output that names no node output.</summary>
    public static readonly DiagnosticDescriptor UnknownOutput = new("HALO1112", "Unknown output",
        "The requested output '{0}' is not an output of any node of the graph",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);

    /// <summary>HALO1113: a graph from which no output can be derived.</summary>
    public static readonly DiagnosticDescriptor NoOutputs = new("HALO1113", "No outputs",
        "The graph has no outputs: no node other than Const, NoOp and Placeholder is left unconsumed; name the outputs explicitly",
        DiagnosticCategory.Frontend, DiagnosticSeverity.Error);
}
