using Halo.Tests.TestSupport;
using NUnit.Framework;
using static Halo.Tests.Backends.Interpreter.InterpreterTestGraphs;

namespace Halo.Tests.Backends.Interpreter;

[TestFixture]
public sealed class LinearKernelTests
{
    [Test]
    public void Gemm_Defaults_MultipliesAndAddsBias()
    {
        // [[1,2,3],[4,5,6]] x [[1,0],[0,1],[1,1]] = [[4,5],[10,11]], + [1,2].
        var y = Run("Gemm", null, F([1, 2, 3, 4, 5, 6], 2, 3), F([1, 0, 0, 1, 1, 1], 3, 2), F([1, 2], 2));
        TensorAssert.AllClose([5, 7, 11, 13], [2, 2], y);
    }

    [Test]
    public void Gemm_TransposesAlphaBeta_ApplyAll()
    {
        // A^T = [[1,2,3],[4,5,6]], B^T = [[1,0],[0,1],[1,1]]; 2·A^T·B^T + 0.5·[[2],[4]].
        var attrs = Attrs(("transA", 1L), ("transB", 1L), ("alpha", 2f), ("beta", 0.5f));
        var y = Run("Gemm", attrs, F([1, 4, 2, 5, 3, 6], 3, 2), F([1, 0, 1, 0, 1, 1], 2, 3), F([2, 4], 2, 1));
        TensorAssert.AllClose([9, 11, 22, 24], [2, 2], y);
    }

    [Test]
    public void Gemm_NoBias_MultipliesOnly()
    {
        var y = Run("Gemm", null, F([1, 2], 1, 2), F([3, 4], 2, 1));
        TensorAssert.AllClose([11], [1, 1], y);
    }

    [Test]
    public void MatMul_VectorTimesMatrix_DropsPromotedAxis()
    {
        var y = Run("MatMul", null, F([1, 2], 2), F([1, 2, 3, 4, 5, 6], 2, 3));
        TensorAssert.AllClose([9, 12, 15], [3], y);
    }

    [Test]
    public void MatMul_BatchBroadcast_MatchesNaive()
    {
        var rng = new Random(5);
        var a = F([.. Enumerable.Range(0, 2 * 5 * 7).Select(_ => (float)rng.NextDouble())], 2, 1, 5, 7);
        var b = F([.. Enumerable.Range(0, 4 * 7 * 19).Select(_ => (float)rng.NextDouble())], 4, 7, 19);
        var y = Run("MatMul", null, a, b);
        float[] av = a.ToArray<float>(), bv = b.ToArray<float>();
        var expected = new float[2 * 4 * 5 * 19];
        for (int i = 0; i < expected.Length; i++)
        {
            int col = i % 19, row = i / 19 % 5, bb = i / 95 % 4, ba = i / 380;
            for (int k = 0; k < 7; k++)
            {
                expected[i] += av[(ba * 5 + row) * 7 + k] * bv[(bb * 7 + k) * 19 + col];
            }
        }
        TensorAssert.AllClose(expected, [2, 4, 5, 19], y, 1e-5, 1e-5);
    }

    [TestCase(1, 1, 1)]
    [TestCase(37, 300, 53)]
    [TestCase(4, 600, 1000)]
    [TestCase(130, 17, 33)]
    public void MatMul_VariousSizes_MatchesNaive(int m, int k, int n)
    {
        var rng = new Random(m + k + n);
        var a = F([.. Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble() - 0.5f)], m, k);
        var b = F([.. Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble() - 0.5f)], k, n);
        var y = Run("MatMul", null, a, b);
        float[] av = a.ToArray<float>(), bv = b.ToArray<float>();
        var expected = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                {
                    s += av[i * k + p] * bv[p * n + j];
                }
                expected[i * n + j] = (float)s;
            }
        }
        TensorAssert.AllClose(expected, [m, n], y, 1e-4, 1e-4);
    }
}
