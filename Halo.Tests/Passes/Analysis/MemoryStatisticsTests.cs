using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Passes.Analysis;
using NUnit.Framework;

namespace Halo.Tests.Passes.Analysis;

[TestFixture]
public sealed class MemoryStatisticsTests
{
    /// <summary>x f32[1,4] → Relu a [1,4] → MatMul(a, w f32[4,2]) b [1,2] → Relu c [1,2] (output).</summary>
    private static Graph Small()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 4));
        var a = b.AddOp("Relu", x);
        var m = b.AddOp("MatMul", a, b.AddConstant("w", TensorData.FromFloats(new float[8], 4, 2)));
        b.AddOutput(b.AddOp("Relu", m), "c");
        return b.Build();
    }

    [Test]
    public void Compute_SmallChain_GivesHandComputedBytes()
    {
        var stats = MemoryStatistics.Compute(Small());

        // Order x, a, w, b, c. While MatMul runs, a (16 bytes) and b (8) are live: peak 24.
        Assert.That(stats, Is.EqualTo(new MemoryStatistics(WeightBytes: 32, WeightCount: 1, InputBytes: 16, OutputBytes: 8,
            PeakActivationBytes: 24, PeakNode: "MatMul", UnknownSizeValues: 0)));
    }

    [Test]
    public void Compute_BranchesLiveTogether_CountsBothUntilTheirJoin()
    {
        // x f32[2,8] (64 B) → p = Relu(x), q = Sigmoid(x) (64 B each) → s = Add(p, q) (64 B): peak 192 at the Add.
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 2, 8));
        b.AddOutput(b.AddOp("Add", b.AddOp("Relu", x), b.AddOp("Sigmoid", x)), "s");

        var stats = MemoryStatistics.Compute(b.Build());

        Assert.That(stats.PeakActivationBytes, Is.EqualTo(192));
        Assert.That(stats.PeakNode, Is.EqualTo("Add"));
        Assert.That(stats.WeightBytes, Is.Zero);
    }

    [Test]
    public void Compute_SymbolicShapes_CountsUnknownSizes()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", new TensorType(ElementType.Float, Shape.Of(Dimension.Symbolic("N"), 4)));
        b.AddOutput(b.AddOp("Relu", x), "y");

        var stats = MemoryStatistics.Compute(b.Build());

        Assert.That(stats.UnknownSizeValues, Is.EqualTo(2));
        Assert.That(stats.Format(), Does.Contain("2 values have no static size"));
    }

    [Test]
    public void Format_SmallChain_PrintsHaloStyleLines()
    {
        string text = MemoryStatistics.Compute(Small()).Format();

        Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "Memory usage statistics (estimated)",
            "  Weights: 32 bytes (1 constants)",
            "  Inputs: 16 bytes",
            "  Outputs: 8 bytes",
            "  Peak activations: 24 bytes (at node 'MatMul')",
            "  Total (weights + inputs + peak activations): 72 bytes",
        }));
    }

    [Test]
    public void Compute_Resnet18_CountsItsWeights()
    {
        var stats = MemoryStatistics.Compute(PassTestSupport.LoadTorchvision("resnet18").Graph);

        // resnet18 has 11,689,512 parameters; the exporter folded its 20 BatchNorms (4,800 channels: 9,600 scales and
        // shifts) into convolution biases (4,800), leaving 11,684,712 floats.
        Assert.That(stats.WeightBytes, Is.EqualTo(11_684_712L * 4));
        Assert.That(stats.InputBytes, Is.EqualTo(3 * 224 * 224 * 4));
        Assert.That(stats.OutputBytes, Is.EqualTo(4000));
        // The first convolution's output alone is 64 x 112 x 112 floats.
        Assert.That(stats.PeakActivationBytes, Is.GreaterThanOrEqualTo(64 * 112 * 112 * 4));
        Assert.That(stats.UnknownSizeValues, Is.Zero);
    }
}
