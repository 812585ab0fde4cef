namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>Reads the filtered scanlines of one PNG pass (or the whole image) and undoes the filters
/// (none, sub, up, average, Paeth) against the previous line; extracts pixels as 8-bit R, G, B.</summary>
internal sealed class PngScanlines
{
    private readonly PngHeader _header;
    private readonly int _bytesPerPixel;
    private byte[] _previous;
    private byte[] _current;

    public PngScanlines(PngHeader header, int width)
    {
        _header = header;
        int bitsPerPixel = header.Channels * header.BitDepth;
        _bytesPerPixel = System.Math.Max(1, bitsPerPixel / 8);
        int stride = checked((int)((((long)width * bitsPerPixel) + 7) / 8));
        _previous = new byte[stride];
        _current = new byte[stride];
    }

    /// <summary>Reads and unfilters the next line (the returned array is reused by the call after next).</summary>
    /// <exception cref="InvalidDataException">An unknown filter type.</exception>
    /// <exception cref="EndOfStreamException">The compressed data ends early.</exception>
    public byte[] Next(Stream inflater)
    {
        (_previous, _current) = (_current, _previous);
        int filter = inflater.ReadByte();
        if (filter < 0)
        {
            throw new EndOfStreamException("the compressed image data ends early");
        }
        inflater.ReadExactly(_current);
        byte[] line = _current, up = _previous;
        int bpp = _bytesPerPixel;
        for (int i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0;
            int upLeft = i >= bpp ? up[i - bpp] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up[i],
                3 => (left + up[i]) / 2,
                4 => Paeth(left, up[i], upLeft),
                _ => throw new InvalidDataException($"unknown PNG filter type {filter}"),
            });
        }
        return line;
    }

    /// <summary>Pixel <paramref name="x"/> of an unfiltered line.</summary>
    public (byte R, byte G, byte B) Pixel(byte[] line, int x, byte[] palette)
    {
        int depth = _header.BitDepth;
        if (_header.ColorType == PngHeader.Palette)
        {
            int index = Sample(line, x, 0, 1, depth) * 3;
            return index + 2 < palette.Length ? (palette[index], palette[index + 1], palette[index + 2]) : ((byte)0, (byte)0, (byte)0);
        }
        int channels = _header.Channels;
        if (channels <= 2)
        {
            int max = (1 << System.Math.Min(depth, 8)) - 1;
            byte gray = DecodedImage.Scale(Sample(line, x, 0, channels, depth), max);
            return (gray, gray, gray);
        }
        return ((byte)Sample(line, x, 0, channels, depth), (byte)Sample(line, x, 1, channels, depth), (byte)Sample(line, x, 2, channels, depth));
    }

    /// <summary>Sample <paramref name="c"/> of pixel <paramref name="x"/>; 16-bit samples give their high byte.</summary>
    private static int Sample(byte[] line, int x, int c, int channels, int depth)
    {
        if (depth >= 8)
        {
            int bytes = depth / 8;
            return line[(((x * channels) + c) * bytes)];
        }
        int bit = x * depth;
        return (line[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = System.Math.Abs(p - a), pb = System.Math.Abs(p - b), pc = System.Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
