using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Green;
using Halo.Core.Semantics;

namespace Halo.Tests.Operators.Onnx.Tensor.Semantics;

/// <summary>Evaluates one operation on constant operands with the reference evaluator.</summary>
internal static class TensorEval
{
    public static ImmutableArray<RuntimeValue> Run(long opset, string op, TensorData?[] inputs, int outputs = 1,
        params (string Name, object Value)[] attributes)
    {
        var t = new OpTest(opset);
        var refs = inputs.Select(i => i is null ? default(ValueRef) : t.Constant(i)).ToArray();
        var values = t.Builder.AddOp(op, [.. refs], OpTest.Attrs(attributes), outputs);
        foreach (var v in values)
        {
            t.Builder.AddOutput(v);
        }
        return ReferenceEvaluator.Default.Evaluate(t.Builder.Build(), []);
    }

    public static TensorData Run1(long opset, string op, TensorData?[] inputs, params (string Name, object Value)[] attributes) =>
        ((TensorValue)Run(opset, op, inputs, 1, attributes)[0]).Data;

    public static TensorData Ints(long[] values, params long[] dims) => TensorData.FromInt64s(values, dims);

    public static TensorData Strings(string[] values, params long[] dims) => TensorData.FromStrings([.. values], [.. dims]);
}
