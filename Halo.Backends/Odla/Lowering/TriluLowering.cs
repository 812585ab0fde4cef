using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Trilu: the kept triangle is a boolean mask fixed by the static shape and the constant k, so the lowering
/// is one <c>odla_Select</c> between the input and zero (a byte copy: every element type).</summary>
internal static class TriluLowering
{
    public static void Register(LoweringTableBuilder table) => table.Add("Trilu", Trilu);

    private static bool Trilu(LoweringContext c)
    {
        long k = 0;
        if (c.HasInput(1))
        {
            if (c.ConstantInts(1) is not [long given])
            {
                return c.Unsupported("k must be a constant scalar; bind it or fold it with the standard passes");
            }
            k = given;
        }
        long[] dims = c.InputShape(0);
        if (dims.Length < 2)
        {
            return c.Unsupported("the input must have rank 2 or more");
        }
        if (dims.Any(d => d == 0))
        {
            // An empty tensor stays empty: nothing to mask.
            return c.Define(0, $"odla_Reshape({c.Value(0)}, {c.OutputShapeExpression()}, {c.OutputId()})");
        }
        bool upper = c.Int("upper", 1) != 0;
        long rows = dims[^2], columns = dims[^1];
        var keep = new double[rows * columns];
        for (long i = 0; i < rows; i++)
        {
            for (long j = 0; j < columns; j++)
            {
                // ONNX: upper keeps j - i >= k, lower keeps j - i <= k.
                keep[(i * columns) + j] = (upper ? j - i >= k : j - i <= k) ? 1 : 0;
            }
        }
        string mask = OdlaComposition.Constant(c, OdlaComposition.Data(ElementType.Bool, keep, rows, columns));
        string zero = OdlaComposition.Scalar(c, c.InputType(0).ElementType, 0);
        return c.Define(0, $"odla_Select({mask}, {c.Value(0)}, {zero}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
