namespace Halo.Tests.Operators.Onnx.NeuralNetwork;

/// <summary>A minimal protobuf wire-format reader, enough to walk the single-node ONNX conformance models.</summary>
internal static class OnnxWire
{
    /// <summary>One field: its number, wire type, varint or fixed value, and length-delimited payload.</summary>
    internal readonly record struct Field(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Bytes)
    {
        public long Int64 => unchecked((long)Value);

        public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);

        public float Float => BitConverter.Int32BitsToSingle(unchecked((int)Value));
    }

    public static List<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var span = message.Span;
        int i = 0;
        while (i < span.Length)
        {
            ulong key = Varint(span, ref i);
            int wire = (int)(key & 7);
            int number = (int)(key >> 3);
            switch (wire)
            {
                case 0:
                    fields.Add(new(number, wire, Varint(span, ref i), default));
                    break;
                case 1:
                    fields.Add(new(number, wire, BitConverter.ToUInt64(span.Slice(i, 8)), default));
                    i += 8;
                    break;
                case 5:
                    fields.Add(new(number, wire, BitConverter.ToUInt32(span.Slice(i, 4)), default));
                    i += 4;
                    break;
                case 2:
                    int length = checked((int)Varint(span, ref i));
                    fields.Add(new(number, wire, 0, message.Slice(i, length)));
                    i += length;
                    break;
                default:
                    throw new InvalidDataException($"unsupported wire type {wire}");
            }
        }
        return fields;
    }

    /// <summary>Integers of a repeated field, packed or not.</summary>
    public static IEnumerable<long> Ints(Field f)
    {
        if (f.WireType == 0)
        {
            return [f.Int64];
        }
        var values = new List<long>();
        var span = f.Bytes.Span;
        int i = 0;
        while (i < span.Length)
        {
            values.Add(unchecked((long)Varint(span, ref i)));
        }
        return values;
    }

    /// <summary>Floats of a repeated field, packed or not.</summary>
    public static IEnumerable<float> Floats(Field f)
    {
        if (f.WireType == 5)
        {
            return [f.Float];
        }
        var values = new float[f.Bytes.Length / 4];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = BitConverter.ToSingle(f.Bytes.Span.Slice(k * 4, 4));
        }
        return values;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = span[i++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw new InvalidDataException("malformed varint");
    }
}
