using System.Collections.Immutable;
using System.Text;

namespace Halo.Backends.Odla.Elf;

/// <summary>
/// Writes an ELF64 little-endian relocatable object (<c>ET_REL</c>) that defines one global <c>STT_OBJECT</c> symbol per
/// blob in <c>.rodata</c>, each 64-byte aligned, with <c>.symtab</c>, <c>.strtab</c>, <c>.shstrtab</c> and an empty
/// <c>.note.GNU-stack</c> (no executable stack). The linker treats it like any compiled object file.
/// </summary>
internal static class ElfObjectWriter
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;
    private const int DataAlignment = 64;
    private const ushort RodataIndex = 1;
    private const ushort SymtabIndex = 2;
    private const ushort StrtabIndex = 3;
    private const ushort ShstrtabIndex = 4;
    private const ushort SectionCount = 6;

    public static ImmutableArray<byte> Write(IReadOnlyList<ElfSymbol> symbols, ElfMachine machine)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var rodata = new MemoryStream();
        var offsets = new long[symbols.Count];
        for (int i = 0; i < symbols.Count; i++)
        {
            Pad(rodata, DataAlignment);
            offsets[i] = rodata.Length;
            rodata.Write(symbols[i].Data.Span);
        }
        var strtab = new StringTable();
        var symtab = new MemoryStream();
        using (var w = new BinaryWriter(symtab, Encoding.UTF8, leaveOpen: true))
        {
            WriteSymbol(w, 0, 0, 0, 0, 0);
            for (int i = 0; i < symbols.Count; i++)
            {
                // STB_GLOBAL << 4 | STT_OBJECT
                WriteSymbol(w, strtab.Add(symbols[i].Name), 0x11, RodataIndex, offsets[i], symbols[i].Data.Length);
            }
        }
        var shstrtab = new StringTable();
        uint[] names = [0, shstrtab.Add(".rodata"), shstrtab.Add(".symtab"), shstrtab.Add(".strtab"), shstrtab.Add(".shstrtab"),
            shstrtab.Add(".note.GNU-stack")];

        var file = new MemoryStream();
        file.SetLength(HeaderSize);
        file.Position = HeaderSize;
        long rodataOffset = Append(file, rodata.ToArray(), DataAlignment);
        long symtabOffset = Append(file, symtab.ToArray(), 8);
        long strtabOffset = Append(file, strtab.ToArray(), 1);
        long shstrtabOffset = Append(file, shstrtab.ToArray(), 1);
        long noteOffset = file.Length;
        Pad(file, 8);
        long sectionHeaders = file.Length;
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            WriteSection(w, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            WriteSection(w, names[1], 1 /* SHT_PROGBITS */, 2 /* SHF_ALLOC */, rodataOffset, rodata.Length, 0, 0, DataAlignment, 0);
            WriteSection(w, names[2], 2 /* SHT_SYMTAB */, 0, symtabOffset, symtab.Length, StrtabIndex, 1 /* first global */, 8, SymbolSize);
            WriteSection(w, names[3], 3 /* SHT_STRTAB */, 0, strtabOffset, strtab.Length, 0, 0, 1, 0);
            WriteSection(w, names[4], 3 /* SHT_STRTAB */, 0, shstrtabOffset, shstrtab.Length, 0, 0, 1, 0);
            WriteSection(w, names[5], 1 /* SHT_PROGBITS */, 0, noteOffset, 0, 0, 0, 1, 0);
            file.Position = 0;
            WriteHeader(w, machine, sectionHeaders);
        }
        return [.. file.ToArray()];
    }

    private static void WriteHeader(BinaryWriter w, ElfMachine machine, long sectionHeaders)
    {
        w.Write([0x7f, (byte)'E', (byte)'L', (byte)'F', 2 /* ELFCLASS64 */, 1 /* ELFDATA2LSB */, 1 /* EV_CURRENT */, 0 /* SYSV */]);
        w.Write(new byte[8]);
        w.Write((ushort)1); // ET_REL
        w.Write((ushort)machine);
        w.Write(1u); // e_version
        w.Write(0UL); // e_entry
        w.Write(0UL); // e_phoff
        w.Write((ulong)sectionHeaders);
        w.Write(0u); // e_flags
        w.Write((ushort)HeaderSize);
        w.Write((ushort)0); // e_phentsize
        w.Write((ushort)0); // e_phnum
        w.Write((ushort)SectionHeaderSize);
        w.Write(SectionCount);
        w.Write(ShstrtabIndex);
    }

    private static void WriteSymbol(BinaryWriter w, uint name, byte info, ushort section, long value, long size)
    {
        w.Write(name);
        w.Write(info);
        w.Write((byte)0); // st_other: STV_DEFAULT
        w.Write(section);
        w.Write((ulong)value);
        w.Write((ulong)size);
    }

    private static void WriteSection(BinaryWriter w, uint name, uint type, ulong flags, long offset, long size, uint link, uint info,
        ulong alignment, ulong entrySize)
    {
        w.Write(name);
        w.Write(type);
        w.Write(flags);
        w.Write(0UL); // sh_addr
        w.Write((ulong)offset);
        w.Write((ulong)size);
        w.Write(link);
        w.Write(info);
        w.Write(alignment);
        w.Write(entrySize);
    }

    private static long Append(MemoryStream file, byte[] bytes, int alignment)
    {
        Pad(file, alignment);
        long offset = file.Length;
        file.Position = offset;
        file.Write(bytes);
        return offset;
    }

    private static void Pad(MemoryStream stream, int alignment)
    {
        long padded = (stream.Length + alignment - 1) / alignment * alignment;
        stream.SetLength(padded);
        stream.Position = padded;
    }
}
