using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Operators ODLA has no function for, lowered to the Halo extension (<c>ODLA/odla_ops_halo.h</c>):
/// GridSample, the Bitwise family, ScatterElements (and the older Scatter) and ScatterND.</summary>
internal static class ExtensionLowerings
{
    private static readonly ElementType[] s_integers =
    [
        ElementType.Int8, ElementType.Int16, ElementType.Int32, ElementType.Int64,
        ElementType.UInt8, ElementType.UInt16, ElementType.UInt32, ElementType.UInt64,
    ];

    public static void Register(LoweringTableBuilder table) => table
        .Add("GridSample", GridSample, minVersion: 16)
        .Add("BitwiseAnd", c => Bitwise(c, "odla_HaloBitwiseAnd"))
        .Add("BitwiseOr", c => Bitwise(c, "odla_HaloBitwiseOr"))
        .Add("BitwiseXor", c => Bitwise(c, "odla_HaloBitwiseXor"))
        .Add("BitwiseNot", c => Bitwise(c, "odla_HaloBitwiseNot"))
        .Add("ScatterElements", ScatterElements)
        .Add("Scatter", ScatterElements)
        .Add("ScatterND", c => Reduction(c) is { } reduction
            ? c.Define(0, $"{c.Module.HaloExtension("odla_HaloScatterND")}({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {reduction}, {c.OutputId()})")
            : c.Unsupported($"reduction '{c.String("reduction", "none")}' is not one of none, add, mul, max, min"));

    private static bool GridSample(LoweringContext c)
    {
        // ONNX: opset 16 spells the modes bilinear and bicubic, opset 20 linear and cubic.
        string? mode = (c.String("mode", c.Version < 20 ? "bilinear" : "linear") ?? "linear") switch
        {
            "bilinear" or "linear" => "ODLA_HALO_GRID_LINEAR",
            "nearest" => "ODLA_HALO_GRID_NEAREST",
            "bicubic" or "cubic" => "ODLA_HALO_GRID_CUBIC",
            _ => null,
        };
        string? padding = (c.String("padding_mode", "zeros") ?? "zeros") switch
        {
            "zeros" => "ODLA_HALO_PADDING_ZEROS",
            "border" => "ODLA_HALO_PADDING_BORDER",
            "reflection" => "ODLA_HALO_PADDING_REFLECTION",
            _ => null,
        };
        if (mode is null || padding is null)
        {
            return c.Unsupported("the mode or padding_mode is not one the ONNX specification defines");
        }
        if (!c.InputIs(0, ElementType.Float, ElementType.Double) || c.InputType(1).ElementType != c.InputType(0).ElementType)
        {
            return c.Unsupported("the input and the grid must both be float or both double");
        }
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloGridSample")}({c.Value(0)}, {c.Value(1)}, {mode}, {padding}, " +
            $"{LoweringContext.B(c.Int("align_corners", 0) != 0)}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Bitwise(LoweringContext c, string function)
    {
        if (!c.InputIs(0, s_integers))
        {
            return c.Unsupported($"{c.InputType(0).ElementType.GetName()} is not an integer type");
        }
        return c.InputCount == 1
            ? c.Define(0, $"{c.Module.HaloExtension(function)}({c.Value(0)}, {c.OutputId()})")
            : c.Define(0, $"{c.Module.HaloExtension(function)}({c.Value(0)}, {c.Value(1)}, {c.OutputId()})");
    }

    private static bool ScatterElements(LoweringContext c)
    {
        if (Reduction(c) is not { } reduction)
        {
            return c.Unsupported($"reduction '{c.String("reduction", "none")}' is not one of none, add, mul, max, min");
        }
        long axis = LoweringContext.NormalizeAxis(c.Int("axis", 0), c.InputRank(0));
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloScatterElements")}({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, " +
            $"{LoweringContext.I(axis)}, {reduction}, {c.OutputId()})");
    }

    private static string? Reduction(LoweringContext c) => (c.String("reduction", "none") ?? "none") switch
    {
        "none" => "ODLA_HALO_SCATTER_REPLACE",
        "add" => "ODLA_HALO_SCATTER_ADD",
        "mul" => "ODLA_HALO_SCATTER_MUL",
        "max" => "ODLA_HALO_SCATTER_MAX",
        "min" => "ODLA_HALO_SCATTER_MIN",
        _ => null,
    };
}
