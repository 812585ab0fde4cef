using System.Numerics.Tensors;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>BatchNormalization in inference mode (float32): y = (x − mean) / sqrt(var + ε) · scale + B,
/// per channel (axis 1), folded to one multiply-add per element.</summary>
internal sealed class BatchNormalizationKernel(float epsilon) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("BatchNormalization", Create);

    private static KernelCreateResult Create(KernelCreateContext c)
    {
        if (c.InputType(0) is not (ElementType.Float or ElementType.Undefined))
        {
            return KernelCreateResult.BadType(c.InputType(0));
        }
        if (c.Attributes.GetInt("training_mode", 0) != 0)
        {
            return new BatchNormalizationTrainingKernel(c.Attributes.GetFloat("epsilon", 1e-5f), c.Attributes.GetFloat("momentum", 0.9f));
        }
        if (c.SinceVersion < 14 && c.Op.OutputTypes.Length > 1)
        {
            return KernelCreateResult.Unsupported("the running statistics outputs of versions before 14 are not supported");
        }
        if (c.Attributes.GetInt("spatial", 1) == 0)
        {
            return KernelCreateResult.Unsupported("spatial = 0 (per-element statistics) is not supported");
        }
        return new BatchNormalizationKernel(c.Attributes.GetFloat("epsilon", 1e-5f));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1).AsSpan<float>();
        var bias = context.Input(2).AsSpan<float>();
        var mean = context.Input(3).AsSpan<float>();
        var variance = context.Input(4).AsSpan<float>();
        var y = context.AllocateOutput(0, ElementType.Float, x.ShapeArray);
        int n = x.Shape[0], channels = x.Rank > 1 ? x.Shape[1] : 1, plane = ShapeMath.Product(x.Shape, 2, x.Rank);
        if (scale.Length != channels || bias.Length != channels || mean.Length != channels || variance.Length != channels)
        {
            throw new InvalidOperationException($"BatchNormalization parameters must have {channels} elements.");
        }
        var src = x.AsSpan<float>();
        var dst = y.AsSpan<float>();
        for (int c = 0; c < channels; c++)
        {
            float a = scale[c] / MathF.Sqrt(variance[c] + epsilon);
            float b = bias[c] - mean[c] * a;
            for (int b0 = 0; b0 < n; b0++)
            {
                int offset = (b0 * channels + c) * plane;
                var d = dst.Slice(offset, plane);
                TensorPrimitives.Multiply(src.Slice(offset, plane), a, d);
                TensorPrimitives.Add(d, b, d);
            }
        }
    }
}
