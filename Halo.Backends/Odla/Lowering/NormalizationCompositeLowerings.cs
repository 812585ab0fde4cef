using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>LayerNormalization, RMSNormalization and MeanVarianceNormalization: ODLA has no function for them, so each
/// lowers to element-wise calls and <c>odla_ReduceMean</c> over the normalized axes (kept as size 1, so the statistics
/// broadcast back). 16-bit floats are computed in float32 and cast back.</summary>
internal static partial class NormalizationCompositeLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("LayerNormalization", LayerNormalization, minVersion: 17)
        .Add("RMSNormalization", RmsNormalization, minVersion: 23)
        .Add("MeanVarianceNormalization", MeanVarianceNormalization);

    /// <summary>ONNX: Mean and InvStdDev over the axes [axis, rank); Y = (X - Mean) * InvStdDev * Scale + B, the
    /// statistics computed in <c>stash_type</c>.</summary>
    private static bool LayerNormalization(LoweringContext c)
    {
        if (!TryPrepare(c, out var p))
        {
            return false;
        }
        for (int output = 1; output <= 2; output++)
        {
            if (c.IsOutputUsed(output) && c.OutputType(output).ElementType != p.Compute)
            {
                return c.Unsupported($"output {output} must have the stash type {p.Compute.GetName()}");
            }
        }
        string mean = c.Call("odla_ReduceMean", p.ReduceArguments(p.X), output: 1);
        string centered = c.Call("odla_Sub", $"{p.X}, {mean}");
        string variance = c.Call("odla_ReduceMean", p.ReduceArguments(c.Call("odla_Mul", $"{centered}, {centered}")));
        string epsilon = c.ScalarConstant(p.Compute, c.Float("epsilon", 1e-5f));
        string inverse = c.Call("odla_Rsqrt", c.Call("odla_Add", $"{variance}, {epsilon}"), output: 2);
        string normalized = c.Call("odla_Mul", $"{centered}, {inverse}");
        return Finish(c, p, "odla_Mul", $"{normalized}, {p.Operand(1)}", bias: 2);
    }

    /// <summary>ONNX: Y = X / sqrt(mean(X^2 over [axis, rank)) + epsilon) * scale.</summary>
    private static bool RmsNormalization(LoweringContext c)
    {
        if (!TryPrepare(c, out var p))
        {
            return false;
        }
        string meanSquare = c.Call("odla_ReduceMean", p.ReduceArguments(c.Call("odla_Mul", $"{p.X}, {p.X}")));
        string epsilon = c.ScalarConstant(p.Compute, c.Float("epsilon", 1e-5f));
        string inverse = c.Call("odla_Rsqrt", c.Call("odla_Add", $"{meanSquare}, {epsilon}"));
        string normalized = c.Call("odla_Mul", $"{p.X}, {inverse}");
        return Finish(c, p, "odla_Mul", $"{normalized}, {p.Operand(1)}", bias: -1);
    }

    /// <summary>ONNX (function body): Y = (X - E[X]) / (sqrt(E[X^2] - E[X]^2) + 1e-9) over <c>axes</c> (default 0, 2, 3).</summary>
    private static bool MeanVarianceNormalization(LoweringContext c)
    {
        int rank = c.InputRank(0);
        long[] axes = [.. (c.Ints("axes") ?? [0, 2, 3]).Select(a => LoweringContext.NormalizeAxis(a, rank)).Distinct().Order()];
        if (axes.Any(a => a < 0 || a >= rank))
        {
            return c.Unsupported($"axes must lie in [-{rank}, {rank})");
        }
        var p = new Prepared(c, axes);
        string mean = c.Call("odla_ReduceMean", p.ReduceArguments(p.X));
        string meanSquare = c.Call("odla_ReduceMean", p.ReduceArguments(c.Call("odla_Mul", $"{p.X}, {p.X}")));
        string variance = c.Call("odla_Sub", $"{meanSquare}, {c.Call("odla_Mul", $"{mean}, {mean}")}");
        string deviation = c.Call("odla_Add", $"{c.Call("odla_Sqrt", variance)}, {c.ScalarConstant(p.Compute, 1e-9)}");
        return Finish(c, p, "odla_Div", $"{c.Call("odla_Sub", $"{p.X}, {mean}")}, {deviation}", bias: -1);
    }

    private static bool TryPrepare(LoweringContext c, out Prepared prepared)
    {
        int rank = c.InputRank(0);
        long axis = LoweringContext.NormalizeAxis(c.Int("axis", -1), rank);
        prepared = null!;
        if (axis < 0 || axis >= rank)
        {
            return c.Unsupported($"axis {c.Int("axis", -1)} is outside [-{rank}, {rank})");
        }
        // ONNX: stash_type is the element type of the statistics (1 = float32, the default).
        var stash = (ElementType)c.Int("stash_type", (long)ElementType.Float);
        if (stash is not (ElementType.Float or ElementType.Double))
        {
            return c.Unsupported($"stash_type {stash.GetName()} is not float or double");
        }
        prepared = new Prepared(c, [.. Enumerable.Range((int)axis, rank - (int)axis).Select(a => (long)a)], stash);
        return true;
    }

    /// <summary>Defines output 0 as <c>function(arguments)</c>, plus the bias operand when present, cast back to the
    /// output type when it differs from the computation type.</summary>
    private static bool Finish(LoweringContext c, Prepared p, string function, string arguments, int bias)
    {
        bool hasBias = bias >= 0 && c.HasInput(bias);
        var outputType = c.OutputType().ElementType;
        bool cast = outputType != p.Compute;
        if (!hasBias && !cast)
        {
            return c.DefineCall(0, function, arguments);
        }
        string result = c.Call(function, arguments);
        if (hasBias)
        {
            if (!cast)
            {
                return c.DefineCall(0, "odla_Add", $"{result}, {p.Operand(bias)}");
            }
            result = c.Call("odla_Add", $"{result}, {p.Operand(bias)}");
        }
        return c.DefineCall(0, "odla_Cast", $"{result}, {Emit.OdlaTypes.ToOdla(outputType)}");
    }
}
