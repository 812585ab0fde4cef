using Halo.Core.IR;
using Halo.Frontends.TensorFlow.Protos;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Frontends.TensorFlow.TfGraphs;

namespace Halo.Tests.Frontends.TensorFlow;

/// <summary>Element-wise, activation, MatMul and Softmax converters on small GraphDefs, run with the reference
/// semantics and compared with values computed here.</summary>
[TestFixture]
public sealed class TensorFlowMathOperatorTests
{
    private static readonly float[] s_values = [-2f, -0.5f, 0.25f, 1.5f];

    private static readonly Dictionary<string, Func<double, double>> s_unary = new()
    {
        ["Relu"] = v => Math.Max(v, 0), ["Sigmoid"] = v => 1 / (1 + Math.Exp(-v)), ["Tanh"] = Math.Tanh,
        ["Neg"] = v => -v, ["Abs"] = Math.Abs, ["Exp"] = Math.Exp, ["Floor"] = Math.Floor, ["Ceil"] = Math.Ceiling,
        ["Square"] = v => v * v, ["Elu"] = v => v > 0 ? v : Math.Exp(v) - 1, ["Softplus"] = v => Math.Log(1 + Math.Exp(v)),
        ["Sin"] = Math.Sin, ["Relu6"] = v => Math.Clamp(v, 0, 6),
    };

    private static IEnumerable<string> UnaryOps => s_unary.Keys;

    private static GraphDef Unary(string op, params (string, AttrValue)[] attributes) =>
        Graph(Placeholder("x", Float, 4), Node(op, "y", ["x"], [("T", Type(Float)), .. attributes]));

    private static GraphDef Binary(string op, long[] bShape, float[] b) =>
        Graph(Placeholder("x", Float, 2, 2), Const("b", b, bShape), Node(op, "y", ["x", "b"], ("T", Type(Float))));

    private static float[] Run(GraphDef graph, float[] x, params long[] dims) =>
        TfImport.RunFloats(graph, TensorData.FromFloats(x, dims))[0];

    [TestCaseSource(nameof(UnaryOps))]
    public void Convert_UnaryOp_MatchesDefinition(string op)
    {
        float[] y = Run(Unary(op), s_values, 4);

        Assert.That(y, Is.EqualTo(s_values.Select(v => (float)s_unary[op](v))).Within(1e-5f));
    }

    [Test]
    public void Convert_Relu6AboveSix_ClipsToSix() =>
        Assert.That(Run(Unary("Relu6"), [-1f, 3f, 7f, 6.5f], 4), Is.EqualTo(new[] { 0f, 3f, 6f, 6f }));

    [Test]
    public void Convert_LeakyReluWithAlpha_ScalesNegatives() =>
        Assert.That(Run(Unary("LeakyRelu", ("alpha", Float32(0.1f))), s_values, 4),
            Is.EqualTo(new[] { -0.2f, -0.05f, 0.25f, 1.5f }).Within(1e-6f));

    [Test]
    public void Convert_Rsqrt_IsReciprocalSquareRoot() =>
        Assert.That(Run(Unary("Rsqrt"), [1f, 4f, 16f, 0.25f], 4), Is.EqualTo(new[] { 1f, 0.5f, 0.25f, 2f }).Within(1e-6f));

    [TestCase("Add", new[] { 11f, 22f, 13f, 24f })]
    [TestCase("AddV2", new[] { 11f, 22f, 13f, 24f })]
    [TestCase("Sub", new[] { -9f, -18f, -7f, -16f })]
    [TestCase("Mul", new[] { 10f, 40f, 30f, 80f })]
    [TestCase("RealDiv", new[] { 0.1f, 0.1f, 0.3f, 0.2f })]
    [TestCase("Maximum", new[] { 10f, 20f, 10f, 20f })]
    [TestCase("Minimum", new[] { 1f, 2f, 3f, 4f })]
    [TestCase("SquaredDifference", new[] { 81f, 324f, 49f, 256f })]
    public void Convert_BinaryOpWithBroadcastRow_MatchesDefinition(string op, float[] expected)
    {
        float[] y = Run(Binary(op, [2], [10f, 20f]), [1f, 2f, 3f, 4f], 2, 2);

        Assert.That(y, Is.EqualTo(expected).Within(1e-5f));
    }

