using System.Runtime.InteropServices;
using Google.Protobuf;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Builds TensorFlow GraphDefs in code for tests.</summary>
internal static class TfGraphs
{
    public const DataType Float = DataType.DtFloat;
    public const DataType Int32Type = DataType.DtInt32;

    public static GraphDef Graph(params NodeDef[] nodes)
    {
        var graph = new GraphDef();
        graph.Node.AddRange(nodes);
        return graph;
    }

    public static NodeDef Node(string op, string name, string[] inputs, params (string Name, AttrValue Value)[] attributes)
    {
        var node = new NodeDef { Op = op, Name = name };
        node.Input.AddRange(inputs);
        foreach (var (key, value) in attributes)
        {
            node.Attr[key] = value;
        }
        return node;
    }

    /// <summary>A Placeholder; -1 sizes are unknown.</summary>
    public static NodeDef Placeholder(string name, DataType type, params long[] dims) =>
        Node("Placeholder", name, [], ("dtype", Type(type)), ("shape", Shape(dims)));

    /// <summary>A float Const with its data in tensor_content.</summary>
    public static NodeDef Const(string name, float[] values, params long[] dims) =>
        Const(name, new TensorProto { Dtype = Float, TensorShape = ShapeProto(dims), TensorContent = Content<float>(values) });

    /// <summary>An int32 Const with its data in int_val.</summary>
    public static NodeDef ConstInts(string name, int[] values, params long[] dims)
    {
        var tensor = new TensorProto { Dtype = Int32Type, TensorShape = ShapeProto(dims) };
        tensor.IntVal.AddRange(values);
        return Const(name, tensor);
    }

    public static NodeDef Const(string name, TensorProto tensor) =>
        Node("Const", name, [], ("dtype", Type(tensor.Dtype)), ("value", new AttrValue { Tensor = tensor }));

    public static ByteString Content<T>(T[] values)
        where T : unmanaged => ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));

    public static TensorShapeProto ShapeProto(params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dim { Size = d }));
        return shape;
    }

    public static AttrValue Type(DataType type) => new() { Type = type };

    public static AttrValue Shape(params long[] dims) => new() { Shape = ShapeProto(dims) };

    public static AttrValue Int(long value) => new() { I = value };

    public static AttrValue Float32(float value) => new() { F = value };

    public static AttrValue Bool(bool value) => new() { B = value };

    public static AttrValue Str(string value) => new() { S = ByteString.CopyFromUtf8(value) };

    public static AttrValue Ints(params long[] values)
    {
        var list = new AttrValue.Types.ListValue();
        list.I.AddRange(values);
        return new AttrValue { List = list };
    }
}
