using Halo.Core.IR.Types;
using static Halo.Backends.Odla.Lowering.OdlaComposition;

namespace Halo.Backends.Odla.Lowering;

/// <summary>
/// Attention-23 composed of ODLA calls on static shapes: heads split from 3-D inputs by reshape and transpose, past
/// caches joined by <c>odla_Concat</c> (the present outputs), Q·Kᵀ and P·V by <c>odla_BatchMatMul</c> with grouped
/// KV heads as a broadcast batch axis, the scale, masks and softcap by element-wise calls, the causal mask as a
/// constant computed at generation, and the softmax by <c>odla_Softmax</c>.
/// </summary>
internal static class AttentionLowering
{
    public static void Register(LoweringTableBuilder table) => table.Add("Attention", Attention, minVersion: 23);

    private static bool Attention(LoweringContext c)
    {
        if (AttentionShapes.Of(c) is not { } s)
        {
            return c.Unsupported("Q, K and V must be all 3-D (with q_num_heads and kv_num_heads) or all 4-D with head counts that divide");
        }
        if (!c.InputIs(0, ElementType.Float, ElementType.Float16, ElementType.Double) || c.InputType(0).ElementType != c.InputType(2).ElementType)
        {
            return c.Unsupported("Q, K and V must share one floating-point type");
        }
        // 16-bit inputs are computed in float32 (at least any softmax_precision but double asks for) and the outputs
        // cast back: the reference runtime's matmul and softmax kernels are float32/float64 only.
        var type = c.InputType(0).ElementType is ElementType.Float16 ? ElementType.Float : c.InputType(0).ElementType;
        string q = Heads(c, 0, s.QHeads, s.QLength, s.HeadSize, type);
        string k = WithPast(c, 1, 4, Heads(c, 1, s.KvHeads, s.KvLength, s.HeadSize, type), s, s.HeadSize, type);
        string v = WithPast(c, 2, 5, Heads(c, 2, s.KvHeads, s.KvLength, s.ValueHeadSize, type), s, s.ValueHeadSize, type);
        long[] scoreDims = [s.Batch, s.QHeads, s.QLength, s.Total];
        string scores = Grouped(c, q, k, transposeB: true, s, s.HeadSize, s.Total, scoreDims);
        double scale = c.Attributes.ContainsKey("scale") ? c.Float("scale", 1f) : 1 / Math.Sqrt(s.HeadSize);
        scores = Binary(c, "odla_Mul", scores, Scalar(c, type, scale));
        int mode = (int)c.Int("qk_matmul_output_mode", 0);
        EmitQk(c, mode, 0, scores, type);
        scores = WithBias(c, scores, s, type);
        EmitQk(c, mode, 1, scores, type);
        scores = WithSoftcap(c, scores, type);
        EmitQk(c, mode, 2, scores, type);
        string probabilities = Call(c, $"odla_Softmax({scores}, 3, {TempId(c)})");
        EmitQk(c, mode, 3, probabilities, type);
        long[] yDims = [s.Batch, s.QHeads, s.QLength, s.ValueHeadSize];
        string y = Grouped(c, probabilities, v, transposeB: false, s, s.Total, s.ValueHeadSize, yDims);
        if (s.Packed)
        {
            y = Transpose(c, y, yDims, [0, 2, 1, 3]);
        }
        DefineOutput(c, 0, y, type);
        return true;
    }

    /// <summary>Operand <paramref name="index"/> as (batch, heads, length, size): a 3-D (batch, length, heads * size)
    /// operand is split and transposed.</summary>
    private static string Heads(LoweringContext c, int index, long heads, long length, long size, ElementType type)
    {
        string value = InType(c, index, type);
        if (c.InputRank(index) == 4)
        {
            return value;
        }
        long batch = c.InputShape(index)[0];
        string split = Reshape(c, value, [batch, length, heads, size]);
        return Transpose(c, split, [batch, length, heads, size], [0, 2, 1, 3]);
    }

    /// <summary>The cache past ++ current along the sequence axis; defines the present output when it is used.</summary>
    private static string WithPast(LoweringContext c, int index, int pastIndex, string current, AttentionShapes s, long size, ElementType type)
    {
        string joined = c.HasInput(pastIndex)
            ? Concat(c, [InType(c, pastIndex, type), current], 2, [s.Batch, s.KvHeads, s.Total, size])
            : current;
        // Input i (K, V) has its present cache as output i.
        if (c.IsOutputUsed(index))
        {
            DefineOutput(c, index, joined, type);
        }
        return joined;
    }

