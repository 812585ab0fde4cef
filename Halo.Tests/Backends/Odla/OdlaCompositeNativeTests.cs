using System.Collections.Immutable;
using Halo.Backends.Odla;
using Halo.Cli.Execution;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Backends.Odla.OdlaTestGraphs;

namespace Halo.Tests.Backends.Odla;

/// <summary>The composed lowerings (normalizations, losses, LpPool, HardSwish, Mish, CastLike, Dropout's mask) on
/// small graphs: generated C++ and C99 code on libodla_reference matches the managed interpreter.</summary>
[TestFixture]
[Category("Native")]
public sealed class OdlaCompositeNativeTests
{
    private static readonly ImmutableArray<(string Name, Graph Graph)> s_cases = [.. Cases()];

    private static readonly Dictionary<OdlaTarget, Lazy<OdlaModelBatch>> s_batches = new()
    {
        [OdlaTarget.Cxx] = new(() => Build(OdlaTarget.Cxx)),
        [OdlaTarget.C] = new(() => Build(OdlaTarget.C)),
    };

    public static IEnumerable<TestCaseData> CaseNames() => s_cases.SelectMany(c => new[] { OdlaTarget.Cxx, OdlaTarget.C }
        .Select(t => new TestCaseData(c.Name, t).SetName($"Run_{c.Name}_{t}_MatchesInterpreter")));

    [TestCaseSource(nameof(CaseNames))]
    public void Run_ComposedLowering_MatchesInterpreter(string name, OdlaTarget target)
    {
        int index = s_cases.Select(c => c.Name).ToList().IndexOf(name);
        var graph = s_cases[index].Graph;
        var inputs = Inputs(graph);
        var bag = new DiagnosticBag();
        using var odla = s_batches[target].Value.Prepare(index, bag);
        using var interpreter = new InterpreterExecutor(1).Prepare(new HaloModel(graph), bag);
        Assert.That(bag.ToImmutable().Where(d => d.IsError), Is.Empty);

        var expected = interpreter!.Run(inputs);
        var actual = odla!.Run(inputs);

        for (int k = 0; k < expected.Length; k++)
        {
            Assert.That(ValueComparison.Compare(expected[k], actual[k], rtol: 1e-4, atol: 1e-5), Is.Null, $"output {k}");
        }
    }

    private static OdlaModelBatch Build(OdlaTarget target) =>
        OdlaModelBatch.Build([.. s_cases.Select(c => new OdlaBatchModel(c.Name, c.Graph))], new GraphBuilder().Registry,
            new OdlaBuildSettings { Target = target });

    private static IEnumerable<(string, Graph)> Cases()
    {
        var f64 = (long[] dims) => TensorType.Of(ElementType.Double, dims);
        yield return ("LayerNormalization_Axis1AllOutputs", SingleOp("LayerNormalization", Attrs(("axis", 1L), ("epsilon", 1e-3f)), 3, 17,
            F32(2, 3, 4), F32(3, 4), F32(3, 4)));
        yield return ("RMSNormalization_DoubleStashedInFloat", SingleOp("RMSNormalization", null, 1, 23, f64([2, 5]), f64([5])));
        yield return ("MeanVarianceNormalization_DefaultAxes", SingleOp("MeanVarianceNormalization", null, 1, 13, F32(2, 3, 2, 2)));
        yield return ("NegativeLogLikelihoodLoss_WeightIgnoreIndexMean", SingleOp("NegativeLogLikelihoodLoss",
            Attrs(("ignore_index", 2L)), 1, 13, F32(3, 4, 2), Targets(ElementType.Int64, [3, 2], 0, 2, 3, 1, 2, 1), F32(4)));
        yield return ("NegativeLogLikelihoodLoss_Int32TargetsNone", SingleOp("NegativeLogLikelihoodLoss",
            Attrs(("reduction", "none")), 1, 13, F32(3, 4), Targets(ElementType.Int32, [3], 3, 0, 1)));
        yield return ("SoftmaxCrossEntropyLoss_SumWithLogProb", SingleOp("SoftmaxCrossEntropyLoss",
            Attrs(("reduction", "sum")), 2, 13, F32(3, 5, 2), Targets(ElementType.Int64, [3, 2], 4, 0, 1, 2, 3, 3)));
        yield return ("LpPool_P3DilatedPadded", SingleOp("LpPool", Attrs(("p", 3L), ("kernel_shape", new long[] { 2, 2 }),
            ("dilations", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 })), 1, 18, F32(1, 2, 5, 5)));
        yield return ("LpPool_P1Strided1D", SingleOp("LpPool", Attrs(("p", 1L), ("kernel_shape", new long[] { 3 }),
            ("strides", new long[] { 2 })), 1, 18, F32(1, 2, 7)));
        yield return ("LpPool_P2SameUpper", SingleOp("LpPool", Attrs(("kernel_shape", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER")),
            1, 18, F32(1, 3, 4, 5)));
        yield return ("LpPool_3DStridedPadded", SingleOp("LpPool", Attrs(("p", 2L), ("kernel_shape", new long[] { 2, 3, 2 }),
            ("strides", new long[] { 1, 2, 1 }), ("pads", new long[] { 1, 0, 1, 0, 1, 0 })), 1, 18, F32(1, 2, 4, 5, 3)));
        yield return ("BatchNormalization_TrainingModeRunningStatistics", SingleOp("BatchNormalization",
            Attrs(("training_mode", 1L), ("momentum", 0.8f)), 3, 15, F32(2, 3, 2, 2), F32(3), F32(3), F32(3), F32(3)));
        yield return ("HardSwish", SingleOp("HardSwish", null, 1, 14, F32(3, 5)));
        yield return ("Mish", SingleOp("Mish", null, 1, 18, F32(3, 5)));
        yield return ("CastLike_FloatToDouble", SingleOp("CastLike", null, 1, 19, F32(2, 3),
            TensorData.Create(ElementType.Double, new double[] { 0 }, 1)));
        yield return ("Dropout_MaskAllTrue", SingleOp("Dropout", null, 2, 13, F32(2, 3)));
    }

    private static TensorData Targets(ElementType type, long[] dims, params long[] values) => type == ElementType.Int32
        ? TensorData.Create(type, values.Select(v => (int)v).ToArray(), dims)
        : TensorData.Create(type, values, dims);

    /// <summary>Deterministic values in [-2, 2) for every (floating-point) graph input.</summary>
    private static List<RuntimeValue> Inputs(Graph graph)
    {
        var random = new Random(7);
        var inputs = new List<RuntimeValue>();
        foreach (var input in graph.Inputs)
        {
            var type = (TensorType)input.Type;
            long[] dims = type.Shape.ToSizes();
            double[] values = [.. Enumerable.Range(0, (int)dims.Aggregate(1L, (a, b) => a * b)).Select(_ => (random.NextDouble() * 4) - 2)];
            inputs.Add(new TensorValue(type.ElementType == ElementType.Double
                ? TensorData.Create(ElementType.Double, values, dims)
                : TensorData.Create(ElementType.Float, values.Select(v => (float)v).ToArray(), dims)));
        }
        return inputs;
    }
}
