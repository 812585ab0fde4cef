using Halo.Backends.Odla.Emit;
using Halo.Core.IR.Types;

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
        return OdlaTypes.ToOdla(target) is { } odla
            ? c.DefineCall(0, "odla_Cast", $"{c.Value(0)}, {odla}")
            : c.Unsupported($"ODLA has no element type for {target.GetName()}");
    }
}
