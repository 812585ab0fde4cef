using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.Math.MathGraph;

namespace Halo.Tests.Operators.Onnx.Math;

[TestFixture]
public sealed class CastOperatorsTests
{
    [Test]
    public void Cast_Opset13ToAttribute_SetsElementType()
    {
        var g = new MathGraph(13);
        var y = g.Type("Cast", [g.Input(ElementType.Float, Sym("N"), 4)], Attrs(("to", (long)ElementType.Int64)));
        Assert.That(y, Is.EqualTo(Of(ElementType.Int64, Sym("N"), 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Cast_Opset1StringTo_ParsesTypeName()
    {
        var g = new MathGraph(1);
        var y = g.Type("Cast", [g.Input(ElementType.Float, 2)], Attrs(("to", "INT32")));
        Assert.That(y, Is.EqualTo(Of(ElementType.Int32, 2)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Cast_UnknownDataType_ReportsHALO2005()
    {
        var g = new MathGraph(19);
        var y = g.Type("Cast", [g.Input(ElementType.Float, 2)], Attrs(("to", 999L)));
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
        Assert.That(((TensorType)y).ElementType, Is.EqualTo(ElementType.Undefined));
    }

    [Test]
    public void Cast_Versions_TypesAndSaturate()
    {
        Assert.That(Allowed("Cast", 8, "T1"), Does.Not.Contain("tensor(string)"));
        Assert.That(Allowed("Cast", 9, "T1"), Does.Contain("tensor(string)").And.Not.Contain("tensor(bfloat16)"));
        Assert.That(Schema("Cast", 18).Attributes.ContainsKey("saturate"), Is.False);
        Assert.That(Schema("Cast", 19).Attributes.ContainsKey("saturate"), Is.True);
        Assert.That(Allowed("Cast", 19, "T2"), Does.Contain("tensor(float8e4m3fn)").And.Not.Contain("tensor(int4)"));
        Assert.That(Allowed("Cast", 23, "T2"), Does.Contain("tensor(float4e2m1)"));
    }

    [Test]
    public void CastLike_TargetType_GivesElementTypeInputGivesShape()
    {
        var g = new MathGraph(15);
        var y = g.Type("CastLike", [g.Input(ElementType.Float, 3, Sym("S")), g.Input(ElementType.Float16, 1)]);
        Assert.That(y, Is.EqualTo(Of(ElementType.Float16, 3, Sym("S"))));
    }

    [Test]
    public void Identity_Sequence_PassesThrough()
    {
        var g = new MathGraph(16);
        var seq = new SequenceType(Of(ElementType.Float, 2));
        Assert.That(g.Type("Identity", [g.Input(seq)]), Is.EqualTo(seq));
        Assert.That(Allowed("Identity", 13), Does.Not.Contain("seq(tensor(float))"));
    }

    [Test]
    public void Dropout_Opset12_MaskIsBool()
    {
        var g = new MathGraph(12);
        var outs = g.Op("Dropout", [g.Input(ElementType.Float, Sym("N"), 10), g.Input(ElementType.Float), g.Input(ElementType.Bool)], outputs: 2);
        Assert.That(outs[0].Type, Is.EqualTo(Of(ElementType.Float, Sym("N"), 10)));
        Assert.That(outs[1].Type, Is.EqualTo(Of(ElementType.Bool, Sym("N"), 10)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void Dropout_Opset7_MaskHasDataType()
    {
        var g = new MathGraph(7);
        var outs = g.Op("Dropout", [g.Input(ElementType.Float, 4)], Attrs(("ratio", 0.2f)), outputs: 2);
        Assert.That(outs[1].Type, Is.EqualTo(Of(ElementType.Float, 4)));
        Assert.That(Schema("Dropout", 10).Outputs[1].TypeString, Is.EqualTo("T1"));
    }

    [Test]
    public void Dropout_NonScalarRatio_ReportsHALO2005()
    {
        var g = new MathGraph(13);
        g.Op("Dropout", [g.Input(ElementType.Float, 4), g.Input(ElementType.Float, 2)]);
        Assert.That(g.DiagnosticIds, Is.EqualTo(InferenceFailed));
    }
}
