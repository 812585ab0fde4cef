using System.Buffers.Binary;
using System.IO.Compression;

namespace Halo.Tests.TestSupport;

/// <summary>The MNIST images and labels of a gzip-compressed IDX pair (<c>t10k-images-idx3-ubyte.gz</c>,
/// <c>t10k-labels-idx1-ubyte.gz</c>), as in <c>../shared/corpora/datasets/mnist-test</c>.</summary>
internal sealed class MnistDataSet
{
    private const int ImagesMagic = 2051;
    private const int LabelsMagic = 2049;

    private readonly byte[] _pixels;

    private MnistDataSet(byte[] pixels, byte[] labels, int rows, int columns)
    {
        _pixels = pixels;
        Labels = labels;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The folder of the MNIST test split in the shared corpora.</summary>
    public static string TestDirectory => Path.Combine(RepositoryPaths.Corpora, "datasets", "mnist-test");

    public int Count => Labels.Length;

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Pixels per image (784).</summary>
    public int ImageSize => Rows * Columns;

    /// <summary>The digit of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>Reads the test split from <paramref name="directory"/> (default: <see cref="TestDirectory"/>).</summary>
    public static MnistDataSet LoadTest(string? directory = null)
    {
        directory ??= TestDirectory;
        byte[] images = ReadGzip(Path.Combine(directory, "t10k-images-idx3-ubyte.gz"));
        byte[] labels = ReadGzip(Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"));
        if (Header(images, 0) != ImagesMagic || Header(labels, 0) != LabelsMagic)
        {
            throw new InvalidDataException("Not an IDX image/label pair.");
        }
        int count = Header(images, 1);
        int rows = Header(images, 2);
        int columns = Header(images, 3);
        if (Header(labels, 1) != count || images.Length != 16 + (long)count * rows * columns || labels.Length != 8 + count)
        {
            throw new InvalidDataException("The IDX files disagree on the image count or are truncated.");
        }
        return new MnistDataSet(images[16..], labels[8..], rows, columns);
    }

    /// <summary>Images <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 as
    /// row-major floats [count, 784], each pixel divided by 255.</summary>
    public float[] Pixels(int start, int count)
    {
        var result = new float[count * ImageSize];
        var source = _pixels.AsSpan(start * ImageSize, count * ImageSize);
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = source[i] / 255f;
        }
        return result;
    }

    private static int Header(byte[] bytes, int index) => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(index * 4, 4));

    private static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
