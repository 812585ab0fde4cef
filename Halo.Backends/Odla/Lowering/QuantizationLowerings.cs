using Halo.Backends.Odla.Emit;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>QuantizeLinear and DequantizeLinear: ODLA's <c>odla_Quantize</c>/<c>odla_Dequantize</c> per tensor or per
/// axis; Halo's <c>odla_HaloQuantize</c>/<c>odla_HaloDequantize</c> (<c>ODLA/odla_halo_types.h</c>) for what ODLA's
/// signatures cannot say: blocked quantization (<c>block_size</c>) and float8 results without saturation.</summary>
internal static class QuantizationLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("QuantizeLinear", Quantize)
        .Add("DequantizeLinear", Dequantize);

    private static bool Quantize(LoweringContext c)
    {
        var target = c.OutputType().ElementType;
        if (OdlaTypes.ToOdla(target) is null)
        {
            return c.Unsupported($"ODLA has no element type for {target.GetName()}");
        }
        long blockSize = c.Int("block_size", 0);
        // ONNX: saturate (default 1) applies to float8 results only.
        bool saturate = c.Int("saturate", 1) != 0 || !OdlaTypes.IsHaloExtension(target);
        string odla = c.Module.OdlaElementType(target);
        string axis = LoweringContext.I(c.Int("axis", 1));
        if (blockSize == 0 && saturate)
        {
            return c.Define(0, $"odla_Quantize({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {axis}, {odla}, {c.OutputId()})");
        }
        c.Module.ExtensionHeaders.Add(OdlaTypes.HaloTypesHeader);
        return c.Define(0, $"odla_HaloQuantize({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {axis}, {LoweringContext.I(blockSize)}, " +
            $"{LoweringContext.B(saturate)}, {odla}, {c.OutputId()})");
    }

    private static bool Dequantize(LoweringContext c)
    {
        var source = c.InputType(0).ElementType;
        var target = c.OutputType().ElementType;
        if (OdlaTypes.ToOdla(source) is null || OdlaTypes.ToOdla(target) is null)
        {
            return c.Unsupported($"ODLA has no element type for {(OdlaTypes.ToOdla(source) is null ? source : target).GetName()}");
        }
        long blockSize = c.Int("block_size", 0);
        string odla = c.Module.OdlaElementType(target);
        string axis = LoweringContext.I(c.Int("axis", 1));
        if (blockSize == 0)
        {
            return c.Define(0, $"odla_Dequantize({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {axis}, {odla}, {c.OutputId()})");
        }
        c.Module.ExtensionHeaders.Add(OdlaTypes.HaloTypesHeader);
        return c.Define(0, $"odla_HaloDequantize({c.Value(0)}, {c.Value(1)}, {c.Value(2)}, {axis}, {LoweringContext.I(blockSize)}, " +
            $"{odla}, {c.OutputId()})");
    }
}
