namespace Halo.Backends.Odla.Lowering;

/// <summary>Activations and the softmax family.</summary>
internal static class ActivationLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("Relu", c => c.Unary("odla_Relu"))
        .Add("Sigmoid", c => c.Unary("odla_Sigmoid"))
        .Add("Softplus", c => c.Unary("odla_Softplus"))
        .Add("Softsign", c => c.Unary("odla_Softsign"))
        .Add("Elu", c => WithFloats(c, "odla_Elu", c.Float("alpha", 1f)))
        .Add("Celu", c => WithFloats(c, "odla_Celu", c.Float("alpha", 1f)))
        .Add("Selu", c => WithFloats(c, "odla_Selu", c.Float("alpha", 1.67326319f), c.Float("gamma", 1.05070102f)))
        .Add("HardSigmoid", c => WithFloats(c, "odla_HardSigmoid", c.Float("alpha", 0.2f), c.Float("beta", 0.5f)))
        .Add("LeakyRelu", c => WithFloats(c, "odla_LeakyRelu", c.Float("alpha", 0.01f)))
        .Add("ThresholdedRelu", c => WithFloats(c, "odla_ThresholdedRelu", c.Float("alpha", 1f)))
        .Add("Shrink", c => WithFloats(c, "odla_Shrink", c.Float("bias", 0f), c.Float("lambd", 0.5f)))
        .Add("PRelu", c => c.Binary("odla_PRelu"))
        .Add("HardSwish", c => c.DefineCall(0, "odla_Mul",
            $"{c.Value(0)}, {c.Call("odla_HardSigmoid", $"{c.Value(0)}, {LoweringContext.F(1.0 / 6)}, {LoweringContext.F(0.5)}")}"))
        .Add("Mish", c => c.DefineCall(0, "odla_Mul", $"{c.Value(0)}, {c.Call("odla_Tanh", c.Call("odla_Softplus", c.Value(0)))}"))
        .Add("Gelu", c => c.Define(0, $"odla_Gelu({c.Value(0)}, {LoweringContext.B(c.String("approximate", "none") == "tanh")}, {c.OutputId()})"))
        .Add("Softmax", c => AlongAxis(c, "odla_Softmax"))
        .Add("LogSoftmax", c => AlongAxis(c, "odla_LogSoftmax"))
        .Add("Hardmax", c => AlongAxis(c, "odla_Hardmax"));

    private static bool WithFloats(LoweringContext c, string function, params float[] values) =>
        c.Define(0, $"{function}({c.Value(0)}, {string.Join(", ", values.Select(v => LoweringContext.F(v)))}, {c.OutputId()})");

    /// <summary>ONNX: before opset 13 these operators coerce the input to 2-D at <c>axis</c> (default 1) and work on
    /// the second dimension; from 13 they work on the one axis (default -1). ODLA's work on one axis.</summary>
    private static bool AlongAxis(LoweringContext c, string function)
    {
        var shape = c.InputShape(0);
        int rank = shape.Length;
        long axis = LoweringContext.NormalizeAxis(c.Int("axis", c.Version < 13 ? 1 : -1), rank);
        if (rank == 0)
        {
            return c.Define(0, $"{function}({c.Value(0)}, 0, {c.OutputId()})");
        }
        if (c.Version >= 13 || axis == rank - 1)
        {
            return c.Define(0, $"{function}({c.Value(0)}, {LoweringContext.I(axis)}, {c.OutputId()})");
        }
        long outer = shape.Take((int)axis).Aggregate(1L, (a, b) => a * b);
        long inner = shape.Skip((int)axis).Aggregate(1L, (a, b) => a * b);
        string flat = c.EmitReshape(c.Value(0), [outer, inner]);
        string result = c.Module.NewVariable();
        c.Module.Define(result, $"{function}({flat}, 1, {c.Module.Id(null)})");
        return c.Define(0, $"odla_Reshape({result}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
