using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class QuantizationOperatorsTests
{
    [Test]
    public void QuantizeLinear_ZeroPointGivesType_NoneGivesUInt8()
    {
        var g = new MathGraph(13);
        var x = g.Input(ElementType.Float, Sym("N"), 3);
        Assert.That(g.Type("QuantizeLinear", [x, g.Input(ElementType.Float), g.Input(ElementType.Int8)]), Is.EqualTo(Of(ElementType.Int8, Sym("N"), 3)));
        Assert.That(g.Type("QuantizeLinear", [x, g.Input(ElementType.Float)]), Is.EqualTo(Of(ElementType.UInt8, Sym("N"), 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void QuantizeLinear_Opset21OutputDtype_SetsType()
    {
        var g = new MathGraph(21);
        var y = g.Type("QuantizeLinear", [g.Input(ElementType.Float, 4, 8), g.Input(ElementType.Float, 4, 2)],
            Attrs(("output_dtype", (long)ElementType.Int4), ("axis", 1L), ("block_size", 4L)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Int4, 4, 8)));
        Assert.That(g.Diagnostics, Is.Empty);
        Assert.That(Schema("QuantizeLinear", 19).Attributes.ContainsKey("output_dtype"), Is.False);
    }

    [Test]
    public void QuantizeLinear_OutputDtypeDiffersFromZeroPoint_ReportsHALO2005()
    {
        var g = new MathGraph(21);
        g.Type("QuantizeLinear", [g.Input(ElementType.Float, 4), g.Input(ElementType.Float), g.Input(ElementType.Int8)],
            Attrs(("output_dtype", (long)ElementType.UInt8)));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void QuantizeLinear_PerAxisScaleLengthWrong_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Type("QuantizeLinear", [g.Input(ElementType.Float, 2, 3), g.Input(ElementType.Float, 4), g.Input(ElementType.UInt8, 4)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }

    [Test]
    public void DequantizeLinear_Versions_OutputTypeSource()
    {
        var g = new MathGraph(13);
        Assert.That(g.Type("DequantizeLinear", [g.Input(ElementType.Int8, 5), g.Input(ElementType.Float)]), Is.EqualTo(Of(ElementType.Float, 5)));
        var h = new MathGraph(19);
        Assert.That(h.Type("DequantizeLinear", [h.Input(ElementType.UInt8, 5), h.Input(ElementType.Float16)]), Is.EqualTo(Of(ElementType.Float16, 5)));
        var k = new MathGraph(23);
        Assert.That(k.Type("DequantizeLinear", [k.Input(ElementType.Int4, 5), k.Input(ElementType.Float)], Attrs(("output_dtype", (long)ElementType.BFloat16))),
            Is.EqualTo(Of(ElementType.BFloat16, 5)));
        Assert.That(k.Type("DequantizeLinear", [k.Input(ElementType.Int4, 5), k.Input(ElementType.Float16)]), Is.EqualTo(Of(ElementType.Float16, 5)));
        Assert.That(g.Diagnostics.Concat(h.Diagnostics).Concat(k.Diagnostics), Is.Empty);
    }

    [Test]
    public void DynamicQuantizeLinear_Outputs_UInt8AndScalars()
    {
        var g = new MathGraph(11);
        var outs = g.Op("DynamicQuantizeLinear", [g.Input(ElementType.Float, Sym("N"), 4)], outputs: 3);
        Assert.That(outs[0].Type, Is.EqualTo(Of(ElementType.UInt8, Sym("N"), 4)));
        Assert.That(outs[1].Type, Is.EqualTo(Of(ElementType.Float)));
        Assert.That(outs[2].Type, Is.EqualTo(Of(ElementType.UInt8)));
    }

    [Test]
    public void QLinearMatMul_MatMulShapeOfAAndB()
    {
        var g = new MathGraph(10);
        var y = g.Type("QLinearMatMul", [g.Input(ElementType.UInt8, 2, 4), g.Input(ElementType.Float), g.Input(ElementType.UInt8),
            g.Input(ElementType.UInt8, 4, 3), g.Input(ElementType.Float), g.Input(ElementType.UInt8),
            g.Input(ElementType.Float), g.Input(ElementType.Int8)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Int8, 2, 3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void QLinearConv_PadsAndStrides_ConvShape()
    {
        var g = new MathGraph(10);
        var y = g.Type("QLinearConv", [g.Input(ElementType.UInt8, Sym("N"), 3, 32, 32), g.Input(ElementType.Float), g.Input(ElementType.UInt8),
            g.Input(ElementType.Int8, 8, 3, 3, 3), g.Input(ElementType.Float), g.Input(ElementType.Int8),
            g.Input(ElementType.Float), g.Input(ElementType.UInt8)],
            Attrs(("pads", new long[] { 1, 1, 1, 1 }), ("strides", new long[] { 2, 2 })));
        Assert.That(y, Is.EqualTo(Of(ElementType.UInt8, Sym("N"), 8, 16, 16)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void ConvInteger_AutoPadSameAndValid()
    {
        var g = new MathGraph(10);
        var same = g.Type("ConvInteger", [g.Input(ElementType.UInt8, 1, 1, 5, 7), g.Input(ElementType.UInt8, 2, 1, 3, 3)],
            Attrs(("auto_pad", "SAME_UPPER"), ("strides", new long[] { 2, 2 })));
        Assert.That(same, Is.EqualTo(Of(ElementType.Int32, 1, 2, 3, 4)));
        var valid = g.Type("ConvInteger", [g.Input(ElementType.UInt8, 1, 1, 5, 7), g.Input(ElementType.UInt8, 2, 1, 3, 3)],
            Attrs(("auto_pad", "VALID"), ("dilations", new long[] { 2, 1 })));
        Assert.That(valid, Is.EqualTo(Of(ElementType.Int32, 1, 2, 1, 5)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void ConvInteger_UnknownSpatialDim_StaysUnknown()
    {
        var g = new MathGraph(10);
        var y = g.Type("ConvInteger", [g.Input(ElementType.Int8, Sym("N"), 1, Dimension.Unknown, 9), g.Input(ElementType.Int8, 4, 1, 3, 3)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Int32, Sym("N"), 4, Dimension.Unknown, 7)));
    }

    [Test]
    public void ConvInteger_ChannelMismatch_ReportsHALO2005()
    {
        var g = new MathGraph(10);
        g.Type("ConvInteger", [g.Input(ElementType.UInt8, 1, 3, 5, 5), g.Input(ElementType.UInt8, 2, 2, 3, 3)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
