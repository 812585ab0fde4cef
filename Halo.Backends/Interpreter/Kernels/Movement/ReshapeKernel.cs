namespace Halo.Backends.Interpreter.Kernels.Movement;

/// <summary>Reshape: the target shape comes from the 'shape' attribute (version 1) or operand; 0 copies the
/// input's size (unless allowzero, version 14), -1 is inferred. The output is a view of the input (no copy).</summary>
internal sealed class ReshapeKernel(long[]? attributeShape, bool allowZero) : Kernel, IAliasingKernel
{
    public static void Register(KernelTable.Builder table) => table.Add("Reshape", c =>
        new ReshapeKernel(c.SinceVersion < 5 ? c.Attributes.GetInts("shape")?.ToArray() ?? [] : null,
            c.Attributes.GetInt("allowzero", 0) != 0));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        long[] requested = attributeShape ?? context.Input(1).AsSpan<long>().ToArray();
        context.SetOutputView(0, x, Resolve(x.Shape, requested, allowZero));
    }

    /// <summary>The output shape of reshaping <paramref name="input"/> to <paramref name="requested"/>.</summary>
    public static int[] Resolve(ReadOnlySpan<int> input, long[] requested, bool allowZero)
    {
        var shape = new int[requested.Length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < requested.Length; i++)
        {
            long d = requested[i];
            if (d == -1)
            {
                inferred = inferred < 0 ? i : throw new InvalidOperationException("Reshape allows one -1.");
                continue;
            }
            shape[i] = d == 0 && !allowZero ? (i < input.Length ? input[i] : throw new InvalidOperationException("Reshape copies a missing dimension."))
                : d >= 0 ? checked((int)d) : throw new InvalidOperationException($"Invalid reshape dimension {d}.");
            known *= shape[i];
        }
        int total = ShapeMath.ElementCount(input);
        if (inferred >= 0)
        {
            shape[inferred] = known == 0 ? 0 : (int)(total / known);
        }
        return ShapeMath.ElementCount(shape) == total ? shape
            : throw new InvalidOperationException($"Cannot reshape {ShapeMath.Format(input)} to [{string.Join(",", requested)}].");
    }
}
