using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.OnnxWire;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>One single-node case of the ONNX conformance corpus: the node, its operand types (integer operands
/// that have test data become constants), and the reference output shapes.</summary>
internal sealed class OnnxNodeCase
{
    public required string Name { get; init; }

    public required string Domain { get; init; }

    public required string Op { get; init; }

    public required Dictionary<string, long> Opsets { get; init; }

    public required AttributeMap Attributes { get; init; }

    /// <summary>Per node input: null when omitted, else a type or a constant.</summary>
    public required List<object?> Inputs { get; init; }

    /// <summary>Per node output: declared element type and reference dims (null when not a tensor).</summary>
    public required List<(ElementType Type, long[]? Dims)> Outputs { get; init; }

    /// <summary>Loads the case in <paramref name="dir"/> when it has one node whose "domain:op" key (just "op" in
    /// the default domain) <paramref name="accept"/> accepts; else null.</summary>
    public static OnnxNodeCase? Load(string dir, Func<string, bool> accept)
    {
        var model = Fields(File.ReadAllBytes(Path.Combine(dir, "model.onnx")));
        var opsets = new Dictionary<string, long>();
        foreach (var f in model.Where(f => f.Number == 8))
        {
            var set = Fields(f.Bytes);
            string domain = set.FirstOrDefault(x => x.Number == 1).Bytes is { Length: > 0 } d ? System.Text.Encoding.UTF8.GetString(d.Span) : "";
            opsets[domain == "ai.onnx" ? "" : domain] = set.FirstOrDefault(x => x.Number == 2).Int64;
        }
        var graph = Fields(model.First(f => f.Number == 7).Bytes);
        var nodes = graph.Where(f => f.Number == 1).ToList();
        if (nodes.Count != 1)
        {
            return null;
        }
        var node = Fields(nodes[0].Bytes);
        string nodeDomain = node.FirstOrDefault(f => f.Number == 7).Bytes is { Length: > 0 } nd ? System.Text.Encoding.UTF8.GetString(nd.Span) : "";
        nodeDomain = nodeDomain == "ai.onnx" ? "" : nodeDomain;
        string op = node.First(f => f.Number == 4).Text;
        if (!accept(nodeDomain.Length == 0 ? op : nodeDomain + ":" + op))
        {
            return null;
        }
        var graphInputs = graph.Where(f => f.Number == 11).Select(f => ValueInfo(f.Bytes)).ToList();
        var graphOutputs = graph.Where(f => f.Number == 12).Select(f => ValueInfo(f.Bytes)).ToList();
        var inputs = node.Where(f => f.Number == 1).Select(f => Operand(dir, graphInputs, f.Text)).ToList();
        var outputs = node.Where(f => f.Number == 2).Select(f => Reference(dir, graphOutputs, f.Text)).ToList();
        return new OnnxNodeCase
        {
            Name = Path.GetFileName(dir),
            Domain = nodeDomain,
            Op = op,
            Opsets = opsets,
            Attributes = AttributeMap.Create(node.Where(f => f.Number == 5).Select(f => Attribute(f.Bytes))),
            Inputs = inputs,
            Outputs = outputs,
        };
    }

    /// <summary>An integer graph input with test data becomes its constant; others keep their declared type.</summary>
    private static object? Operand(string dir, List<(string Name, IrType Type)> graphInputs, string name)
    {
        int k = graphInputs.FindIndex(g => g.Name == name);
        if (name.Length == 0 || k < 0)
        {
            return null;
        }
        string data = Path.Combine(dir, "test_data_set_0", $"input_{k}.pb");
        bool integer = graphInputs[k].Type is TensorType { ElementType: ElementType.Int64 or ElementType.Int32 };
        return integer && File.Exists(data) ? Tensor(File.ReadAllBytes(data)) : graphInputs[k].Type;
    }

    private static (ElementType, long[]?) Reference(string dir, List<(string Name, IrType Type)> graphOutputs, string name)
    {
        int k = graphOutputs.FindIndex(g => g.Name == name);
        string data = Path.Combine(dir, "test_data_set_0", $"output_{k}.pb");
        return k >= 0 && graphOutputs[k].Type is TensorType t && File.Exists(data)
            ? (t.ElementType, Tensor(File.ReadAllBytes(data)).Dimensions.ToArray()) : (ElementType.Undefined, null);
    }

    private static (string Name, IrType Type) ValueInfo(ReadOnlyMemory<byte> bytes)
    {
        var fields = Fields(bytes);
        var type = fields.FirstOrDefault(f => f.Number == 2);
        return (fields.First(f => f.Number == 1).Text, type.Number == 2 ? Type(type.Bytes) : IrType.Unknown);
    }

    private static IrType Type(ReadOnlyMemory<byte> bytes)
    {
        foreach (var f in Fields(bytes))
        {
            var inner = Fields(f.Bytes);
            switch (f.Number)
            {
                case 1:
                    var shape = inner.FirstOrDefault(x => x.Number == 2);
                    var dims = shape.Number == 2 ? Fields(shape.Bytes).Where(x => x.Number == 1).Select(x => Dim(x.Bytes)) : null;
                    return new TensorType((ElementType)inner.First(x => x.Number == 1).Value,
                        dims is null ? Shape.Unranked : Shape.Of(dims.ToImmutableArray()));
                case 4:
                    return new SequenceType(Type(inner.First(x => x.Number == 1).Bytes));
                case 5:
                    return new MapType((ElementType)inner.First(x => x.Number == 1).Value, Type(inner.First(x => x.Number == 2).Bytes));
                case 9:
                    return new OptionalType(Type(inner.First(x => x.Number == 1).Bytes));
            }
        }
        return IrType.Unknown;
    }

    private static Dimension Dim(ReadOnlyMemory<byte> bytes)
    {
        foreach (var f in Fields(bytes))
        {
            if (f.Number == 1)
            {
                return Dimension.Of(f.Int64);
            }
            if (f.Number == 2)
            {
                return Dimension.Symbolic(f.Text);
            }
        }
        return Dimension.Unknown;
    }

    /// <summary>Integer tensors keep their values; others only their type and shape (zero-filled), which is all
    /// shape inference looks at.</summary>
    private static TensorData Tensor(ReadOnlyMemory<byte> bytes)
    {
        var fields = Fields(bytes);
        var dims = fields.Where(f => f.Number == 1).SelectMany(Ints).ToImmutableArray();
        var type = (ElementType)fields.FirstOrDefault(f => f.Number == 2).Value;
        long count = dims.Aggregate(1L, (a, b) => a * b);
        if (type == ElementType.String)
        {
            return TensorData.FromStrings([.. Enumerable.Repeat(string.Empty, (int)count)], dims);
        }
        var raw = fields.FirstOrDefault(f => f.Number == 9);
        if (type is ElementType.Int64 or ElementType.Int32)
        {
            long[] values = raw.Number == 9
                ? (type == ElementType.Int64 ? [.. System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(raw.Bytes.Span)]
                    : [.. System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(raw.Bytes.Span).ToArray().Select(v => (long)v)])
                : [.. fields.Where(f => f.Number is 5 or 7).SelectMany(Ints)];
            return type == ElementType.Int64 ? TensorData.Create<long>(type, values, [.. dims])
                : TensorData.Create<int>(type, [.. values.Select(v => (int)v)], [.. dims]);
        }
        return TensorData.FromBytes(type, dims, new byte[type.ByteCount(count)]);
    }

    private static KeyValuePair<string, AttributeValue> Attribute(ReadOnlyMemory<byte> bytes)
    {
        var fields = Fields(bytes);
        string name = fields.First(f => f.Number == 1).Text;
        var kind = (AttributeKind)fields.First(f => f.Number == 20).Value;
        var value = kind switch
        {
            AttributeKind.Float => AttributeValue.FromFloat(fields.FirstOrDefault(f => f.Number == 2).Float),
            AttributeKind.Int => AttributeValue.FromInt(fields.FirstOrDefault(f => f.Number == 3).Int64),
            AttributeKind.String => AttributeValue.FromString(fields.FirstOrDefault(f => f.Number == 4).Text ?? ""),
            AttributeKind.Tensor => AttributeValue.FromTensor(Tensor(fields.First(f => f.Number == 5).Bytes)),
            AttributeKind.Floats => AttributeValue.FromFloats([.. fields.Where(f => f.Number == 7).SelectMany(Floats)]),
            AttributeKind.Ints => AttributeValue.FromInts([.. fields.Where(f => f.Number == 8).SelectMany(Ints)]),
            AttributeKind.Strings => AttributeValue.FromStrings([.. fields.Where(f => f.Number == 9).Select(f => f.Text)]),
            _ => throw new InvalidDataException($"attribute {name} of kind {kind} is not supported by this reader"),
        };
        return KeyValuePair.Create(name, value);
    }
}
