using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>Each lowering emits the right ODLA call with its attributes converted.</summary>
[TestFixture]
public sealed class OdlaLoweringTests
{
    [Test]
    public void Conv_PadsStridesDilationsGroup_ConvertToOdlaArrays()
    {
        var graph = SingleOp("Conv", Attrs(("pads", new long[] { 1, 2, 3, 4 }), ("strides", new long[] { 2, 1 }), ("dilations", new long[] { 1, 2 }),
            ("group", 2L)), 1, F32(1, 4, 10, 10), Floats([6, 2, 3, 3], new float[108]), Floats([6], new float[6]));
        string call = Call(Generate(graph).SourceText, "odla_Conv");
        Assert.That(call, Does.Contain("odla_Conv(v0, ODLA_CHANNELS_FIRST, 2, v1, ODLA_OIS, {2, 1}, {1, 2}, {1, 2}, {3, 4}, v2, m_shape(4, {1, 6, 6, 12}), (odla_value_id)\"y0\")"));
    }

    [Test]
    public void Conv_AutoPadSameUpper_SplitsTotalPaddingBackHeavy()
    {
        var graph = SingleOp("Conv", Attrs(("auto_pad", "SAME_UPPER"), ("strides", new long[] { 2, 2 })), 1,
            F32(1, 1, 6, 6), Floats([1, 1, 4, 4], new float[16]));
        string call = Call(Generate(graph).SourceText, "odla_Conv");
        Assert.That(call, Does.Contain("{2, 2}, {1, 1}, {1, 1}, {1, 1}, NULL, m_shape(4, {1, 1, 3, 3})"));
    }

    [Test]
    public void ConvTranspose_LowersToDeConvWithIosKernel()
    {
        var graph = SingleOp("ConvTranspose", Attrs(("strides", new long[] { 2, 2 })), 1, F32(1, 2, 3, 3), Floats([2, 3, 2, 2], new float[24]));
        Assert.That(Call(Generate(graph).SourceText, "odla_DeConv"), Does.Contain("odla_DeConv(v0, ODLA_CHANNELS_FIRST, 1, v1, ODLA_IOS, {2, 2}, {1, 1}, {0, 0}, {0, 0}, NULL, m_shape(4, {1, 3, 6, 6})"));
    }

