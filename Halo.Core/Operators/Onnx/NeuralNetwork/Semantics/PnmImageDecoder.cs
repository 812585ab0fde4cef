namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Decodes Netpbm images: P1/P4 (bitmap, 1 = black), P2/P5 (graymap), P3/P6 (pixmap), in plain (ASCII)
/// or raw form, with any maxval up to 65535 (scaled to 8 bits; raw samples above 255 are two bytes, big-endian).</summary>
internal static class PnmImageDecoder
{
    /// <summary>Whether <paramref name="data"/> starts like a Netpbm image.</summary>
    public static bool Matches(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == (byte)'P' && data[1] is >= (byte)'1' and <= (byte)'6';

    /// <summary>Decodes <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The data is malformed or truncated.</exception>
    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        int kind = data[1] - '0';
        int pos = 2;
        long width = ReadNumber(data, ref pos);
        long height = ReadNumber(data, ref pos);
        int max = kind is 1 or 4 ? 1 : (int)ReadNumber(data, ref pos);
        if (max is < 1 or > 65535)
        {
            throw new InvalidDataException($"maxval {max} is outside 1..65535");
        }
        var image = new DecodedImage(width, height);
        int channels = kind is 3 or 6 ? 3 : 1;
        if (kind <= 3)
        {
            ReadPlain(data, pos, image, channels, max, kind == 1);
        }
        else
        {
            // ONNX/Netpbm: exactly one whitespace byte separates the header from the raster.
            ReadRaw(data, pos + 1, image, channels, max, kind == 4);
        }
        return image;
    }

    private static void ReadPlain(ReadOnlySpan<byte> data, int pos, DecodedImage image, int channels, int max, bool bitmap)
    {
        Span<int> sample = stackalloc int[3];
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    // Plain bitmaps may run their 0/1 digits together.
                    sample[c] = bitmap ? ReadBit(data, ref pos) : (int)ReadNumber(data, ref pos);
                }
                Store(image, x, y, sample, channels, max, bitmap);
            }
        }
    }

    private static void ReadRaw(ReadOnlySpan<byte> data, int pos, DecodedImage image, int channels, int max, bool bitmap)
    {
        int bytesPerSample = max > 255 ? 2 : 1;
        long rowBytes = bitmap ? (image.Width + 7) / 8 : (long)image.Width * channels * bytesPerSample;
        if (pos > data.Length || data.Length - pos < rowBytes * image.Height)
        {
            throw new InvalidDataException("the raster is truncated");
        }
        Span<int> sample = stackalloc int[3];
        for (int y = 0; y < image.Height; y++)
        {
            var row = data.Slice(pos + (int)(y * rowBytes), (int)rowBytes);
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int i = (x * channels) + c;
                    sample[c] = bitmap ? (row[x >> 3] >> (7 - (x & 7))) & 1
                        : bytesPerSample == 1 ? row[i] : (row[2 * i] << 8) | row[(2 * i) + 1];
                }
                Store(image, x, y, sample, channels, max, bitmap);
            }
        }
    }

    private static void Store(DecodedImage image, int x, int y, ReadOnlySpan<int> sample, int channels, int max, bool bitmap)
    {
        if (bitmap)
        {
            image.SetGray(x, y, sample[0] == 1 ? (byte)0 : (byte)255);
        }
        else if (channels == 1)
        {
            image.SetGray(x, y, DecodedImage.Scale(sample[0], max));
        }
        else
        {
            image.Set(x, y, DecodedImage.Scale(sample[0], max), DecodedImage.Scale(sample[1], max), DecodedImage.Scale(sample[2], max));
        }
    }

    private static void SkipSpaceAndComments(ReadOnlySpan<byte> data, ref int pos)
    {
        while (pos < data.Length && (IsSpace(data[pos]) || data[pos] == (byte)'#'))
        {
            if (data[pos] == (byte)'#')
            {
                while (pos < data.Length && data[pos] is not ((byte)'\n' or (byte)'\r'))
                {
                    pos++;
                }
            }
            else
            {
                pos++;
            }
        }
    }

    private static long ReadNumber(ReadOnlySpan<byte> data, ref int pos)
    {
        SkipSpaceAndComments(data, ref pos);
        long value = 0;
        int start = pos;
        while (pos < data.Length && data[pos] is >= (byte)'0' and <= (byte)'9' && value <= int.MaxValue)
        {
            value = (value * 10) + (data[pos++] - '0');
        }
        return pos > start && value <= int.MaxValue ? value : throw new InvalidDataException($"expected a number at byte {start}");
    }

    private static int ReadBit(ReadOnlySpan<byte> data, ref int pos)
    {
        SkipSpaceAndComments(data, ref pos);
        return pos < data.Length && data[pos] is (byte)'0' or (byte)'1' ? data[pos++] - '0'
            : throw new InvalidDataException($"expected 0 or 1 at byte {pos}");
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
