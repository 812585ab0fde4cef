using System.Collections.Immutable;

namespace Halo.Odla.Native.Toolchain;

/// <summary>
/// One build: compile <see cref="Sources"/> (in parallel) and link them with <see cref="Objects"/> into
/// <see cref="OutputPath"/>. Immutable; change with <c>with</c>.
/// </summary>
public sealed record NativeBuildRequest
{
    /// <summary>C (<c>.c</c>) and C++ (<c>.cc</c>, <c>.cpp</c>, <c>.cxx</c>) sources; the language follows the extension.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>Prebuilt objects linked as they are: <c>.o</c> files, the ELF weights object <c>NAME.bin</c>, static archives.</summary>
    public ImmutableArray<string> Objects { get; init; } = [];

    /// <summary>The file to produce (e.g. <c>out/libmnist.so</c>); its folder is created when missing.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Shared library (default) or executable.</summary>
    public NativeOutputKind Kind { get; init; } = NativeOutputKind.SharedLibrary;

    /// <summary>How the sources are compiled.</summary>
    public CompilerOptions Compile { get; init; } = CompilerOptions.Default;

    /// <summary>How the objects are linked.</summary>
    public LinkOptions Link { get; init; } = LinkOptions.Default;

    /// <summary>
    /// The build of a generated model: <paramref name="source"/> (<c>NAME.cc</c> or <c>NAME.c</c>) and, when given, the
    /// weights object <c>NAME.bin</c>, compiled against the ODLA headers and linked against the runtime library with
    /// run paths <c>$ORIGIN</c> and the runtime's folder, into the shared library <paramref name="outputPath"/>.
    /// </summary>
    /// <param name="source">The generated source.</param>
    /// <param name="weightsObject">The generated ELF weights object, or null (weights emitted as C, or none).</param>
    /// <param name="includeDirectory">The folder that holds <c>ODLA/odla.h</c>.</param>
    /// <param name="runtimeLibraryPath">The runtime library, e.g. <c>.../runtimes/linux-x64/native/libodla_reference.so</c>.</param>
    /// <param name="outputPath">The shared library to produce, e.g. <c>out/libmnist.so</c>.</param>
    public static NativeBuildRequest ForOdlaModel(string source, string? weightsObject, string includeDirectory, string runtimeLibraryPath,
        string outputPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(includeDirectory);
        ArgumentException.ThrowIfNullOrEmpty(runtimeLibraryPath);
        string runtimeFolder = Path.GetDirectoryName(Path.GetFullPath(runtimeLibraryPath))!;
        string runtimeFile = Path.GetFileName(runtimeLibraryPath);
        // -lNAME finds libNAME.so; any other file name is linked by its exact name (-l:FILE).
        string library = runtimeFile.StartsWith("lib", StringComparison.Ordinal) && runtimeFile.EndsWith(".so", StringComparison.Ordinal)
            ? runtimeFile[3..^3]
            : ":" + runtimeFile;
        return new NativeBuildRequest
        {
            Sources = [source],
            Objects = weightsObject is null ? [] : [weightsObject],
            OutputPath = outputPath,
            Compile = CompilerOptions.Default with { IncludeDirectories = [includeDirectory] },
            Link = LinkOptions.Default with { LibraryDirectories = [runtimeFolder], Libraries = [library], RunPaths = ["$ORIGIN", runtimeFolder] },
        };
    }

    /// <inheritdoc />
    public bool Equals(NativeBuildRequest? other) =>
        other is not null && Sources.SequenceEqual(other.Sources) && Objects.SequenceEqual(other.Objects)
        && OutputPath == other.OutputPath && Kind == other.Kind && Compile.Equals(other.Compile) && Link.Equals(other.Link);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OutputPath, Kind, Sources.Length, Objects.Length);
}
