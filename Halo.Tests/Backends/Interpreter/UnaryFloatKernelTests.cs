using Halo.Backends.Interpreter;
using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>The float32 unary kernels against formulas evaluated here in double, over ordinary values, values
/// large enough to saturate or overflow, and signed zeros.</summary>
[TestFixture]
public sealed class UnaryFloatKernelTests
{
    private static readonly float[] s_x = [-30f, -6.5f, -3f, -1f, -0.5f, -1e-3f, -0f, 0f, 1e-3f, 0.25f, 0.5f, 1f, 2.5f, 3f, 7f, 30f];

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("Sigmoid", x => 1 / (1 + Math.Exp(-x)));
        yield return Case("Tanh", Math.Tanh);
        yield return Case("Exp", Math.Exp);
        yield return Case("Abs", Math.Abs);
        yield return Case("Neg", x => -x);
        yield return Case("Sin", Math.Sin);
        yield return Case("Cos", Math.Cos);
        yield return Case("Floor", Math.Floor);
        yield return Case("Ceil", Math.Ceiling);
        yield return Case("Erf", Erf);
        yield return Case("Softplus", x => Math.Log(1 + Math.Exp(x)));
        yield return Case("HardSwish", x => x * Math.Clamp((x / 6) + 0.5, 0, 1));
        yield return Case("HardSigmoid", x => Math.Clamp((0.3 * x) + 0.4, 0, 1), ("alpha", 0.3f), ("beta", 0.4f));
        yield return Case("LeakyRelu", x => x >= 0 ? x : 0.2 * x, ("alpha", 0.2f));
        yield return Case("Elu", x => x >= 0 ? x : 1.5 * (Math.Exp(x) - 1), ("alpha", 1.5f));
        yield return Case("Gelu", x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))));
        yield return Case("Gelu", x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + (0.044715 * x * x * x)))), ("approximate", "tanh"));
    }

    private static TestCaseData Case(string op, Func<double, double> f, params (string, object)[] attributes) =>
        new TestCaseData(op, f, attributes).SetName($"{op}_{(attributes.Length == 0 ? "Defaults" : string.Join("_", attributes.Select(a => a.Item1)))}_MatchesFormula");

    [TestCaseSource(nameof(Cases))]
    public void Unary_Float32_MatchesFormula(string op, Func<double, double> f, (string, object)[] attributes)
    {
        long opset = op == "Gelu" ? 20 : 14;
        var y = RunOp(op, attributes.Length == 0 ? null : Attrs(attributes), 1, opset, F(s_x, s_x.Length))[0];

        float[] expected = [.. s_x.Select(x => (float)f(x))];
        TensorAssert.AllClose(expected, [s_x.Length], y, rtol: 1e-5, atol: 1e-6);
    }

    [Test]
    public void Sqrt_Log_Reciprocal_HandleZeroAndNegatives()
    {
        float[] x = [4f, 0f, -1f, 0.25f];
        Assert.That(Run("Sqrt", null, F(x, 4)).ToArray<float>(), Is.EqualTo(new[] { 2f, 0f, float.NaN, 0.5f }));
        Assert.That(Run("Log", null, F(x, 4)).ToArray<float>(), Is.EqualTo(new[] { MathF.Log(4), float.NegativeInfinity, float.NaN, MathF.Log(0.25f) }));
        Assert.That(Run("Reciprocal", null, F(x, 4)).ToArray<float>(), Is.EqualTo(new[] { 0.25f, float.PositiveInfinity, -1f, 4f }));
    }

    [Test]
    public void Sigmoid_Double_FallsBackToReferenceSemantics()
    {
        var y = Run("Sigmoid", null, Tensor.Create<double>([0.0, 2.0], 2));
        Assert.That(y.ToArray<double>(), Is.EqualTo(new[] { 0.5, 1 / (1 + Math.Exp(-2.0)) }).Within(1e-12));
    }

    [Test]
    public void Erf_LargeInput_ParallelBlocksMatchFormula()
    {
        // More than the parallel threshold, and not a multiple of the vector width or the block size.
        var x = new float[70001];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (i - 35000) / 5000f;
        }
        var y = RunOp("Erf", null, 1, 13, F(x, x.Length))[0];
        TensorAssert.AllClose([.. x.Select(v => (float)Erf(v))], [x.Length], y, rtol: 1e-5, atol: 1e-6);
    }

    [Test]
    public void Pow_ScalarTwoAndBroadcastExponents_MatchMathPow()
    {
        float[] x = [-2f, -0.5f, 0f, 1.5f, 3f, 4f];
        var squared = Run("Pow", null, F(x, 2, 3), F([2f], []));
        TensorAssert.AllClose([.. x.Select(v => v * v)], [2, 3], squared);
        var rows = Run("Pow", null, F(x, 2, 3), F([1f, 0.5f, 3f], 3));
        float[] expected = [.. x.Select((v, i) => (float)Math.Pow(v, new[] { 1.0, 0.5, 3.0 }[i % 3]))];
        Assert.That(rows.ToArray<float>(), Is.EqualTo(expected).Within(1e-5));
    }

    // Abramowitz and Stegun 7.1.26 is too coarse for a test oracle; this series and continued fraction are not.
    private static double Erf(double x)
    {
        double a = Math.Abs(x);
        if (a < 2.5)
        {
            double sum = 0, term = a;
            for (int n = 0; n < 80; n++)
            {
                sum += term / ((2 * n) + 1);
                term *= -a * a / (n + 1);
            }
            return Math.Sign(x) * 2 / Math.Sqrt(Math.PI) * sum;
        }
        double fraction = 0;
        for (int k = 60; k >= 1; k--)
        {
            fraction = k / 2.0 / (a + fraction);
        }
        double erfc = Math.Exp(-a * a) / Math.Sqrt(Math.PI) / (a + fraction);
        return Math.Sign(x) * (1 - erfc);
    }
}
