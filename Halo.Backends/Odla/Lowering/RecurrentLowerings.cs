namespace Halo.Backends.Odla.Lowering;

/// <summary>LSTM, GRU and RNN in ONNX's default form (layout 0, default activations, no clip): weights stay in
/// ONNX's <c>ODLA_RNN_LDGOI</c> layout with ONNX's gate order; ODLA returns Y, then Y_h and Y_c when asked.</summary>
internal static class RecurrentLowerings
{
    public static void Register(LoweringTableBuilder table) => table
        .Add("LSTM", c => Lower(c, "odla_LSTM", "ODLA_RNN_IOFC", ["Sigmoid", "Tanh", "Tanh"]))
        .Add("GRU", c => Lower(c, "odla_GRU", "ODLA_RNN_URO", ["Sigmoid", "Tanh"]))
        .Add("RNN", c => Lower(c, "odla_RNN", null, ["Tanh"]));

    private static bool Lower(LoweringContext c, string function, string? gateOrder, string[] defaultActivations)
    {
        if (c.Int("layout", 0) != 0 || c.Attributes.ContainsKey("clip") || c.Int("input_forget", 0) != 0)
        {
            return c.Unsupported("layout 1, clip and input_forget have no ODLA counterpart");
        }
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
        string common = $"{c.Value(0)}, ODLA_RNN_LDGOI, {(gateOrder is null ? "" : gateOrder + ", ")}{weightDims}, {c.Value(1)}, {c.Value(2)}, " +
            $"{c.Value(3)}, {c.Value(4)}, {c.Value(5)}";
        return c.DefineMany(returned, ids => function switch
        {
            "odla_LSTM" => $"odla_LSTM({common}, {c.Value(6)}, {c.Value(7)}, {hiddenSize}, {direction}, {states}, {ids})",
            "odla_GRU" => $"odla_GRU({common}, {hiddenSize}, {direction}, {LoweringContext.B(c.Int("linear_before_reset", 0) != 0)}, {states}, {ids})",
            _ => $"odla_RNN({common}, {hiddenSize}, {direction}, {states}, {ids})",
        });
    }
}
