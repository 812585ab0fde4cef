using Halo.Cli.Execution;
using Halo.Core.Compilation;
using Halo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

/// <summary>ONNX node-test cases of the composed lowerings (normalizations, losses, LpPool, CastLike in expanded
/// functions, Dropout's mask) through generated ODLA C++ on the reference runtime, in one library, against ONNX's
/// outputs (rtol 1e-3, atol 1e-7 as in the conformance suite).</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaCompositeCorpusTests
{
    private static readonly string[] s_cases =
    [
        "test_layer_normalization_4d_axis_negative_2", "test_rms_normalization_3d_axis0_epsilon", "test_mvn", "test_batchnorm_example_training_mode",
        "test_nllloss_NCd1d2d3_sum_weight_high_ii", "test_nllloss_NCd1_mean_weight_negative_ii", "test_sce_mean_weight_ii_3d_log_prob",
        "test_sce_NCd1d2d3d4d5_none_no_weight_expanded", "test_lppool_2d_dilations", "test_lppool_2d_same_lower",
        "test_lppool_3d_default",
        "test_castlike_FLOAT_to_DOUBLE", "test_gelu_tanh_2_expanded", "test_reduce_l2_default_axes_keepdims_random_expanded", "test_hardswish", "test_mish", "test_dropout_default_mask",
        "test_training_dropout_zero_ratio_mask",
    ];

    private static readonly Lazy<CompilationPipeline> s_pipeline = new(() =>
    {
        var services = new ServiceCollection();
        services.AddHalo(h => h.AddOnnx().AddStandardPasses());
        return services.BuildServiceProvider().GetRequiredService<CompilationPipeline>();
    });

    private static readonly Lazy<OdlaBatchedCases> s_batches = new(() =>
        new OdlaBatchedCases([.. s_cases.Select(CaseDir)], s_pipeline.Value, new OdlaExecutor(s_pipeline.Value.Registry), format: null));

    [TestCaseSource(nameof(s_cases))]
    public void Run_OnnxNodeCase_MatchesOnnxOutputs(string caseName)
    {
        string dir = CaseDir(caseName);
        Assume.That(Directory.Exists(dir), Is.True, "the onnx-node corpus is not present");

        string? failure = BackendTestCase.Run(dir, s_pipeline.Value, s_batches.Value.ExecutorFor(dir), rtol: 1e-3, atol: 1e-7);

        Assert.That(failure, Is.Null);
    }

    private static string CaseDir(string name) => Path.Combine(RepositoryPaths.Corpora, "onnx-node", name);
}
