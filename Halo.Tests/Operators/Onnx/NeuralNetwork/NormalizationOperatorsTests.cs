using Halo.Core.IR.Types;
using Halo.Core.Operators;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.NnGraph;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>Normalization operators across their versions.</summary>
[TestFixture]
public sealed class NormalizationOperatorsTests
{
    [Test]
    public void BatchNormalization15_TrainingOutputs_AreChannelVectors()
    {
        var g = new NnGraph(15);
        var c = g.In(F(3));
        var ys = g.Run("BatchNormalization", [g.In(F(Sym("N"), 3, 4, 4)), c, c, c, c], 3, null, ("training_mode", 1L));
        Assert.That(ys[0], Is.EqualTo(F(Sym("N"), 3, 4, 4)));
        Assert.That(ys[1], Is.EqualTo(F(3)));
        Assert.That(ys[2], Is.EqualTo(F(3)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void BatchNormalization_OldVersions_HaveLegacyAttributesAndFiveOutputs()
    {
        OperatorRegistry.Default.TryResolve("", "BatchNormalization", 1, out var v1);
        OperatorRegistry.Default.TryResolve("", "BatchNormalization", 6, out var v6);
        OperatorRegistry.Default.TryResolve("", "BatchNormalization", 8, out var v7);
        OperatorRegistry.Default.TryResolve("", "BatchNormalization", 13, out var v9);
        OperatorRegistry.Default.TryResolve("", "BatchNormalization", 14, out var v14);
        Assert.That(v1!.Attributes["consumed_inputs"].Required, Is.True);
        Assert.That(v6!.Attributes.ContainsKey("is_test"), Is.True);
        Assert.That(v7!.Attributes.ContainsKey("is_test"), Is.False);
        Assert.That(v7.Attributes.ContainsKey("spatial"), Is.True);
        Assert.That(v9!.Attributes.ContainsKey("spatial"), Is.False);
        Assert.That(v9.Outputs, Has.Length.EqualTo(5));
        Assert.That(v14!.Outputs, Has.Length.EqualTo(3));
        Assert.That(v14.Attributes.ContainsKey("training_mode"), Is.True);
    }

    [Test]
    public void BatchNormalization9_StatisticsOutputs_AreChannelVectors()
    {
        var g = new NnGraph(9);
        var c = g.In(F(Unk));
        var ys = g.Run("BatchNormalization", [g.In(F(2, 5, 3)), c, c, c, c], 5);
        Assert.That(ys[0], Is.EqualTo(F(2, 5, 3)));
        Assert.That(ys[4], Is.EqualTo(F(5)));
    }

    [Test]
    public void BatchNormalization_ScaleOfWrongLength_Fails()
    {
        var g = new NnGraph(15);
        var c = g.In(F(3));
        g.Run1("BatchNormalization", [g.In(F(1, 4, 2)), g.In(F(4)), c, c, c]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void InstanceNormalization_KeepsShape()
    {
        var g = new NnGraph(6);
        var y = g.Run1("InstanceNormalization", [g.In(F(Sym("N"), 3, 8)), g.In(F(3)), g.In(F(3))]);
        Assert.That(y, Is.EqualTo(F(Sym("N"), 3, 8)));
        g.Run1("InstanceNormalization", [g.In(F(1, 3, 8)), g.In(F(2)), g.In(F(3))]);
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void LayerNormalization_MeanAndInvStdDev_KeepLeadingAxes()
    {
        var g = new NnGraph(17);
        var ys = g.Run("LayerNormalization", [g.In(F(Sym("B"), 5, 8)), g.In(F(8))], 3, null, ("axis", -1L));
        Assert.That(ys[0], Is.EqualTo(F(Sym("B"), 5, 8)));
        Assert.That(ys[1], Is.EqualTo(F(Sym("B"), 5, 1)));
        Assert.That(ys[2], Is.EqualTo(F(Sym("B"), 5, 1)));
    }

    [Test]
    public void LayerNormalization_Float16Input_StatisticsFollowStashType()
    {
        var g = new NnGraph(17);
        var ys = g.Run("LayerNormalization", [g.In(T(ElementType.Float16, 2, 4)), g.In(T(ElementType.Float16, 4))], 2, null, ("axis", 0L));
        Assert.That(ys[0], Is.EqualTo(T(ElementType.Float16, 2, 4)));
        Assert.That(ys[1], Is.EqualTo(F(1, 1)));
    }

    [Test]
    public void LayerNormalization_AxisOutOfRange_Fails()
    {
        var g = new NnGraph(17);
        g.Run1("LayerNormalization", [g.In(F(2, 4)), g.In(F(4))], ("axis", 2L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void GroupNormalization18_ScaleIsPerGroup()
    {
        var g = new NnGraph(18);
        var y = g.Run1("GroupNormalization", [g.In(F(2, 6, 4)), g.In(F(3)), g.In(F(3))], ("num_groups", 3L));
        Assert.That(y, Is.EqualTo(F(2, 6, 4)));
        Assert.That(g.Diagnostics, Is.Empty);
    }

    [Test]
    public void GroupNormalization21_ScaleIsPerChannel()
    {
        var g = new NnGraph(21);
        g.Run1("GroupNormalization", [g.In(F(2, 6, 4)), g.In(F(6)), g.In(F(6))], ("num_groups", 3L));
        Assert.That(g.Diagnostics, Is.Empty);
        g.Run1("GroupNormalization", [g.In(F(2, 6, 4)), g.In(F(3)), g.In(F(3))], ("num_groups", 3L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void GroupNormalization_GroupsNotDividingChannels_Fails()
    {
        var g = new NnGraph(21);
        g.Run1("GroupNormalization", [g.In(F(2, 6, 4)), g.In(F(6)), g.In(F(6))], ("num_groups", 4L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void RMSNormalization_OutputTakesScaleType()
    {
        var g = new NnGraph(23);
        var y = g.Run1("RMSNormalization", [g.In(F(Sym("B"), 7)), g.In(T(ElementType.Float16, 7))]);
        Assert.That(y, Is.EqualTo(new TensorType(ElementType.Float16, Shape.Of(Sym("B"), 7))));
        g.Run1("RMSNormalization", [g.In(F(2, 7)), g.In(F(7))], ("axis", -3L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void LRN_AndLpNormalization_KeepShape()
    {
        var g = new NnGraph(13);
        Assert.That(g.Run1("LRN", [g.In(F(1, 5, 3, 3))], ("size", 3L)), Is.EqualTo(F(1, 5, 3, 3)));
        Assert.That(g.Run1("LpNormalization", [g.In(F(4, Unk))], ("p", 1L)), Is.EqualTo(F(4, Unk)));
        g.Run1("LpNormalization", [g.In(F(4, 2))], ("p", 3L));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void MeanVarianceNormalization_Versions1And9_DifferInAttributes()
    {
        OperatorRegistry.Default.TryResolve("", "MeanVarianceNormalization", 1, out var v1);
        OperatorRegistry.Default.TryResolve("", "MeanVarianceNormalization", 13, out var v13);
        Assert.That(v1!.Attributes.ContainsKey("across_channels"), Is.True);
        Assert.That(v13!.Attributes.ContainsKey("axes"), Is.True);
        var g = new NnGraph(13);
        Assert.That(g.Run1("MeanVarianceNormalization", [g.In(F(3, 3, 3, 1))]), Is.EqualTo(F(3, 3, 3, 1)));
        g.Run1("MeanVarianceNormalization", [g.In(F(3, 3))], ("axes", new long[] { 5 }));
        Assert.That(g.Failed, Is.True);
    }

    [Test]
    public void InstanceNormalization_Version1HasConsumedInputs()
    {
        OperatorRegistry.Default.TryResolve("", "InstanceNormalization", 5, out var v1);
        OperatorRegistry.Default.TryResolve("", "InstanceNormalization", 6, out var v6);
        Assert.That(v1!.Attributes.ContainsKey("consumed_inputs"), Is.True);
        Assert.That(v6!.Attributes.ContainsKey("consumed_inputs"), Is.False);
    }

    [Test]
    public void LayerNormalization_UnrankedX_StatisticsAreFloatOfUnknownShape()
    {
        var g = new NnGraph(17);
        var ys = g.Run("LayerNormalization", [g.In(Unranked(ElementType.Float16)), g.In(Unranked(ElementType.Float16))], 2);
        Assert.That(ys[0], Is.EqualTo(Unranked(ElementType.Float16)));
        Assert.That(ys[1], Is.EqualTo(Unranked()));
    }
}
