using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class LayerNormalizationKernelTests
{
    private static float[] Expected(float[] x, int size, float[] scale, float[]? bias, float epsilon)
    {
        var y = new float[x.Length];
        for (int r = 0; r < x.Length / size; r++)
        {
            var row = x.Skip(r * size).Take(size).Select(v => (double)v).ToArray();
            double mean = row.Average(), variance = row.Select(v => (v - mean) * (v - mean)).Average();
            for (int i = 0; i < size; i++)
            {
                double s = scale.Length == 1 ? scale[0] : scale[i];
                double b = bias is null ? 0 : bias.Length == 1 ? bias[0] : bias[i];
                y[r * size + i] = (float)(((row[i] - mean) / Math.Sqrt(variance + epsilon) * s) + b);
            }
        }
        return y;
    }

    [Test]
    public void LayerNormalization_LastAxisWithScaleAndBias_MatchesFormula()
    {
        var random = new Random(5);
        float[] x = [.. Enumerable.Range(0, 3 * 4 * 8).Select(_ => (float)(random.NextDouble() * 4 - 2))];
        float[] scale = [.. Enumerable.Range(0, 8).Select(i => 0.5f + (i / 8f))], bias = [.. Enumerable.Range(0, 8).Select(i => i / 10f)];

        var y = RunOp("LayerNormalization", Attrs(("epsilon", 1e-3f)), 1, 17, F(x, 3, 4, 8), F(scale, 8), F(bias, 8))[0];

        TensorAssert.AllClose(Expected(x, 8, scale, bias, 1e-3f), [3, 4, 8], y, rtol: 1e-5, atol: 1e-5);
    }

    [Test]
    public void LayerNormalization_TwoTrailingAxesScalarScaleNoBias_MatchesFormula()
    {
        var random = new Random(6);
        float[] x = [.. Enumerable.Range(0, 2 * 3 * 5).Select(_ => (float)(random.NextDouble() * 10))];

        var y = RunOp("LayerNormalization", Attrs(("axis", 1L)), 1, 17, F(x, 2, 3, 5), F([2f], 1))[0];

        TensorAssert.AllClose(Expected(x, 15, [2f], null, 1e-5f), [2, 3, 5], y, rtol: 1e-5, atol: 1e-5);
    }
}
