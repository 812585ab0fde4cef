using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Slice: starts/ends/axes from attributes (versions 1–9) or operands with optional axes and
/// steps (version 10+, int32 or int64); ONNX clamping, negative indices and negative steps.</summary>
internal sealed class SliceKernel(bool fromAttributes, long[]? starts, long[]? ends, long[]? axes) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Slice", c => c.SinceVersion < 10
        ? new SliceKernel(true, c.Attributes.GetInts("starts")?.ToArray(), c.Attributes.GetInts("ends")?.ToArray(), c.Attributes.GetInts("axes")?.ToArray())
        : new SliceKernel(false, null, null, null));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int rank = x.Rank;
        long[] s = fromAttributes ? starts ?? [] : Longs(context.Input(1));
        long[] e = fromAttributes ? ends ?? [] : Longs(context.Input(2));
        long[] ax = (fromAttributes ? axes : context.OptionalInput(3) is { } t3 ? Longs(t3) : null) ?? [.. Enumerable.Range(0, s.Length).Select(i => (long)i)];
        long[] st = !fromAttributes && context.OptionalInput(4) is { } t4 ? Longs(t4) : [.. s.Select(_ => 1L)];
        if (e.Length != s.Length || ax.Length != s.Length || st.Length != s.Length)
        {
            throw new InvalidOperationException("Slice starts, ends, axes and steps differ in length.");
        }
        int[] start = new int[rank], step = new int[rank], shape = [.. x.Shape];
        Array.Fill(step, 1);
        for (int i = 0; i < s.Length; i++)
        {
            int a = ShapeMath.NormalizeAxis(ax[i], rank);
            (start[a], step[a], shape[a]) = Range(x.Shape[a], s[i], e[i], st[i]);
        }
        var y = context.AllocateOutput(0, x.ElementType, shape);
        Copy(x, y, start, step, shape);
    }

    private static (int Start, int Step, int Count) Range(int dim, long start, long end, long step)
    {
        if (step == 0)
        {
            throw new InvalidOperationException("Slice steps must not be 0.");
        }
        start = start < 0 ? start + dim : start;
        end = end < 0 ? end + dim : end;
        (start, end) = step > 0 ? (Math.Clamp(start, 0, dim), Math.Clamp(end, 0, dim))
            : (Math.Clamp(start, 0, dim - 1), Math.Clamp(end, -1, dim - 1));
        long count = step > 0 ? (end - start + step - 1) / step : (start - end + (-step) - 1) / -step;
        return ((int)start, (int)step, (int)Math.Max(0, count));
    }

    private static void Copy(Tensor x, Tensor y, int[] start, int[] step, int[] shape)
    {
        int rank = shape.Length;
        if (y.Length == 0)
        {
            return;
        }
        int[] strides = ShapeMath.Strides(x.Shape);
        bool contiguous = rank > 0 && step[^1] == 1;
        int run = contiguous ? shape[^1] : 1;
        int outerRank = contiguous ? rank - 1 : rank;
        int count = y.Length / run;
        var index = new int[outerRank];
        for (int o = 0; o < count; o++)
        {
            long src = contiguous ? start[^1] : 0;
            for (int d = 0; d < outerRank; d++)
            {
                src += ((long)start[d] + (long)index[d] * step[d]) * strides[d];
            }
            ElementCopy.Copy(x, src, y, (long)o * run, run);
            for (int d = outerRank - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }
    }

    private static long[] Longs(Tensor t) => t.ElementType == ElementType.Int32
        ? [.. t.AsSpan<int>().ToArray().Select(v => (long)v)] : t.AsSpan<long>().ToArray();
}
