using System.Numerics;
using System.Numerics.Tensors;
using Halo.Backends.Interpreter.Threading;
using Halo.Core.Operators.Onnx.Math.Semantics;

namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>
/// Elementwise float32 functions of transformer and mobile models (Sigmoid/SiLU, Tanh, Erf/GELU, Exp, Sqrt,
/// HardSwish, ...): vectorized through TensorPrimitives where it has the function, else a tight loop. Erf, GELU and
/// the functions with attributes evaluate in double with the reference semantics' formulas, so both agree to float
/// rounding.
/// </summary>
/// <param name="function">The function.</param>
/// <param name="alpha">HardSigmoid's, LeakyRelu's and Elu's alpha.</param>
/// <param name="beta">HardSigmoid's beta.</param>
internal sealed unsafe class UnaryFloatKernel(UnaryFunction function, float alpha = 0, float beta = 0) : Kernel
{
    // PERF: below this many elements a fork/join costs more than it saves.
    private const int ParallelThreshold = 1 << 15;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.AllocateOutput(0, x.ElementType, x.ShapeArray);
        if (x.Length < ParallelThreshold || context.Workers.Threads == 1)
        {
            Apply(function, alpha, beta, x.AsSpan<float>(), y.AsSpan<float>());
            return;
        }
        const int Block = 4096;
        var body = new Blocks(function, alpha, beta, (float*)x.Address, (float*)y.Address, x.Length, Block);
        int blocks = (x.Length + Block - 1) / Block;
        context.Workers.For(blocks, context.Workers.ChunksFor(x.Length, ParallelThreshold / 2), ref body);
    }

    /// <summary>Blocks of <c>block</c> elements, for the worker pool.</summary>
    private readonly struct Blocks(UnaryFunction function, float alpha, float beta, float* x, float* y, int length, int block)
        : IChunkBody
    {
        public void Run(int start, int end)
        {
            int from = start * block, to = Math.Min(length, end * block);
            Apply(function, alpha, beta, new ReadOnlySpan<float>(x + from, to - from), new Span<float>(y + from, to - from));
        }
    }

    /// <summary>y = f(x) elementwise; x and y have the same length.</summary>
    public static void Apply(UnaryFunction function, float alpha, float beta, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (function)
        {
            case UnaryFunction.Sigmoid: TensorPrimitives.Sigmoid(x, y); break;
            case UnaryFunction.Tanh: TensorPrimitives.Tanh(x, y); break;
            case UnaryFunction.Exp: TensorPrimitives.Exp(x, y); break;
            case UnaryFunction.Log: TensorPrimitives.Log(x, y); break;
            case UnaryFunction.Sqrt: TensorPrimitives.Sqrt(x, y); break;
            case UnaryFunction.Abs: TensorPrimitives.Abs(x, y); break;
            case UnaryFunction.Neg: TensorPrimitives.Negate(x, y); break;
            case UnaryFunction.Reciprocal: TensorPrimitives.Reciprocal(x, y); break;
            case UnaryFunction.Sin: TensorPrimitives.Sin(x, y); break;
            case UnaryFunction.Cos: TensorPrimitives.Cos(x, y); break;
            case UnaryFunction.Floor: TensorPrimitives.Floor(x, y); break;
            case UnaryFunction.Ceil: TensorPrimitives.Ceiling(x, y); break;
            case UnaryFunction.Erf: Erf(x, y); break;
            case UnaryFunction.Softplus:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = (float)SpecialFunctions.Softplus(x[i]);
                }
                break;
            case UnaryFunction.HardSigmoid:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = (float)Math.Max(0, Math.Min(1, (alpha * (double)x[i]) + beta));
                }
                break;
            case UnaryFunction.HardSwish:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = (float)(x[i] * Math.Max(0, Math.Min(1, (x[i] / 6.0) + 0.5)));
                }
                break;
            case UnaryFunction.LeakyRelu:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] >= 0 ? x[i] : alpha * x[i];
                }
                break;
            case UnaryFunction.Elu:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] >= 0 ? x[i] : (float)(alpha * (Math.Exp(x[i]) - 1));
                }
                break;
            case UnaryFunction.Gelu:
                // 0.5·x·(1 + erf(x/√2)), with the vectorized erf.
                TensorPrimitives.Multiply(x, 1 / MathF.Sqrt(2), y);
                Erf(y, y);
                TensorPrimitives.Add(y, 1f, y);
                TensorPrimitives.Multiply(y, x, y);
                TensorPrimitives.Multiply(y, 0.5f, y);
                break;
            case UnaryFunction.GeluTanh:
                for (int i = 0; i < x.Length; i++)
                {
                    double v = x[i];
                    y[i] = (float)(0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + (0.044715 * v * v * v)))));
                }
                break;
            default:
                throw new InvalidOperationException("Unknown unary function " + function);
        }
    }

    // erf's Maclaurin coefficients 2/√π · (-1)^n / (n! (2n + 1)), n = 0..9: below 1e-13 off for |x| < 0.5.
    private static readonly double[] s_series = [.. Enumerable.Range(0, 10).Select(n =>
        2 / Math.Sqrt(Math.PI) * (n % 2 == 0 ? 1 : -1) / (Factorial(n) * ((2 * n) + 1)))];

    /// <summary>
    /// erf (y may be x itself) by the reference semantics' method (<see cref="SpecialFunctions.Erf"/>: a Maclaurin series near zero,
    /// 1 - erfc with the Chebyshev-fitted exponential form elsewhere) in double, on whole vectors: GELU's erf
    /// over an activation then costs a fraction of the matmuls around it.
    /// </summary>
    private static void Erf(ReadOnlySpan<float> x, Span<float> y)
    {
        const int Chunk = 256;
        Span<double> v = stackalloc double[Chunk];
        Span<double> e = stackalloc double[Chunk];
        Span<double> r = stackalloc double[Chunk];
        int width = Vector<double>.Count;
        var half = new Vector<double>(0.5);
        var one = Vector<double>.One;
        for (int start = 0; start < x.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, x.Length - start);
            int padded = (n + width - 1) / width * width;
            for (int i = 0; i < padded; i++)
            {
                v[i] = i < n ? x[start + i] : 0;
            }
            for (int i = 0; i < padded; i += width)
            {
                var a = Vector.Abs(new Vector<double>(v[i..]));
                var t = one / (one + (half * a));
                var p = Vector<double>.Zero;
                foreach (double coefficient in SpecialFunctions.ErfcExponent)
                {
                    p = (p * t) + new Vector<double>(coefficient);
                }
                (p - (a * a)).CopyTo(e[i..]);
                t.CopyTo(r[i..]);
            }
            TensorPrimitives.Exp(e[..padded], e[..padded]);
            for (int i = 0; i < padded; i += width)
            {
                var value = new Vector<double>(v[i..]);
                var z = value * value;
                var sum = new Vector<double>(s_series[^1]);
                for (int k = s_series.Length - 2; k >= 0; k--)
                {
                    sum = (sum * z) + new Vector<double>(s_series[k]);
                }
                var complement = new Vector<double>(r[i..]) * new Vector<double>(e[i..]);
                var far = Vector.ConditionalSelect(Vector.LessThan(value, Vector<double>.Zero), complement - one, one - complement);
                Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(value), half), value * sum, far).CopyTo(r[i..]);
            }
            for (int i = 0; i < n; i++)
            {
                y[start + i] = (float)r[i];
            }
        }
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
