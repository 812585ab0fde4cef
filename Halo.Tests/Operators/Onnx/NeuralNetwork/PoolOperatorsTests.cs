using Halo.Core.IR.Types;
using Halo.Core.Operators;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Pooling, unpooling and region pooling shapes.</summary>
[TestFixture]
public sealed class PoolOperatorsTests
{
    [Test]
    public void MaxPool_CeilMode_RoundsUp()
    {
        var g = new NnGraph();
        var y = g.Run1("MaxPool", [g.In(F(1, 1, 4, 4))], ("kernel_shape", new long[] { 3, 3 }),
            ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L));
        Assert.That(y, Is.EqualTo(F(1, 1, 2, 2)));
    }

    [Test]
    public void MaxPool_CeilModeWindowStartingInPadding_DropsIt()
    {
        var g = new NnGraph();
        var y = g.Run1("MaxPool", [g.In(F(1, 1, 2, 2))], ("kernel_shape", new long[] { 1, 1 }),
            ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L));
        Assert.That(y, Is.EqualTo(F(1, 1, 1, 1)));
    }

    [Test]
    public void MaxPool_IndicesOutput_IsInt64OfSameShape()
    {
        var g = new NnGraph(12);
        var ys = g.Run("MaxPool", [g.In(F(Sym("N"), 3, 5, 5))], 2, null, ("kernel_shape", new long[] { 2, 2 }),
            ("pads", new long[] { 1, 1, 1, 1 }), ("dilations", new long[] { 2, 2 }));
        Assert.That(ys[0], Is.EqualTo(F(Sym("N"), 3, 5, 5)));
        Assert.That(ys[1], Is.EqualTo(new TensorType(ElementType.Int64, Shape.Of(Sym("N"), 3, 5, 5))));
    }

    [Test]
    public void MaxPool_Version1AndVersion8_DifferInIndicesOutput()
    {
        Assert.That(OperatorRegistry.Default.TryResolve("", "MaxPool", 7, out var v1), Is.True);
        Assert.That(OperatorRegistry.Default.TryResolve("", "MaxPool", 8, out var v8), Is.True);
        Assert.That(v1!.Outputs, Has.Length.EqualTo(1));
        Assert.That(v8!.Outputs, Has.Length.EqualTo(2));
        Assert.That(v8.Attributes.ContainsKey("storage_order"), Is.True);
        Assert.That(v8.Attributes.ContainsKey("ceil_mode"), Is.False);
    }

    [Test]
    public void AveragePool_SameUpperOnUnknownDims_StrideOneKeepsThem()
    {
        var g = new NnGraph();
        var y = g.Run1("AveragePool", [g.In(F(Unk, 2, Sym("H"), Unk))], ("kernel_shape", new long[] { 3, 3 }), ("auto_pad", "SAME_UPPER"));
        Assert.That(y, Is.EqualTo(F(Unk, 2, Sym("H"), Unk)));
    }

    [Test]
    public void AveragePool_StrideTwoOnSymbolicDim_IsUnknown()
    {
        var g = new NnGraph();
        var y = g.Run1("AveragePool", [g.In(F(1, 2, Sym("H"), 8))], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(1, 2, Unk, 4)));
    }

    [Test]
    public void AveragePool_Versions_AddAttributesStepByStep()
    {
        OperatorRegistry.Default.TryResolve("", "AveragePool", 1, out var v1);
        OperatorRegistry.Default.TryResolve("", "AveragePool", 10, out var v10);
        OperatorRegistry.Default.TryResolve("", "AveragePool", 19, out var v19);
        Assert.That(v1!.Attributes.ContainsKey("count_include_pad"), Is.False);
        Assert.That(v10!.Attributes.ContainsKey("ceil_mode"), Is.True);
        Assert.That(v10.Attributes.ContainsKey("dilations"), Is.False);
        Assert.That(v19!.Attributes.ContainsKey("dilations"), Is.True);
    }

    [Test]
    public void AveragePool_UnrankedInput_UsesKernelRank()
    {
        var g = new NnGraph();
        var y = g.Run1("AveragePool", [g.In(Unranked())], ("kernel_shape", new long[] { 2 }));
        Assert.That(y, Is.EqualTo(F(Unk, Unk, Unk)));
    }

    [Test]
    public void AveragePool_KernelRankMismatch_Fails()
    {
        var g = new NnGraph();
        g.Run1("AveragePool", [g.In(F(1, 1, 4, 4))], ("kernel_shape", new long[] { 2 }));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void AveragePool_BadAutoPad_Fails()
    {
        var g = new NnGraph();
        g.Run1("AveragePool", [g.In(F(1, 1, 4, 4))], ("kernel_shape", new long[] { 2, 2 }), ("auto_pad", "FULL"));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void LpPool_Version1FloatPAndVersion2IntP_Differ()
    {
        OperatorRegistry.Default.TryResolve("", "LpPool", 1, out var v1);
        OperatorRegistry.Default.TryResolve("", "LpPool", 11, out var v11);
        Assert.That(v1!.Attributes["p"].Kind, Is.EqualTo(Halo.Core.IR.Attributes.AttributeKind.Float));
        Assert.That(v11!.Attributes["p"].Kind, Is.EqualTo(Halo.Core.IR.Attributes.AttributeKind.Int));
        var g = new NnGraph(18);
        var y = g.Run1("LpPool", [g.In(F(1, 3, 32))], ("kernel_shape", new long[] { 2 }), ("p", 3L));
        Assert.That(y, Is.EqualTo(F(1, 3, 31)));
    }

    [Test]
    public void GlobalAveragePool_ReducesSpatialToOne()
    {
        var g = new NnGraph();
        Assert.That(g.Run1("GlobalAveragePool", [g.In(F(Sym("N"), 3, 7, 7))]), Is.EqualTo(F(Sym("N"), 3, 1, 1)));
        Assert.That(g.Run1("GlobalLpPool", [g.In(F(2, 3, 5))]), Is.EqualTo(F(2, 3, 1)));
    }

    [Test]
    public void GlobalMaxPool_VectorInput_Fails()
    {
        var g = new NnGraph();
        g.Run1("GlobalMaxPool", [g.In(F(3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void MaxUnpool_ConstantOutputShape_IsUsed()
    {
        var g = new NnGraph();
        var y = g.Run1("MaxUnpool", [g.In(F(1, 1, 2, 2)), g.In(T(ElementType.Int64, 1, 1, 2, 2)), g.Ints(1, 1, 5, 5)],
            ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(1, 1, 5, 5)));
    }

    [Test]
    public void MaxUnpool_WithoutOutputShape_InvertsPooling()
    {
        var g = new NnGraph(11);
        var y = g.Run1("MaxUnpool", [g.In(F(1, 1, 2, 2)), g.In(T(ElementType.Int64, 1, 1, 2, 2))],
            ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(1, 1, 4, 4)));
    }

    [Test]
    public void MaxUnpool_OutputShapeOfWrongRank_Fails()
    {
        var g = new NnGraph();
        g.Run1("MaxUnpool", [g.In(F(1, 1, 2, 2)), g.In(T(ElementType.Int64, 1, 1, 2, 2)), g.Ints(5, 5)],
            ("kernel_shape", new long[] { 2, 2 }));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void RoiAlign_OutputSizeAttributes_GiveShape()
    {
        var g = new NnGraph(16);
        var y = g.Run1("RoiAlign", [g.In(F(1, 8, 10, 10)), g.In(F(Sym("R"), 4)), g.In(new TensorType(ElementType.Int64, Shape.Of(Sym("R"))))],
            ("output_height", 5L), ("output_width", 3L));
        Assert.That(y, Is.EqualTo(F(Sym("R"), 8, 5, 3)));
    }

    [Test]
    public void RoiAlign_BadRois_Fails()
    {
        var g = new NnGraph(10);
        g.Run1("RoiAlign", [g.In(F(1, 8, 10, 10)), g.In(F(3, 5)), g.In(T(ElementType.Int64, 3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void MaxRoiPool_PooledShape_GivesShape()
    {
        var g = new NnGraph();
        var y = g.Run1("MaxRoiPool", [g.In(F(1, 8, 10, 10)), g.In(F(6, 5))], ("pooled_shape", new long[] { 2, 2 }));
        Assert.That(y, Is.EqualTo(F(6, 8, 2, 2)));
    }

    [Test]
    public void RoiAlign_Version16_AddsCoordinateTransformationMode()
    {
        OperatorRegistry.Default.TryResolve("", "RoiAlign", 15, out var v10);
        OperatorRegistry.Default.TryResolve("", "RoiAlign", 16, out var v16);
        Assert.That(v10!.Attributes.ContainsKey("coordinate_transformation_mode"), Is.False);
        Assert.That(v16!.Attributes["coordinate_transformation_mode"].Default?.AsString(), Is.EqualTo("half_pixel"));
    }

    [Test]
    public void GlobalLpPool_Version1FloatPAndVersion2IntP_Differ()
    {
        OperatorRegistry.Default.TryResolve("", "GlobalLpPool", 1, out var v1);
        OperatorRegistry.Default.TryResolve("", "GlobalLpPool", 2, out var v2);
        Assert.That(v1!.Attributes["p"].Kind, Is.EqualTo(Halo.Core.IR.Attributes.AttributeKind.Float));
        Assert.That(v2!.Attributes["p"].Kind, Is.EqualTo(Halo.Core.IR.Attributes.AttributeKind.Int));
    }
}
