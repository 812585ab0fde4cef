using System.Numerics.Tensors;
using Halo.Backends.Interpreter.Threading;
using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Nn;

/// <summary>
/// LayerNormalization (opset 17, float32, only Y requested): each row over the axes from 'axis' on is centred,
/// scaled by 1/sqrt(var + ε) and then by Scale, plus B; Scale and B have one value per normalized element (or
/// one in all). Rows run in parallel. Mean and InvStdDev outputs, and other types, use the reference semantics.
/// </summary>
internal sealed unsafe class LayerNormalizationKernel(long axis, float epsilon) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("LayerNormalization", c =>
        c.InputType(0) is not ElementType.Float ? KernelCreateResult.BadType(c.InputType(0))
        : c.Op.OutputTypes.Length > 1 ? KernelCreateResult.Unsupported("the Mean and InvStdDev outputs")
        : new LayerNormalizationKernel(c.Attributes.GetInt("axis", -1), c.Attributes.GetFloat("epsilon", 1e-5f)));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var bias = context.OptionalInput(2);
        int a = ShapeMath.NormalizeAxis(axis, x.Rank);
        int size = ShapeMath.Product(x.Shape, a, x.Rank);
        if (scale.Length != size && scale.Length != 1 || bias is not null && bias.Length != size && bias.Length != 1)
        {
            throw new InvalidOperationException($"LayerNormalization: Scale and B must hold 1 or {size} values.");
        }
        var y = context.AllocateOutput(0, ElementType.Float, x.ShapeArray);
        int rows = size == 0 ? 0 : x.Length / size;
        var body = new Rows((float*)x.Address, (float*)y.Address, (float*)scale.Address, scale.Length,
            bias is null ? null : (float*)bias.Address, bias?.Length ?? 0, size, epsilon);
        context.Workers.For(rows, context.Workers.ChunksFor((long)rows * size, 1 << 14), ref body);
    }

    private readonly struct Rows(float* x, float* y, float* scale, int scaleLength, float* bias, int biasLength, int size, float epsilon)
        : IChunkBody
    {
        public void Run(int start, int end)
        {
            var s = new ReadOnlySpan<float>(scale, scaleLength);
            var b = bias is null ? default : new ReadOnlySpan<float>(bias, biasLength);
            for (int r = start; r < end; r++)
            {
                var src = new ReadOnlySpan<float>(x + (long)r * size, size);
                var dst = new Span<float>(y + (long)r * size, size);
                double sum = 0;
                foreach (float v in src)
                {
                    sum += v;
                }
                float mean = (float)(sum / size);
                TensorPrimitives.Subtract(src, mean, dst);
                float variance = TensorPrimitives.Dot(dst, dst) / size;
                TensorPrimitives.Multiply(dst, 1 / MathF.Sqrt(variance + epsilon), dst);
                if (scaleLength == 1)
                {
                    TensorPrimitives.Multiply(dst, s[0], dst);
                }
                else
                {
                    TensorPrimitives.Multiply(dst, s, dst);
                }
                if (biasLength == 1)
                {
                    TensorPrimitives.Add(dst, b[0], dst);
                }
                else if (biasLength > 0)
                {
                    TensorPrimitives.Add(dst, b, dst);
                }
            }
        }
    }
}