    [Test]
    public void Convert_Greater_GivesBoolTensor()
    {
        var graph = Graph(Placeholder("x", Float, 3), Const("c", [1f], 1), Node("Greater", "y", ["x", "c"]));

        var y = TfImport.RunOne(graph, TensorData.FromFloats([0f, 1f, 2f], 3));

        Assert.That(y.ElementType, Is.EqualTo(ElementType.Bool));
        Assert.That(y.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 0, 0, 1 }));
    }

    [Test]
    public void Convert_AddN_SumsEveryInput()
    {
        var graph = Graph(Placeholder("x", Float, 2), Const("a", [1f, 2f], 2), Const("b", [10f, 20f], 2),
            Node("AddN", "y", ["x", "a", "b"], ("N", Int(3))));

        Assert.That(Run(graph, [100f, 200f], 2), Is.EqualTo(new[] { 111f, 222f }));
    }

    [Test]
    public void Convert_MatMulTransposeB_MultipliesByTransposedWeights()
    {
        // x [1,2] times w^T where w is [3,2]: y_j = sum_k x_k w[j,k].
        var graph = Graph(Placeholder("x", Float, -1, 2), Const("w", [1f, 2f, 3f, 4f, 5f, 6f], 3, 2),
            Node("MatMul", "y", ["x", "w"], ("transpose_a", Bool(false)), ("transpose_b", Bool(true))));

        Assert.That(Run(graph, [1f, 10f], 1, 2), Is.EqualTo(new[] { 21f, 43f, 65f }));
    }

    [Test]
    public void Convert_BatchMatMulV2AdjX_TransposesLastTwoAxesOfX()
    {
        // x [1,2,2] = [[1,2],[3,4]]; adj_x: x^T = [[1,3],[2,4]]; times identity*2.
        var graph = Graph(Placeholder("x", Float, 1, 2, 2), Const("w", [2f, 0f, 0f, 2f], 2, 2),
            Node("BatchMatMulV2", "y", ["x", "w"], ("adj_x", Bool(true))));

        Assert.That(Run(graph, [1f, 2f, 3f, 4f], 1, 2, 2), Is.EqualTo(new[] { 2f, 6f, 4f, 8f }));
    }

    [Test]
    public void Convert_Softmax_NormalizesOverLastAxis()
    {
        var graph = Graph(Placeholder("x", Float, 2, 2), Node("Softmax", "y", ["x"]));
        double e = Math.Exp(1);

        float[] y = Run(graph, [0f, 1f, 5f, 5f], 2, 2);

        Assert.That(y, Is.EqualTo(new[] { (float)(1 / (1 + e)), (float)(e / (1 + e)), 0.5f, 0.5f }).Within(1e-6f));
    }

    [Test]
    public void Import_MnistLikeGraph_NamesValuesAndNodesAfterTensorFlowNodes()
    {
        var graph = Graph(Placeholder("x", Float, -1, 2), Const("w", [1f, 2f, 3f, 4f], 2, 2), Const("b", [1f, 1f], 2),
            Node("MatMul", "mm", ["x", "w"]), Node("BiasAdd", "bias", ["mm", "b"]), Node("Softmax", "prob", ["bias"]));

        var model = TfImport.Model(graph);

        var g = model.Graph;
        Assert.That(g.NameOf(g.Outputs[0]), Is.EqualTo("prob"));
        Assert.That(g.NodeNameOf(g.Outputs[0].Producer!), Is.EqualTo("prob"));
        Assert.That(g.LocationOf(g.Outputs[0].Producer!).Operator, Is.EqualTo("Softmax"));
        Assert.That(((TensorType)g.Inputs[0].Type).Shape.ToString(), Is.EqualTo("[x_0,2]"));
    }
}
