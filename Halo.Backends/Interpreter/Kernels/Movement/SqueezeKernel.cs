namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Squeeze and Unsqueeze: remove or insert dimensions of size 1, as a view of the input (no copy). The
/// axes come from the 'axes' attribute (before version 13) or the optional int64 operand 1; negative axes count
/// from the end (of the input for Squeeze, of the output for Unsqueeze).</summary>
internal sealed class SqueezeKernel(bool unsqueeze, long[]? attributeAxes) : Kernel, IAliasingKernel
{
    public static void Register(KernelTable.Builder table)
    {
        table.Add("Squeeze", c => new SqueezeKernel(false, AttributeAxes(c)));
        table.Add("Unsqueeze", c => new SqueezeKernel(true, AttributeAxes(c)));
    }

    private static long[]? AttributeAxes(KernelCreateContext c) =>
        c.SinceVersion < 13 ? c.Attributes.GetInts("axes")?.ToArray() ?? [] : null;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        long[]? axes = attributeAxes ?? context.OptionalInput(1)?.AsSpan<long>().ToArray();
        context.SetOutputView(0, x, unsqueeze ? Unsqueezed(x.Shape, axes ?? []) : Squeezed(x.Shape, axes));
    }

    /// <summary>The shape without the listed axes (all axes of size 1 when <paramref name="axes"/> is null or empty).</summary>
    public static int[] Squeezed(ReadOnlySpan<int> shape, long[]? axes)
    {
        var drop = new bool[shape.Length];
        if (axes is null || axes.Length == 0)
        {
            for (int i = 0; i < shape.Length; i++)
            {
                drop[i] = shape[i] == 1;
            }
        }
        else
        {
            foreach (long a in axes)
            {
                int axis = Normalize(a, shape.Length);
                drop[axis] = shape[axis] == 1 ? true
                    : throw new InvalidOperationException($"Squeeze axis {a} has size {shape[axis]}, not 1.");
            }
        }
        var result = new List<int>(shape.Length);
        for (int i = 0; i < shape.Length; i++)
        {
            if (!drop[i])
            {
                result.Add(shape[i]);
            }
        }
        return [.. result];
    }

    /// <summary>The shape with dimensions of size 1 inserted at the listed output axes.</summary>
    public static int[] Unsqueezed(ReadOnlySpan<int> shape, long[] axes)
    {
        int rank = shape.Length + axes.Length;
        var insert = new bool[rank];
        foreach (long a in axes)
        {
            int axis = Normalize(a, rank);
            insert[axis] = !insert[axis] ? true : throw new InvalidOperationException($"Unsqueeze axis {a} is repeated.");
        }
        var result = new int[rank];
        for (int i = 0, j = 0; i < rank; i++)
        {
            result[i] = insert[i] ? 1 : shape[j++];
        }
        return result;
    }

    private static int Normalize(long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        return a >= 0 && a < rank ? (int)a : throw new InvalidOperationException($"Axis {axis} is out of range for rank {rank}.");
    }
}
