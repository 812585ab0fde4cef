using System.Buffers.Binary;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>A PNG IHDR chunk: size, bit depth, colour type and interlace method, checked for consistency.</summary>
internal sealed record PngHeader(long Width, long Height, int BitDepth, int ColorType, bool Interlaced)
{
    /// <summary>Colour type 3: palette indices.</summary>
    public const int Palette = 3;

    /// <summary>The samples per pixel.</summary>
    public int Channels => ColorType switch
    {
        0 or Palette => 1,
        2 => 3,
        4 => 2,
        _ => 4,
    };

    /// <summary>Parses an IHDR body.</summary>
    /// <exception cref="InvalidDataException">The header is short or names an invalid combination.</exception>
    public static PngHeader Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 13)
        {
            throw new InvalidDataException("the IHDR chunk is too short");
        }
        var header = new PngHeader(BinaryPrimitives.ReadUInt32BigEndian(body), BinaryPrimitives.ReadUInt32BigEndian(body[4..]),
            body[8], body[9], body[12] == 1);
        bool valid = header.ColorType switch
        {
            0 => header.BitDepth is 1 or 2 or 4 or 8 or 16,
            Palette => header.BitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => header.BitDepth is 8 or 16,
            _ => false,
        };
        if (!valid || body[10] != 0 || body[11] != 0 || body[12] > 1)
        {
            throw new InvalidDataException($"invalid PNG header: colour type {header.ColorType}, bit depth {header.BitDepth}, "
                + $"compression {body[10]}, filter {body[11]}, interlace {body[12]}");
        }
        return header;
    }
}
