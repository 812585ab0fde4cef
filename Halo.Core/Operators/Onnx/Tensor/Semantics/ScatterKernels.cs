using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Scatter, ScatterElements and ScatterND (reductions none, add, mul, max, min).</summary>
internal static class ScatterKernels
{
    public static void ScatterElements(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var indicesTensor = ctx.Tensor(1);
        long[] indices = IndexMath.Longs(indicesTensor);
        var d = data.Dimensions;
        var id = indicesTensor.Dimensions;
        int axis = IndexMath.Axis(ctx, ctx.GetInt("axis", 0), d.Length);
        if (id.Length != d.Length || !ctx.Tensor(2).Dimensions.SequenceEqual(id))
        {
            ctx.Fail("indices, updates and data shapes do not agree");
        }
        var strides = IndexMath.Strides(d);
        var targets = new long[indices.Length];
        var coord = new long[d.Length];
        for (long n = 0; n < indices.Length; n++)
        {
            long dst = 0;
            for (int k = 0; k < d.Length; k++)
            {
                long c = k == axis ? GatherKernels.Normalize(ctx, indices[n], d[k]) : coord[k];
                if (c >= d[k])
                {
                    ctx.Fail($"index {c} is out of range on axis {k}");
                }
                dst += c * strides[k];
            }
            targets[n] = dst;
            GatherKernels.Next(coord, id);
        }
        ctx.SetOutput(0, Apply(ctx, data, ctx.Tensor(2), targets));
    }

    public static void ScatterND(EvaluationContext ctx)
    {
        var data = ctx.Tensor(0);
        var indicesTensor = ctx.Tensor(1);
        long[] indices = IndexMath.Longs(indicesTensor);
        var d = data.Dimensions;
        int last = (int)indicesTensor.Dimensions[^1];
        if (last > d.Length)
        {
            ctx.Fail("index tuples are longer than the data rank");
        }
        long inner = IndexMath.Product(d, last);
        long tuples = last == 0 ? IndexMath.Product(indicesTensor.Dimensions, 0, indicesTensor.Dimensions.Length - 1) : indices.Length / last;
        var strides = IndexMath.Strides(d);
        var targets = new long[tuples * inner];
        for (long t = 0; t < tuples; t++)
        {
            long dst = 0;
            for (int k = 0; k < last; k++)
            {
                dst += GatherKernels.Normalize(ctx, indices[t * last + k], d[k]) * strides[k];
            }
            for (long e = 0; e < inner; e++)
            {
                targets[t * inner + e] = dst + e;
            }
        }
        if (ctx.Tensor(2).ElementCount != targets.Length)
        {
            ctx.Fail("updates do not match the indices");
        }
        ctx.SetOutput(0, Apply(ctx, data, ctx.Tensor(2), targets));
    }

    /// <summary>data with updates[i] written (or reduced) at element targets[i].</summary>
    private static TensorData Apply(EvaluationContext ctx, TensorData data, TensorData updates, long[] targets)
    {
        string reduction = ctx.GetString("reduction", "none") ?? "none";
        if (reduction == "none")
        {
            var writer = new ElementWriter(data.ElementType, data.ElementCount);
            writer.CopyRange(0, data, 0, data.ElementCount);
            for (long i = 0; i < targets.Length; i++)
            {
                writer.Copy(targets[i], updates, i);
            }
            return writer.Build(data.Dimensions);
        }
        if (data.ElementType.IsFloatingPoint())
        {
            double[] v = IndexMath.Doubles(data), u = IndexMath.Doubles(updates);
            for (long i = 0; i < targets.Length; i++)
            {
                ref double x = ref v[targets[i]];
                x = reduction switch { "add" => x + u[i], "mul" => x * u[i], "max" => System.Math.Max(x, u[i]), "min" => System.Math.Min(x, u[i]), _ => Bad(ctx, reduction) };
            }
            return TensorFactory.FromDoubles(data.ElementType, v, data.Dimensions);
        }
        long[] lv = IndexMath.Longs(data), lu = IndexMath.Longs(updates);
        bool unsigned = data.ElementType is ElementType.UInt64;
        for (long i = 0; i < targets.Length; i++)
        {
            ref long x = ref lv[targets[i]];
            x = reduction switch
            {
                "add" => unchecked(x + lu[i]),
                "mul" => unchecked(x * lu[i]),
                "max" => unsigned ? (long)System.Math.Max((ulong)x, (ulong)lu[i]) : System.Math.Max(x, lu[i]),
                "min" => unsigned ? (long)System.Math.Min((ulong)x, (ulong)lu[i]) : System.Math.Min(x, lu[i]),
                _ => (long)Bad(ctx, reduction),
            };
        }
        return TensorFactory.FromInt64s(data.ElementType, lv, data.Dimensions);
    }

    private static double Bad(EvaluationContext ctx, string reduction)
    {
        ctx.Fail($"unknown reduction '{reduction}'");
        return 0;
    }
}
