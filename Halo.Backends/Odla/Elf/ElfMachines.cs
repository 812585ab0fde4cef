using System.Runtime.InteropServices;

namespace Halo.Backends.Odla.Elf;

/// <summary>Picks the host's machine.</summary>
internal static class ElfMachines
{
    public static ElfMachine Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? ElfMachine.AArch64 : ElfMachine.X86_64;
}
