using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of If, Loop and SequenceMap through <see cref="EvaluationContext.EvaluateSubgraph"/>.</summary>
internal static class ControlFlowKernels
{
    public static void If(EvaluationContext ctx)
    {
        bool cond = IndexMath.Longs(ctx.Tensor(0)) is [var c, ..] && c != 0;
        var branch = ctx.GetGraph(cond ? "then_branch" : "else_branch");
        if (branch is null)
        {
            ctx.Fail("the branch is missing");
            return;
        }
        var results = ctx.EvaluateSubgraph(branch, []);
        for (int i = 0; i < ctx.OutputCount && i < results.Length; i++)
        {
            ctx.SetOutput(i, results[i]);
        }
    }

    public static void Loop(EvaluationContext ctx)
    {
        var body = ctx.GetGraph("body")!;
        long max = ctx.OptionalTensor(0) is { } m ? IndexMath.Longs(m)[0] : long.MaxValue;
        bool cond = ctx.OptionalTensor(1) is not { } c || IndexMath.Longs(c)[0] != 0;
        int carried = ctx.InputCount - 2;
        var state = new RuntimeValue[carried];
        for (int i = 0; i < carried; i++)
        {
            state[i] = ctx.Input(i + 2) ?? throw new EvaluationException("a loop-carried operand is missing");
        }
        int scanCount = ctx.OutputCount - carried;
        var scans = new List<TensorData>[scanCount];
        for (int i = 0; i < scanCount; i++)
        {
            scans[i] = [];
        }
        for (long iter = 0; iter < max && cond; iter++)
        {
            var args = new List<RuntimeValue>
            {
                new TensorValue(TensorData.FromInt64s([iter])),
                new TensorValue(TensorData.Create<bool>(ElementType.Bool, [cond])),
            };
            args.AddRange(state);
            var results = ctx.EvaluateSubgraph(body, args);
            cond = results[0] is TensorValue tv && IndexMath.Longs(tv.Data)[0] != 0;
            for (int i = 0; i < carried; i++)
            {
                state[i] = results[i + 1];
            }
            for (int i = 0; i < scanCount; i++)
            {
                scans[i].Add(((TensorValue)results[1 + carried + i]).Data);
            }
        }
        SetLoopOutputs(ctx, state, scans);
    }

    private static void SetLoopOutputs(EvaluationContext ctx, RuntimeValue[] state, List<TensorData>[] scans)
    {
        for (int i = 0; i < state.Length; i++)
        {
            ctx.SetOutput(i, state[i]);
        }
        for (int i = 0; i < scans.Length; i++)
        {
            ctx.SetOutput(state.Length + i, Stack(ctx, scans[i], 0, state.Length + i));
        }
    }

    /// <summary>Stacks equally shaped tensors along a new axis; an empty list gives a tensor of the declared
    /// element type with that axis of size zero.</summary>
    public static TensorData Stack(EvaluationContext ctx, IReadOnlyList<TensorData> items, int axis, int output)
    {
        if (items.Count == 0)
        {
            var type = IndexMath.OutputElementType(ctx, output);
            var shape = ctx.OutputTypes[output] is TensorType { Shape.IsRanked: true } t ? t.Shape.Rank : 1;
            var dims = Enumerable.Repeat(0L, System.Math.Max(1, shape)).ToImmutableArray();
            return new ElementWriter(type == ElementType.Undefined ? ElementType.Float : type, 0).Build(dims);
        }
        var parts = items.Select(t => ElementWriter.Reshape(t, t.Dimensions.Insert(axis, 1))).ToList();
        return ConcatSplitKernels.Join(ctx, parts, axis, items[0].ElementType);
    }

    public static void SequenceMap(EvaluationContext ctx)
    {
        var body = ctx.GetGraph("body")!;
        if (ctx.Input(0) is not SequenceValue seq)
        {
            ctx.Fail("the first operand must be a sequence");
            return;
        }
        int n = seq.Items.Length;
        var outputs = new List<RuntimeValue>[ctx.OutputCount];
        for (int o = 0; o < outputs.Length; o++)
        {
            outputs[o] = [];
        }
        for (int i = 0; i < n; i++)
        {
            var args = new List<RuntimeValue> { seq.Items[i] };
            for (int k = 1; k < ctx.InputCount; k++)
            {
                var extra = ctx.Input(k)!;
                args.Add(extra is SequenceValue s ? (s.Items.Length == n ? s.Items[i] : throw new EvaluationException("sequence lengths differ")) : extra);
            }
            var results = ctx.EvaluateSubgraph(body, args);
            for (int o = 0; o < outputs.Length; o++)
            {
                outputs[o].Add(results[o]);
            }
        }
        for (int o = 0; o < outputs.Length; o++)
        {
            var elementType = ctx.OutputTypes[o] is SequenceType st ? st.ElementType : body.Outputs[o].Type;
            ctx.SetOutput(o, new SequenceValue(elementType, [.. outputs[o]]));
        }
    }
}
