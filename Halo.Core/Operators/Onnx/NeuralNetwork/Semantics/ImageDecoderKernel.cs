using System.Collections.Immutable;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>ImageDecoder (20): decodes a BMP, PNG or PNM byte stream into an (H, W, C) uint8 image, C = 3 for
/// RGB and BGR, 1 for Grayscale. Other formats (JPEG, JPEG 2000, TIFF, WebP, GIF) need codecs .NET does not
/// ship and fail with an evaluation error that names the format.</summary>
internal static class ImageDecoderKernel
{
    /// <summary>ImageDecoder (20).</summary>
    public static void ImageDecoder(EvaluationContext ctx)
    {
        string format = ctx.GetString("pixel_format", "RGB") ?? "RGB";
        if (format is not ("RGB" or "BGR" or "Grayscale"))
        {
            ctx.Fail($"pixel_format '{format}' must be RGB, BGR or Grayscale");
        }
        var stream = ctx.Tensor(0);
        if (stream.Dimensions.Length != 1)
        {
            ctx.Fail($"the encoded stream must be one-dimensional, not {stream.Type}");
        }
        var image = Decode(ctx, stream.Bytes.Span);
        int pixels = image.Width * image.Height;
        byte[] output;
        if (format == "Grayscale")
        {
            output = new byte[pixels];
            for (int i = 0; i < pixels; i++)
            {
                // ONNX (Pillow's convert("L")): ITU-R 601-2 luma in 16-bit fixed point, rounded.
                int r = image.Rgb[3 * i], g = image.Rgb[(3 * i) + 1], b = image.Rgb[(3 * i) + 2];
                output[i] = (byte)(((r * 19595) + (g * 38470) + (b * 7471) + 0x8000) >> 16);
            }
        }
        else if (format == "BGR")
        {
            output = new byte[pixels * 3];
            for (int i = 0; i < pixels; i++)
            {
                output[3 * i] = image.Rgb[(3 * i) + 2];
                output[(3 * i) + 1] = image.Rgb[(3 * i) + 1];
                output[(3 * i) + 2] = image.Rgb[3 * i];
            }
        }
        else
        {
            output = image.Rgb;
        }
        long channels = format == "Grayscale" ? 1 : 3;
        ctx.SetOutput(0, TensorData.FromBytes(ElementType.UInt8, ImmutableArray.Create<long>(image.Height, image.Width, channels), output));
    }

    private static DecodedImage Decode(EvaluationContext ctx, ReadOnlySpan<byte> data)
    {
        string kind = PngImageDecoder.Matches(data) ? "PNG" : BmpImageDecoder.Matches(data) ? "BMP" : PnmImageDecoder.Matches(data) ? "PNM" : string.Empty;
        if (kind.Length == 0)
        {
            ctx.Fail(UnsupportedFormat(data) is { } name
                ? $"{name} images cannot be decoded here (BMP, PNG and PNM can); decode it before the model or use a runtime with a {name} codec"
                : "the encoded stream is not a BMP, PNG or PNM image");
        }
        try
        {
            return kind switch
            {
                "PNG" => PngImageDecoder.Decode(data),
                "BMP" => BmpImageDecoder.Decode(data),
                _ => PnmImageDecoder.Decode(data),
            };
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or OverflowException)
        {
            ctx.Fail($"cannot decode the {kind} image: {e.Message}");
            throw;
        }
    }

    /// <summary>The name of a known image format this kernel does not decode, by its magic bytes, or null.</summary>
    private static string? UnsupportedFormat(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [0xFF, 0x4F, 0xFF, 0x51, ..] or [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, ..] => "JPEG 2000",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "TIFF",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
        _ => null,
    };
}
