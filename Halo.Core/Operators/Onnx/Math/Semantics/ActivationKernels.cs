using Halo.Core.Semantics;
using M = System.Math;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of the activations with attributes (LeakyRelu, Elu, Selu, Celu, Gelu, HardSigmoid,
/// ThresholdedRelu, Shrink) and PRelu.</summary>
internal static class ActivationKernels
{
    /// <summary>The kernel of the named activation, or null.</summary>
    public static ReferenceKernel? For(string name) => name switch
    {
        "LeakyRelu" => ctx =>
        {
            double alpha = ctx.GetFloat("alpha", 0.01f);
            Elementwise.Unary(ctx, x => x >= 0 ? x : alpha * x);
        },
        "Elu" => ctx =>
        {
            double alpha = ctx.GetFloat("alpha", 1f);
            Elementwise.Unary(ctx, x => x >= 0 ? x : alpha * (M.Exp(x) - 1));
        },
        "Selu" => ctx =>
        {
            double alpha = ctx.GetFloat("alpha", 1.6732632f), gamma = ctx.GetFloat("gamma", 1.050701f);
            Elementwise.Unary(ctx, x => gamma * (x > 0 ? x : alpha * (M.Exp(x) - 1)));
        },
        "Celu" => ctx =>
        {
            double alpha = ctx.GetFloat("alpha", 1f);
            Elementwise.Unary(ctx, x => M.Max(0, x) + M.Min(0, alpha * (M.Exp(x / alpha) - 1)));
        },
        "HardSigmoid" => ctx =>
        {
            double alpha = ctx.GetFloat("alpha", 0.2f), beta = ctx.GetFloat("beta", 0.5f);
            Elementwise.Unary(ctx, x => M.Max(0, M.Min(1, (alpha * x) + beta)));
        },
        "ThresholdedRelu" => ctx =>
        {
            double alpha = ctx.GetFloat("alpha", 1f);
            Elementwise.Unary(ctx, x => x > alpha ? x : 0);
        },
        "Shrink" => ctx =>
        {
            double bias = ctx.GetFloat("bias", 0f), lambd = ctx.GetFloat("lambd", 0.5f);
            Elementwise.Unary(ctx, x => x < -lambd ? x + bias : x > lambd ? x - bias : 0);
        },
        "Gelu" => Gelu,
        "PRelu" => ctx => Elementwise.Binary(ctx, (x, s) => x < 0 ? s * x : x, (x, s) => x < 0 ? unchecked(s * x) : x),
        _ => null,
    };

    private static void Gelu(EvaluationContext ctx)
    {
        if (ctx.GetString("approximate", "none") == "tanh")
        {
            double k = M.Sqrt(2 / M.PI);
            Elementwise.Unary(ctx, x => 0.5 * x * (1 + M.Tanh(k * (x + (0.044715 * x * x * x)))));
            return;
        }
        Elementwise.Unary(ctx, x => 0.5 * x * (1 + SpecialFunctions.Erf(x / M.Sqrt(2))));
    }
}
