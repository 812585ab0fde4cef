namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>A decoded image: <see cref="Height"/> rows of <see cref="Width"/> pixels, each three bytes R, G, B
/// (row-major, top row first). Gray images repeat the gray value; alpha is dropped.</summary>
internal sealed class DecodedImage
{
    /// <summary>The most pixels an image may have (about 268 million).</summary>
    // SECURITY: sizes come from the encoded header; refuse absurd ones before allocating.
    public const long MaxPixels = 1L << 28;

    /// <summary>Creates an image of the given size with black pixels.</summary>
    /// <exception cref="InvalidDataException">A size is not positive or the image is too large.</exception>
    public DecodedImage(long width, long height)
    {
        if (width <= 0 || height <= 0 || width * height > MaxPixels)
        {
            throw new InvalidDataException($"image size {width}x{height} is empty or larger than {MaxPixels} pixels");
        }
        Width = (int)width;
        Height = (int)height;
        Rgb = new byte[checked(Width * Height * 3)];
    }

    /// <summary>The number of columns.</summary>
    public int Width { get; }

    /// <summary>The number of rows.</summary>
    public int Height { get; }

    /// <summary>The pixels, R, G, B per pixel.</summary>
    public byte[] Rgb { get; }

    /// <summary>Sets pixel (<paramref name="x"/>, <paramref name="y"/>), row 0 at the top.</summary>
    public void Set(int x, int y, byte r, byte g, byte b)
    {
        int i = ((y * Width) + x) * 3;
        Rgb[i] = r;
        Rgb[i + 1] = g;
        Rgb[i + 2] = b;
    }

    /// <summary>Sets a gray pixel.</summary>
    public void SetGray(int x, int y, byte value) => Set(x, y, value, value, value);

    /// <summary>Scales a sample of <paramref name="max"/> levels to 0..255, rounding to nearest.</summary>
    public static byte Scale(int value, int max) => max == 255 ? (byte)value : (byte)(((System.Math.Min(value, max) * 255) + (max / 2)) / max);
}
