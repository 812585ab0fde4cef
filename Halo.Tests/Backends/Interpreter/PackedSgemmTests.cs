using System.Collections.Immutable;
using Halo.Backends.Interpreter;
using Halo.Backends.Interpreter.Kernels.Linear;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>The packed SGEMM through its user, a 1-D 1×1 Conv (y[M, N] = W[M, K]·x[K, N] + bias, then a clamp),
/// against a naive product: odd sizes, edge tiles, several K blocks, both thread partitions, constant (packed at
/// creation) and runtime weights.</summary>
[TestFixture]
public sealed class PackedSgemmTests
{
    private static float[] Naive(float[] w, float[] x, int m, int n, int k, float[]? bias, float low, float high)
    {
        var result = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = bias?[i] ?? 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (double)w[i * k + p] * x[p * n + j];
                }
                result[i * n + j] = Math.Min(Math.Max((float)sum, low), high);
            }
        }
        return result;
    }

    private static Tensor Product(float[] w, float[] x, int m, int n, int k, float[]? bias, (float Low, float High)? clip,
        bool constantWeights, int threads)
    {
        var b = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = 13 });
        var xv = b.AddInput("x", TensorType.Of(ElementType.Float, 1, k, n));
        var wv = constantWeights ? b.AddConstant("w", TensorData.FromFloats(w, m, k, 1)) : b.AddInput("w", TensorType.Of(ElementType.Float, m, k, 1));
        var bv = bias is null ? ValueRef.None : b.AddConstant("b", TensorData.FromFloats(bias, m));
        var y = b.AddOp("Conv", ImmutableArray.Create(xv, wv, bv))[0];
        if (clip is { } c)
        {
            y = b.AddOp("Clip", y, b.AddConstant("lo", TensorData.FromFloats([c.Low])), b.AddConstant("hi", TensorData.FromFloats([c.High])));
        }
        b.AddOutput(y, "y");
        using var session = InferenceSession.Create(b.Build(), new InferenceSessionOptions { MaxDegreeOfParallelism = threads }).Session!;
        var feeds = new Dictionary<string, Tensor> { ["x"] = Tensor.Create<float>(x, 1, k, n) };
        if (!constantWeights)
        {
            feeds["w"] = Tensor.Create<float>(w, m, k, 1);
        }
        return session.Run(feeds)["y"];
    }

    [TestCase(1, 1, 1)]
    [TestCase(5, 7, 3)]
    [TestCase(6, 32, 16)]
    [TestCase(7, 33, 17)]
    [TestCase(13, 50, 129)]
    [TestCase(12, 16, 300)]
    [TestCase(65, 17, 257)]
    [TestCase(3, 700, 40)]
    public void Multiply_OddSizesAndEdgeTiles_MatchesNaiveProduct(int m, int n, int k)
    {
        float[] w = NaiveConv.RandomValues(m * k, 1), x = NaiveConv.RandomValues(k * n, 2);

        foreach (bool constant in new[] { true, false })
        {
            var y = Product(w, x, m, n, k, null, null, constant, threads: 1);

            TensorAssert.AllClose(Naive(w, x, m, n, k, null, float.NegativeInfinity, float.PositiveInfinity), [1, m, n], y, rtol: 1e-4, atol: 1e-4);
        }
    }

    [TestCase(70, 520, 150, 2)]
    [TestCase(200, 49, 300, 2)]
    [TestCase(31, 1100, 40, 3)]
    public void Multiply_Parallel_MatchesNaiveProduct(int m, int n, int k, int threads)
    {
        float[] w = NaiveConv.RandomValues(m * k, 4), x = NaiveConv.RandomValues(k * n, 5);

        var y = Product(w, x, m, n, k, null, null, constantWeights: true, threads);

        TensorAssert.AllClose(Naive(w, x, m, n, k, null, float.NegativeInfinity, float.PositiveInfinity), [1, m, n], y, rtol: 1e-4, atol: 1e-4);
    }

    [TestCase(6, 32, 20, 1)]
    [TestCase(11, 45, 300, 1)]
    [TestCase(64, 600, 200, 2)]
    public void Multiply_BiasAndClampEpilogue_AppliesToEveryElementOnce(int m, int n, int k, int threads)
    {
        float[] w = NaiveConv.RandomValues(m * k, 7), x = NaiveConv.RandomValues(k * n, 8), bias = NaiveConv.RandomValues(m, 9);

        var y = Product(w, x, m, n, k, bias, (0f, 0.5f), constantWeights: true, threads);

        TensorAssert.AllClose(Naive(w, x, m, n, k, bias, 0f, 0.5f), [1, m, n], y, rtol: 1e-4, atol: 1e-4);
    }

    [Test]
    public void DepthFor_AnyDepth_CoversItInBalancedBlocks()
    {
        foreach (int k in new[] { 1, 16, 147, 576, 4608 })
        {
            int depth = PackedSgemm.DepthFor(k);
            int blocks = (k + depth - 1) / depth;
            Assert.That(depth, Is.InRange(1, PackedSgemm.DepthBlock * 3 / 2 + 1), "k = " + k);
            Assert.That(blocks * depth - k, Is.LessThan(blocks), "k = " + k);
        }
    }
}
