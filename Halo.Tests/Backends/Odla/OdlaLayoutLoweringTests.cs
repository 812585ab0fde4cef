using System.Collections.Immutable;
using Halo.Backends.Odla.Lowering;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Operators;
using Halo.Core.Operators.Halo;
using Halo.Passes.Layout;
using Halo.Tests.Passes;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>The <c>ai.halo</c> layout operators lower to the ODLA calls of their ONNX namesakes with the data in the
/// layout their <c>data_layout</c> names (weights OIHW, per-channel operands [C]).</summary>
[TestFixture]
public sealed class OdlaLayoutLoweringTests
{
    /// <summary>One <c>ai.halo</c> <paramref name="op"/> over graph input x0 (<paramref name="x"/>) and constants c1...</summary>
    private static Graph HaloOp(string op, AttributeMap attributes, TensorType x, params TensorData[] constants)
    {
        var b = new GraphBuilder();
        var operands = ImmutableArray.CreateBuilder<ValueRef>();
        operands.Add(b.AddInput("x0", x));
        for (int i = 0; i < constants.Length; i++)
        {
            operands.Add(b.AddConstant("c" + (i + 1), constants[i]));
        }
        var y = b.AddOp(op, operands.ToImmutable(), attributes, domain: HaloOperatorSet.Domain, nodeName: "n")[0];
        Assert.That(b.Diagnostics, Is.Empty, "graph construction");
        b.AddOutput(y, "y0");
        return b.Build("g");
    }

    private static AttributeMap Nhwc(params (string Name, object Value)[] items) =>
        Attrs([(HaloOperatorSet.DataLayoutAttribute, HaloOperatorSet.ChannelLast), .. items]);

    [Test]
    public void Conv_ChannelLast_PassesChannelsLastOisKernelAndNhwcOutputShape()
    {
        var graph = HaloOp("Conv", Nhwc(("pads", new long[] { 1, 2, 3, 4 }), ("strides", new long[] { 2, 1 }), ("dilations", new long[] { 1, 2 }),
            ("group", 2L)), F32(1, 10, 10, 4), Floats([6, 2, 3, 3], new float[108]), Floats([6], new float[6]));

        string call = Call(Generate(graph).SourceText, "odla_Conv");

        // The NCHW lowering of the same Conv gives {1, 6, 6, 12}: identical arrays, channel axis moved last.
        Assert.That(call, Does.Contain("odla_Conv(v0, ODLA_CHANNELS_LAST, 2, v1, ODLA_OIS, {2, 1}, {1, 2}, {1, 2}, {3, 4}, v2, m_shape(4, {1, 6, 12, 6}), (odla_value_id)\"y0\")"));
    }

    [Test]
    public void Conv_DataLayoutNchw_LowersLikeOnnxConv()
    {
        var graph = HaloOp("Conv", Attrs((HaloOperatorSet.DataLayoutAttribute, HaloOperatorSet.ChannelFirst)), F32(1, 2, 5, 5),
            Floats([3, 2, 3, 3], new float[54]));

        Assert.That(Call(Generate(graph).SourceText, "odla_Conv"),
            Does.Contain("odla_Conv(v0, ODLA_CHANNELS_FIRST, 1, v1, ODLA_OIS, {1, 1}, {1, 1}, {0, 0}, {0, 0}, NULL, m_shape(4, {1, 3, 3, 3})"));
    }

