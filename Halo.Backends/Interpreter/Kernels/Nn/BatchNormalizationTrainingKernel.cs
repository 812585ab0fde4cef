using System.Numerics.Tensors;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>BatchNormalization with training_mode = 1 (version 14+, float32): normalizes with the batch's
/// own per-channel mean and population variance and outputs the updated running statistics
/// (input · momentum + current · (1 − momentum)).</summary>
internal sealed class BatchNormalizationTrainingKernel(float epsilon, float momentum) : Kernel
{
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int n = x.Shape[0], channels = x.Rank > 1 ? x.Shape[1] : 1, plane = ShapeMath.Product(x.Shape, 2, x.Rank);
        var y = context.AllocateOutput(0, ElementType.Float, x.ShapeArray);
        var runningMean = context.OutputCount > 1 ? context.AllocateOutput(1, ElementType.Float, [channels]) : null;
        var runningVar = context.OutputCount > 2 ? context.AllocateOutput(2, ElementType.Float, [channels]) : null;
        var src = x.AsSpan<float>();
        var dst = y.AsSpan<float>();
        for (int c = 0; c < channels; c++)
        {
            var (mean, variance) = Statistics(src, n, channels, plane, c);
            float a = context.Input(1).AsSpan<float>()[c] / MathF.Sqrt(variance + epsilon);
            float b = context.Input(2).AsSpan<float>()[c] - mean * a;
            for (int i = 0; i < n; i++)
            {
                int offset = (i * channels + c) * plane;
                var d = dst.Slice(offset, plane);
                TensorPrimitives.Multiply(src.Slice(offset, plane), a, d);
                TensorPrimitives.Add(d, b, d);
            }
            if (runningMean is not null)
            {
                runningMean.AsSpan<float>()[c] = context.Input(3).AsSpan<float>()[c] * momentum + mean * (1 - momentum);
            }
            if (runningVar is not null)
            {
                runningVar.AsSpan<float>()[c] = context.Input(4).AsSpan<float>()[c] * momentum + variance * (1 - momentum);
            }
        }
    }

    private static (float Mean, float Variance) Statistics(ReadOnlySpan<float> x, int n, int channels, int plane, int c)
    {
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            var p = x.Slice((i * channels + c) * plane, plane);
            sum += TensorPrimitives.Sum(p);
            squares += TensorPrimitives.SumOfSquares(p);
        }
        double count = Math.Max(1, (double)n * plane);
        double mean = sum / count;
        return ((float)mean, (float)Math.Max(0, squares / count - mean * mean));
    }
}
