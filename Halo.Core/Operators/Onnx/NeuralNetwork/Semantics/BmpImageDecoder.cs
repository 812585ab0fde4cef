using System.Buffers.Binary;
using System.Numerics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Decodes uncompressed Windows bitmaps (BMP): OS/2 core and Windows info headers (V1 to V5), 1, 4 and 8
/// bits per pixel with a palette, 16 and 32 bits with the default or given bit fields, 24 bits; bottom-up or
/// top-down rows. RLE and embedded JPEG/PNG compression are refused.</summary>
internal static class BmpImageDecoder
{
    private const int FileHeaderSize = 14;
    private const uint Rgb = 0;
    private const uint BitFields = 3;
    private const uint AlphaBitFields = 6;

    /// <summary>Whether <paramref name="data"/> starts like a bitmap.</summary>
    public static bool Matches(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M';

    /// <summary>Decodes <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The data is malformed, truncated or compressed.</exception>
    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        Need(data, FileHeaderSize + 12);
        uint pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        var info = data[FileHeaderSize..];
        int headerSize = BinaryPrimitives.ReadInt32LittleEndian(info);
        bool core = headerSize == 12;
        if (!core && headerSize < 40)
        {
            throw new InvalidDataException($"unknown bitmap header size {headerSize}");
        }
        Need(data, FileHeaderSize + (long)headerSize);
        long width = core ? BinaryPrimitives.ReadInt16LittleEndian(info[4..]) : BinaryPrimitives.ReadInt32LittleEndian(info[4..]);
        long height = core ? BinaryPrimitives.ReadInt16LittleEndian(info[6..]) : BinaryPrimitives.ReadInt32LittleEndian(info[8..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(info[(core ? 10 : 14)..]);
        uint compression = core ? Rgb : BinaryPrimitives.ReadUInt32LittleEndian(info[16..]);
        bool topDown = height < 0;
        var image = new DecodedImage(width, System.Math.Abs(height));
        uint[] masks = Masks(data, bits, compression);
        uint[] palette = bits <= 8 ? Palette(data, headerSize, bits, core) : [];
        long stride = ((bits * (long)image.Width) + 31) / 32 * 4;
        Need(data, pixelOffset + (stride * image.Height));
        for (int row = 0; row < image.Height; row++)
        {
            var line = data.Slice((int)(pixelOffset + (row * stride)), (int)stride);
            int y = topDown ? row : image.Height - 1 - row;
            for (int x = 0; x < image.Width; x++)
            {
                uint pixel = bits switch
                {
                    1 or 2 or 4 or 8 => palette[System.Math.Min(Index(line, x, bits), palette.Length - 1)],
                    16 => Fields(BinaryPrimitives.ReadUInt16LittleEndian(line[(2 * x)..]), masks),
                    24 => (uint)(line[3 * x] | (line[(3 * x) + 1] << 8) | (line[(3 * x) + 2] << 16)),
                    _ => Fields(BinaryPrimitives.ReadUInt32LittleEndian(line[(4 * x)..]), masks),
                };
                image.Set(x, y, (byte)(pixel >> 16), (byte)(pixel >> 8), (byte)pixel);
            }
        }
        return image;
    }

    /// <summary>Red, green and blue masks for 16 and 32 bits per pixel.</summary>
    private static uint[] Masks(ReadOnlySpan<byte> data, int bits, uint compression)
    {
        if (bits is not (1 or 2 or 4 or 8 or 16 or 24 or 32))
        {
            throw new InvalidDataException($"{bits} bits per pixel is not a bitmap depth");
        }
        if (compression is not (Rgb or BitFields or AlphaBitFields) || (compression != Rgb && bits is not (16 or 32)))
        {
            throw new InvalidDataException($"compressed bitmaps (compression {compression}) are not supported");
        }
        if (compression == Rgb)
        {
            // BMP: uncompressed 16-bit pixels are 5-5-5, 32-bit ones B, G, R, unused.
            return bits == 16 ? [0x7C00, 0x03E0, 0x001F] : [0xFF0000, 0xFF00, 0xFF];
        }
        // The masks follow a 40-byte header, or sit at the same place inside V2 to V5 headers.
        int at = FileHeaderSize + 40;
        Need(data, at + 12);
        return [BinaryPrimitives.ReadUInt32LittleEndian(data[at..]), BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 8)..])];
    }

    /// <summary>The palette as 0xRRGGBB entries.</summary>
    private static uint[] Palette(ReadOnlySpan<byte> data, int headerSize, int bits, bool core)
    {
        int used = core ? 0 : BinaryPrimitives.ReadInt32LittleEndian(data[(FileHeaderSize + 32)..]);
        int count = used is > 0 and <= 256 ? used : 1 << bits;
        int entry = core ? 3 : 4;
        int at = FileHeaderSize + headerSize;
        Need(data, at + ((long)count * entry));
        var palette = new uint[count];
        for (int i = 0; i < count; i++)
        {
            int p = at + (i * entry);
            palette[i] = (uint)(data[p] | (data[p + 1] << 8) | (data[p + 2] << 16));
        }
        return palette;
    }

    private static int Index(ReadOnlySpan<byte> line, int x, int bits)
    {
        int bit = x * bits;
        int shift = 8 - bits - (bit & 7);
        return (line[bit >> 3] >> shift) & ((1 << bits) - 1);
    }

    /// <summary>A pixel packed by bit fields, as 0xRRGGBB with each channel scaled to 8 bits.</summary>
    private static uint Fields(uint pixel, uint[] masks)
    {
        uint result = 0;
        for (int c = 0; c < 3; c++)
        {
            uint mask = masks[c];
            uint value = 0;
            if (mask != 0)
            {
                int shift = BitOperations.TrailingZeroCount(mask);
                uint max = mask >> shift;
                value = (uint)(((ulong)((pixel & mask) >> shift) * 255) / max);
            }
            result |= value << (16 - (8 * c));
        }
        return result;
    }

    private static void Need(ReadOnlySpan<byte> data, long length)
    {
        if (data.Length < length)
        {
            throw new InvalidDataException($"the bitmap is truncated ({data.Length} bytes, {length} needed)");
        }
    }
}
