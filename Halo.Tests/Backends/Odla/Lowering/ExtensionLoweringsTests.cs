using Halo.Backends.Odla;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla.Lowering;

/// <summary>The generated code of operators lowered to the Halo extension (<c>ODLA/odla_ops_halo.h</c>) and of the
/// forms that stay unsupported.</summary>
[TestFixture]
public sealed class ExtensionLoweringsTests
{
    [Test]
    public void Generate_GridSample_CallsHaloFunctionAndIncludesItsHeader()
    {
        var graph = SingleOp("GridSample", Attrs(("mode", "cubic"), ("padding_mode", "reflection"), ("align_corners", 1L)), 1,
            F32(1, 2, 3, 4), F32(1, 5, 6, 2));

        string source = Generate(graph).SourceText;

        Assert.That(source, Does.Contain("#include <ODLA/odla_ops_halo.h>"));
        Assert.That(Call(source, "odla_HaloGridSample"), Does.Contain("ODLA_HALO_GRID_CUBIC, ODLA_HALO_PADDING_REFLECTION, 1,"));
    }

    [Test]
    public void Generate_OperatorWithOdlaFunction_DoesNotIncludeHaloHeader()
    {
        string source = Generate(SingleOp("Relu", null, 1, F32(2, 3))).SourceText;

        Assert.That(source, Does.Not.Contain("odla_ops_halo.h"));
    }

    [Test]
    public void Generate_BitwiseAndOnInt16_CallsHaloBitwiseAnd()
    {
        var type = TensorType.Of(ElementType.Int16, 2, 3);

        string source = Generate(SingleOp("BitwiseAnd", null, 1, type, type)).SourceText;

        Assert.That(Call(source, "odla_HaloBitwiseAnd"), Does.StartWith("odla_value v").And.Contain("(odla_value_id)\"y0\""));
    }

    [TestCase("add", "ODLA_HALO_SCATTER_ADD")]
    [TestCase("none", "ODLA_HALO_SCATTER_REPLACE")]
    public void Generate_ScatterElementsWithReduction_PassesReductionAndAxis(string reduction, string expected)
    {
        var graph = SingleOp("ScatterElements", Attrs(("axis", -1L), ("reduction", reduction)), 1,
            F32(2, 3), TensorData.FromInt64s([0, 2], 2, 1), F32(2, 1));

        Assert.That(Call(Generate(graph).SourceText, "odla_HaloScatterElements"), Does.Contain($", 1, {expected}, "));
    }

    [Test]
    public void Generate_MaxPoolWithDilationsAndIndices_CallsHaloMaxPoolWithBothOutputs()
    {
        var graph = SingleOp("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2 }), ("dilations", new long[] { 2, 2 })), 2, F32(1, 1, 5, 5));

        string source = Generate(graph).SourceText;

        Assert.That(Call(source, "odla_HaloMaxPool"), Does.Contain("{2, 2}, {1, 1}, {2, 2}, {0, 0}, {0, 0}, 0,"));
        Assert.That(source, Does.Contain(".values[1]"));
    }

    [Test]
    public void Generate_ThreeDimensionalAveragePool_CallsHaloAveragePool()
    {
        var graph = SingleOp("AveragePool", Attrs(("kernel_shape", new long[] { 2, 2, 2 }), ("count_include_pad", 1L)), 1, F32(1, 2, 4, 4, 4));

        Assert.That(Call(Generate(graph).SourceText, "odla_HaloAveragePool"), Does.Contain("{2, 2, 2}, {1, 1, 1}, {1, 1, 1}, {0, 0, 0}, {0, 0, 0}, 1,"));
    }

    [Test]
    public void Generate_TwoDimensionalMaxPoolWithoutDilations_StillCallsOdlaMaxPool()
    {
        var graph = SingleOp("MaxPool", Attrs(("kernel_shape", new long[] { 2, 2 })), 1, F32(1, 1, 4, 4));

        string source = Generate(graph).SourceText;

        Assert.That(source, Does.Contain("odla_MaxPool(").And.Not.Contain("odla_ops_halo.h"));
    }

    [Test]
    public void Generate_ResizeLinearAntialias_PassesTheFlagToHaloResize()
    {
        var graph = SingleOp("Resize", Attrs(("mode", "linear"), ("antialias", 1L)), 1,
            F32(1, 1, 4, 4), null, null, TensorData.FromInt64s([1, 1, 2, 2], 4));

        Assert.That(Call(Generate(graph).SourceText, "odla_HaloResize"), Does.Contain("-0.75f, 0, 1, NULL"));
    }

    [Test]
    public void Generate_ResizeCropAndResizeWithAntialias_ReportsHALO4104()
    {
        var graph = SingleOp("Resize", Attrs(("mode", "linear"), ("antialias", 1L), ("coordinate_transformation_mode", "tf_crop_and_resize")), 1,
            F32(1, 1, 4, 4), TensorData.FromFloats([0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f], 8), null, TensorData.FromInt64s([1, 1, 2, 2], 4));

        var result = new OdlaCodeGenerator().Generate(graph, OdlaCodeGenOptions.Default with { EntryFunctionName = "m" });

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Id, Is.EqualTo("HALO4104"));
        Assert.That(error.Message, Does.Contain("antialias"));
    }

    [Test]
    public void Generate_TfIdfVectorizer_PassesPoolAsConstants()
    {
        var graph = SingleOp("TfIdfVectorizer", Attrs(("mode", "TF"), ("min_gram_length", 2L), ("max_gram_length", 2L),
            ("max_skip_count", 0L), ("ngram_counts", new long[] { 0, 0 }), ("ngram_indexes", new long[] { 0, 1 }),
            ("pool_int64s", new long[] { 2, 3, 5, 4 })), 1, TensorType.Of(ElementType.Int32, 2, 6));

        string source = Generate(graph).SourceText;

        Assert.That(Call(source, "odla_TFIDFVectorize"), Does.Contain(", 2, 2, 0, ODLA_TFIDF_TF, v"));
        Assert.That(source, Does.Contain("odla_CreateConstant("));
    }
}
