using System.Collections.Immutable;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Col2Im: sums column blocks back into an image of any spatial rank
/// (strides, dilations, pads).</summary>
internal static class Col2ImKernel
{
    public static void Col2Im(EvaluationContext ctx)
    {
        var input = ctx.Tensor(0);
        long[] image = IndexMath.Longs(ctx.Tensor(1)), block = IndexMath.Longs(ctx.Tensor(2));
        int r = image.Length;
        long[] dil = Attr(ctx, "dilations", r, 1), strides = Attr(ctx, "strides", r, 1), pads = Attr(ctx, "pads", 2 * r, 0);
        if (block.Length != r || input.Dimensions.Length != 3)
        {
            ctx.Fail("image_shape and block_shape differ in length or the input is not 3-D");
        }
        long k = IndexMath.Product(block), n = input.Dimensions[0], ck = input.Dimensions[1], l = input.Dimensions[2];
        var positions = new long[r];
        for (int d = 0; d < r; d++)
        {
            positions[d] = ((image[d] + pads[d] + pads[d + r] - ((dil[d] * (block[d] - 1)) + 1)) / strides[d]) + 1;
        }
        if (k == 0 || ck % k != 0 || IndexMath.Product(positions) != l)
        {
            ctx.Fail("the input does not match the block and image shapes");
        }
        long c = ck / k, pixels = IndexMath.Product(image);
        var dims = ImmutableArray.Create([n, c, .. image]);
        var output = new double[ConstantKernels.CountOf(dims)];
        double[] x = IndexMath.Doubles(input);
        var imageStrides = IndexMath.Strides(image);
        var offset = new long[r];
        for (long kf = 0; kf < k; kf++, GatherKernels.Next(offset, block))
        {
            var pos = new long[r];
            for (long lf = 0; lf < l; lf++, GatherKernels.Next(pos, positions))
            {
                long target = 0;
                for (int d = 0; d < r && target >= 0; d++)
                {
                    long p = (pos[d] * strides[d]) - pads[d] + (offset[d] * dil[d]);
                    target = p < 0 || p >= image[d] ? -1 : target + (p * imageStrides[d]);
                }
                for (long b = 0; b < n * c && target >= 0; b++)
                {
                    output[(b * pixels) + target] += x[(((b * k) + kf) * l) + lf];
                }
            }
        }
        ctx.SetOutput(0, TensorFactory.FromDoubles(input.ElementType, output, dims));
    }

    private static long[] Attr(EvaluationContext ctx, string name, int count, long fallback)
    {
        if (ctx.GetInts(name) is { Length: > 0 } v)
        {
            if (v.Length != count)
            {
                ctx.Fail($"{name} must have {count} entries");
            }
            return [.. v];
        }
        var result = new long[count];
        Array.Fill(result, fallback);
        return result;
    }
}
