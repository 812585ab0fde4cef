using Halo.Core.IR.Types;
using Halo.Backends.Odla.Emit;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Gather family, TopK, CumSum, OneHot, Resize/Upsample and (De)QuantizeLinear.</summary>
internal static class IndexLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Gather", c => WithAxis(c, "odla_Gather", c.Int("axis", 0)))
        .Add("GatherElements", c => WithAxis(c, "odla_GatherElements", c.Int("axis", 0)))
        .Add("GatherND", c => c.Define(0, $"odla_GatherND({c.Value(0)}, {c.Value(1)}, {LoweringContext.I(c.Int("batch_dims", 0))}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})"))
        .Add("TopK", TopK)
        .Add("CumSum", c => c.Constant(1) is null
            // The runtime reads the axis when the computation is built.
            ? c.Unsupported("the axis must be a constant scalar; fold it with the standard passes")
            : c.Define(0, $"odla_CumSum({c.Value(0)}, {c.Value(1)}, {LoweringContext.B(c.Int("exclusive", 0) != 0)}, " +
                $"{LoweringContext.B(c.Int("reverse", 0) != 0)}, {c.OutputId()})"))
        .Add("OneHot", OneHot)
        .Add("Resize", Resize, minVersion: 10)
        .Add("Upsample", Resize, minVersion: 7)
        .Add("QuantizeLinear", c => Quantize(c, "odla_Quantize"))
        .Add("DequantizeLinear", c => Quantize(c, "odla_Dequantize"));

    private static bool WithAxis(LoweringContext c, string function, long axis) =>
        c.Define(0, $"{function}({c.Value(0)}, {c.Value(1)}, {LoweringContext.I(LoweringContext.NormalizeAxis(axis, c.InputRank(0)))}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");

    private static bool TopK(LoweringContext c)
    {
        long? k = c.Version < 10 ? c.Int("k", -1) : c.ConstantInts(1) is [long given] ? given : null;
        if (k is null or < 0)
        {
            return c.Unsupported("K must be a constant; fold it with the standard passes");
        }
        long axis = LoweringContext.NormalizeAxis(c.Int("axis", -1), c.InputRank(0));
        return c.DefineMany(ids => $"odla_TopK({c.Value(0)}, {LoweringContext.I(k.Value)}, {LoweringContext.B(c.Int("largest", 1) != 0)}, " +
            $"{LoweringContext.B(c.Int("sorted", 1) != 0)}, {LoweringContext.I(axis)}, {c.OutputTypeExpression(0)}, {c.OutputTypeExpression(1)}, {ids})");
    }

    private static bool OneHot(LoweringContext c)
    {
        if (c.ConstantDoubles(1) is not [double depth])
        {
            return c.Unsupported("depth must be a constant scalar; fold it with the standard passes");
        }
        long axis = LoweringContext.NormalizeAxis(c.Int("axis", -1), c.OutputType().Shape.Rank);
        return c.Define(0, $"odla_OneHot({c.Value(0)}, {LoweringContext.I((long)depth)}, {c.Value(2)}, {LoweringContext.I(axis)}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Resize(LoweringContext c)
    {
        string? interpolation = (c.String("mode", "nearest") ?? "nearest") switch
        {
            "nearest" => "ODLA_NEAREST",
            "linear" or "bilinear" => "ODLA_LINEAR",
            "cubic" => "ODLA_CUBIC",
            _ => null,
        };
        string defaultMode = c.Op.Operator.Name == "Upsample" || c.Version == 10 ? "asymmetric" : "half_pixel";
        string? coordinates = (c.String("coordinate_transformation_mode", defaultMode) ?? defaultMode) switch
        {
            "asymmetric" => "ODLA_ASSYMMETRIC",
            "half_pixel" or "pytorch_half_pixel" => "ODLA_HALF_PIXEL",
            "tf_half_pixel_for_nn" => "ODLA_HALF_PIXEL_TF",
            "align_corners" => "ODLA_ALIGN_CORNERS",
            _ => null,
        };
        if (interpolation is null || coordinates is null)
        {
            return c.Unsupported("the mode or coordinate_transformation_mode has no ODLA counterpart");
        }
        // ODLA's odla_Resize has no parameters for these; the reference runtime implements ONNX's defaults.
        if (c.Int("antialias", 0) != 0 || c.Int("exclude_outside", 0) != 0 || Math.Abs(c.Float("cubic_coeff_a", -0.75f) + 0.75f) > 1e-6f
            || (interpolation == "ODLA_NEAREST" && c.Op.Operator.Name == "Resize" && c.Version >= 11
                && (c.String("nearest_mode", "round_prefer_floor") ?? "round_prefer_floor") != "round_prefer_floor"))
        {
            return c.Unsupported("antialias, exclude_outside, cubic_coeff_a and nearest_mode other than their defaults have no ODLA counterpart");
        }
        var input = c.InputShape(0);
        var output = c.OutputShape();
        // ODLA: the mask's least significant bit is the innermost dimension.
        long mask = 0;
        for (int i = 0; i < input.Length; i++)
        {
            mask |= input[i] != output[i] ? 1L << (input.Length - 1 - i) : 0;
        }
        return c.Define(0, $"odla_Resize({c.Value(0)}, {interpolation}, {coordinates}, {LoweringContext.I(mask)}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static bool Quantize(LoweringContext c, string function)
    {
        var target = c.OutputType().ElementType;
        return OdlaTypes.ToOdla(target) is { } odla
            ? c.Define(0, $"{function}({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {LoweringContext.I(c.Int("axis", 1))}, {odla}, {c.OutputId()})")
            : c.Unsupported($"ODLA has no element type for {target.GetName()}");
    }
}
