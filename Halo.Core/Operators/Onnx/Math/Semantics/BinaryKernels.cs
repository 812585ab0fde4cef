using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of the binary arithmetic, bit, logical and comparison operators.</summary>
internal static class BinaryKernels
{
    /// <summary>The kernel of the named binary operator.</summary>
    public static ReferenceKernel For(string name) => name switch
    {
        "Add" => ctx => Elementwise.Binary(ctx, (a, b) => a + b, (a, b) => unchecked(a + b)),
        "Sub" => ctx => Elementwise.Binary(ctx, (a, b) => a - b, (a, b) => unchecked(a - b)),
        "Mul" => ctx => Elementwise.Binary(ctx, (a, b) => a * b, (a, b) => unchecked(a * b)),
        // ONNX: integer division truncates toward zero (as C and ONNX Runtime do).
        "Div" => ctx => Elementwise.Binary(ctx, (a, b) => a / b, IntDiv, (a, b) => a / b),
        "Mod" => Mod,
        "Pow" => Pow,
        "BitShift" => BitShift,
        "BitwiseAnd" or "And" => ctx => Elementwise.Binary(ctx, (a, b) => (long)a & (long)b, (a, b) => a & b),
        "BitwiseOr" or "Or" => ctx => Elementwise.Binary(ctx, (a, b) => (long)a | (long)b, (a, b) => a | b),
        "BitwiseXor" or "Xor" => ctx => Elementwise.Binary(ctx, (a, b) => (long)a ^ (long)b, (a, b) => a ^ b),
        "Equal" => ctx => Elementwise.Compare(ctx, c => c == 0),
        "Greater" => ctx => Elementwise.Compare(ctx, c => c > 0),
        "GreaterOrEqual" => ctx => Elementwise.Compare(ctx, c => c >= 0),
        "Less" => ctx => Elementwise.Compare(ctx, c => c < 0),
        "LessOrEqual" => ctx => Elementwise.Compare(ctx, c => c <= 0),
        _ => throw new ArgumentException($"no binary kernel for {name}", nameof(name)),
    };

    private static long IntDiv(long a, long b) => a == long.MinValue && b == -1 ? long.MinValue : a / b;

    private static void Mod(EvaluationContext ctx)
    {
        if (ctx.GetInt("fmod", 0) != 0)
        {
            // ONNX: fmod = 1 keeps the dividend's sign (C fmod).
            Elementwise.Binary(ctx, (a, b) => a % b, (a, b) => b == -1 ? 0 : a % b, (a, b) => a % b);
            return;
        }
        Elementwise.Binary(ctx, FloorMod, (a, b) =>
        {
            long r = b == -1 ? 0 : a % b;
            return r != 0 && ((r < 0) != (b < 0)) ? r + b : r;
        }, (a, b) => a % b);
    }

    private static double FloorMod(double a, double b)
    {
        double r = a % b;
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r;
    }

    private static void Pow(EvaluationContext ctx)
    {
        var type = Numbers.OutputType(ctx, 0);
        if (!Numbers.IsFloat(type) && !Numbers.IsFloat(ctx.Tensor(1).ElementType))
        {
            Elementwise.Binary(ctx, System.Math.Pow, IntPow);
            return;
        }
        if (Numbers.IsFloat(type))
        {
            Elementwise.Binary(ctx, System.Math.Pow, (a, b) => (long)System.Math.Pow(a, b));
            return;
        }
        // Integer base, floating-point exponent: compute in double, truncate to the base type.
        var (a, b, dims, ma, mb) = Elementwise.Operands(ctx);
        var va = Numbers.ReadDoubles(a);
        var vb = Numbers.ReadDoubles(b);
        var r = new double[ma.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = System.Math.Truncate(System.Math.Pow(va[ma[i]], vb[mb[i]]));
        }
        ctx.SetOutput(0, Numbers.FromDoubles(type, r, [.. dims]));
    }

    private static long IntPow(long x, long n)
    {
        if (n < 0)
        {
            return x == 1 ? 1 : x == -1 ? (n % 2 == 0 ? 1 : -1) : 0;
        }
        long result = 1;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result = unchecked(result * x);
            }
            x = unchecked(x * x);
            n >>= 1;
        }
        return result;
    }

    private static void BitShift(EvaluationContext ctx)
    {
        bool left = ctx.GetString("direction", "LEFT") == "LEFT";
        int bits = ctx.Tensor(0).ElementType.BitWidth();
        ulong mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
        // Shifting by the bit width or more gives 0.
        Elementwise.Binary(ctx, (a, b) => 0, (a, b) =>
            (ulong)b >= (ulong)bits ? 0 : left ? (long)(((ulong)a << (int)b) & mask) : (long)(((ulong)a & mask) >> (int)b));
    }
}
