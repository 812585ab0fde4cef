using System.Text;

namespace Halo.Backends.Odla.Elf;

/// <summary>An ELF string table: NUL-terminated UTF-8 names after a leading NUL; <see cref="Add"/> returns the offset.</summary>
internal sealed class StringTable
{
    private readonly List<byte> _bytes = [0];
    private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);

    public long Length => _bytes.Count;

    public uint Add(string name)
    {
        if (!_offsets.TryGetValue(name, out uint offset))
        {
            offset = (uint)_bytes.Count;
            _bytes.AddRange(Encoding.UTF8.GetBytes(name));
            _bytes.Add(0);
            _offsets[name] = offset;
        }
        return offset;
    }

    public byte[] ToArray() => [.. _bytes];
}
