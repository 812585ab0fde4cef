using System.Collections.Immutable;
using Halo.Backends.Interpreter;
using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>The composite lowerings (Attention, RotaryEmbedding, Trilu, DepthToSpace/SpaceToDepth, CenterCropPad,
/// the quantized matrix and convolution operators, DynamicQuantizeLinear and the generators) on small graphs built
/// in code: generated as C++ and C, built against the reference runtime in one batch per target, and compared with
/// the reference evaluator (the interpreter's semantics).</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaCompositionNativeTests
{
    private const long Opset = 23;

    private static readonly Dictionary<OdlaTarget, Lazy<OdlaModelBatch>> s_batches = new()
    {
        [OdlaTarget.Cxx] = new(() => Build(OdlaTarget.Cxx)),
        [OdlaTarget.C] = new(() => Build(OdlaTarget.C)),
    };

    private static readonly (string Name, Func<Graph> Graph)[] s_cases =
    [
        ("attention_3d_gqa_past_causal_softcap", () => SingleOp("Attention", Attrs(("q_num_heads", 4L), ("kv_num_heads", 2L), ("is_causal", 1L),
            ("softcap", 2f), ("qk_matmul_output_mode", 2L)), 4, Opset, F32(2, 3, 8), F32(2, 2, 4), F32(2, 2, 6), F32(3, 3), F32(2, 2, 2, 2), F32(2, 2, 2, 3))),
        ("attention_4d_bool_mask_scaled", () => SingleOp("Attention", Attrs(("scale", 0.3f), ("qk_matmul_output_mode", 3L)), 4, Opset,
            F32(2, 2, 3, 4), F32(2, 2, 5, 4), F32(2, 2, 5, 3), TensorType.Of(ElementType.Bool, 3, 5))),
        ("attention_4d_float16_past", () => SingleOp("Attention", Attrs(("qk_matmul_output_mode", 1L)), 4, Opset, F16(1, 2, 3, 4), F16(1, 2, 2, 4),
            F16(1, 2, 2, 4), F16(3, 4), F16(1, 2, 2, 4), F16(1, 2, 2, 4))),
        ("rotary_4d_interleaved_partial", () => SingleOp("RotaryEmbedding", Attrs(("interleaved", 1L), ("rotary_embedding_dim", 4L)), 1, Opset,
            F32(2, 2, 3, 6), F32(8, 2), F32(8, 2), Ints64([2, 3], 0, 2, 4, 1, 3, 7))),
        ("rotary_3d_halves", () => SingleOp("RotaryEmbedding", Attrs(("num_heads", 2L)), 1, Opset, F32(2, 3, 8), F32(2, 3, 2), F32(2, 3, 2))),
        ("rotary_3d_float16_positions", () => SingleOp("RotaryEmbedding", Attrs(("num_heads", 2L)), 1, Opset, F16(1, 3, 8), F16(4, 2), F16(4, 2),
            Ints64([1, 3], 3, 0, 1))),
        ("trilu_lower_k", () => SingleOp("Trilu", Attrs(("upper", 0L)), 1, Opset, TensorType.Of(ElementType.Int32, 2, 3, 4),
            TensorData.FromInt64s([-1], []))),
        ("depth_to_space_crd", () => SingleOp("DepthToSpace", Attrs(("blocksize", 2L), ("mode", "CRD")), 1, Opset, F32(1, 8, 2, 3))),
        ("space_to_depth", () => SingleOp("SpaceToDepth", Attrs(("blocksize", 2L)), 1, Opset, F32(1, 2, 4, 6))),
        ("center_crop_pad", () => SingleOp("CenterCropPad", Attrs(("axes", new long[] { -1, 1 })), 1, Opset, F32(2, 5, 4), Ints64([2], 6, 3))),
        ("qlinear_matmul_3d", () => SingleOp("QLinearMatMul", null, 1, Opset, U8(2, 3, 4), ScalarF(0.02f), ScalarU8(120), U8(4, 5),
            ScalarF(0.03f), ScalarU8(130), ScalarF(0.05f), ScalarU8(128))),
        ("matmul_integer", () => SingleOp("MatMulInteger", null, 1, Opset, U8(3, 4), TensorType.Of(ElementType.Int8, 4, 2),
            ScalarU8(12), Typed(ElementType.Int8, [], -3))),
        ("conv_integer", () => SingleOp("ConvInteger", Attrs(("pads", new long[] { 1, 1, 1, 1 })), 1, Opset, U8(1, 2, 4, 4), U8(3, 2, 3, 3),
            ScalarU8(100), ScalarU8(90))),
        ("qlinear_conv_per_channel", () => SingleOp("QLinearConv", Attrs(("strides", new long[] { 2, 2 })), 1, Opset, U8(1, 2, 5, 5), ScalarF(0.02f),
            ScalarU8(110), U8(3, 2, 3, 3), TensorData.FromFloats([0.01f, 0.02f, 0.015f], 3), Typed(ElementType.UInt8, [3], 120, 125, 130),
            ScalarF(0.2f), ScalarU8(100), Typed(ElementType.Int32, [3], 50, -40, 10))),
        ("dynamic_quantize_linear", () => SingleOp("DynamicQuantizeLinear", null, 3, Opset, F32(3, 5))),
        ("eye_like", () => SingleOp("EyeLike", Attrs(("k", 1L), ("dtype", 6L)), 1, Opset, F32(3, 4))),
        ("range", () => SingleOp("Range", null, 1, Opset, ScalarF(1f), ScalarF(3.5f), ScalarF(0.5f))),
        ("hann_window", () => SingleOp("HannWindow", Attrs(("periodic", 0L)), 1, Opset, TensorData.FromInt64s([7], []))),
        ("constant_of_shape", () => SingleOp("ConstantOfShape", Attrs(("value", TensorData.FromFloats([2.5f], 1))), 1, Opset, Ints64([2], 2, 3))),
    ];

    public static IEnumerable<TestCaseData> Cases() => from target in new[] { OdlaTarget.Cxx, OdlaTarget.C }
        from i in Enumerable.Range(0, s_cases.Length)
        select new TestCaseData(target, i).SetName($"Lower_{s_cases[i].Name}_{target}_MatchesReferenceEvaluator");

    [TestCaseSource(nameof(Cases))]
    public void Lower_CompositeOperator_MatchesReferenceEvaluator(OdlaTarget target, int index)
    {
        var graph = s_cases[index].Graph();
        var inputs = graph.Inputs.Select((input, i) => (RuntimeValue)new TensorValue(Values((TensorType)input.Type, seed: i + 1))).ToList();
        var expected = ReferenceEvaluator.Default.Evaluate(graph, inputs);
        var bag = new DiagnosticBag();

        using var model = s_batches[target].Value.Prepare(index, bag);

        Assert.That(bag.ToImmutable(), Is.Empty);
        var actual = model!.Run(inputs);
        for (int o = 0; o < expected.Length; o++)
        {
            TensorAssert.AllClose(Tensor.FromTensorData(((TensorValue)expected[o]).Data), Tensor.FromTensorData(((TensorValue)actual[o]).Data),
                rtol: 1e-4, atol: 1e-5, $"output {o}");
        }
    }

    private static OdlaModelBatch Build(OdlaTarget target) => OdlaModelBatch.Build(
        [.. s_cases.Select(c => new OdlaBatchModel(c.Name, c.Graph()))], new GraphBuilder().Registry, new OdlaBuildSettings { Target = target });

    private static TensorType F16(params long[] dims) => TensorType.Of(ElementType.Float16, dims);

    private static TensorType U8(params long[] dims) => TensorType.Of(ElementType.UInt8, dims);

    private static TensorData ScalarF(float value) => TensorData.FromFloats([value], []);

    private static TensorData ScalarU8(long value) => Typed(ElementType.UInt8, [], value);

    private static TensorData Typed(ElementType type, long[] dims, params long[] values) => TensorFactory.FromInt64s(type, values, [.. dims]);

    private static TensorData Ints64(long[] dims, params long[] values) => TensorData.FromInt64s(values, dims);

    /// <summary>Deterministic operand values: floats in [-1, 1), integers over their type's range (bool alternates).</summary>
    private static TensorData Values(TensorType type, int seed)
    {
        long count = type.Shape.ElementCount!.Value;
        var values = new double[count];
        uint state = (uint)seed * 2654435761u;
        for (int i = 0; i < count; i++)
        {
            state = (state * 1664525u) + 1013904223u;
            double unit = (state >> 8) / (double)(1 << 24);
            values[i] = type.ElementType switch
            {
                ElementType.UInt8 => Math.Floor(unit * 256),
                ElementType.Int8 => Math.Floor(unit * 256) - 128,
                ElementType.Int32 => Math.Floor(unit * 2000) - 1000,
                ElementType.Bool => (i % 3) == 2 ? 0 : 1,
                _ => (unit * 2) - 1,
            };
        }
        return TensorFactory.FromDoubles(type.ElementType, values, type.Shape.ToSizes().ToImmutableArray());
    }
}
