using System.Numerics.Tensors;
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
internal sealed class UnaryFloatKernel(UnaryFunction function, float alpha = 0, float beta = 0) : Kernel
{
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.AllocateOutput(0, x.ElementType, x.ShapeArray);
        Apply(function, alpha, beta, x.AsSpan<float>(), y.AsSpan<float>());
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
            case UnaryFunction.Erf:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = (float)SpecialFunctions.Erf(x[i]);
                }
                break;
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
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = (float)(0.5 * x[i] * (1 + SpecialFunctions.Erf(x[i] / Math.Sqrt(2))));
                }
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
}
