using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>RNN, GRU and LSTM (before 7: output_sequence attribute, GRU-3: linear_before_reset, 14: layout, 22: bfloat16).</summary>
internal static class RecurrentOperators
{
    private static readonly string[] s_rnnActivations = ["Tanh", "Tanh"];

    public static void Register(OperatorSetBuilder s)
    {
        foreach (int v in new[] { 1, 7, 14 })
        {
            int[] versions = v == 14 ? [14, 22] : [v];
            Common(s.Define("RNN", versions), v).Evaluate(RecurrentKernels.Rnn).Attr("activations", AttributeKind.Strings, s_rnnActivations)
                .OptionalOutput("Y", "T").OptionalOutput("Y_h", "T");
            Common(s.Define("LSTM", versions), v).Evaluate(RecurrentKernels.Lstm).OptionalInput("initial_c", "T").OptionalInput("P", "T")
                .Attr("activations", AttributeKind.Strings).Attr("input_forget", AttributeKind.Int, 0L)
                .OptionalOutput("Y", "T").OptionalOutput("Y_h", "T").OptionalOutput("Y_c", "T");
        }
        foreach (int v in new[] { 1, 3, 7, 14 })
        {
            int[] versions = v == 14 ? [14, 22] : [v];
            var gru = Common(s.Define("GRU", versions), v).Evaluate(RecurrentKernels.Gru).Attr("activations", AttributeKind.Strings)
                .OptionalOutput("Y", "T").OptionalOutput("Y_h", "T");
            if (v >= 3)
            {
                gru.Attr("linear_before_reset", AttributeKind.Int, 0L);
            }
        }
    }

    private static OperatorSchemaBuilder Common(OperatorSchemaBuilder b, int version)
    {
        b.Input("X", "T").Input("W", "T").Input("R", "T").OptionalInput("B", "T").OptionalInput("sequence_lens", "T1")
            .OptionalInput("initial_h", "T").Attr("activation_alpha", AttributeKind.Floats)
            .Attr("activation_beta", AttributeKind.Floats).Attr("clip", AttributeKind.Float)
            .Attr("direction", AttributeKind.String, "forward").Attr("hidden_size", AttributeKind.Int)
            .Constraint("T", Float).Constraint("T1", "tensor(int32)").Infer(Infer);
        if (version < 7)
        {
            b.Attr("output_sequence", AttributeKind.Int, 0L);
        }
        if (version >= 14)
        {
            b.Attr("layout", AttributeKind.Int, 0L);
        }
        return b;
    }

    /// <summary>Y = (seq, dirs, batch, hidden), Y_h and Y_c = (dirs, batch, hidden); batch-major when layout = 1.</summary>
    private static void Infer(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var w = ctx.InputShape(1);
        var r = ctx.InputShape(2);
        string direction = ctx.GetString("direction", "forward") ?? "forward";
        long layout = ctx.GetInt("layout", 0);
        if (direction is not ("forward" or "reverse" or "bidirectional") || layout is not (0 or 1))
        {
            ctx.Fail($"direction '{direction}' must be forward, reverse or bidirectional and layout {layout} 0 or 1");
            return;
        }
        if ((x.IsRanked && x.Rank != 3) || (w.IsRanked && w.Rank != 3) || (r.IsRanked && r.Rank != 3))
        {
            ctx.Fail($"X {x}, W {w} and R {r} must all have rank 3");
            return;
        }
        long dirs = direction == "bidirectional" ? 2 : 1;
        var wDirs = ConvPoolShapes.DimOrUnknown(w, 0);
        if (wDirs.IsStatic && wDirs.Value != dirs)
        {
            ctx.Fail($"W has {wDirs.Value} directions but direction '{direction}' needs {dirs}");
            return;
        }
        var hidden = HiddenSize(ctx, r);
        if (hidden is not { } h)
        {
            return;
        }
        var seq = ConvPoolShapes.DimOrUnknown(x, layout == 0 ? 0 : 1);
        var batch = ConvPoolShapes.DimOrUnknown(x, layout == 0 ? 1 : 0);
        var y = layout == 0 ? Shape.Of(seq, dirs, batch, h) : Shape.Of(batch, seq, dirs, h);
        var state = layout == 0 ? Shape.Of(dirs, batch, h) : Shape.Of(batch, dirs, h);
        InferenceOutputs.SetShape(ctx, 0, y);
        InferenceOutputs.SetShape(ctx, 1, state);
        InferenceOutputs.SetShape(ctx, 2, state);
    }

    /// <summary>The hidden_size attribute, else R's last dimension; null (reported) when they disagree.</summary>
    private static Dimension? HiddenSize(InferenceContext ctx, Shape r)
    {
        var fromR = ConvPoolShapes.DimOrUnknown(r, 2);
        if (ctx.Attr("hidden_size") is not { Kind: AttributeKind.Int } attr)
        {
            return fromR;
        }
        long h = attr.AsInt();
        if (h < 1 || (fromR.IsStatic && fromR.Value != h))
        {
            ctx.Fail($"hidden_size {h} must be positive and match R of shape {r}");
            return null;
        }
        return Dimension.Of(h);
    }
}
