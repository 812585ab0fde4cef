using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class MatrixOperatorsTests
{
    [Test]
    public void MatMul_BatchBroadcast_NumpyRules()
    {
        var g = new MathGraph(13);
        var y = g.Type("MatMul", [g.Input(ElementType.Float, Sym("B"), 1, 3, 4), g.Input(ElementType.Float, 5, 4, 6)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("B"), 5, 3, 6)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void MatMul_OneDimensionalOperands_DropUnitDims()
    {
        var g = new MathGraph(9);
        Assert.That(g.Type("MatMul", [g.Input(ElementType.Float, 4), g.Input(ElementType.Float, 2, 4, 6)]), Is.EqualTo(Of(ElementType.Float, 2, 6)));
        Assert.That(g.Type("MatMul", [g.Input(ElementType.Float, 3, 4), g.Input(ElementType.Float, 4)]), Is.EqualTo(Of(ElementType.Float, 3)));
        Assert.That(g.Type("MatMul", [g.Input(ElementType.Float, 4), g.Input(ElementType.Float, 4)]), Is.EqualTo(Of(ElementType.Float)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void MatMul_UnknownDims_MergeWithKnown()
    {
        var g = new MathGraph(13);
        var y = g.Type("MatMul", [g.Input(ElementType.Float, Dimension.Unknown, Dimension.Unknown, 4), g.Input(ElementType.Float, 3, Dimension.Unknown, 6)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, 3, Dimension.Unknown, 6)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void MatMul_InnerDimsDiffer_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("MatMul", [g.Input(ElementType.Float, 3, 4), g.Input(ElementType.Float, 5, 6)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void MatMul_Scalar_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("MatMul", [g.Input(ElementType.Float), g.Input(ElementType.Float, 5, 6)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void MatMulInteger_Int8_GivesInt32()
    {
        var g = new MathGraph(10);
        var y = g.Type("MatMulInteger", [g.Input(ElementType.UInt8, Sym("M"), 4), g.Input(ElementType.Int8, 4, 3), g.Input(ElementType.UInt8)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Int32, Sym("M"), 3)));
    }

    [Test]
    public void Gemm_Transposes_GiveMByN()
    {
        var g = new MathGraph(13);
        var y = g.Type("Gemm", [g.Input(ElementType.Float, 4, Sym("M")), g.Input(ElementType.Float, 5, 4), g.Input(ElementType.Float, 5)],
            Attrs(("transA", 1L), ("transB", 1L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("M"), 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Gemm_Opset11WithoutC_Accepted()
    {
        var g = new MathGraph(11);
        Assert.That(g.Type("Gemm", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 3, 7)]), Is.EqualTo(Of(ElementType.Float, 2, 7)));
        Assert.That(Schema("Gemm", 9).MinInputs, Is.EqualTo(3));
        Assert.That(Schema("Gemm", 11).MinInputs, Is.EqualTo(2));
        Assert.That(Schema("Gemm", 6).Attributes.ContainsKey("broadcast"), Is.True);
        Assert.That(Schema("Gemm", 7).Attributes.ContainsKey("broadcast"), Is.False);
    }

    [Test]
    public void Gemm_BadCOrRank_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("Gemm", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 3, 7), g.Input(ElementType.Float, 3)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
        var h = new MathGraph(13);
        h.Type("Gemm", [h.Input(ElementType.Float, 2, 3, 1), h.Input(ElementType.Float, 3, 7)]);
        Assert.That(h.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Einsum_ExplicitBatchMatMul_BindsLabels()
    {
        var g = new MathGraph(12);
        var y = g.Type("Einsum", [g.Input(ElementType.Float, Sym("B"), 2, 3), g.Input(ElementType.Float, Sym("B"), 3, 5)],
            Attrs(("equation", "bij, bjk -> bik")));
        Assert.That(y, Is.EqualTo(Of(ElementType.Float, Sym("B"), 2, 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Einsum_ImplicitOutput_SortsSingleLabels()
    {
        var g = new MathGraph(12);
        Assert.That(g.Type("Einsum", [g.Input(ElementType.Float, 3, 4), g.Input(ElementType.Float, 4, 2)], Attrs(("equation", "ba,ac"))),
            Is.EqualTo(Of(ElementType.Float, 3, 2)));
        Assert.That(g.Type("Einsum", [g.Input(ElementType.Float, 3, 3)], Attrs(("equation", "ii"))), Is.EqualTo(Of(ElementType.Float)));
    }

    [Test]
    public void Einsum_Ellipsis_BroadcastsLeadingDims()
    {
        var g = new MathGraph(12);
        var y = g.Type("Einsum", [g.Input(ElementType.Double, 7, 1, 2, 3), g.Input(ElementType.Double, 5, 3, 4)], Attrs(("equation", "...ij,...jk")));
        Assert.That(y, Is.EqualTo(Of(ElementType.Double, 7, 5, 2, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Einsum_UnrankedOperandUnderEllipsis_UnrankedResult()
    {
        var g = new MathGraph(12);
        var y = g.Type("Einsum", [g.Unranked(ElementType.Float), g.Input(ElementType.Float, 4, 5)], Attrs(("equation", "...ij,jk->...ik")));
        Assert.That(y, Is.EqualTo(new TensorType(ElementType.Float, Shape.Unranked)));
        Assert.That(g.Type("Einsum", [g.Unranked(ElementType.Float), g.Input(ElementType.Float, 4, 5)], Attrs(("equation", "ij,jk->ki"))),
            Is.EqualTo(Of(ElementType.Float, 5, Dimension.Unknown)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Einsum_RankMismatchOrBadLabel_ReportsHALO2005()
    {
        var g = new MathGraph(12);
        g.Type("Einsum", [g.Input(ElementType.Float, 3, 4)], Attrs(("equation", "ijk->i")));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
        var h = new MathGraph(12);
        h.Type("Einsum", [h.Input(ElementType.Float, 3, 4)], Attrs(("equation", "ij->z")));
        Assert.That(h.DiagnosticIds, Is.EqualTo(InferenceFailed));
        var k = new MathGraph(12);
        k.Type("Einsum", [k.Input(ElementType.Float, 3, 4), k.Input(ElementType.Float, 5)], Attrs(("equation", "ij,j->i")));
        Assert.That(k.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Det_Batch_DropsMatrixDims()
    {
        var g = new MathGraph(11);
        Assert.That(g.Type("Det", [g.Input(ElementType.Float, Sym("N"), 3, 3)]), Is.EqualTo(Of(ElementType.Float, Sym("N"))));
        g.Type("Det", [g.Input(ElementType.Float, 3, 4)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Trilu_KInput_SameShape()
    {
        var g = new MathGraph(14);
        Assert.That(g.Type("Trilu", [g.Input(ElementType.Int64, 2, 3, 4), g.Scalar(1)], Attrs(("upper", 0L))), Is.EqualTo(Of(ElementType.Int64, 2, 3, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
        g.Type("Trilu", [g.Input(ElementType.Int64, 4)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void Trilu_OneElementVectorK_Accepted()
    {
        var g = new MathGraph(14);
        Assert.That(g.Type("Trilu", [g.Input(ElementType.Float, 3, 3), g.Ints(0)]), Is.EqualTo(Of(ElementType.Float, 3, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
        g.Type("Trilu", [g.Input(ElementType.Float, 3, 3), g.Ints(0, 1)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
