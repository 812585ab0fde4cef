using NUnit.Framework;
using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Text;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;

namespace Halo.Tests.Core.IR.Text;

[TestFixture]
public sealed class GraphTextRoundTripTests
{
    private static Graph BuildRichGraph()
    {
        var thenB = new GraphBuilder(TestOperators.Registry);
        var captured = thenB.AddCapture("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        thenB.AddOutput(thenB.AddOp("Relu", captured), "then_out");
        var elseB = new GraphBuilder(TestOperators.Registry);
        elseB.AddOutput(elseB.AddConstant("c", TensorData.FromFloats([1.5f, float.NaN, float.NegativeInfinity], 1, 3)), "else_out");

        var b = new GraphBuilder(TestOperators.Registry);
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 3)));
        var cond = b.AddInput("weird name \"q\"", TensorType.Of(ElementType.Bool));
        var big = b.AddConstant("onnx::Conv_193", TensorData.FromFloats(Enumerable.Range(0, 40).Select(i => i * 0.1f).ToArray(), 40));
        var half = b.AddConstant("h", TensorData.Create(ElementType.Float16, new Half[] { (Half)1, (Half)2 }, 2));
        var strings = b.AddConstant("s", TensorData.FromStrings(["a", "b\nc"], [2]));
        var sparse = new SparseTensorData(TensorData.FromFloats([5f], 1), TensorData.FromInt64s([3], 1), [4]);
        var sparseValue = b.Named(new Halo.Core.IR.Green.GreenConstant(sparse).Output(0), "sp");
        var attrs = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["then_branch"] = AttributeValue.FromGraph(thenB.Build("then")),
            ["else_branch"] = AttributeValue.FromGraph(elseB.Build("else")),
        });
        var ifOut = b.AddOp("If", [cond], attrs, 1, nodeName: "if_node")[0];
        var every = AttributeMap.Create(new Dictionary<string, AttributeValue>
        {
            ["i"] = AttributeValue.FromInt(-3),
            ["f"] = AttributeValue.FromFloat(2f),
            ["s"] = AttributeValue.FromString("text"),
            ["ints"] = AttributeValue.FromInts([1, -2]),
            ["floats"] = AttributeValue.FromFloats([0.5f, 1e-7f]),
            ["strings"] = AttributeValue.FromStrings(["p", ""]),
            ["empty"] = AttributeValue.FromInts([]),
            ["t"] = AttributeValue.FromTensor(TensorData.FromInt64s([7, 8], 2)),
            ["ts"] = AttributeValue.FromTensors([TensorData.FromFloats([1f], 1)]),
            ["sp"] = AttributeValue.FromSparseTensor(sparse),
            ["ty"] = AttributeValue.FromType(new SequenceType(TensorType.Of(ElementType.Int64, 2))),
            ["tys"] = AttributeValue.FromTypes([new OptionalType(IrType.Unknown), new MapType(ElementType.String, TensorType.Of(ElementType.Float))]),
        });
        var all = b.AddOp("Everything", [ifOut, big, half, strings, sparseValue, Halo.Core.IR.Green.ValueRef.None, x], every, 1);
        b.AddOutput(all[0], "y");
        b.AddOutput(x);
        return b.Build("rich graph");
    }

    [Test]
    public void PrintParsePrint_RichGraph_IsStable()
    {
        var graph = BuildRichGraph();
        string first = GraphPrinter.PrintGraph(graph);

        var parsed = GraphParser.ParseGraph(first, out var diagnostics);

        Assert.That(diagnostics, Is.Empty, first);
        Assert.That(GraphPrinter.PrintGraph(parsed!), Is.EqualTo(first));
    }

    [Test]
    public void PrintParsePrint_Model_KeepsHeader()
    {
        var model = new HaloModel(BuildRichGraph())
        {
            IrVersion = 8, Producer = "pytorch 1.13",
            OpsetImports = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, long> { [""] = 13, ["ai.onnx.ml"] = 3 }),
            Metadata = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["k"] = "v" }),
        };
        string first = GraphPrinter.Print(model);

        var parsed = GraphParser.ParseModel(first, out var diagnostics);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(parsed!.OpsetImports[""], Is.EqualTo(13));
        Assert.That(GraphPrinter.Print(parsed), Is.EqualTo(first));
    }

    [Test]
    public void Print_ElidedConstants_ParseReportsHALO2009()
    {
        string text = GraphPrinter.PrintGraph(BuildRichGraph(), new GraphPrinterOptions { ElideConstantsAbove = 8 });

        Assert.That(text, Does.Contain("elided"));
        Assert.That(GraphParser.ParseGraph(text, out var diagnostics), Is.Null);
        Assert.That(diagnostics.Single().Id, Is.EqualTo("HALO2009"));
    }

    [TestCase("graph g(%x : f32[2]) -> (%y) {\n}", "not defined")]
    [TestCase("graph g(%x : f32[2]) -> (%x) {\n  %x = Relu<14>(%x) : f32[2]\n}", "defined twice")]
    [TestCase("graph g(%x : q32[2]) -> (%x) {}", "unknown element type")]
    [TestCase("graph g(%x : f32[2]) -> (%x) { %c = constant f32[2] [1.0] }", "Expected 8 bytes")]
    [TestCase("graph g(%x : f32[2]) -> (%x) { \"unterminated", "unterminated")]
    public void Parse_Malformed_ReportsHALO2009WithPosition(string text, string message)
    {
        Assert.That(GraphParser.ParseGraph(text, out var diagnostics), Is.Null);
        Assert.That(diagnostics.Single().Id, Is.EqualTo("HALO2009"));
        Assert.That(diagnostics.Single().Message, Does.Contain(message).And.Contain("Line"));
    }
}
