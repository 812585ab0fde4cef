namespace Halo.Odla.Native.Toolchain;

/// <summary>What a link produces.</summary>
public enum NativeOutputKind
{
    /// <summary>A shared library (<c>-shared</c>, e.g. <c>libmnist.so</c>) loadable by <see cref="Loading.CompiledModelLibrary"/>.</summary>
    SharedLibrary,
    /// <summary>An executable.</summary>
    Executable,
}