    /// <summary>Operand <paramref name="index"/> in the compute type.</summary>
    private static string InType(LoweringContext c, int index, ElementType type) =>
        c.InputType(index).ElementType == type ? c.Value(index) : Cast(c, c.Value(index), type);

    /// <summary>Defines output <paramref name="output"/> from <paramref name="value"/> (its elements in order, in
    /// the compute type <paramref name="type"/>), cast back to the output's type when they differ.</summary>
    private static void DefineOutput(LoweringContext c, int output, string value, ElementType type)
    {
        var target = c.OutputType(output).ElementType;
        c.Define(output, target == type
            ? $"odla_Reshape({value}, {c.OutputShapeExpression(output)}, {c.OutputId(output)})"
            : $"odla_Cast({Reshape(c, value, c.OutputShape(output))}, {Emit.OdlaTypes.ToOdla(target)}, {c.OutputId(output)})");
    }

    /// <summary>a · b (b transposed when asked) per head, where head h of a uses KV head h / group: with groups, a is
    /// viewed as (batch, kv heads, group, rows, inner) and b as (batch, kv heads, 1, ..) so the batch axes broadcast.</summary>
    private static string Grouped(LoweringContext c, string a, string b, bool transposeB, AttentionShapes s, long inner, long columns, long[] dims)
    {
        long group = s.QHeads / s.KvHeads;
        if (group == 1)
        {
            return BatchMatMul(c, a, b, transposeB, dims);
        }
        string a5 = Reshape(c, a, [s.Batch, s.KvHeads, group, s.QLength, inner]);
        string b5 = Reshape(c, b, transposeB ? [s.Batch, s.KvHeads, 1, columns, inner] : [s.Batch, s.KvHeads, 1, inner, columns]);
        string product = BatchMatMul(c, a5, b5, transposeB, [s.Batch, s.KvHeads, group, s.QLength, columns]);
        return Reshape(c, product, dims);
    }

    /// <summary>Adds attn_mask (bool: false gives -inf; a short last axis is padded with -inf) and the causal mask.</summary>
    private static string WithBias(LoweringContext c, string scores, AttentionShapes s, ElementType type)
    {
        if (c.HasInput(3))
        {
            long[] maskDims = c.InputShape(3);
            string bias = c.Value(3);
            if (c.InputType(3).ElementType == ElementType.Bool)
            {
                bias = Select(c, bias, Scalar(c, type, 0), Scalar(c, type, double.NegativeInfinity), maskDims);
            }
            else if (c.InputType(3).ElementType != type)
            {
                bias = Cast(c, bias, type);
            }
            long last = maskDims.Length == 0 ? s.Total : maskDims[^1];
            if (maskDims.Length > 0 && last < s.Total)
            {
                long[] fillDims = [.. maskDims[..^1], s.Total - last];
                double[] fill = Enumerable.Repeat(double.NegativeInfinity, (int)fillDims.Aggregate(1L, (x, y) => x * y)).ToArray();
                bias = Concat(c, [bias, Constant(c, Data(type, fill, fillDims))], maskDims.Length - 1, [.. maskDims[..^1], s.Total]);
            }
            scores = Binary(c, "odla_Add", scores, bias);
        }
        if (c.Int("is_causal", 0) != 0)
        {
            // Query i sees keys up to past + i (the causal mask aligned to the end of the cache).
            var causal = new double[s.QLength * s.Total];
            for (long i = 0; i < s.QLength; i++)
            {
                for (long j = i + s.Past + 1; j < s.Total; j++)
                {
                    causal[(i * s.Total) + j] = double.NegativeInfinity;
                }
            }
            scores = Binary(c, "odla_Add", scores, Constant(c, Data(type, causal, s.QLength, s.Total)));
        }
        return scores;
    }

    /// <summary>softcap · tanh(scores / softcap) when softcap is positive (ONNX: after the mask).</summary>
    private static string WithSoftcap(LoweringContext c, string scores, ElementType type)
    {
        double softcap = c.Float("softcap", 0f);
        if (softcap <= 0)
        {
            return scores;
        }
        string capped = Unary(c, "odla_Tanh", Binary(c, "odla_Mul", scores, Scalar(c, type, 1 / softcap)));
        return Binary(c, "odla_Mul", capped, Scalar(c, type, softcap));
    }

    /// <summary>Defines the qk_matmul_output when its mode is <paramref name="stage"/> and it is used.</summary>
    private static void EmitQk(LoweringContext c, int mode, int stage, string value, ElementType type)
    {
        if (mode == stage && c.IsOutputUsed(3))
        {
            DefineOutput(c, 3, value, type);
        }
    }
}
