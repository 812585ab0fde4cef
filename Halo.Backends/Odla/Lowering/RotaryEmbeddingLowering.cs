using Halo.Core.IR.Types;
using static Halo.Backends.Odla.Lowering.OdlaComposition;

namespace Halo.Backends.Odla.Lowering;

/// <summary>
/// RotaryEmbedding-23 composed of ODLA calls: the cos/sin rows of each position (<c>odla_Gather</c> by position_ids,
/// or the caches as (batch, seq, ..) without them), the rotated pairs x1·cos − x2·sin and x2·cos + x1·sin from
/// slices of the head (halves, or interleaved pairs through a trailing axis of 2), concatenated with the
/// unrotated rest of the head.
/// </summary>
internal static class RotaryEmbeddingLowering
{
    public static void Register(LoweringTableBuilder table) => table.Add("RotaryEmbedding", RotaryEmbedding, minVersion: 23);

    private static bool RotaryEmbedding(LoweringContext c)
    {
        long[] x = c.InputShape(0);
        bool packed = x.Length == 3;
        long heads = packed ? c.Int("num_heads", 0) : x.Length == 4 ? x[1] : 0;
        if (x.Length is not (3 or 4) || heads < 1 || (packed && x[2] % heads != 0))
        {
            return c.Unsupported("X must be (batch, heads, seq, head size), or (batch, seq, heads * head size) with num_heads");
        }
        long batch = x[0], seq = packed ? x[1] : x[2], size = packed ? x[2] / heads : x[3];
        long rotary = c.Int("rotary_embedding_dim", 0) is var r && r == 0 ? size : r;
        long half = rotary / 2;
        long[] cache = c.InputShape(1);
        if (rotary > size || rotary % 2 != 0 || cache.Length == 0 || cache[^1] < half)
        {
            return c.Unsupported("rotary_embedding_dim must be even and at most the head size, and the caches must hold half of it per position");
        }
        // Work on X as (batch, heads, seq, size) or (batch, seq, heads, size); cos/sin broadcast over the head axis.
        long[] view = packed ? [batch, seq, heads, size] : x;
        long[] tableDims = packed ? [batch, seq, 1, half] : [batch, 1, seq, half];
        string cos = Rows(c, 1, batch, seq, half, tableDims);
        string sin = Rows(c, 2, batch, seq, half, tableDims);
        string input = packed ? Reshape(c, InFloat(c, 0), view) : InFloat(c, 0);
        bool interleaved = c.Int("interleaved", 0) != 0;
        string rotated = interleaved ? Interleaved(c, input, view, half, cos, sin, tableDims) : Halves(c, input, view, half, cos, sin);
        if (rotary < size)
        {
            string rest = Slice(c, input, [0, 0, 0, rotary], [view[0], view[1], view[2], size]);
            rotated = Concat(c, [rotated, rest], 3, view);
        }
        return c.InputType(0).ElementType == ElementType.Float16
            ? c.Define(0, $"odla_Cast({Reshape(c, rotated, x)}, ODLA_FLOAT16, {c.OutputId()})")
            : c.Define(0, $"odla_Reshape({rotated}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }

    /// <summary>Operand <paramref name="index"/>, float16 converted to float32: the reference runtime's element-wise
    /// kernels compute in float32 or float64 only.</summary>
    private static string InFloat(LoweringContext c, int index) =>
        c.InputType(index).ElementType == ElementType.Float16 ? Cast(c, c.Value(index), ElementType.Float) : c.Value(index);

    /// <summary>The first <paramref name="half"/> cache values of each (batch, seq) position, shaped to broadcast.</summary>
    private static string Rows(LoweringContext c, int index, long batch, long seq, long half, long[] tableDims)
    {
        long width = c.InputShape(index)[^1];
        string rows;
        if (c.HasInput(3))
        {
            string table = c.InputRank(index) == 2 ? InFloat(c, index)
                : Reshape(c, InFloat(c, index), [c.InputType(index).Shape.ElementCount!.Value / width, width]);
            rows = Call(c, $"odla_Gather({table}, {c.Value(3)}, 0, {c.Module.Shape([batch, seq, width])}, {TempId(c)})");
        }
        else
        {
            rows = Reshape(c, InFloat(c, index), [batch, seq, width]);
        }
        if (width != half)
        {
            rows = Slice(c, rows, [0, 0, 0], [batch, seq, half]);
        }
        return Reshape(c, rows, tableDims);
    }

    /// <summary>Rotates x[.., :half] with x[.., half:2·half].</summary>
    private static string Halves(LoweringContext c, string input, long[] view, long half, string cos, string sin)
    {
        string x1 = Slice(c, input, [0, 0, 0, 0], [view[0], view[1], view[2], half]);
        string x2 = Slice(c, input, [0, 0, 0, half], [view[0], view[1], view[2], 2 * half]);
        var (y1, y2) = Rotate(c, x1, x2, cos, sin);
        return Concat(c, [y1, y2], 3, [view[0], view[1], view[2], 2 * half]);
    }

    /// <summary>Rotates the pairs (x[2i], x[2i+1]): the rotated part viewed as (.., half, 2), cos/sin as (.., half, 1).</summary>
    private static string Interleaved(LoweringContext c, string input, long[] view, long half, string cos, string sin, long[] tableDims)
    {
        string part = view[3] == 2 * half ? input : Slice(c, input, [0, 0, 0, 0], [view[0], view[1], view[2], 2 * half]);
        long[] pairs = [view[0], view[1], view[2], half, 2];
        string paired = Reshape(c, part, pairs);
        string x1 = Slice(c, paired, [0, 0, 0, 0, 0], [.. pairs[..^1], 1]);
        string x2 = Slice(c, paired, [0, 0, 0, 0, 1], [.. pairs[..^1], 2]);
        long[] column = [.. tableDims, 1];
        var (y1, y2) = Rotate(c, x1, x2, Reshape(c, cos, column), Reshape(c, sin, column));
        string joined = Concat(c, [y1, y2], 4, pairs);
        return Reshape(c, joined, [view[0], view[1], view[2], 2 * half]);
    }

    private static (string First, string Second) Rotate(LoweringContext c, string x1, string x2, string cos, string sin)
    {
        string first = Binary(c, "odla_Sub", Binary(c, "odla_Mul", x1, cos), Binary(c, "odla_Mul", x2, sin));
        string second = Binary(c, "odla_Add", Binary(c, "odla_Mul", x2, cos), Binary(c, "odla_Mul", x1, sin));
        return (first, second);
    }
}
