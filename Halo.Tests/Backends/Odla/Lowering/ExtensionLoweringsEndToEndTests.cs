using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla.Lowering;

/// <summary>Small graphs of the operators lowered to the Halo extension and the new runtime kernels, run through
/// generated C++ and C99 code on libodla_reference and compared with the interpreter (ReferenceEvaluator).</summary>
[TestFixture]
[Category("Native")]
public sealed class ExtensionLoweringsEndToEndTests
{
    private static readonly (string Name, Func<Graph> Build)[] s_graphs =
    [
        ("gridsample_cubic_reflection", () => SingleOp("GridSample", Attrs(("mode", "cubic"), ("padding_mode", "reflection")), 1,
            F32(1, 2, 3, 4), F32(1, 2, 5, 2))),
        ("gridsample_volumetric_nearest_border", () => SingleOp("GridSample", Attrs(("mode", "nearest"), ("padding_mode", "border"),
            ("align_corners", 1L)), 1, F32(1, 1, 2, 3, 4), F32(1, 2, 2, 2, 3))),
        ("bitwise_xor_broadcast", () => SingleOp("BitwiseXor", null, 1, TensorType.Of(ElementType.Int32, 2, 3), TensorType.Of(ElementType.Int32, 3))),
        ("scatternd_max", () => SingleOp("ScatterND", Attrs(("reduction", "max")), 1,
            F32(4, 3), TensorData.FromInt64s([3, 1, 3], 3, 1), F32(3, 3))),
        ("scatter_elements_mul_axis1", () => SingleOp("ScatterElements", Attrs(("axis", 1L), ("reduction", "mul")), 1,
            F32(2, 4), TensorData.FromInt64s([0, -1, 2, 2], 2, 2), F32(2, 2))),
        ("maxpool_3d_dilations_indices", () => SingleOp("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2, 2 }),
            ("dilations", new long[] { 2, 1, 2 }), ("pads", new long[] { 1, 0, 1, 0, 1, 1 })), 2, F32(1, 2, 4, 5, 5))),
        ("averagepool_2d_dilations_ceil", () => SingleOp("AveragePool", Attrs(("kernel_shape", new long[] { 2, 2 }),
            ("dilations", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L)), 1, F32(1, 1, 6, 6))),
        ("col2im_strides_pads", () => SingleOp("Col2Im", Attrs(("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 0, 1, 0 })), 1,
            F32(1, 4, 6), TensorData.FromInt64s([4, 5], 2), TensorData.FromInt64s([2, 2], 2))),
        ("reverse_sequence", () => SingleOp("ReverseSequence", Attrs(("batch_axis", 0L), ("time_axis", 1L)), 1,
            F32(3, 4, 2), TensorData.FromInt64s([4, 1, 3], 3))),
        ("affine_grid_3d", () => SingleOp("AffineGrid", Attrs(("align_corners", 0L)), 1, F32(2, 3, 4), TensorData.FromInt64s([2, 1, 2, 3, 4], 5))),
        ("roialign_avg", () => SingleOp("RoiAlign", Attrs(("output_height", 2L), ("output_width", 3L), ("sampling_ratio", 2L),
            ("spatial_scale", 0.5f)), 1, F32(2, 2, 6, 6), TensorData.FromFloats([0, 0, 8, 8, 2, 1, 10, 6], 2, 4), TensorData.FromInt64s([1, 0], 2))),
        ("deform_conv_mask_bias", () => SingleOp("DeformConv", Attrs(("kernel_shape", new long[] { 2, 2 }), ("pads", new long[] { 1, 0, 1, 0 }),
            ("group", 2L)), 1, F32(1, 4, 3, 3), F32(2, 2, 2, 2), F32(1, 8, 4, 2), F32(2), F32(1, 4, 4, 2))),
        ("resize_nearest_ceil_pytorch", () => SingleOp("Resize", Attrs(("mode", "nearest"), ("nearest_mode", "ceil"),
            ("coordinate_transformation_mode", "pytorch_half_pixel")), 1, F32(1, 1, 3, 4), null, null, TensorData.FromInt64s([1, 1, 5, 7], 4))),
        ("convtranspose_3d_groups_strides", () => SingleOp("ConvTranspose", Attrs(("group", 2L), ("strides", new long[] { 2, 1, 2 }),
            ("pads", new long[] { 1, 0, 0, 0, 1, 1 })), 1, F32(1, 4, 2, 3, 2), F32(4, 1, 2, 2, 3), F32(2))),
        ("det_batched", () => SingleOp("Det", null, 1, F32(2, 3, 3))),
        ("einsum_batch_diagonal", () => SingleOp("Einsum", Attrs(("equation", "...ii->...i")), 1, F32(2, 3, 3))),
        ("resize_cubic_sizes", () => SingleOp("Resize", Attrs(("mode", "cubic")), 1,
            F32(1, 1, 4, 4), null, null, TensorData.FromInt64s([1, 1, 3, 6], 4))),
        // Given scales that are not output / input drive the coordinate transform (odla_HaloResize's scales).
        ("resize_linear_scales_downsample", () => SingleOp("Resize", Attrs(("mode", "linear")), 1,
            F32(1, 1, 2, 4), null, TensorData.FromFloats([1f, 1f, 0.6f, 0.6f], 4))),
        ("resize_cubic_scales_align_corners", () => SingleOp("Resize", Attrs(("mode", "cubic"),
            ("coordinate_transformation_mode", "align_corners")), 1, F32(1, 1, 4, 4), null, TensorData.FromFloats([1f, 1f, 0.8f, 0.8f], 4))),
        ("resize_linear_scales_half_pixel_symmetric", () => SingleOp("Resize", Attrs(("mode", "linear"),
            ("coordinate_transformation_mode", "half_pixel_symmetric")), 1, F32(1, 1, 2, 4), null, TensorData.FromFloats([1f, 1f, 2.35f, 2.35f], 4))),
        // Upsample picks the nearest input by flooring.
        ("upsample_nearest_scales", () => SingleOp("Upsample", Attrs(("mode", "nearest")), 1, 9,
            F32(1, 1, 2, 2), TensorData.FromFloats([1f, 1f, 2f, 3f], 4))),
    ];

    private static readonly Lazy<OdlaModelBatch> s_cxx = new(() => BuildBatch(OdlaTarget.Cxx));
    private static readonly Lazy<OdlaModelBatch> s_c = new(() => BuildBatch(OdlaTarget.C));

    private static IEnumerable<TestCaseData> Cases() => s_graphs.SelectMany((g, i) => new[]
    {
        new TestCaseData(i, OdlaTarget.Cxx).SetName($"Run_{g.Name}_Cxx_MatchesInterpreter"),
        new TestCaseData(i, OdlaTarget.C).SetName($"Run_{g.Name}_C_MatchesInterpreter"),
    });

    [TestCaseSource(nameof(Cases))]
    public void Run_SmallGraph_MatchesInterpreter(int index, OdlaTarget target)
    {
        var graph = s_graphs[index].Build();
        var inputs = graph.Inputs.Select((input, i) => (RuntimeValue)new TensorValue(RandomData((TensorType)input.Type, i))).ToList();
        var expected = ReferenceEvaluator.Default.Evaluate(graph, inputs);
        var bag = new DiagnosticBag();
        using var prepared = (target == OdlaTarget.Cxx ? s_cxx : s_c).Value.Prepare(index, bag);
        Assert.That(prepared, Is.Not.Null, string.Join("\n", bag.ToImmutable()));

        var actual = prepared!.Run(inputs);

        for (int k = 0; k < expected.Length; k++)
        {
            Assert.That(ValueComparison.Compare(expected[k], actual[k], 1e-4, 1e-5), Is.Null, $"output {k}");
        }
    }

    private static OdlaModelBatch BuildBatch(OdlaTarget target) => OdlaModelBatch.Build(
        [.. s_graphs.Select(g => new OdlaBatchModel(g.Name, g.Build()))], new GraphBuilder().Registry, new OdlaBuildSettings { Target = target });

    // Floats in [-1.2, 1.2] (grid coordinates reach past the border); integers in [-20, 20].
    private static TensorData RandomData(TensorType type, int seed)
    {
        var random = new Random(17 + seed);
        long[] dims = type.Shape.ToSizes();
        int count = (int)dims.Aggregate(1L, (a, b) => a * b);
        return type.ElementType == ElementType.Float
            ? TensorData.FromFloats([.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2.4) - 1.2))], dims)
            : TensorData.Create<int>(ElementType.Int32, [.. Enumerable.Range(0, count).Select(_ => random.Next(-20, 21))], dims);
    }
}
