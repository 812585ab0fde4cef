namespace Halo.Backends.Odla.Lowering;

/// <summary>The static sizes of one Attention node: batch, head counts, sequence lengths (query, new KV, past,
/// total) and head sizes; <see cref="Packed"/> when Q, K and V are 3-D (batch, length, heads * size).</summary>
internal sealed record AttentionShapes(bool Packed, long Batch, long QHeads, long KvHeads, long QLength, long KvLength,
    long Past, long HeadSize, long ValueHeadSize)
{
    public long Total => Past + KvLength;

    /// <summary>The sizes, or null when the ranks, head counts or sizes do not fit together.</summary>
    public static AttentionShapes? Of(LoweringContext c)
    {
        long[] q = c.InputShape(0), k = c.InputShape(1), v = c.InputShape(2);
        if (q.Length != k.Length || q.Length != v.Length || q.Length is not (3 or 4))
        {
            return null;
        }
        bool packed = q.Length == 3;
        long qHeads = packed ? c.Int("q_num_heads", 0) : q[1];
        long kvHeads = packed ? c.Int("kv_num_heads", 0) : k[1];
        if (qHeads < 1 || kvHeads < 1 || qHeads % kvHeads != 0
            || (packed && (q[2] % qHeads != 0 || k[2] % kvHeads != 0 || v[2] % kvHeads != 0)))
        {
            return null;
        }
        long past = c.HasInput(4) ? c.InputShape(4)[2] : 0;
        var shapes = packed
            ? new AttentionShapes(true, q[0], qHeads, kvHeads, q[1], k[1], past, q[2] / qHeads, v[2] / kvHeads)
            : new AttentionShapes(false, q[0], qHeads, kvHeads, q[2], k[2], past, q[3], v[3]);
        long keySize = packed ? k[2] / kvHeads : k[3];
        return keySize == shapes.HeadSize ? shapes : null;
    }
}
