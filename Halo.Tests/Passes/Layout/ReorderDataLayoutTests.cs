using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Halo;
using Halo.Passes.Layout;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Passes.Layout;

[TestFixture]
public sealed class ReorderDataLayoutTests
{
    private static float[] Values(int count, float scale) => [.. Enumerable.Range(0, count).Select(i => (i % 11 - 5) * scale)];

    private static AttributeMap Ints(string name, params long[] values) =>
        AttributeMap.Create([new(name, AttributeValue.FromInts([.. values]))]);

    /// <summary>x [1,3,8,8] → Conv+Relu → MaxPool → BatchNorm → Conv → Add(residual) + channel constant → Relu,
    /// outputs y = GlobalAveragePool [1,4,1,1] and z = the activation [1,4,4,4].</summary>
    private static Graph Block()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 3, 8, 8));
        var w1 = b.AddConstant("w1", TensorData.FromFloats(Values(4 * 3 * 3 * 3, 0.05f), 4, 3, 3, 3));
        var b1 = b.AddConstant("b1", TensorData.FromFloats(Values(4, 0.1f), 4));
        var c1 = b.AddOp("Conv", [x, w1, b1], Ints("pads", 1, 1, 1, 1))[0];
        var pool = b.AddOp("MaxPool", [b.AddOp("Relu", c1)], AttributeMap.Create([
            new("kernel_shape", AttributeValue.FromInts([2, 2])), new("strides", AttributeValue.FromInts([2, 2]))]))[0];
        var stats = Enumerable.Range(0, 4).Select(i => b.AddConstant("bn" + i, TensorData.FromFloats(Values(4, 0.1f).Select(v => v + 1f).ToArray(), 4))).ToArray();
        var bn = b.AddOp("BatchNormalization", [pool, .. stats], null)[0];
        var w2 = b.AddConstant("w2", TensorData.FromFloats(Values(4 * 4 * 3 * 3, 0.05f), 4, 4, 3, 3));
        var c2 = b.AddOp("Conv", [bn, w2], Ints("pads", 1, 1, 1, 1))[0];
        var shift = b.AddConstant("shift", TensorData.FromFloats(Values(4, 0.2f), 4, 1, 1));
        var act = b.AddOp("Relu", b.AddOp("Add", b.AddOp("Add", c2, pool), shift));
        b.AddOutput(b.AddOp("GlobalAveragePool", act), "y");
        b.AddOutput(act, "z");
        return b.Build();
    }

    private static Graph Reorder(Graph graph, DataLayout target, bool removeInput = false, bool removeOutput = false) =>
        PassTestSupport.Run(new ReorderDataLayout(new DataLayoutOptions
        {
            Target = target, RemoveInputTranspose = removeInput, RemoveOutputTranspose = removeOutput,
        }), graph);

    private static int HaloOps(Graph graph) => graph.TopologicalOrder.OfType<GreenOp>().Count(o => o.Operator.Domain == HaloOperatorSet.Domain);

    [Test]
    public void Reorder_ChannelLast_ConvertsEveryLayoutOperationAndKeepsOutputs()
    {
        var before = Block();

        var after = Reorder(before, DataLayout.ChannelLast);

        Assert.That(HaloOps(after), Is.EqualTo(5));
        Assert.That(PassTestSupport.CountOps(after, "Conv"), Is.Zero);
        // One transpose into NHWC at the input, one back at each output.
        Assert.That(PassTestSupport.CountOps(after, "Transpose"), Is.EqualTo(3));
        Assert.That(after.Outputs.Select(o => o.Type.ToString()), Is.EqualTo(new[] { "f32[1,4,1,1]", "f32[1,4,4,4]" }));
        PassTestSupport.AssertVerifies(after);
        PassTestSupport.AssertSameOutputs(before, after);
    }

    [Test]
    public void Reorder_ChannelLastWithoutBoundaryTransposes_DeclaresInputsAndOutputsNhwc()
    {
        var before = Block();

        var after = Reorder(before, DataLayout.ChannelLast, removeInput: true, removeOutput: true);

        Assert.That(PassTestSupport.CountOps(after, "Transpose"), Is.Zero);
        Assert.That(after.Inputs.Single().Type.ToString(), Is.EqualTo("f32[1,8,8,3]"));
        Assert.That(after.Outputs.Select(o => o.Type.ToString()), Is.EqualTo(new[] { "f32[1,1,1,4]", "f32[1,4,4,4]" }));
        Assert.That(after.Outputs.Select(after.NameOf), Is.EqualTo(new[] { "y", "z" }));
        PassTestSupport.AssertVerifies(after);
        var inputs = PassTestSupport.RandomInputs(before);
        var expected = PassTestSupport.Execute(before, inputs);
        var actual = PassTestSupport.Execute(after, new Dictionary<string, Tensor> { ["x"] = Permute(inputs["x"], 0, 2, 3, 1) });
        foreach (string name in new[] { "y", "z" })
        {
            TensorAssert.AllClose(expected[name], Permute(actual[name], 0, 3, 1, 2), PassTestSupport.Rtol, PassTestSupport.Atol, name);
        }
    }

    [Test]
    public void Reorder_ChannelFirstOfChannelLast_RestoresOnnxOperatorsWithoutTransposes()
    {
        var before = Block();
        var nhwc = Reorder(before, DataLayout.ChannelLast);

        var after = Reorder(nhwc, DataLayout.ChannelFirst);

        Assert.That(HaloOps(after), Is.Zero);
        Assert.That(PassTestSupport.CountOps(after, "Transpose"), Is.Zero);
        Assert.That(PassTestSupport.CountOps(after, "Conv"), Is.EqualTo(2));
        PassTestSupport.AssertVerifies(after);
        PassTestSupport.AssertSameOutputs(before, after);
    }

    [Test]
    public void Reorder_ChannelFirstOfOnnxGraph_ReturnsSameGraph()
    {
        var before = Block();

        Assert.That(Reorder(before, DataLayout.ChannelFirst), Is.SameAs(before));
    }

    [Test]
    public void Reorder_MaxPoolWithIndicesAndLegacyBatchNorm_ReturnsSameGraph()
    {
        // MaxPool's Indices result and BatchNormalization-7's spatial attribute have no ai.halo form.
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 8 });
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 2, 4, 4));
        var stats = Enumerable.Range(0, 4).Select(i => b.AddConstant("s" + i, TensorData.FromFloats([1f, 2f], 2))).ToArray();
        var bn = b.AddOp("BatchNormalization", [x, .. stats], AttributeMap.Create([new("spatial", AttributeValue.FromInt(1))]))[0];
        var pooled = b.AddOp("MaxPool", [bn], Ints("kernel_shape", 2, 2), outputCount: 2);
        b.AddOutput(pooled[0], "y");
        b.AddOutput(pooled[1], "i");
        var before = b.Build();
        Assert.That(b.Diagnostics, Is.Empty);

        Assert.That(Reorder(before, DataLayout.ChannelLast), Is.SameAs(before));
    }

    [TestCase("channel-last", DataLayout.ChannelLast)]
    [TestCase("Channel-First", DataLayout.ChannelFirst)]
    public void TryParseDataLayout_KnownName_ParsesIt(string text, DataLayout expected)
    {
        Assert.That(ReorderDataLayout.TryParseDataLayout(text, out var layout, out _), Is.True);
        Assert.That(layout, Is.EqualTo(expected));
    }

    [Test]
    public void TryParseDataLayout_UnknownName_ReportsHALO3120()
    {
        Assert.That(ReorderDataLayout.TryParseDataLayout("nhwc4", out _, out var diagnostic), Is.False);
        Assert.That(diagnostic!.Id, Is.EqualTo("HALO3120"));
        Assert.That(diagnostic.Message, Does.Contain("nhwc4"));
    }

    [Test]
    [Category("Slow")]
    public void Reorder_Resnet18ChannelLast_KeepsOutputsWithTwoTransposes()
    {
        var model = PassTestSupport.LoadTorchvision("resnet18");

        var after = Reorder(model.Graph, DataLayout.ChannelLast);
        var noInputTranspose = Reorder(model.Graph, DataLayout.ChannelLast, removeInput: true);

        // Into NHWC at the input, back to NCHW before Flatten; every Conv, MaxPool and the GlobalAveragePool converted.
        Assert.That(PassTestSupport.CountOps(after, "Transpose"), Is.EqualTo(2));
        Assert.That(PassTestSupport.CountOps(after, "Conv") + PassTestSupport.CountOps(after, "MaxPool"), Is.Zero);
        Assert.That(PassTestSupport.CountOps(noInputTranspose, "Transpose"), Is.EqualTo(1));
        Assert.That(noInputTranspose.Inputs.Single().Type.ToString(), Is.EqualTo("f32[1,224,224,3]"));
        var inputs = PassTestSupport.RandomInputs(model.Graph);
        var expected = PassTestSupport.Execute(model.Graph, inputs)["output"];
        TensorAssert.AllClose(expected, PassTestSupport.Execute(after, inputs)["output"], PassTestSupport.Rtol, PassTestSupport.Atol);
        var transposed = new Dictionary<string, Tensor> { ["input"] = Permute(inputs["input"], 0, 2, 3, 1) };
        TensorAssert.AllClose(expected, PassTestSupport.Execute(noInputTranspose, transposed)["output"], PassTestSupport.Rtol, PassTestSupport.Atol);
    }

    [TestCaseSource(typeof(PassTestSupport), nameof(PassTestSupport.TorchvisionModels))]
    [Category("Slow")]
    public void Reorder_TorchvisionModelChannelLastAndBack_KeepsOutputs(string name)
    {
        var model = PassTestSupport.LoadTorchvision(name);

        var nhwc = Reorder(model.Graph, DataLayout.ChannelLast);
        var back = Reorder(nhwc, DataLayout.ChannelFirst);

        Assert.That(PassTestSupport.CountOps(nhwc, "Conv"), Is.Zero);
        Assert.That(HaloOps(back), Is.Zero);
        Assert.That(PassTestSupport.CountOps(back, "Transpose"), Is.EqualTo(PassTestSupport.CountOps(model.Graph, "Transpose")));
        PassTestSupport.AssertVerifies(nhwc);
        var inputs = PassTestSupport.RandomInputs(model.Graph);
        var expected = PassTestSupport.Execute(model.Graph, inputs)["output"];
        TensorAssert.AllClose(expected, PassTestSupport.Execute(nhwc, inputs)["output"], PassTestSupport.Rtol, PassTestSupport.Atol, "channel-last");
        TensorAssert.AllClose(expected, PassTestSupport.Execute(back, inputs)["output"], PassTestSupport.Rtol, PassTestSupport.Atol, "channel-first");
    }

    /// <summary>A rank-4 float tensor transposed by <paramref name="perm"/> (output axis d is input axis perm[d]).</summary>
    private static Tensor Permute(Tensor t, params int[] perm)
    {
        int[] dims = t.Shape.ToArray();
        int[] outDims = [.. perm.Select(p => dims[p])];
        var src = t.ToArray<float>();
        var dst = new float[src.Length];
        var at = new int[4];
        for (int i = 0; i < dst.Length; i++)
        {
            int rest = i;
            for (int d = 3; d >= 0; d--)
            {
                at[perm[d]] = rest % outDims[d];
                rest /= outDims[d];
            }
            dst[i] = src[(((((at[0] * dims[1]) + at[1]) * dims[2]) + at[2]) * dims[3]) + at[3]];
        }
        return Tensor.Create<float>(dst, outDims);
    }
}
