using System.Buffers.Binary;
using System.IO.Compression;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Decodes PNG images (all colour types and bit depths, Adam7 interlacing) with
/// <see cref="ZLibStream"/>: 16-bit samples keep their high byte, alpha and transparency are dropped.</summary>
internal static class PngImageDecoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Adam7 passes: first column, first row, column step, row step.</summary>
    private static readonly (int X, int Y, int Dx, int Dy)[] s_adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary>Whether <paramref name="data"/> starts with the PNG signature.</summary>
    public static bool Matches(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>Decodes <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The data is malformed or truncated.</exception>
    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        PngHeader? header = null;
        byte[] palette = [];
        using var compressed = new MemoryStream();
        int pos = Signature.Length;
        while (true)
        {
            if (data.Length - pos < 12)
            {
                throw new InvalidDataException("the PNG ends before its IEND chunk");
            }
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            if (length > data.Length - pos - 12)
            {
                throw new InvalidDataException($"chunk at byte {pos} runs past the end of the data");
            }
            string type = System.Text.Encoding.ASCII.GetString(data.Slice(pos + 4, 4));
            var body = data.Slice(pos + 8, (int)length);
            pos += 12 + (int)length;
            switch (type)
            {
                case "IHDR":
                    header = PngHeader.Parse(body);
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(body);
                    break;
                case "IEND":
                    return Decode(header ?? throw new InvalidDataException("the PNG has no IHDR chunk"), palette, compressed);
                default:
                    break;
            }
        }
    }

    private static DecodedImage Decode(PngHeader header, byte[] palette, MemoryStream compressed)
    {
        var image = new DecodedImage(header.Width, header.Height);
        if (header.ColorType == PngHeader.Palette && palette.Length < 3)
        {
            throw new InvalidDataException("a palette image has no PLTE chunk");
        }
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var passes = header.Interlaced ? s_adam7 : [(0, 0, 1, 1)];
        foreach (var (x0, y0, dx, dy) in passes)
        {
            int width = (image.Width - x0 + dx - 1) / dx;
            int height = (image.Height - y0 + dy - 1) / dy;
            if (width <= 0 || height <= 0)
            {
                continue;
            }
            var lines = new PngScanlines(header, width);
            for (int row = 0; row < height; row++)
            {
                // ReadExactly throws EndOfStreamException when the compressed data is short.
                var line = lines.Next(inflater);
                for (int col = 0; col < width; col++)
                {
                    var (r, g, b) = lines.Pixel(line, col, palette);
                    image.Set(x0 + (col * dx), y0 + (row * dy), r, g, b);
                }
            }
        }
        return image;
    }
}