    [Test]
    public void MaxPool_CeilMode_ExtendsBackPadding()
    {
        var graph = SingleOp("MaxPool", Attrs(("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L)), 1, F32(1, 1, 6, 6));
        Assert.That(Call(Generate(graph).SourceText, "odla_MaxPool"), Does.Contain("odla_MaxPool(v0, ODLA_CHANNELS_FIRST, {3, 3}, {2, 2}, {0, 0}, {1, 1}, m_shape(4, {1, 1, 3, 3})"));
    }

    [Test]
    public void AveragePool_CountIncludePad_PassesPaddingIncluded()
    {
        var graph = SingleOp("AveragePool", Attrs(("kernel_shape", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("count_include_pad", 1L)), 1, F32(1, 1, 4, 4));
        Assert.That(Call(Generate(graph).SourceText, "odla_AveragePool"), Does.Contain("{2, 2}, {1, 1}, {1, 1}, {1, 1}, 1, m_shape(4, {1, 1, 5, 5})"));
    }

    [Test]
    public void GlobalAveragePool_LowersToAveragePoolOverSpatialDims()
    {
        var graph = SingleOp("GlobalAveragePool", null, 1, F32(1, 8, 7, 5));
        Assert.That(Call(Generate(graph).SourceText, "odla_AveragePool"), Does.Contain("odla_AveragePool(v0, ODLA_CHANNELS_FIRST, {7, 5}, {1, 1}, {0, 0}, {0, 0}, 0, m_shape(4, {1, 8, 1, 1})"));
    }

    [Test]
    public void Gemm_TransBAlphaBeta_AreConverted()
    {
        var graph = SingleOp("Gemm", Attrs(("transB", 1L), ("alpha", 0.5f), ("beta", 2f)), 1, F32(2, 3), F32(4, 3), F32(4));
        Assert.That(Call(Generate(graph).SourceText, "odla_Gemm"), Does.Contain("odla_Gemm(v0, 0, v1, 1, 0.5f, 2.0f, v2, m_shape(2, {2, 4}), (odla_value_id)\"y0\")"));
    }

    [Test]
    public void MatMul_TwoDimensional_LowersToGemm()
    {
        var graph = SingleOp("MatMul", null, 1, F32(1, 784), Floats([784, 10], new float[7840]));
        Assert.That(Call(Generate(graph).SourceText, "odla_Gemm"), Does.Contain("odla_Gemm(v0, 0, v1, 0, 1.0f, 0.0f, NULL, m_shape(2, {1, 10})"));
    }

    [Test]
    public void MatMul_Batched_LowersToBatchMatMul()
    {
        var graph = SingleOp("MatMul", null, 1, F32(2, 3, 4), F32(2, 4, 5));
        Assert.That(Call(Generate(graph).SourceText, "odla_BatchMatMul"), Does.Contain("odla_BatchMatMul(v0, 0, v1, 0, m_shape(3, {2, 3, 5})"));
    }

    [TestCase("Flatten")]
    [TestCase("Reshape")]
    public void ReshapeAndFlatten_UseTheStaticOutputShape(string op)
    {
        var graph = op == "Flatten" ? SingleOp(op, null, 1, F32(2, 3, 4)) : SingleOp(op, null, 1, F32(2, 3, 4), Ints(2, -1));
        Assert.That(Call(Generate(graph).SourceText, "odla_Reshape"), Does.Contain("odla_Reshape(v0, m_shape(2, {2, 12})"));
    }

    [Test]
    public void Clip_ConstantBounds_LowersToClamp()
    {
        var graph = SingleOp("Clip", null, 1, F32(1, 4), TensorData.FromFloats([0f]), TensorData.FromFloats([6f]));
        Assert.That(Call(Generate(graph).SourceText, "odla_Clamp"), Does.Contain("odla_Clamp(v0, 0.0f, 6.0f, (odla_value_id)\"y0\")"));
    }

    [Test]
    public void Clip_NoBounds_UsesInfinities()
    {
        var graph = SingleOp("Clip", null, 1, F32(3));
        Assert.That(Call(Generate(graph).SourceText, "odla_Clamp"), Does.Contain("odla_Clamp(v0, (-INFINITY), INFINITY,"));
    }

    [TestCase(13L, "odla_Softmax(v0, 1,")]
    [TestCase(11L, "odla_Softmax(v0, 1,")]
    public void Softmax_LastAxis_PassesAxis(long opset, string expected)
    {
        var graph = SingleOp("Softmax", null, 1, opset, F32(1, 10));
        Assert.That(Call(Generate(graph).SourceText, "odla_Softmax"), Does.Contain(expected));
    }

    [Test]
    public void Softmax_Opset11InnerAxis_CoercesTo2D()
    {
        var graph = SingleOp("Softmax", Attrs(("axis", 1L)), 1, 11L, F32(2, 3, 4));
        string source = Generate(graph).SourceText;
        Assert.That(Call(source, "odla_Reshape"), Does.Contain("m_shape(2, {2, 12})"));
        Assert.That(Call(source, "odla_Softmax"), Does.Contain(", 1, "));
    }

    [Test]
    public void Transpose_PassesPermutationAsShape()
    {
        var graph = SingleOp("Transpose", Attrs(("perm", new long[] { 0, 2, 1 })), 1, F32(1, 2, 3));
        Assert.That(Call(Generate(graph).SourceText, "odla_Transpose"), Does.Contain("odla_Transpose(v0, m_shape(3, {0, 2, 1}), m_shape(3, {1, 3, 2})"));
    }

    [Test]
    public void Concat_NegativeAxis_IsNormalized()
    {
        var graph = SingleOp("Concat", Attrs(("axis", -1L)), 1, F32(2, 3), F32(2, 5));
        string source = Generate(graph).SourceText;
        Assert.That(source, Does.Contain("odla_value in"));
        Assert.That(Call(source, "odla_Concat"), Does.Contain(", 1, m_shape(2, {2, 8})"));
    }

    [Test]
    public void Split_UnequalParts_OneSlicePerOutput()
    {
        var graph = SingleOp("Split", Attrs(("axis", 1L)), 2, F32(1, 5), Ints(2, 3));
        var lines = Generate(graph).SourceText.Split('\n').Where(l => l.Contains("odla_Slice(", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(2));
        string source = Generate(graph).SourceText;
        Assert.That(source, Does.Contain("static const odla_int32 a1[2] = {0, 2};").Or.Contain("= {0, 2};"));
        Assert.That(source, Does.Contain("= {1, 5};"));
    }

    [Test]
    public void Slice_NegativeAndClampedIndices_AreResolved()
    {
        var graph = SingleOp("Slice", null, 1, F32(4, 6), Ints(1, -3), Ints(100, -1), Ints(0, 1), Ints(1, 1));
        Assert.That(Call(Generate(graph).SourceText, "odla_Slice"), Does.Contain("odla_Slice(v0, {1, 3}, {4, 5}, {1, 1}, m_shape(2, {3, 2})"));
    }

    [Test]
    public void Pad_ConstantPads_SplitIntoFrontAndBack()
    {
        var graph = SingleOp("Pad", null, 1, F32(1, 2), Ints(0, 1, 2, 3));
        Assert.That(Call(Generate(graph).SourceText, "odla_Pad"), Does.Contain("odla_Pad(v0, {0, 1}, {2, 3}, m_shape(2, {3, 6})"));
    }

    [Test]
    public void SqueezeUnsqueeze_LowerToSqueezeAndExpandDims()
    {
        Assert.That(Call(Generate(SingleOp("Squeeze", null, 1, F32(1, 3, 1), Ints(0))).SourceText, "odla_Squeeze"),
            Does.Contain("odla_Squeeze(v0, 1, {0}, m_shape(2, {3, 1})"));
        Assert.That(Call(Generate(SingleOp("Unsqueeze", null, 1, F32(3), Ints(0))).SourceText, "odla_ExpandDims"),
            Does.Contain("odla_ExpandDims(v0, m_shape(2, {1, 3})"));
    }

    [Test]
    public void ReduceMean_AxesAndKeepDims_AreConverted()
    {
        var graph = SingleOp("ReduceMean", Attrs(("axes", new long[] { -1, 2 }), ("keepdims", 0L)), 1, 13L, F32(1, 2, 3, 4));
        Assert.That(Call(Generate(graph).SourceText, "odla_ReduceMean"), Does.Contain("odla_ReduceMean(v0, 2, {2, 3}, 0, m_shape(2, {1, 2})"));
    }

    [Test]
    public void ArgMax_PassesOutputTypeInt64()
    {
        var graph = SingleOp("ArgMax", Attrs(("axis", 1L)), 1, F32(2, 5));
        Assert.That(Call(Generate(graph).SourceText, "odla_ArgMax"), Does.Contain("odla_ArgMax(v0, 1, 1, 0, m_type(ODLA_INT64, m_shape(2, {2, 1}))"));
    }

    [Test]
    public void TopK_TwoOutputs_UseValuesAndIds()
    {
        string source = Generate(SingleOp("TopK", null, 2, F32(2, 5), Ints(3))).SourceText;
        Assert.That(Call(source, "odla_TopK"), Does.Contain("odla_TopK(v0, 3, 1, 1, 1, m_type(ODLA_FLOAT32, m_shape(2, {2, 3})), m_type(ODLA_INT64, m_shape(2, {2, 3})), m_ids(2, ids"));
        Assert.That(source, Does.Contain(".values[1]"));
    }

    [TestCase("Relu", "odla_Relu(v0, ")]
    [TestCase("Sigmoid", "odla_Sigmoid(v0, ")]
    [TestCase("Exp", "odla_Exp(v0, ")]
    [TestCase("Acos", "odla_ACos(v0, ")]
    [TestCase("Tanh", "odla_Tanh(v0, ")]
    [TestCase("LeakyRelu", "odla_LeakyRelu(v0, 0.01f, ")]
    [TestCase("Elu", "odla_Elu(v0, 1.0f, ")]
    [TestCase("HardSigmoid", "odla_HardSigmoid(v0, 0.2f, 0.5f, ")]
    public void Unary_LowersToItsOdlaFunction(string op, string expected) =>
        Assert.That(Generate(SingleOp(op, null, 1, F32(2, 2))).SourceText, Does.Contain(expected));

    [TestCase("Add", "odla_Add(v0, v1, ")]
    [TestCase("Mul", "odla_Mul(v0, v1, ")]
    [TestCase("Pow", "odla_Pow(v0, v1, ")]
    [TestCase("Less", "odla_Less(v0, v1, ")]
    [TestCase("PRelu", "odla_PRelu(v0, v1, ")]
    public void Binary_LowersToItsOdlaFunction(string op, string expected) =>
        Assert.That(Generate(SingleOp(op, null, 1, F32(2, 2), F32(2, 2))).SourceText, Does.Contain(expected));

    [Test]
    public void Max_ThreeInputs_ChainsBinaryCalls()
    {
        string source = Generate(SingleOp("Max", null, 1, F32(2), F32(2), F32(2))).SourceText;
        Assert.That(source, Does.Contain("odla_Max(v0, v1, ").And.Contain("odla_Max(v3, v2, (odla_value_id)\"y0\")"));
    }

    [Test]
    public void Cast_PassesTargetElementType()
    {
        var graph = SingleOp("Cast", Attrs(("to", (long)ElementType.Int32)), 1, F32(3));
        Assert.That(Call(Generate(graph).SourceText, "odla_Cast"), Does.Contain("odla_Cast(v0, ODLA_INT32, "));
    }

    [Test]
    public void BatchNormalization_Inference_PassesMeanVarScaleOffset()
    {
        var graph = SingleOp("BatchNormalization", Attrs(("epsilon", 1e-3f)), 1, F32(1, 2, 3, 3), F32(2), F32(2), F32(2), F32(2));
        Assert.That(Call(Generate(graph).SourceText, "odla_BatchNormalization"),
            Does.Contain("odla_BatchNormalization(v0, ODLA_CHANNELS_FIRST, v3, v4, 0.001f, v1, v2, 1.0f, 0.0f, "));
    }

    [Test]
    public void Resize_NearestAsymmetric_MasksResizedAxes()
    {
        var graph = SingleOp("Resize", Attrs(("coordinate_transformation_mode", "asymmetric")), 1,
            F32(1, 1, 2, 2), null, TensorData.FromFloats([1f, 1f, 2f, 3f], 4));
        Assert.That(Call(Generate(graph).SourceText, "odla_Resize"), Does.Contain("odla_Resize(v0, ODLA_NEAREST, ODLA_ASSYMMETRIC, 3, m_shape(4, {1, 1, 4, 6})"));
    }

    [Test]
    public void Resize_ConstantScalesOtherThanOutputOverInput_PassesThemToHaloResize()
    {
        var graph = SingleOp("Resize", Attrs(("mode", "linear")), 1, F32(1, 1, 2, 4), null, TensorData.FromFloats([1f, 1f, 0.6f, 0.6f], 4));
        Assert.That(Call(Generate(graph).SourceText, "odla_HaloResize"),
            Does.Contain("odla_HaloResize(v0, ODLA_LINEAR, ODLA_HALO_RESIZE_HALF_PIXEL, ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR, -0.75f, 0, 0, " +
                "{1.0f, 1.0f, 0.6f, 0.6f}, m_shape(4, {1, 1, 1, 2})"));
    }

    [Test]
    public void Identity_AliasesItsOperand_NoOdlaCall()
    {
        var artifacts = Generate(SingleOp("Identity", null, 1, F32(2)));
        Assert.That(artifacts.SourceText, Does.Not.Contain("odla_SetValueAsOutput"));
        Assert.That(artifacts.SourceText, Does.Contain("memcpy(outputs[0], inputs[0], 8);"));
    }

    [Test]
    public void Lstm_AllOutputs_AskForHiddenAndCellStates()
    {
        string source = Generate(SingleOp("LSTM", Attrs(("hidden_size", 4L)), 3, F32(2, 1, 3), F32(1, 16, 3), F32(1, 16, 4))).SourceText;
        Assert.That(Call(source, "odla_LSTM"), Does.Contain("odla_LSTM(v0, ODLA_RNN_LDGOI, ODLA_RNN_IOFC, m_shape(3, {1, 16, 3}), v1, v2, NULL, NULL, NULL, NULL, NULL, 4, ODLA_RNN_FORWARD, ODLA_RNN_HIDDEN_CELL_STATE, m_ids(3, ids"));
        Assert.That(source, Does.Contain(".values[2]"));
    }

    [Test]
    public void Gru_OnlyHiddenStateUsed_ReturnsYThenYh()
    {
        var b = new GraphBuilder();
        var outputs = b.AddOp("GRU", [b.AddInput("x", F32(2, 1, 3)), b.AddInput("w", F32(1, 12, 3)), b.AddInput("r", F32(1, 12, 4))],
            Attrs(("hidden_size", 4L), ("linear_before_reset", 1L)), 2);
        b.AddOutput(outputs[1], "h");
        string source = Generate(b.Build()).SourceText;
        Assert.That(Call(source, "odla_GRU"), Does.Contain("ODLA_RNN_URO, m_shape(3, {1, 12, 3}), v1, v2, NULL, NULL, NULL, 4, ODLA_RNN_FORWARD, 1, ODLA_RNN_HIDDEN_STATE, m_ids(2, "));
        Assert.That(source, Does.Contain(".values[1]").And.Not.Contain(".values[0]"));
    }
}
