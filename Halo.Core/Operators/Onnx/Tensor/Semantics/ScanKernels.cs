using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Scan: version 8 (batch axis 0, sequence_lens) and versions 9 and later
/// (per-input axes and directions).</summary>
internal static class ScanKernels
{
    public static void Scan(EvaluationContext ctx)
    {
        int first = ctx.Schema.Id.SinceVersion < 9 ? 1 : 0;
        int scanInputs = (int)ctx.GetInt("num_scan_inputs", 0);
        int states = ctx.InputCount - first - scanInputs;
        var inputs = new TensorData[ctx.InputCount - first];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = ctx.Tensor(first + i);
        }
        if (first == 0)
        {
            var results = Run(ctx, inputs, states, -1);
            for (int o = 0; o < results.Length; o++)
            {
                ctx.SetOutput(o, results[o]);
            }
            return;
        }
        RunBatched(ctx, inputs, states);
    }

    private static void RunBatched(EvaluationContext ctx, TensorData[] inputs, int states)
    {
        long batch = inputs[0].Dimensions[0];
        long[]? lens = ctx.OptionalTensor(0) is { } l ? IndexMath.Longs(l) : null;
        var perOutput = new List<TensorData>[ctx.OutputCount];
        for (int o = 0; o < perOutput.Length; o++)
        {
            perOutput[o] = [];
        }
        var slices = inputs.Select(t => Unstack(t, 0)).ToArray();
        for (long b = 0; b < batch; b++)
        {
            var one = slices.Select(s => s[b]).ToArray();
            var results = Run(ctx, one, states, lens is null ? -1 : lens[b]);
            for (int o = 0; o < results.Length; o++)
            {
                perOutput[o].Add(results[o]);
            }
        }
        for (int o = 0; o < perOutput.Length; o++)
        {
            ctx.SetOutput(o, ControlFlowKernels.Stack(ctx, perOutput[o], 0, o));
        }
    }

    /// <summary>One scan over <paramref name="inputs"/> (states then scan inputs); returns final states then scan outputs.</summary>
    private static TensorData[] Run(EvaluationContext ctx, TensorData[] inputs, int states, long length)
    {
        var body = ctx.GetGraph("body")!;
        var sequences = Sequences(ctx, inputs, states);
        int m = sequences.Length;
        long steps = m == 0 ? 0 : sequences[0].Length;
        if (length >= 0)
        {
            steps = System.Math.Min(steps, length);
        }
        var state = new RuntimeValue[states];
        for (int i = 0; i < states; i++)
        {
            state[i] = new TensorValue(inputs[i]);
        }
        int outs = body.Outputs.Length - states;
        var collected = new List<TensorData>[outs];
        for (int k = 0; k < outs; k++)
        {
            collected[k] = [];
        }
        for (long t = 0; t < steps; t++)
        {
            var args = new List<RuntimeValue>(state);
            args.AddRange(sequences.Select(s => (RuntimeValue)new TensorValue(s[t])));
            var results = ctx.EvaluateSubgraph(body, args);
            for (int i = 0; i < states; i++)
            {
                state[i] = results[i];
            }
            for (int k = 0; k < outs; k++)
            {
                collected[k].Add(((TensorValue)results[states + k]).Data);
            }
        }
        return [.. state.Select(s => ((TensorValue)s).Data), .. Enumerable.Range(0, outs).Select(k => Collect(ctx, collected[k], states + k))];
    }

    /// <summary>Each scan input cut into its steps, in the order the scan visits them.</summary>
    private static TensorData[][] Sequences(EvaluationContext ctx, TensorData[] inputs, int states)
    {
        int m = inputs.Length - states;
        bool v8 = ctx.Schema.Id.SinceVersion < 9;
        long[] inAxes = ctx.GetInts("scan_input_axes") is { Length: > 0 } ia ? [.. ia] : new long[m];
        long[] inDirs = ctx.GetInts(v8 ? "directions" : "scan_input_directions") is { Length: > 0 } d ? [.. d] : new long[m];
        var sequences = new TensorData[m][];
        for (int j = 0; j < m; j++)
        {
            int axis = IndexMath.Axis(ctx, inAxes[j], inputs[states + j].Dimensions.Length);
            sequences[j] = Unstack(inputs[states + j], axis);
            if (inDirs[j] != 0)
            {
                Array.Reverse(sequences[j]);
            }
        }
        return sequences;
    }

    private static TensorData Collect(EvaluationContext ctx, List<TensorData> items, int output)
    {
        int k = output - (ctx.InputCount - (ctx.Schema.Id.SinceVersion < 9 ? 1 : 0) - (int)ctx.GetInt("num_scan_inputs", 0));
        long[] axes = ctx.GetInts("scan_output_axes") is { Length: > 0 } a ? [.. a] : [];
        long[] dirs = ctx.GetInts("scan_output_directions") is { Length: > 0 } d ? [.. d] : [];
        if (k < dirs.Length && dirs[k] != 0)
        {
            items.Reverse();
        }
        long axis = k < axes.Length ? axes[k] : 0;
        int rank = items.Count > 0 ? items[0].Dimensions.Length + 1 : 1;
        return ControlFlowKernels.Stack(ctx, items, IndexMath.Axis(ctx, axis, rank), output);
    }

    /// <summary>The slices of <paramref name="data"/> along <paramref name="axis"/>, each without that axis.</summary>
    public static TensorData[] Unstack(TensorData data, int axis)
    {
        long n = data.Dimensions[axis];
        var sizes = Enumerable.Repeat(1L, (int)n).ToArray();
        var dims = data.Dimensions.RemoveAt(axis);
        return [.. ConcatSplitKernels.Pieces(data, axis, sizes).Select(p => ElementWriter.Reshape(p, dims))];
    }
}
