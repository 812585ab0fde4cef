using Google.Protobuf;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Tests.Models;

/// <summary>
/// Writes ONNX models the way exporters lay them out: float32 inputs, seeded random initializers, nodes named by
/// their outputs. Used to build architecture-shaped models whose outputs ONNX Runtime computes for comparison.
/// </summary>
internal sealed class OnnxModelBuilder(string name, long opset, int seed)
{
    private const int FloatType = 1;
    private const int Int64Type = 7;

    private readonly GraphProto _graph = new() { Name = name };
    private readonly Random _random = new(seed);
    private int _next;

    /// <summary>A graph input; a string dim is symbolic.</summary>
    public string Input(string inputName, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(inputName, FloatType, dims));
        return inputName;
    }

    /// <summary>An int64 graph input (token ids, positions); a string dim is symbolic.</summary>
    public string IndexInput(string inputName, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(inputName, Int64Type, dims));
        return inputName;
    }

    public void Output(string value, params object[] dims) => _graph.Output.Add(ValueInfo(value, FloatType, dims));

    /// <summary>An int64 graph output (indices, ArgMax).</summary>
    public void OutputInt64(string value, params object[] dims) => _graph.Output.Add(ValueInfo(value, Int64Type, dims));

    /// <summary>A float initializer with values uniform in [-scale, scale).</summary>
    public string Weight(float scale, params long[] dims) => Positive(-scale, scale, dims);

    /// <summary>A float initializer with values uniform in [low, high).</summary>
    public string Positive(float low, float high, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = (float)(low + _random.NextDouble() * (high - low));
        }
        return Floats(values, dims);
    }

    public string Floats(float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = "w" + _next++, DataType = FloatType };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        _graph.Initializer.Add(t);
        return t.Name;
    }

    public string Int64s(params long[] values) => Int64Initializer(values, [values.Length]);

    /// <summary>An int64 scalar initializer (exporters gather shape elements with scalar indices).</summary>
    public string Scalar(long value) => Int64Initializer([value], []);

    private string Int64Initializer(long[] values, long[] dims)
    {
        var t = new TensorProto { Name = "c" + _next++, DataType = Int64Type };
        t.Dims.AddRange(dims);
        t.Int64Data.AddRange(values);
        _graph.Initializer.Add(t);
        return t.Name;
    }

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Op(string opType, string[] inputs, params AttributeProto[] attributes) =>
        OpN(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputs"/> outputs (an empty name skips an optional one).</summary>
    public string[] OpN(string opType, string[] inputs, int outputs, params AttributeProto[] attributes)
    {
        string id = opType.ToLowerInvariant() + "_" + _next++;
        var node = new NodeProto { OpType = opType, Name = id };
        node.Input.AddRange(inputs);
        var names = Enumerable.Range(0, outputs).Select(i => outputs == 1 ? id : id + "_" + i).ToArray();
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return names;
    }

    public byte[] ToBytes()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "halo-tests", ProducerVersion = "1.0", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model.ToByteArray();
    }

    public static AttributeProto Int(string attribute, long value) =>
        new() { Name = attribute, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string attribute, float value) =>
        new() { Name = attribute, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Str(string attribute, string value) =>
        new() { Name = attribute, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A tensor attribute holding the int64 value 1 (ConstantOfShape's value).</summary>
    public static AttributeProto OneInt64(string attribute)
    {
        var t = new TensorProto { DataType = Int64Type };
        t.Dims.Add(1);
        t.Int64Data.Add(1);
        return new AttributeProto { Name = attribute, Type = AttributeProto.Types.AttributeType.Tensor, T = t };
    }

    public static AttributeProto Ints(string attribute, params long[] values)
    {
        var a = new AttributeProto { Name = attribute, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    private static ValueInfoProto ValueInfo(string valueName, int elementType, object[] dims)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = elementType, Shape = new TensorShapeProto() };
        foreach (object d in dims)
        {
            tensor.Shape.Dim.Add(d is string s
                ? new TensorShapeProto.Types.Dimension { DimParam = s }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }
        return new ValueInfoProto { Name = valueName, Type = new TypeProto { TensorType = tensor } };
    }
}
