using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Green;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Evaluates one NeuralNetwork operation on given tensors with the reference evaluator.</summary>
internal static class NnEval
{
    public static TensorData Typed(ElementType type, double[] values, params long[] dims) =>
        TensorFactory.FromDoubles(type, values, [.. dims]);

    public static TensorData Floats(double[] values, params long[] dims) => Typed(ElementType.Float, values, dims);

    public static ImmutableArray<TensorData> Run(string op, long opset, TensorData?[] inputs, int outputs = 1,
        params (string Name, object Value)[] attributes)
    {
        var builder = new GraphBuilder(opsets: new Dictionary<string, long> { [""] = opset });
        var values = new List<RuntimeValue>();
        var refs = new List<ValueRef>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } t)
            {
                refs.Add(default);
                continue;
            }
            refs.Add(builder.AddInput("x" + i, new TensorType(t.ElementType, Shape.Of(t.Dimensions.ToArray()))));
            values.Add(new TensorValue(t));
        }
        var map = AttributeMap.Create(attributes.Select(a => KeyValuePair.Create(a.Name, ToAttribute(a.Value))));
        var results = builder.AddOp(op, [.. refs], map, outputs);
        foreach (var r in results)
        {
            builder.AddOutput(r);
        }
        var graph = builder.Build();
        return [.. ReferenceEvaluator.Default.Evaluate(graph, values).Select(v => ((TensorValue)v).Data)];
    }

    public static double[] Values(TensorData t) => TensorValues.ToDoubleArray(t)!;

    private static AttributeValue ToAttribute(object value) => value switch
    {
        long l => AttributeValue.FromInt(l),
        int i => AttributeValue.FromInt(i),
        float f => AttributeValue.FromFloat(f),
        string s => AttributeValue.FromString(s),
        long[] ls => AttributeValue.FromInts([.. ls]),
        float[] fs => AttributeValue.FromFloats([.. fs]),
        string[] ss => AttributeValue.FromStrings([.. ss]),
        _ => throw new ArgumentException("unsupported attribute value", nameof(value)),
    };
}
