using System.Globalization;
using Halo.Core.Diagnostics;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>
/// Reads tensor bytes stored outside the model (ONNX external data). SECURITY: only files inside the
/// model's folder are read: absolute paths, <c>..</c> escapes and symbolic links that resolve outside
/// are rejected by comparing real paths, and offset and length are checked against the file size first.
/// </summary>
internal sealed class ExternalDataReader(OnnxReadContext context)
{
    private const int MaxLinkHops = 40;
    private string? _realBase;

    /// <summary>The bytes of <paramref name="tensor"/>'s external data, or null after a diagnostic;
    /// <paramref name="expectedBytes"/> is the byte count its type and shape require.</summary>
    public byte[]? Read(TensorProto tensor, string tensorName, long expectedBytes, ModelLocation location)
    {
        if (!TryReadKeys(tensor, tensorName, location, out string? locationKey, out long offset, out long? length))
        {
            return null;
        }
        if (string.IsNullOrEmpty(locationKey))
        {
            return Fail(tensorName, location, "the 'location' key is missing");
        }
        string? path = Confine(locationKey, tensorName, location);
        if (path is null)
        {
            return null;
        }
        long fileLength;
        try
        {
            fileLength = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(tensorName, location, e.Message);
        }
        long available = offset <= fileLength ? fileLength - offset : -1;
        long count = length ?? available;
        if (available < 0 || count > available)
        {
            return Fail(tensorName, location,
                $"offset {offset} and length {count} lie outside '{locationKey}' ({fileLength} bytes)");
        }
        if (count != expectedBytes)
        {
            context.Report(FrontendDiagnostics.InvalidTensor, location, tensorName,
                $"its shape and type need {expectedBytes} bytes, but its external data has {count}");
            return null;
        }
        return ReadRange(path, offset, count, tensorName, location);
    }

    /// <summary>The location, offset and length entries; false after a diagnostic for a malformed number.</summary>
    private bool TryReadKeys(TensorProto tensor, string tensorName, ModelLocation location, out string? locationKey,
        out long offset, out long? length)
    {
        locationKey = null;
        offset = 0;
        length = null;
        foreach (var entry in tensor.ExternalData)
        {
            if (entry.Key == "location")
            {
                locationKey = entry.Value;
            }
            else if (entry.Key is "offset" or "length")
            {
                if (!TryParse(entry.Value, out long value))
                {
                    Fail(tensorName, location, $"{entry.Key} '{entry.Value}' is not a non-negative integer");
                    return false;
                }
                if (entry.Key == "offset")
                {
                    offset = value;
                }
                else
                {
                    length = value;
                }
            }
        }
        return true;
    }

    private byte[]? ReadRange(string path, long offset, long count, string tensorName, ModelLocation location)
    {
        if (count > Array.MaxLength)
        {
            return Fail(tensorName, location, $"{count} bytes do not fit in one buffer");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[count];
            stream.Position = offset;
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(tensorName, location, e.Message);
        }
    }

    /// <summary>The real path of <paramref name="relative"/> when it lies inside the base folder, else null.</summary>
    private string? Confine(string relative, string tensorName, ModelLocation location)
    {
        if (context.BaseDirectory is null)
        {
            return Fail<string>(tensorName, location, "external data needs a model file on disk to resolve its location");
        }
        // SECURITY: reject absolute and rooted paths outright (also 'C:x' and '\\server' forms).
        if (Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return Fail<string>(tensorName, location, $"location '{relative}' is absolute; it must be relative to the model's folder");
        }
        _realBase ??= RealPath(context.BaseDirectory);
        string candidate = Path.GetFullPath(Path.Combine(context.BaseDirectory, relative));
        // SECURITY: '..' escapes are caught lexically, symbolic links by comparing real paths.
        if (!IsInside(candidate, Path.GetFullPath(context.BaseDirectory)))
        {
            return Fail<string>(tensorName, location, $"location '{relative}' points outside the model's folder");
        }
        if (!File.Exists(candidate))
        {
            return Fail<string>(tensorName, location, $"file '{relative}' does not exist next to the model");
        }
        string? real = RealPath(candidate);
        if (real is null || _realBase is null || !IsInside(real, _realBase))
        {
            return Fail<string>(tensorName, location, $"location '{relative}' resolves outside the model's folder");
        }
        return real;
    }

    private static bool IsInside(string path, string folder)
    {
        string prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>Resolves every symbolic link along <paramref name="path"/>, component by component; null
    /// when a link cannot be resolved or links chain too long.</summary>
    internal static string? RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar,
            StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int hops = 0;
        while (pending.Count > 0)
        {
            string next = Path.Combine(current, pending.Pop());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops)
            {
                return null;
            }
            string resolved = Path.GetFullPath(target, current);
            string resolvedRoot = Path.GetPathRoot(resolved) ?? string.Empty;
            foreach (string part in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar,
                StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(part);
            }
            current = resolvedRoot;
        }
        return current;
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private byte[]? Fail(string tensorName, ModelLocation location, string reason) => Fail<byte[]>(tensorName, location, reason);

    private T? Fail<T>(string tensorName, ModelLocation location, string reason)
        where T : class
    {
        context.Report(FrontendDiagnostics.ExternalDataInvalid, location, tensorName, reason);
        return null;
    }
}
