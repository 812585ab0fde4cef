namespace Halo.Core.IR.Attributes;

/// <summary>The kind of an attribute value; the numbers are those of ONNX's <c>AttributeProto.AttributeType</c>.</summary>
public enum AttributeKind
{
    /// <summary>No value.</summary>
    Undefined = 0,
    /// <summary>A 32-bit float.</summary>
    Float = 1,
    /// <summary>A 64-bit integer.</summary>
    Int = 2,
    /// <summary>A string.</summary>
    String = 3,
    /// <summary>A constant tensor.</summary>
    Tensor = 4,
    /// <summary>A subgraph.</summary>
    Graph = 5,
    /// <summary>A list of floats.</summary>
    Floats = 6,
    /// <summary>A list of integers.</summary>
    Ints = 7,
    /// <summary>A list of strings.</summary>
    Strings = 8,
    /// <summary>A list of tensors.</summary>
    Tensors = 9,
    /// <summary>A list of subgraphs.</summary>
    Graphs = 10,
    /// <summary>A sparse constant tensor.</summary>
    SparseTensor = 11,
    /// <summary>A list of sparse constant tensors.</summary>
    SparseTensors = 12,
    /// <summary>A type.</summary>
    Type = 13,
    /// <summary>A list of types.</summary>
    Types = 14,
}
