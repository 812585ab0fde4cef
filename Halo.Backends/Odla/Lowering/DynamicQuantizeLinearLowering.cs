using Halo.Core.IR.Types;
using static Halo.Backends.Odla.Lowering.OdlaComposition;

namespace Halo.Backends.Odla.Lowering;

/// <summary>DynamicQuantizeLinear: the range [min(0, min x), max(0, max x)] by whole-tensor reductions, the scale
/// (range / 255), and the zero point and y by <c>odla_Quantize</c> to uint8 (round half to even, saturate).</summary>
internal static class DynamicQuantizeLinearLowering
{
    private const double SmallestNormal = 1.17549435e-38;

    public static void Register(LoweringTableBuilder table) => table.Add("DynamicQuantizeLinear", DynamicQuantizeLinear);

    private static bool DynamicQuantizeLinear(LoweringContext c)
    {
        long[] dims = c.InputShape(0);
        if (c.InputType(0).ElementType != ElementType.Float || dims.Length == 0 || dims.Any(d => d == 0))
        {
            return c.Unsupported("x must be a non-empty float32 tensor of rank 1 or more");
        }
        string axes = c.Module.UInt32Array(Enumerable.Range(0, dims.Length).Select(i => (long)i));
        string count = LoweringContext.I(dims.Length);
        string zero = Scalar(c, ElementType.Float, 0);
        string shape = c.Module.Shape([.. dims.Select(_ => 1L)]);
        string max = Call(c, $"odla_ReduceMax({c.Value(0)}, {count}, {axes}, 1, {shape}, {TempId(c)})");
        string min = Call(c, $"odla_ReduceMin({c.Value(0)}, {count}, {axes}, 1, {shape}, {TempId(c)})");
        max = Binary(c, "odla_Max", max, zero);
        min = Binary(c, "odla_Min", min, zero);
        string range = Binary(c, "odla_Sub", max, min);
        string scale = Binary(c, "odla_Div", range, Scalar(c, ElementType.Float, 255));
        if (c.IsOutputUsed(1))
        {
            c.Define(1, $"odla_Reshape({scale}, {c.OutputShapeExpression(1)}, {c.OutputId(1)})");
        }
        // ONNX divides in float32 before rounding (x / scale, -min / scale): divide with odla_Div, then quantize with a
        // unit scale. An all-zero x has scale 0; dividing by the smallest normal float instead gives the zero point 0.
        string divisor = Binary(c, "odla_Max", scale, Scalar(c, ElementType.Float, SmallestNormal));
        string one = Scalar(c, ElementType.Float, 1);
        string zeroPoint = Call(c, $"odla_Quantize({Binary(c, "odla_Div", Unary(c, "odla_Neg", min), divisor)}, {one}, NULL, 0, ODLA_UINT8, {TempId(c)})");
        if (c.IsOutputUsed(2))
        {
            c.Define(2, $"odla_Reshape({zeroPoint}, {c.OutputShapeExpression(2)}, {c.OutputId(2)})");
        }
        return c.Define(0, $"odla_Quantize({Binary(c, "odla_Div", c.Value(0), divisor)}, {one}, {zeroPoint}, 0, ODLA_UINT8, {c.OutputId()})");
    }
}
