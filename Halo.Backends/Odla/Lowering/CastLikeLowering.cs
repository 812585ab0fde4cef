namespace Halo.Backends.Odla.Lowering;

/// <summary>CastLike: <c>odla_Cast</c> to the element type of the second operand (only its type matters).</summary>
internal static class CastLikeLowering
{
    public static void Register(LoweringTableBuilder table) => table.Add("CastLike", CastLike, minVersion: 15);

    private static bool CastLike(LoweringContext c)
    {
        var target = c.OutputType().ElementType;
        if (c.InputType(0).ElementType == target)
        {
            return c.Alias(0, 0);
        }
        // Cast's own lowering: the saturate attribute and Halo's extension types (float8, 4-bit) included.
        return ElementwiseLowerings.CastTo(c, target);
    }
}
