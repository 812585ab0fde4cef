using Halo.Core.Semantics;
using M = System.Math;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernels of Softmax, LogSoftmax and Hardmax: before opset 13 over the input coerced to 2-D at
/// axis (all trailing dimensions together), from opset 13 along the one axis.</summary>
internal static class SoftmaxKernels
{
    /// <summary>The kernel of the named operator.</summary>
    public static ReferenceKernel For(string name) => ctx => Run(ctx, name);

    private static void Run(EvaluationContext ctx, string name)
    {
        var x = ctx.Tensor(0);
        int rank = x.Dimensions.Length;
        var v = Numbers.ReadDoubles(x);
        int outer, size, inner;
        if (ctx.Schema.Id.SinceVersion >= 13)
        {
            (outer, size, inner) = Axes.Split(x.Dimensions, Axes.Normalize(ctx, ctx.GetInt("axis", -1), rank));
        }
        else
        {
            long axis = ctx.GetInt("axis", 1);
            int a = rank == 0 ? 0 : axis == rank ? rank : Axes.Normalize(ctx, axis, rank);
            long rows = 1;
            for (int i = 0; i < a; i++)
            {
                rows *= x.Dimensions[i];
            }
            (outer, size, inner) = ((int)rows, rows == 0 ? 0 : (int)(v.Length / rows), 1);
        }
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                Row(v, (o * size * inner) + i, size, inner, name);
            }
        }
        ctx.SetOutput(0, Numbers.FromDoubles(Numbers.OutputType(ctx, 0), v, x.Dimensions));
    }

    private static void Row(double[] v, int start, int size, int stride, string name)
    {
        double max = double.NegativeInfinity;
        int arg = 0;
        for (int k = 0; k < size; k++)
        {
            if (v[start + (k * stride)] > max)
            {
                max = v[start + (k * stride)];
                arg = k;
            }
        }
        if (name == "Hardmax")
        {
            for (int k = 0; k < size; k++)
            {
                v[start + (k * stride)] = k == arg ? 1 : 0;
            }
            return;
        }
        double sum = 0;
        for (int k = 0; k < size; k++)
        {
            sum += M.Exp(v[start + (k * stride)] - max);
        }
        double logSum = M.Log(sum);
        for (int k = 0; k < size; k++)
        {
            ref double e = ref v[start + (k * stride)];
            e = name == "LogSoftmax" ? e - max - logSum : M.Exp(e - max) / sum;
        }
    }
}
