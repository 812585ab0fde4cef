using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using NUnit.Framework;
using static Halo.Tests.Operators.Onnx.NeuralNetwork.Semantics.NnEval;

namespace Halo.Tests.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>ImageDecoder's reference semantics on images encoded in the test (the onnx-node BMP, PNG and PNM
/// cases run in the conformance suites).</summary>
[TestFixture]
public sealed class ImageDecoderKernelTests
{
    /// <summary>A 3x2 RGB image, top row first.</summary>
    private static readonly byte[] s_rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 200, 100, 0];

    private static TensorData Decode(byte[] encoded, string format = "RGB") =>
        Run("ImageDecoder", 20, [TensorData.FromBytes(ElementType.UInt8, [encoded.Length], encoded)], 1, ("pixel_format", format))[0];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Png_RgbWithEachFilter_DecodesPixels(int filter)
    {
        var png = Png(3, 2, colorType: 2, Filtered(s_rgb, 9, 3, filter));

        var image = Decode(png);

        Assert.That(image.Dimensions, Is.EqualTo(new long[] { 2, 3, 3 }));
        Assert.That(image.Bytes.ToArray(), Is.EqualTo(s_rgb));
    }

    [Test]
    public void Png_InterlacedGray_PlacesEveryPassPixel()
    {
        byte[] gray = [.. Enumerable.Range(0, 25).Select(i => (byte)(i * 10))];

        var image = Decode(Png(5, 5, colorType: 0, Adam7(gray, 5, 5), interlaced: true), "Grayscale");

        Assert.That(image.Dimensions, Is.EqualTo(new long[] { 5, 5, 1 }));
        Assert.That(image.Bytes.ToArray(), Is.EqualTo(gray));
    }

    [Test]
    public void Png_TwoBitPalette_LooksUpColours()
    {
        // Indices 3, 0, 1 packed MSB first: 11 00 01 00.
        byte[] palette = [0, 0, 0, 10, 20, 30, 0, 0, 0, 250, 251, 252];
        var png = Png(3, 1, colorType: 3, [0, 0b1100_0100], bitDepth: 2, palette: palette);

        Assert.That(Decode(png, "BGR").Bytes.ToArray(), Is.EqualTo(new byte[] { 252, 251, 250, 0, 0, 0, 30, 20, 10 }));
    }

    [Test]
    public void Bmp_24BitBottomUp_DecodesRowsTopFirst()
    {
        var bmp = Bmp24(3, 2, s_rgb);

        Assert.That(Decode(bmp).Bytes.ToArray(), Is.EqualTo(s_rgb));
    }

    [Test]
    public void Bmp_1BitPaletteTopDown_LooksUpColoursRowByRow()
    {
        // 40-byte header, two BGRX palette entries, height -2 (top-down), rows padded to 4 bytes: 10..., 01...
        var bmp = new byte[14 + 40 + 8 + 8];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 62);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), -2);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 1);
        byte[] palette = [30, 20, 10, 0, 3, 2, 1, 0];
        palette.CopyTo(bmp, 54);
        bmp[62] = 0b1000_0000;
        bmp[66] = 0b0100_0000;

        var image = Decode(bmp);

        Assert.That(image.Dimensions, Is.EqualTo(new long[] { 2, 2, 3 }));
        Assert.That(image.Bytes.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 10, 20, 30, 10, 20, 30, 1, 2, 3 }));
    }

    [Test]
    public void Pnm_PlainPixmapWithCommentAndMaxval15_ScalesTo255()
    {
        byte[] pnm = Encoding.ASCII.GetBytes("P3\n# two pixels\n2 1\n15\n15 0 0  5 10 15\n");

        Assert.That(Decode(pnm).Bytes.ToArray(), Is.EqualTo(new byte[] { 255, 0, 0, 85, 170, 255 }));
    }

    [Test]
    public void Pnm_RawGraymap16Bit_ScalesTo255AndRepeatsGray()
    {
        byte[] pnm = [.. Encoding.ASCII.GetBytes("P5 2 1 65535\n"), 0xFF, 0xFF, 0x00, 0x00];

        var image = Decode(pnm);

        Assert.That(image.Dimensions, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(image.Bytes.ToArray(), Is.EqualTo(new byte[] { 255, 255, 255, 0, 0, 0 }));
    }

    [Test]
    public void Grayscale_RgbPixels_UseLumaWeights()
    {
        var image = Decode(Bmp24(3, 2, s_rgb), "Grayscale");

        // 0.299 R + 0.587 G + 0.114 B, rounded: (255,0,0) -> 76, (0,255,0) -> 150, (0,0,255) -> 29.
        Assert.That(image.Bytes.ToArray()[..3], Is.EqualTo(new byte[] { 76, 150, 29 }));
    }

    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, "JPEG")]
    [TestCase(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "WebP")]
    [TestCase(new byte[] { 1, 2, 3, 4 }, "not a BMP, PNG or PNM image")]
    public void Decode_UnsupportedOrUnknownFormat_FailsNamingIt(byte[] data, string message)
    {
        Assert.That(() => Decode(data), Throws.TypeOf<EvaluationException>().With.Message.Contains(message));
    }

    [Test]
    public void Decode_TruncatedPng_FailsWithEvaluationError()
    {
        var png = Png(3, 2, colorType: 2, Filtered(s_rgb, 9, 3, 0));

        Assert.That(() => Decode(png[..40]), Throws.TypeOf<EvaluationException>().With.Message.Contains("PNG"));
    }

    private static byte[] Filtered(byte[] pixels, int stride, int bpp, int filter)
    {
        var result = new List<byte>();
        for (int y = 0; y < pixels.Length / stride; y++)
        {
            result.Add((byte)filter);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? pixels[(y * stride) + i - bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= bpp && y > 0 ? pixels[((y - 1) * stride) + i - bpp] : 0;
                int p = a + b - c;
                int predictor = filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => System.Math.Abs(p - a) <= System.Math.Abs(p - b) && System.Math.Abs(p - a) <= System.Math.Abs(p - c) ? a : System.Math.Abs(p - b) <= System.Math.Abs(p - c) ? b : c,
                    _ => 0,
                };
                result.Add((byte)(pixels[(y * stride) + i] - predictor));
            }
        }
        return [.. result];
    }

    /// <summary>Gray 8-bit samples split into the seven Adam7 passes, each row with filter 0.</summary>
    private static byte[] Adam7(byte[] gray, int width, int height)
    {
        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        var result = new List<byte>();
        foreach (var (x0, y0, dx, dy) in passes)
        {
            for (int y = y0; y < height; y += dy)
            {
                if (x0 >= width)
                {
                    break;
                }
                result.Add(0);
                for (int x = x0; x < width; x += dx)
                {
                    result.Add(gray[(y * width) + x]);
                }
            }
        }
        return [.. result];
    }

    private static byte[] Png(int width, int height, int colorType, byte[] raw, int bitDepth = 8, bool interlaced = false, byte[]? palette = null)
    {
        var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colorType;
        header[12] = interlaced ? (byte)1 : (byte)0;
        Chunk(file, "IHDR", header);
        if (palette is not null)
        {
            Chunk(file, "PLTE", palette);
        }
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        Chunk(file, "IDAT", compressed.ToArray());
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>Writes a chunk; the decoder does not check CRCs, so they are zero.</summary>
    private static void Chunk(Stream file, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        file.Write(length);
        file.Write(Encoding.ASCII.GetBytes(type));
        file.Write(body);
        file.Write(new byte[4]);
    }

    private static byte[] Bmp24(int width, int height, byte[] rgb)
    {
        int stride = ((width * 3) + 3) / 4 * 4;
        var bmp = new byte[54 + (stride * height)];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        for (int y = 0; y < height; y++)
        {
            // Bottom-up rows, B, G, R per pixel.
            int row = 54 + ((height - 1 - y) * stride);
            for (int x = 0; x < width; x++)
            {
                int p = ((y * width) + x) * 3;
                bmp[row + (3 * x)] = rgb[p + 2];
                bmp[row + (3 * x) + 1] = rgb[p + 1];
                bmp[row + (3 * x) + 2] = rgb[p];
            }
        }
        return bmp;
    }
}
