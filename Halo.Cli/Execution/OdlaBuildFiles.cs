using System.Security.Cryptography;
using System.Text;

namespace Halo.Cli.Execution;

/// <summary>Content hashes and crash-safe writes for the <c>odla-reference</c> build cache.</summary>
internal static class OdlaBuildFiles
{
    /// <summary>A lower-case hex SHA-256 of the parts (each length-prefixed, so that boundaries count).</summary>
    public static string Hash(IEnumerable<ReadOnlyMemory<byte>> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var part in parts)
        {
            BitConverter.TryWriteBytes(length, (long)part.Length);
            hash.AppendData(length);
            hash.AppendData(part.Span);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A hash of texts.</summary>
    public static string Hash(params IEnumerable<string> parts) => Hash(parts.Select(p => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(p)));

    /// <summary>A hash of the files under <paramref name="folder"/> (names and contents), e.g. the ODLA headers.</summary>
    public static string HashFolder(string folder) => Hash(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .SelectMany(f => new ReadOnlyMemory<byte>[] { Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, f)), File.ReadAllBytes(f) }));

    /// <summary>Writes <paramref name="bytes"/> unless the file already holds them; through a temporary name and a
    /// rename, so that another process never reads a half-written file.</summary>
    public static void WriteIfChanged(string path, ReadOnlySpan<byte> bytes)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }
        string temporary = TemporaryBeside(path);
        File.WriteAllBytes(temporary, bytes.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A unique temporary name in the folder of <paramref name="path"/>, with the same extension.</summary>
    public static string TemporaryBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Guid.NewGuid().ToString("N") + Path.GetExtension(path));
}