    [Test]
    public void MaxPool_ChannelLastCeilMode_UsesNhwcSpatialSizesForPadding()
    {
        var graph = HaloOp("MaxPool", Nhwc(("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L)), F32(1, 6, 8, 2));

        Assert.That(Call(Generate(graph).SourceText, "odla_MaxPool"),
            Does.Contain("odla_MaxPool(v0, ODLA_CHANNELS_LAST, {3, 3}, {2, 2}, {0, 0}, {1, 1}, m_shape(4, {1, 3, 4, 2})"));
    }

    [Test]
    public void AveragePool_ChannelLastCountIncludePad_PassesPaddingIncluded()
    {
        var graph = HaloOp("AveragePool", Nhwc(("kernel_shape", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("count_include_pad", 1L)),
            F32(1, 4, 4, 3));

        Assert.That(Call(Generate(graph).SourceText, "odla_AveragePool"),
            Does.Contain("odla_AveragePool(v0, ODLA_CHANNELS_LAST, {2, 2}, {1, 1}, {1, 1}, {1, 1}, 1, m_shape(4, {1, 5, 5, 3})"));
    }

    [Test]
    public void GlobalAveragePool_ChannelLast_WindowsTheMiddleAxes()
    {
        var graph = HaloOp("GlobalAveragePool", Nhwc(), F32(1, 7, 5, 8));

        Assert.That(Call(Generate(graph).SourceText, "odla_AveragePool"),
            Does.Contain("odla_AveragePool(v0, ODLA_CHANNELS_LAST, {7, 5}, {1, 1}, {0, 0}, {0, 0}, 0, m_shape(4, {1, 1, 1, 8})"));
    }

    [Test]
    public void BatchNormalization_ChannelLast_PassesMeanVarianceScaleOffsetPerChannel()
    {
        var channel = Floats([3], 1f, 2f, 3f);
        var graph = HaloOp("BatchNormalization", Nhwc(("epsilon", 1e-3f)), F32(1, 4, 4, 3), channel, channel, channel, channel);

        string call = Call(Generate(graph).SourceText, "odla_BatchNormalization");

        // odla_BatchNormalization(input, layout, mean, var, epsilon, scale, offset, ...): ONNX operands 3, 4, 1, 2.
        Assert.That(call, Does.Match(@"odla_BatchNormalization\(v0, ODLA_CHANNELS_LAST, (v\d+), (v\d+), 0\.001f, (v\d+), (v\d+), 1\.0f, 0\.0f, \(odla_value_id\)""y0""\)"));
    }

    [Test]
    public void Table_EveryHaloLayoutOperator_HasALowering()
    {
        foreach (string name in HaloOperatorSet.LayoutOperators)
        {
            Assert.That(OperatorRegistry.Default.TryResolve(HaloOperatorSet.Domain, name, HaloOperatorSet.Version, out var schema), Is.True, name);
            Assert.That(LoweringTable.Default.Find(schema!.Id), Is.Not.Null, name);
        }
    }

    [Test]
    public void Generate_ReorderedGraph_TransposesAtTheInputUnlessRemoved()
    {
        var b = new GraphBuilder(opsets: PassTestSupport.Opset17);
        var x = b.AddInput("x", TensorType.Of(ElementType.Float, 1, 3, 8, 8));
        var w = b.AddConstant("w", TensorData.FromFloats(new float[4 * 3 * 3 * 3], 4, 3, 3, 3));
        var conv = b.AddOp("Relu", b.AddOp("Conv", [x, w], Attrs(("pads", new long[] { 1, 1, 1, 1 })))[0]);
        b.AddOutput(b.AddOp("GlobalAveragePool", conv), "y");
        var graph = b.Build("g");

        string kept = Generate(Reorder(graph, removeInput: false)).SourceText;
        var removed = Generate(Reorder(graph, removeInput: true));

        Assert.That(Call(kept, "odla_Conv"), Does.Contain("ODLA_CHANNELS_LAST"));
        Assert.That(Call(removed.SourceText, "odla_Conv"), Does.Contain("ODLA_CHANNELS_LAST"));
        Assert.That(Call(kept, "odla_Transpose"), Does.Contain("{0, 2, 3, 1}"), "NCHW input transposed into NHWC");
        Assert.That(removed.SourceText, Does.Not.Contain("{0, 2, 3, 1}"));
        Assert.That(Count(removed.SourceText, "odla_Transpose("), Is.EqualTo(Count(kept, "odla_Transpose(") - 1));
        Assert.That(removed.HeaderText, Does.Contain("x[1 * 8 * 8 * 3]"));
    }

    private static Graph Reorder(Graph graph, bool removeInput) => PassTestSupport.Run(new ReorderDataLayout(new DataLayoutOptions
    {
        Target = DataLayout.ChannelLast, RemoveInputTranspose = removeInput,
    }), graph);

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
