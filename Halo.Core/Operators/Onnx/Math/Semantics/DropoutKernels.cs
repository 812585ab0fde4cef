using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Reference kernel of Dropout: identity with an all-true mask in inference mode; in training mode
/// (opset 12 and later) elements drop with probability ratio, drawn from the context's random source.</summary>
internal static class DropoutKernels
{
    /// <summary>Dropout of any version.</summary>
    public static void Dropout(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        int version = ctx.Schema.Id.SinceVersion;
        bool training = version >= 12 && ctx.OptionalTensor(2) is { } mode && mode.Bytes.Span[0] != 0;
        double ratio = version >= 12
            ? (ctx.OptionalTensor(1) is { } r ? Numbers.FirstDouble(ctx, r) : 0.5)
            : ctx.GetFloat("ratio", 0.5f);
        var maskType = ctx.OutputCount > 1 ? Numbers.OutputType(ctx, 1) : ElementType.Bool;
        var keep = new bool[x.ElementCount];
        if (!training || ratio == 0)
        {
            keep.AsSpan().Fill(true);
            ctx.SetOutput(0, x);
        }
        else
        {
            var v = Numbers.ReadDoubles(x);
            double scale = 1 / (1 - ratio);
            // Dropout's seed is an int attribute; ctx.Random seeds only from float seeds (the random generators').
            var random = ctx.Attr("seed") is { Kind: AttributeKind.Int } seed ? new Random(unchecked((int)seed.AsInt())) : ctx.Random;
            for (int i = 0; i < v.Length; i++)
            {
                keep[i] = random.NextDouble() >= ratio;
                v[i] = keep[i] ? v[i] * scale : 0;
            }
            ctx.SetOutput(0, Numbers.FromDoubles(x.ElementType, v, x.Dimensions));
        }
        if (ctx.OutputCount > 1)
        {
            var mask = Numbers.FromBools(keep, x.Dimensions);
            ctx.SetOutput(1, maskType == ElementType.Bool ? mask : CastKernels.Convert(ctx, mask, maskType, true));
        }
    }
}
