using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of the random generators: results have the right shape and type, values come from
/// the context's random source (seeded when the <c>seed</c> attribute is set).</summary>
internal static class RandomKernels
{
    /// <summary>RandomNormal, RandomUniform and their *Like forms.</summary>
    public static ReferenceKernel For(bool normal, bool like) => ctx =>
    {
        ImmutableArray<long> dims = like ? ctx.Tensor(0).Dimensions : ctx.GetInts("shape") ?? [];
        var v = new double[Numbers.Count(ctx, dims.AsSpan())];
        var random = ctx.Random;
        if (normal)
        {
            double mean = ctx.GetFloat("mean", 0), scale = ctx.GetFloat("scale", 1);
            for (int i = 0; i < v.Length; i++)
            {
                // Box-Muller transform.
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                v[i] = mean + (scale * System.Math.Sqrt(-2 * System.Math.Log(u1)) * System.Math.Cos(2 * System.Math.PI * u2));
            }
        }
        else
        {
            double low = ctx.GetFloat("low", 0), high = ctx.GetFloat("high", 1);
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = low + ((high - low) * random.NextDouble());
            }
        }
        ctx.SetOutput(0, Numbers.FromDoubles(Numbers.OutputType(ctx, 0), v, dims));
    };

    /// <summary>Bernoulli: 1 with the probability given by each input element.</summary>
    public static void Bernoulli(EvaluationContext ctx)
    {
        var p = ctx.Tensor(0);
        var v = Numbers.ReadDoubles(p);
        var random = ctx.Random;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.NextDouble() < v[i] ? 1 : 0;
        }
        ctx.SetOutput(0, Numbers.FromDoubles(Numbers.OutputType(ctx, 0), v, p.Dimensions));
    }

    /// <summary>Multinomial: sample_size class indices per batch row, from unnormalized log-probabilities.</summary>
    public static void Multinomial(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        if (x.Dimensions.Length != 2)
        {
            ctx.Fail("Multinomial input must be [batch_size, class_size]");
        }
        int batch = (int)x.Dimensions[0], classes = (int)x.Dimensions[1];
        long samples = ctx.GetInt("sample_size", 1);
        var v = Numbers.ReadDoubles(x);
        var result = new long[Numbers.Count(ctx, [batch, samples])];
        var cumulative = new double[classes];
        var random = ctx.Random;
        for (int b = 0; b < batch; b++)
        {
            double total = 0;
            for (int c = 0; c < classes; c++)
            {
                total += System.Math.Exp(v[(b * classes) + c]);
                cumulative[c] = total;
            }
            for (int s = 0; s < samples; s++)
            {
                double u = random.NextDouble() * total;
                int c = 0;
                while (c < classes - 1 && cumulative[c] <= u)
                {
                    c++;
                }
                result[(b * samples) + s] = c;
            }
        }
        ctx.SetOutput(0, Numbers.FromLongs(Numbers.OutputType(ctx, 0), result, [batch, samples]));
    }
}
