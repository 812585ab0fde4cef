using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.IR.Types;

namespace Halo.Core.IR.Text;

internal sealed partial class TextParser
{
    private TensorData ParseTensor()
    {
        var at = Current;
        if (ParseType() is not TensorType { Shape.IsStatic: true } type)
        {
            throw Error("a constant needs a tensor type of static shape", at);
        }
        var dims = type.Shape.Dimensions.Select(d => d.Value).ToImmutableArray();
        try
        {
            if (Current.Is(TextTokenKind.Identifier, "elided"))
            {
                throw Error("the constant's data was elided when printed; print with full constants to parse it");
            }
            if (Current.Is(TextTokenKind.Identifier, "b64"))
            {
                _pos++;
                var bytesAt = Current;
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(ExpectString());
                }
                catch (FormatException)
                {
                    throw Error("bad base64 data", bytesAt);
                }
                return TensorData.FromBytes(type.ElementType, dims, bytes);
            }
            if (type.ElementType == ElementType.String)
            {
                return TensorData.FromStrings([.. ParseList(ExpectString)], dims);
            }
            if (!TensorLiteral.IsListable(type.ElementType))
            {
                throw Error($"{type.ElementType.GetName()} data must be written as b64\"...\"");
            }
            var tokensAt = Current;
            var items = ParseList(() => tokens[_pos++]);
            return TensorData.FromBytes(type.ElementType, dims, Pack(type.ElementType, items, tokensAt));
        }
        catch (ArgumentException e)
        {
            throw Error(e.Message, at);
        }
    }

    private byte[] Pack(ElementType type, List<TextToken> items, TextToken at)
    {
        int size = type.BitWidth() / 8;
        var bytes = new byte[items.Count * size];
        for (int i = 0; i < items.Count; i++)
        {
            var span = bytes.AsSpan(i * size);
            string text = items[i].Text;
            if (type is ElementType.Float or ElementType.Double)
            {
                double d = DoubleOf(items[i]);
                if (type == ElementType.Float)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(span, (float)d);
                }
                else
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(span, d);
                }
                continue;
            }
            if (type == ElementType.UInt64)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(span, ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u)
                    ? u : throw Error($"bad integer '{text}'", items[i]));
                continue;
            }
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            {
                throw Error($"bad integer '{text}'", at);
            }
            switch (size)
            {
                case 1: span[0] = unchecked((byte)v); break;
                case 2: BinaryPrimitives.WriteInt16LittleEndian(span, unchecked((short)v)); break;
                case 4: BinaryPrimitives.WriteInt32LittleEndian(span, unchecked((int)v)); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(span, v); break;
            }
        }
        return bytes;
    }

    private SparseTensorData ParseSparse()
    {
        ExpectWord("sparse");
        Expect("(");
        var values = ParseTensor();
        Expect(",");
        var indices = ParseTensor();
        Expect(",");
        var dims = ParseList(ParseLong);
        Expect(")");
        return new SparseTensorData(values, indices, [.. dims]);
    }
}
