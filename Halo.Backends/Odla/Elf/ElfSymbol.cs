namespace Halo.Backends.Odla.Elf;

/// <summary>A global read-only data object of an ELF relocatable object.</summary>
/// <param name="Name">The symbol name.</param>
/// <param name="Data">The bytes.</param>
internal sealed record ElfSymbol(string Name, ReadOnlyMemory<byte> Data);
