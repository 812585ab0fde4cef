using Halo.Backends.Odla.Emit;

namespace Halo.Backends.Odla.Lowering;

/// <summary>Gemm, MatMul (2-D to <c>odla_Gemm</c>, batched to <c>odla_BatchMatMul</c>) and Einsum.</summary>
internal static class MatrixLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Gemm", c => c.Define(0, $"odla_Gemm({c.Value(0)}, {LoweringContext.B(c.Int("transA", 0) != 0)}, {c.Value(1)}, " +
            $"{LoweringContext.B(c.Int("transB", 0) != 0)}, {LoweringContext.F(c.Float("alpha", 1f))}, " +
            $"{LoweringContext.F(c.HasInput(2) ? c.Float("beta", 1f) : 0f)}, {c.Value(2)}, {c.OutputShapeExpression()}, {c.OutputId()})"))
        .Add("MatMul", MatMul)
        .Add("Einsum", c => c.Define(0, $"odla_Einsum({c.Module.Values([.. Enumerable.Range(0, c.InputCount).Select(c.Value)])}, " +
            $"{CSyntax.StringLiteral(c.String("equation", "") ?? "")}, {c.OutputShapeExpression()}, {c.OutputId()})"));

    private static bool MatMul(LoweringContext c)
    {
        var a = c.InputShape(0);
        var b = c.InputShape(1);
        if (a.Length == 0 || b.Length == 0)
        {
            return c.Unsupported("MatMul needs operands of rank 1 or more");
        }
        if (a.Length <= 2 && b.Length <= 2)
        {
            // ONNX: a 1-D left operand is a row vector, a 1-D right operand a column vector; the output drops them.
            string left = a.Length == 1 ? c.EmitReshape(c.Value(0), [1, a[0]]) : c.Value(0);
            string right = b.Length == 1 ? c.EmitReshape(c.Value(1), [b[0], 1]) : c.Value(1);
            long rows = a.Length == 1 ? 1 : a[0];
            long columns = b.Length == 1 ? 1 : b[1];
            if (a.Length == 2 && b.Length == 2)
            {
                return c.Define(0, $"odla_Gemm({left}, 0, {right}, 0, 1.0f, 0.0f, NULL, {c.OutputShapeExpression()}, {c.OutputId()})");
            }
            string product = c.Module.NewVariable();
            c.Module.Define(product, $"odla_Gemm({left}, 0, {right}, 0, 1.0f, 0.0f, NULL, {c.Module.Shape([rows, columns])}, {c.Module.Id(null)})");
            return c.Define(0, $"odla_Reshape({product}, {c.OutputShapeExpression()}, {c.OutputId()})");
        }
        if (a.Length == 1 || b.Length == 1)
        {
            return c.Unsupported("a batched MatMul with a 1-D operand has no ODLA counterpart; reshape the operand to 2-D");
        }
        return c.Define(0, $"odla_BatchMatMul({c.Value(0)}, 0, {c.Value(1)}, 0, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
