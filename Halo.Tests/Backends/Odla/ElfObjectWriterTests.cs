using System.Buffers.Binary;
using System.Text;
using Halo.Backends.Odla.Elf;
using NUnit.Framework;

namespace Halo.Tests.Backends.Odla;

[TestFixture]
public sealed class ElfObjectWriterTests
{
    internal static byte[] WriteSample() => [.. ElfObjectWriter.Write(
        [new ElfSymbol("first", new byte[] { 1, 2, 3 }), new ElfSymbol("second", Enumerable.Range(0, 100).Select(i => (byte)i).ToArray())],
        ElfMachine.X86_64)];

    [Test]
    public void Write_Header_IsElf64LittleEndianRelocatable()
    {
        var elf = WriteSample();
        Assert.That(elf[..4], Is.EqualTo(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }));
        Assert.That(elf[4], Is.EqualTo(2), "ELFCLASS64");
        Assert.That(elf[5], Is.EqualTo(1), "little endian");
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(16)), Is.EqualTo(1), "ET_REL");
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(18)), Is.EqualTo(62), "EM_X86_64");
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(60)), Is.EqualTo(6), "sections");
    }

    [Test]
    public void Write_Symbols_AreGlobalObjects64ByteAlignedInRodata()
    {
        var elf = WriteSample();
        var sections = Sections(elf);
        var (rodataOffset, _) = sections[".rodata"];
        var (symtabOffset, symtabSize) = sections[".symtab"];
        var (strtabOffset, _) = sections[".strtab"];
        Assert.That(rodataOffset % 64, Is.Zero);
        Assert.That(symtabSize, Is.EqualTo(3 * 24));
        var symbols = new Dictionary<string, (long Value, long Size, byte Info)>();
        for (int i = 1; i < 3; i++)
        {
            var entry = elf.AsSpan((int)symtabOffset + (i * 24), 24);
            string name = CString(elf, (int)strtabOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(entry));
            symbols[name] = ((long)BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]), entry[4]);
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]), Is.EqualTo(1), "defined in .rodata");
        }
        Assert.That(symbols["first"], Is.EqualTo((0L, 3L, (byte)0x11)));
        Assert.That(symbols["second"], Is.EqualTo((64L, 100L, (byte)0x11)));
        Assert.That(elf[(int)rodataOffset + 64 + 99], Is.EqualTo(99));
    }

    [Test]
    public void Write_NoSymbols_IsStillValid()
    {
        var elf = ElfObjectWriter.Write([], ElfMachine.AArch64).ToArray();
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(18)), Is.EqualTo(183), "EM_AARCH64");
        Assert.That(Sections(elf)[".rodata"].Size, Is.Zero);
    }

    private static Dictionary<string, (long Offset, long Size)> Sections(byte[] elf)
    {
        long shoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(40));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(60));
        int names = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(62));
        long Field(int section, int at) => (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)shoff + (section * 64) + at));
        long namesOffset = Field(names, 24);
        var result = new Dictionary<string, (long, long)>();
        for (int s = 1; s < count; s++)
        {
            int name = (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)shoff + (s * 64)));
            result[CString(elf, (int)namesOffset + name)] = (Field(s, 24), Field(s, 32));
        }
        return result;
    }

    private static string CString(byte[] bytes, int offset) =>
        Encoding.UTF8.GetString(bytes, offset, Array.IndexOf(bytes, (byte)0, offset) - offset);
}
