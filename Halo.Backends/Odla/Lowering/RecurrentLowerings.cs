namespace Halo.Backends.Odla.Lowering;

/// <summary>LSTM, GRU and RNN with default activations and no clip: weights stay in ONNX's <c>ODLA_RNN_LDGOI</c>
/// layout with ONNX's gate order; ODLA returns Y, then Y_h and Y_c when asked. ODLA's tensors are sequence-major
/// (layout 0); with layout 1 (batch-major) the input and initial states are transposed in and the results out.</summary>
internal static class RecurrentLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("LSTM", c => Lower(c, "odla_LSTM", "ODLA_RNN_IOFC", ["Sigmoid", "Tanh", "Tanh"]))
        .Add("GRU", c => Lower(c, "odla_GRU", "ODLA_RNN_URO", ["Sigmoid", "Tanh"]))
        .Add("RNN", c => Lower(c, "odla_RNN", null, ["Tanh"]));

    private static bool Lower(LoweringContext c, string function, string? gateOrder, string[] defaultActivations)
    {
        if (c.Attributes.ContainsKey("clip") || c.Int("input_forget", 0) != 0)
        {
            return c.Unsupported("clip and input_forget have no ODLA counterpart");
        }
        bool batchMajor = c.Int("layout", 0) == 1;
        if (c.Attributes.TryGetValue("activations", out var activations)
            && !activations.AsStrings().SequenceEqual(Enumerable.Range(0, activations.AsStrings().Length).Select(i => defaultActivations[i % defaultActivations.Length]),
                StringComparer.OrdinalIgnoreCase))
        {
            return c.Unsupported("only the default activations have an ODLA counterpart");
        }
        string? direction = (c.String("direction", "forward") ?? "forward") switch
        {
            "forward" => "ODLA_RNN_FORWARD",
            "reverse" => "ODLA_RNN_REVERSE",
            "bidirectional" => "ODLA_RNN_BIDIRECTIONAL",
            _ => null,
        };
        if (direction is null)
        {
            return c.Unsupported($"direction '{c.String("direction", "")}' is not an ONNX direction");
        }
        bool lstm = function == "odla_LSTM";
        bool hidden = c.IsOutputUsed(1);
        bool cell = lstm && c.IsOutputUsed(2);
        string states = (hidden, cell) switch
        {
            (true, true) => "ODLA_RNN_HIDDEN_CELL_STATE",
            (true, false) => "ODLA_RNN_HIDDEN_STATE",
            (false, true) => "ODLA_RNN_CELL_STATE",
            _ => "ODLA_RNN_NO_STATE",
        };
        List<int> returned = [0];
        returned.AddRange(hidden ? [1] : []);
        returned.AddRange(cell ? [2] : []);
        string weightDims = c.Module.Shape(c.InputShape(1));
        string hiddenSize = LoweringContext.I(c.Int("hidden_size", c.InputShape(2)[^1]));
        string Operand(int index) => batchMajor && c.HasInput(index) && (index == 0 || index >= 5)
            ? Transpose(c, c.Value(index), c.InputShape(index), [1, 0, 2]) : c.Value(index);
        string common = $"{Operand(0)}, ODLA_RNN_LDGOI, {(gateOrder is null ? "" : gateOrder + ", ")}{weightDims}, {c.Value(1)}, {c.Value(2)}, " +
            $"{c.Value(3)}, {c.Value(4)}, {Operand(5)}";
        string Call(string ids) => function switch
        {
            "odla_LSTM" => $"odla_LSTM({common}, {Operand(6)}, {c.Value(7)}, {hiddenSize}, {direction}, {states}, {ids})",
            "odla_GRU" => $"odla_GRU({common}, {hiddenSize}, {direction}, {LoweringContext.B(c.Int("linear_before_reset", 0) != 0)}, {states}, {ids})",
            _ => $"odla_RNN({common}, {hiddenSize}, {direction}, {states}, {ids})",
        };
        if (!batchMajor)
        {
            return c.DefineMany(returned, Call);
        }
        // Sequence-major results: Y [seq, dirs, batch, hidden] → [batch, seq, dirs, hidden]; Y_h, Y_c [dirs, batch, hidden] → [batch, dirs, hidden].
        string results = c.Module.NewArrayName("r");
        c.Module.Statements.Add($"odla_values {results} = {Call(c.Module.Ids([.. returned.Select(_ => c.Module.Id(null))]))};");
        for (int k = 0; k < returned.Count; k++)
        {
            int output = returned[k];
            if (c.IsOutputUsed(output))
            {
                string value = $"{results}.values[{k.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
                long[] back = output == 0 ? [2, 0, 1, 3] : [1, 0, 2];
                c.Define(output, $"odla_Transpose({value}, {c.Module.Shape(back)}, {c.OutputShapeExpression(output)}, {c.OutputId(output)})");
            }
        }
        return true;
    }

    /// <summary>A variable holding <paramref name="value"/> (of shape <paramref name="shape"/>) transposed by <paramref name="perm"/>.</summary>
    private static string Transpose(LoweringContext c, string value, long[] shape, long[] perm)
    {
        string variable = c.Module.NewVariable();
        long[] transposed = [.. perm.Select(p => shape[(int)p])];
        c.Module.Define(variable, $"odla_Transpose({value}, {c.Module.Shape(perm)}, {c.Module.Shape(transposed)}, {c.Module.Id(null)})");
        return variable;
    }
}
