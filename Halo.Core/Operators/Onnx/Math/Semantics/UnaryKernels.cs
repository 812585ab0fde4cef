using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using M = System.Math;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of the elementwise unary math operators and activations.</summary>
internal static class UnaryKernels
{
    /// <summary>The kernel of the named unary operator, or null when it has none here.</summary>
    public static ReferenceKernel? For(string name) => name switch
    {
        "Abs" => ctx => Elementwise.Unary(ctx, M.Abs, ctx.Tensor(0).ElementType is ElementType.UInt64 ? x => x : x => unchecked(x < 0 ? -x : x)),
        "Neg" => ctx => Elementwise.Unary(ctx, x => -x, x => unchecked(-x)),
        "Sign" => ctx => Elementwise.Unary(ctx, x => double.IsNaN(x) ? x : M.Sign(x),
            ctx.Tensor(0).ElementType is ElementType.UInt64 ? x => x == 0 ? 0 : 1 : x => M.Sign(x)),
        "Reciprocal" => ctx => Elementwise.Unary(ctx, x => 1 / x),
        "Sqrt" => ctx => Elementwise.Unary(ctx, M.Sqrt),
        "Exp" => ctx => Elementwise.Unary(ctx, M.Exp),
        "Log" => ctx => Elementwise.Unary(ctx, M.Log),
        "Ceil" => ctx => Elementwise.Unary(ctx, M.Ceiling),
        "Floor" => ctx => Elementwise.Unary(ctx, M.Floor),
        "Round" => ctx => Elementwise.Unary(ctx, x => M.Round(x, MidpointRounding.ToEven)),
        "Erf" => ctx => Elementwise.Unary(ctx, SpecialFunctions.Erf),
        "Sin" => ctx => Elementwise.Unary(ctx, M.Sin),
        "Cos" => ctx => Elementwise.Unary(ctx, M.Cos),
        "Tan" => ctx => Elementwise.Unary(ctx, M.Tan),
        "Asin" => ctx => Elementwise.Unary(ctx, M.Asin),
        "Acos" => ctx => Elementwise.Unary(ctx, M.Acos),
        "Atan" => ctx => Elementwise.Unary(ctx, M.Atan),
        "Sinh" => ctx => Elementwise.Unary(ctx, M.Sinh),
        "Cosh" => ctx => Elementwise.Unary(ctx, M.Cosh),
        "Asinh" => ctx => Elementwise.Unary(ctx, M.Asinh),
        "Acosh" => ctx => Elementwise.Unary(ctx, M.Acosh),
        "Atanh" => ctx => Elementwise.Unary(ctx, M.Atanh),
        "Not" => ctx => Elementwise.Unary(ctx, x => x == 0 ? 1 : 0, x => x == 0 ? 1 : 0),
        "BitwiseNot" => ctx => Elementwise.Unary(ctx, x => x, x => ~x),
        "Relu" => ctx => Elementwise.Unary(ctx, x => x > 0 ? x : (double.IsNaN(x) ? x : 0), x => x > 0 ? x : 0),
        "Sigmoid" => ctx => Elementwise.Unary(ctx, SpecialFunctions.Sigmoid),
        "Tanh" => ctx => Elementwise.Unary(ctx, M.Tanh),
        "Softplus" => ctx => Elementwise.Unary(ctx, SpecialFunctions.Softplus),
        "Softsign" => ctx => Elementwise.Unary(ctx, x => x / (1 + M.Abs(x))),
        "HardSwish" => ctx => Elementwise.Unary(ctx, x => x * M.Max(0, M.Min(1, (x / 6) + 0.5))),
        "Mish" => ctx => Elementwise.Unary(ctx, x => x * M.Tanh(SpecialFunctions.Softplus(x))),
        _ => ActivationKernels.For(name),
    };

    /// <summary>IsNaN and IsInf (bool results).</summary>
    public static void FloatTest(EvaluationContext ctx, bool nan)
    {
        var x = ctx.Tensor(0);
        var v = Numbers.ReadDoubles(x);
        bool neg = ctx.GetInt("detect_negative", 1) != 0, pos = ctx.GetInt("detect_positive", 1) != 0;
        var r = new bool[v.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = nan ? double.IsNaN(v[i]) : (pos && double.IsPositiveInfinity(v[i])) || (neg && double.IsNegativeInfinity(v[i]));
        }
        ctx.SetOutput(0, Numbers.FromBools(r, x.Dimensions));
    }
}
