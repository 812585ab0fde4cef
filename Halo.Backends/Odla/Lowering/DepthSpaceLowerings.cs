namespace Halo.Backends.Odla.Lowering;

/// <summary>DepthToSpace and SpaceToDepth (NCHW): a reshape that splits the block out of the channel (or spatial)
/// axes, a transpose that moves it, and a reshape to the output.</summary>
internal static class DepthSpaceLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("DepthToSpace", DepthToSpace)
        .Add("SpaceToDepth", SpaceToDepth);

    private static bool DepthToSpace(LoweringContext c)
    {
        if (Dims(c) is not var (n, channels, h, w, b))
        {
            return c.Unsupported("the input must be 4-D NCHW with a positive blocksize");
        }
        bool crd = string.Equals(c.String("mode", "DCR"), "CRD", StringComparison.Ordinal);
        long depth = channels / (b * b);
        // ONNX: DCR splits C as (b, b, C'), CRD as (C', b, b).
        long[] split = crd ? [n, depth, b, b, h, w] : [n, b, b, depth, h, w];
        long[] perm = crd ? [0, 1, 4, 2, 5, 3] : [0, 3, 4, 1, 5, 2];
        return Shuffle(c, split, perm);
    }

    private static bool SpaceToDepth(LoweringContext c)
    {
        if (Dims(c) is not var (n, channels, h, w, b))
        {
            return c.Unsupported("the input must be 4-D NCHW with a positive blocksize");
        }
        return Shuffle(c, [n, channels, h / b, b, w / b, b], [0, 3, 5, 1, 2, 4]);
    }

    private static bool Shuffle(LoweringContext c, long[] split, long[] perm)
    {
        string blocks = OdlaComposition.Reshape(c, c.Value(0), split);
        string moved = OdlaComposition.Transpose(c, blocks, split, perm);
        return c.Define(0, $"odla_Reshape({moved}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static (long N, long C, long H, long W, long Block)? Dims(LoweringContext c)
    {
        long[] d = c.InputShape(0);
        long b = c.Int("blocksize", 0);
        return d.Length == 4 && b > 0 ? (d[0], d[1], d[2], d[3], b) : null;
    }
}
