using Google.Protobuf;
using Halo.Core.Operators;
using Halo.Core.Operators.Onnx;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Tests.Frontends.Onnx;

/// <summary>Builds ONNX messages for tests with the generated protobuf classes, and a small registry.</summary>
internal static class OnnxTestModels
{
    public const int Float = 1;
    public const int Int64Type = 7;

    /// <summary>A registry with only Add, Relu, Identity and If (default domain), independent of
    /// <see cref="OperatorRegistry.Default"/> so that tests of unknown operators and versions stay stable.</summary>
    public static OperatorRegistry Registry { get; } = CreateRegistry();

    private static OperatorRegistry CreateRegistry()
    {
        var b = new OperatorSetBuilder();
        b.Define("Add", 7, 13, 14).Input("A", "T").Input("B", "T").Output("C", "T")
            .Constraint("T", TypeSets.Numeric).Infer(ShapeHelpers.Elementwise);
        b.Define("Relu", 6, 13, 14).Input("X", "T").Output("Y", "T")
            .Constraint("T", TypeSets.Float).Infer(ShapeHelpers.SameAsInput(0));
        b.Define("Identity", 1, 13, 14, 16, 19, 21).Input("input", "V").Output("output", "V")
            .Constraint("V", TypeSets.AllIr10).Infer(ShapeHelpers.SameAsInput(0));
        b.Define("If", 1, 11, 13, 16, 19, 21).Input("cond", "B").VariadicOutput("outputs", "V", 1, homogeneous: false)
            .RequiredAttr("then_branch", Halo.Core.IR.Attributes.AttributeKind.Graph)
            .RequiredAttr("else_branch", Halo.Core.IR.Attributes.AttributeKind.Graph)
            .Constraint("B", "tensor(bool)").Constraint("V", TypeSets.AllIr10);
        return b.Build();
    }

    public static ModelProto Model(GraphProto graph, long opset = 14, params FunctionProto[] functions)
    {
        var model = new ModelProto { IrVersion = 9, ProducerName = "halo-tests", ProducerVersion = "1.0", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        model.Functions.AddRange(functions);
        return model;
    }

    public static GraphProto Graph(string name, IEnumerable<ValueInfoProto> inputs, IEnumerable<ValueInfoProto> outputs,
        params NodeProto[] nodes)
    {
        var g = new GraphProto { Name = name };
        g.Input.AddRange(inputs);
        g.Output.AddRange(outputs);
        g.Node.AddRange(nodes);
        return g;
    }

    public static NodeProto Node(string opType, string[] inputs, string[] outputs, string? name = null, string? domain = null,
        params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = opType };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        if (name is not null)
        {
            n.Name = name;
        }
        if (domain is not null)
        {
            n.Domain = domain;
        }
        n.Attribute.AddRange(attributes);
        return n;
    }

    /// <summary>A tensor value_info; a dim of -1 leaves it unknown, a string makes it symbolic.</summary>
    public static ValueInfoProto Tensor(string name, int elemType, params object[] dims)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = elemType, Shape = new TensorShapeProto() };
        foreach (object d in dims)
        {
            tensor.Shape.Dim.Add(d switch
            {
                string s => new TensorShapeProto.Types.Dimension { DimParam = s },
                -1 => new TensorShapeProto.Types.Dimension(),
                _ => new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    /// <summary>A value_info without a type.</summary>
    public static ValueInfoProto Untyped(string name) => new() { Name = name };

    public static TensorProto FloatTensor(string name, float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    public static AttributeProto GraphAttribute(string name, GraphProto graph) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Graph, G = graph };

    public static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>The simplest valid model: y = Relu(x), x: f32[2, N].</summary>
    public static ModelProto ReluModel() => Model(Graph("relu",
        [Tensor("x", Float, 2, "N")], [Tensor("y", Float, 2, "N")],
        Node("Relu", ["x"], ["y"], "relu1")));

    public static byte[] Bytes(IMessage message) => message.ToByteArray();
}
