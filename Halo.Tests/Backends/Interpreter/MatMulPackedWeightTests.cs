using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Tests.TestSupport;
using NUnit.Framework;

namespace Halo.Tests.Backends.Interpreter;

/// <summary>MatMul with a constant 2-D weight takes the packed path from 16 rows on; both paths must agree with
/// a naive product, for batched 3-D activations and ragged sizes.</summary>
[TestFixture]
public sealed class MatMulPackedWeightTests
{
    [TestCase(1, 3, 5, 7)]      // few rows: the plain kernel
    [TestCase(2, 17, 70, 33)]   // 34 rows: packed, ragged panels
    [TestCase(1, 128, 300, 129)]
    public void MatMul_ConstantWeight_MatchesNaiveProduct(int batch, int m, int k, int n)
    {
        var random = new Random(m * 31 + n);
        float[] x = [.. Enumerable.Range(0, batch * m * k).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        float[] w = [.. Enumerable.Range(0, k * n).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        var b = new GraphBuilder();
        var input = b.AddInput("x", TensorType.Of(ElementType.Float, batch, m, k));
        var weight = b.AddConstant("w", TensorData.FromFloats(w, k, n));
        b.AddOutput(b.AddOp("MatMul", input, weight), "y");
        using var session = InferenceSession.Create(b.Build(), new InferenceSessionOptions { MaxDegreeOfParallelism = 2 }).Session!;

        var y = session.Run(new Dictionary<string, Tensor> { ["x"] = Tensor.Create<float>(x, batch, m, k) })["y"];

        var expected = new float[batch * m * n];
        for (int r = 0; r < batch * m; r++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (double)x[r * k + p] * w[p * n + j];
                }
                expected[r * n + j] = (float)sum;
            }
        }
        TensorAssert.AllClose(expected, [batch, m, n], y, rtol: 1e-4, atol: 1e-4);
    }
}
