namespace Halo.Backends.Odla.Elf;

/// <summary>ELF <c>e_machine</c> values of the hosts the generated code is built on.</summary>
internal enum ElfMachine : ushort
{
    /// <summary>EM_X86_64.</summary>
    X86_64 = 62,
    /// <summary>EM_AARCH64.</summary>
    AArch64 = 183,
}
