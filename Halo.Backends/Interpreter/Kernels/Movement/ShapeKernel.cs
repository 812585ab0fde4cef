using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Shape: the input's dimensions as int64, sliced by start/end (version 15).</summary>
internal sealed class ShapeKernel(long start, long? end) : Kernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Shape", c =>
        new ShapeKernel(c.Attributes.GetInt("start", 0), c.Attributes.ContainsKey("end") ? c.Attributes.GetInt("end", 0) : null));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int rank = x.Rank;
        int s = Clamp(start, rank), e = end is { } v ? Clamp(v, rank) : rank;
        int n = Math.Max(0, e - s);
        var y = context.AllocateOutput(0, ElementType.Int64, [n]);
        var dst = y.AsSpan<long>();
        for (int i = 0; i < n; i++)
        {
            dst[i] = x.Shape[s + i];
        }
    }

    private static int Clamp(long axis, int rank) => (int)Math.Clamp(axis < 0 ? axis + rank : axis, 0, rank);
}
