using Halo.Core.IR.Attributes;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Gather family, TopK, CumSum, OneHot and Resize/Upsample.</summary>
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
        .Add("Upsample", Resize, minVersion: 7);

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
        string coordinates = c.String("coordinate_transformation_mode", defaultMode) ?? defaultMode;
        string? odlaCoordinates = coordinates switch
        {
            "asymmetric" => "ODLA_ASSYMMETRIC",
            "half_pixel" => "ODLA_HALF_PIXEL",
            "tf_half_pixel_for_nn" => "ODLA_HALF_PIXEL_TF",
            "align_corners" => "ODLA_ALIGN_CORNERS",
            _ => null,
        };
        if (interpolation is null)
        {
            return c.Unsupported("the mode has no ODLA counterpart");
        }
        // ONNX: antialias changes only linear and cubic downsampling, which odla_HaloResize does.
        bool antialias = c.Int("antialias", 0) != 0 && interpolation != "ODLA_NEAREST";
        var input = c.InputShape(0);
        var output = c.OutputShape();
        // ONNX: Upsample and Resize-10 pick the nearest input by flooring (the interpreter's ResizePlan does the same).
        bool legacy = c.Op.Operator.Name == "Upsample" || c.Version < 11;
        string nearest = legacy ? "floor" : c.String("nearest_mode", "round_prefer_floor") ?? "round_prefer_floor";
        float cubicA = c.Float("cubic_coeff_a", -0.75f);
        bool excludeOutside = c.Int("exclude_outside", 0) != 0;
        if (coordinates == "tf_crop_and_resize")
        {
            if (antialias)
            {
                return c.Unsupported("antialias with tf_crop_and_resize has no ODLA counterpart");
            }
            return CropAndResize(c, interpolation, nearest, cubicA, excludeOutside);
        }
        int scalesOperand = c.Op.Operator.Name == "Upsample" || c.Version < 11 ? 1 : 2;
        if (c.HasInput(scalesOperand) && c.InputShape(scalesOperand).Aggregate(1L, (a, b) => a * b) > 0 && c.Constant(scalesOperand) is null
            && (c.Op.Operator.Name != "Upsample" || c.Version >= 9))
        {
            // The scales enter the coordinate transform, not only the output shape.
            return c.Unsupported("the scales operand must be a constant; fold it with the standard passes");
        }
        double[]? scales = GivenScales(c, input.Length);
        // A given scale that is not output / input changes the coordinate transform: only odla_HaloResize takes it.
        bool scalesFromSizes = scales is null || scales.Select((s, i) => s == (double)output[i] / input[i]).All(b => b);
        bool odlaDefaults = odlaCoordinates is not null && (nearest == "round_prefer_floor" || interpolation != "ODLA_NEAREST")
            && Math.Abs(cubicA + 0.75f) < 1e-6f && !excludeOutside && scalesFromSizes && !antialias;
        if (odlaDefaults)
        {
            // ODLA: the mask's least significant bit is the innermost dimension.
            long mask = 0;
            for (int i = 0; i < input.Length; i++)
            {
                mask |= input[i] != output[i] ? 1L << (input.Length - 1 - i) : 0;
            }
            return odlaCoordinates is null
                ? c.Unsupported("the coordinate_transformation_mode has no ODLA counterpart")
                : c.Define(0, $"odla_Resize({c.Value(0)}, {interpolation}, {odlaCoordinates}, {LoweringContext.I(mask)}, " +
                    $"{c.OutputShapeExpression()}, {c.OutputId()})");
        }
        return HaloResize(c, interpolation, coordinates, nearest, cubicA, excludeOutside, antialias, scalesFromSizes ? null : scales);
    }

    /// <summary>The scale of every axis when the node gives scales (constant operand or attribute), else null.</summary>
    private static double[]? GivenScales(LoweringContext c, int rank)
    {
        double[]? given = c.Op.Operator.Name switch
        {
            "Upsample" when c.Version < 7 => rank == 4 ? [1, 1, c.Float("height_scale", 1f), c.Float("width_scale", 1f)] : null,
            "Upsample" when c.Version < 9 => c.Attributes.TryGetValue("scales", out var attribute) && attribute.Kind == AttributeKind.Floats
                ? [.. attribute.AsFloats().Select(f => (double)f)]
                : null,
            "Upsample" => c.ConstantDoubles(1),
            _ when c.Version < 11 => c.ConstantDoubles(1),
            _ => c.HasInput(2) ? c.ConstantDoubles(2) : null,
        };
        if (given is not { Length: > 0 })
        {
            return null;
        }
        // ONNX (Resize-18): scales may list only the axes of the axes attribute; the other axes keep scale 1.
        var axes = c.Ints("axes") is { } listed ? listed.Select(a => (int)LoweringContext.NormalizeAxis(a, rank)).ToArray()
            : Enumerable.Range(0, rank).ToArray();
        if (axes.Length != given.Length)
        {
            return null;
        }
        double[] scales = [.. Enumerable.Repeat(1.0, rank)];
        for (int i = 0; i < axes.Length; i++)
        {
            scales[axes[i]] = (float)given[i];
        }
        return scales;
    }

    // ONNX: the roi operand (run-time data) selects the crop of each axis listed in axes (all axes by default).
    private static bool CropAndResize(LoweringContext c, string interpolation, string nearest, float cubicA, bool excludeOutside)
    {
        string? nearestMode = NearestMode(nearest);
        if (!c.HasInput(1) || nearestMode is null || c.Op.Operator.Name != "Resize")
        {
            return c.Unsupported("tf_crop_and_resize needs the roi operand and a known nearest_mode");
        }
        var axes = c.Ints("axes") is { } listed ? listed.Select(a => LoweringContext.NormalizeAxis(a, c.InputRank(0))).ToArray() : [];
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloCropAndResize")}({c.Value(0)}, {c.Value(1)}, {LoweringContext.I(axes.Length)}, " +
            $"{c.Module.UInt32Array(axes)}, {interpolation}, {nearestMode}, {LoweringContext.F(cubicA)}, {LoweringContext.B(excludeOutside)}, " +
            $"{LoweringContext.F(c.Float("extrapolation_value", 0f))}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    private static string? NearestMode(string nearest) => nearest switch
    {
        "round_prefer_floor" => "ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR",
        "round_prefer_ceil" => "ODLA_HALO_NEAREST_ROUND_PREFER_CEIL",
        "floor" => "ODLA_HALO_NEAREST_FLOOR",
        "ceil" => "ODLA_HALO_NEAREST_CEIL",
        _ => null,
    };

    // The ONNX modes odla_Resize has no parameter for, through the Halo extension.
    private static bool HaloResize(LoweringContext c, string interpolation, string coordinates, string nearest, float cubicA, bool excludeOutside,
        bool antialias, double[]? scales)
    {
        string? halfPixelMode = coordinates switch
        {
            "half_pixel" => "ODLA_HALO_RESIZE_HALF_PIXEL",
            "pytorch_half_pixel" => "ODLA_HALO_RESIZE_PYTORCH_HALF_PIXEL",
            "align_corners" => "ODLA_HALO_RESIZE_ALIGN_CORNERS",
            "asymmetric" => "ODLA_HALO_RESIZE_ASYMMETRIC",
            "tf_half_pixel_for_nn" => "ODLA_HALO_RESIZE_TF_HALF_PIXEL_FOR_NN",
            "half_pixel_symmetric" => "ODLA_HALO_RESIZE_HALF_PIXEL_SYMMETRIC",
            _ => null,
        };
        string? nearestMode = NearestMode(nearest);
        if (halfPixelMode is null || nearestMode is null)
        {
            return c.Unsupported("the coordinate_transformation_mode or nearest_mode has no ODLA counterpart");
        }
        return c.Define(0, $"{c.Module.HaloExtension("odla_HaloResize")}({c.Value(0)}, {interpolation}, {halfPixelMode}, {nearestMode}, " +
            $"{LoweringContext.F(cubicA)}, {LoweringContext.B(excludeOutside)}, {LoweringContext.B(antialias)}, {(scales is null ? "NULL" : c.Module.Float32Array(scales))}, " +
            $"{c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
