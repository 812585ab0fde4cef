using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>Attention and RotaryEmbedding (opset 23).</summary>
internal static class AttentionOperators
{
    private static readonly string[] s_maskTypes = [.. Numeric, "tensor(bool)"];

    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Attention", 23).Input("Q", "T1").Input("K", "T1").Input("V", "T2").OptionalInput("attn_mask", "U")
            .OptionalInput("past_key", "T1").OptionalInput("past_value", "T2").Output("Y", "T1")
            .OptionalOutput("present_key", "T1").OptionalOutput("present_value", "T2")
            .OptionalOutput("qk_matmul_output", "T1").Attr("is_causal", AttributeKind.Int, 0L)
            .Attr("kv_num_heads", AttributeKind.Int).Attr("q_num_heads", AttributeKind.Int)
            .Attr("qk_matmul_output_mode", AttributeKind.Int, 0L).Attr("scale", AttributeKind.Float)
            .Attr("softcap", AttributeKind.Float, 0.0f).Attr("softmax_precision", AttributeKind.Int)
            .Constraint("T1", Float).Constraint("T2", Float).Constraint("U", s_maskTypes).Infer(InferAttention)
            .Evaluate(AttentionKernels.Attention);
        s.Define("RotaryEmbedding", 23).Input("X", "T").Input("cos_cache", "T").Input("sin_cache", "T")
            .OptionalInput("position_ids", "M").Output("Y", "T").Attr("interleaved", AttributeKind.Int, 0L)
            .Attr("num_heads", AttributeKind.Int).Attr("rotary_embedding_dim", AttributeKind.Int, 0L)
            .Constraint("T", "tensor(float)", "tensor(float16)", "tensor(bfloat16)").Constraint("M", TypeSets.Int64)
            .Infer(InferRotary).Evaluate(RotaryKernel.RotaryEmbedding);
    }

    /// <summary>Y is (B, Hq, Lq, Ev) or (B, Lq, Hq * Ev); the caches and QK output use the total sequence length.</summary>
    private static void InferAttention(InferenceContext ctx)
    {
        var q = ctx.InputShape(0);
        var k = ctx.InputShape(1);
        var v = ctx.InputShape(2);
        if (!q.IsRanked || !k.IsRanked || !v.IsRanked || !CheckRanks(ctx, q, k, v, out long qHeads, out long kvHeads))
        {
            return;
        }
        bool packed = q.Rank == 3;
        var batch = q[0];
        var qLen = packed ? q[1] : q[2];
        var kvH = packed ? Dimension.Of(kvHeads) : k[1];
        var qH = packed ? Dimension.Of(qHeads) : q[1];
        var headSize = packed ? Divide(k[2], kvHeads) : k[3];
        var vHeadSize = packed ? Divide(v[2], kvHeads) : v[3];
        var total = TotalLength(ctx, packed ? k[1] : k[2]);
        var y = packed
            ? Shape.Of(batch, qLen, vHeadSize.IsStatic ? Dimension.Of(checked(qHeads * vHeadSize.Value)) : Dimension.Unknown)
            : Shape.Of(batch, qH, qLen, vHeadSize);
        InferenceOutputs.SetShape(ctx, 0, y);
        InferenceOutputs.SetShape(ctx, 1, Shape.Of(batch, kvH, total, headSize));
        InferenceOutputs.SetShape(ctx, 2, Shape.Of(batch, kvH, total, vHeadSize));
        InferenceOutputs.SetShape(ctx, 3, Shape.Of(batch, qH, qLen, total));
    }

    /// <summary>Q, K and V must share rank 3 or 4; the 3-D form needs head counts that divide the hidden sizes.</summary>
    private static bool CheckRanks(InferenceContext ctx, Shape q, Shape k, Shape v, out long qHeads, out long kvHeads)
    {
        qHeads = ctx.GetInt("q_num_heads", 0);
        kvHeads = ctx.GetInt("kv_num_heads", 0);
        if (q.Rank is not (3 or 4) || k.Rank != q.Rank || v.Rank != q.Rank)
        {
            ctx.Fail($"Q {q}, K {k} and V {v} must all be 3-D or all 4-D");
            return false;
        }
        if (q.Rank == 4)
        {
            return true;
        }
        if (qHeads < 1 || kvHeads < 1)
        {
            ctx.Fail("3-D Q, K and V need positive q_num_heads and kv_num_heads attributes");
            return false;
        }
        if (!DividesStatic(q[2], qHeads) || !DividesStatic(k[2], kvHeads) || !DividesStatic(v[2], kvHeads))
        {
            ctx.Fail($"hidden sizes of Q {q}, K {k}, V {v} must be multiples of the head counts {qHeads} and {kvHeads}");
            return false;
        }
        return true;
    }

    /// <summary>past_sequence_length + kv_sequence_length (just the latter without past_key).</summary>
    private static Dimension TotalLength(InferenceContext ctx, Dimension kvLen)
    {
        if (!ctx.HasInput(4))
        {
            return kvLen;
        }
        var past = ctx.InputShape(4);
        if (!past.IsRanked || past.Rank != 4 || !past[2].IsStatic || !kvLen.IsStatic)
        {
            return Dimension.Unknown;
        }
        return Dimension.Of(checked(past[2].Value + kvLen.Value));
    }

    private static Dimension Divide(Dimension d, long by) =>
        d.IsStatic && by > 0 && d.Value % by == 0 ? Dimension.Of(d.Value / by) : Dimension.Unknown;

    private static bool DividesStatic(Dimension d, long by) => !d.IsStatic || d.Value % by == 0;

    private static void InferRotary(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x.IsRanked && x.Rank is not (3 or 4))
        {
            ctx.Fail($"X has shape {x}, expected (batch, heads, seq, head_size) or (batch, seq, hidden)");
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, x);
    }
}
