using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class ReductionOperatorsTests
{
    [TestCase("ReduceMean")]
    [TestCase("ReduceMax")]
    [TestCase("ReduceL2")]
    [TestCase("ReduceLogSumExp")]
    public void Reduce_Opset13AxesAttributeKeepDims_KeepsUnitDims(string op)
    {
        var g = new MathGraph(13);
        var y = g.Type(op, [g.Input(ElementType.Float, Sym("N"), 3, 4)], Attrs(("axes", new long[] { -1 })));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("N"), 3, 1)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void ReduceSum_Opset11AxesAttributeNoKeepDims_DropsAxes()
    {
        var g = new MathGraph(11);
        var y = g.Type("ReduceSum", [g.Input(ElementType.Int64, 2, Sym("S"), 4)], Attrs(("axes", new long[] { 0, 2 }), ("keepdims", 0L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Int64, Sym("S"))));
    }

    [Test]
    public void ReduceSum_Opset13AxesInput_UsesConstant()
    {
        var g = new MathGraph(13);
        var y = g.Type("ReduceSum", [g.Input(ElementType.Float, 2, 3, 4), g.Ints(1)], Attrs(("keepdims", 0L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 2, 4)));
    }

    [Test]
    public void ReduceMean_Opset18NoAxes_ReducesAll()
    {
        var g = new MathGraph(18);
        Assert.That(g.Type("ReduceMean", [g.Input(ElementType.Float, 2, 3)]), Is.EqualTo(Of(ElementType.Float, 1, 1)));
        Assert.That(g.Type("ReduceMean", [g.Input(ElementType.Float, 2, 3)], Attrs(("keepdims", 0L))), Is.EqualTo(Of(ElementType.Float)));
    }

    [Test]
    public void ReduceMax_Opset18EmptyAxesWithNoop_IsIdentity()
    {
        var g = new MathGraph(18);
        var y = g.Type("ReduceMax", [g.Input(ElementType.Float, Sym("N"), 3), g.Ints()], Attrs(("noop_with_empty_axes", 1L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("N"), 3)));
    }

    [Test]
    public void ReduceMin_Opset18UnknownAxes_KnowsRankOnlyWithKeepDims()
    {
        var g = new MathGraph(18);
        var keep = g.Type("ReduceMin", [g.Input(ElementType.Float, 2, 3, 4), g.Input(ElementType.Int64, 2)]);
        Assert.That(keep, Is.EqualTo(new TensorType(ElementType.Float, Shape.OfRank(3))));
        var drop = g.Type("ReduceMin", [g.Input(ElementType.Float, 2, 3, 4), g.Input(ElementType.Int64, 2)], Attrs(("keepdims", 0L)));
        Assert.That(drop, Is.EqualTo(new TensorType(ElementType.Float, Shape.Unranked)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void ReduceProd_Opset13AttributeVsOpset18Input_SignatureChanges()
    {
        Assert.That(Schema("ReduceProd", 17).Attributes.ContainsKey("axes"), Is.True);
        Assert.That(Schema("ReduceProd", 17).Inputs, Has.Length.EqualTo(1));
        Assert.That(Schema("ReduceProd", 18).Attributes.ContainsKey("axes"), Is.False);
        Assert.That(Schema("ReduceProd", 18).Inputs[1].Name, Is.EqualTo("axes"));
        Assert.That(Schema("ReduceSum", 12).Attributes.ContainsKey("axes"), Is.True);
        Assert.That(Schema("ReduceSum", 13).Attributes.ContainsKey("noop_with_empty_axes"), Is.True);
    }

    [Test]
    public void ReduceMax_Versions_TypeListsGrow()
    {
        Assert.That(Allowed("ReduceMax", 11), Does.Not.Contain("tensor(uint8)"));
        Assert.That(Allowed("ReduceMax", 12), Does.Contain("tensor(uint8)").And.Not.Contain("tensor(bfloat16)"));
        Assert.That(Allowed("ReduceMax", 18), Does.Contain("tensor(bfloat16)").And.Not.Contain("tensor(bool)"));
        Assert.That(Allowed("ReduceMax", 20), Does.Contain("tensor(bool)"));
    }

    [Test]
    public void ReduceLogSum_UnknownDims_KeptWhereNotReduced()
    {
        var g = new MathGraph(18);
        var y = g.Type("ReduceLogSum", [g.Input(ElementType.Float, Dimension.Unknown, Dimension.Unknown), g.Ints(0)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 1, Dimension.Unknown)));
    }

    [Test]
    public void ReduceSum_AxisOutOfRange_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("ReduceSum", [g.Input(ElementType.Float, 2, 3), g.Ints(2)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void ReduceL1_RepeatedAxis_ReducedOnce()
    {
        var g = new MathGraph(11);
        var y = g.Type("ReduceL1", [g.Input(ElementType.Float, 2, 3)], Attrs(("axes", new long[] { 1, -1 }), ("keepdims", 0L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 2)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void ReduceSum_UnrankedReduceAllNoKeepDims_IsScalar()
    {
        var g = new MathGraph(13);
        Assert.That(g.Type("ReduceSum", [g.Unranked(ElementType.Float)], Attrs(("keepdims", 0L))), Is.EqualTo(Of(ElementType.Float)));
    }

    [TestCase("ArgMax")]
    [TestCase("ArgMin")]
    public void ArgReduce_Axis_GivesInt64(string op)
    {
        var g = new MathGraph(13);
        var keep = g.Type(op, [g.Input(ElementType.Float, Sym("N"), 5)], Attrs(("axis", -1L)));
        Assert.That(keep, Is.EqualTo(Of(ElementType.Int64, Sym("N"), 1)));
        var drop = g.Type(op, [g.Input(ElementType.Float, Sym("N"), 5)], Attrs(("axis", 1L), ("keepdims", 0L), ("select_last_index", 1L)));
        Assert.That(drop, Is.EqualTo(Of(ElementType.Int64, Sym("N"))));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void ArgMax_AxisOutOfRange_ReportsHALO2005()
    {
        var g = new MathGraph(11);
        g.Type("ArgMax", [g.Input(ElementType.Float, 2)], Attrs(("axis", 1L)));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void ArgMax_Opset12_AddsSelectLastIndex()
    {
        Assert.That(Schema("ArgMax", 11).Attributes.ContainsKey("select_last_index"), Is.False);
        Assert.That(Schema("ArgMax", 12).Attributes.ContainsKey("select_last_index"), Is.True);
    }
}
