using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Halo.Core.Diagnostics;
using Halo.Odla.Native.Diagnostics;

namespace Halo.Odla.Native.Toolchain;

/// <summary>
/// A located C/C++ compiler driver (GCC or Clang) that compiles sources to objects and links objects into shared
/// libraries or executables. Failures are diagnostics (HALO5001-HALO5008) carrying the tool's own messages, never
/// exceptions; only cancellation throws (<see cref="OperationCanceledException"/>). Immutable and thread-safe: one
/// instance may run many builds at once.
/// </summary>
public sealed partial class NativeToolchain
{
    private NativeToolchain(CompilerDriver driver, NativeToolchainOptions options)
    {
        Driver = driver;
        Options = options;
    }

    /// <summary>The full path of the compiler driver in use.</summary>
    public string CompilerPath => Driver.Path;

    /// <summary>The options this toolchain was found with.</summary>
    public NativeToolchainOptions Options { get; }

    internal CompilerDriver Driver { get; }

    /// <summary>
    /// Finds a compiler as <see cref="NativeToolchainOptions.CompilerPath"/> says (or by the bounded search described
    /// there); on failure <paramref name="diagnostic"/> is HALO5001.
    /// </summary>
    public static bool TryFind(NativeToolchainOptions options, [NotNullWhen(true)] out NativeToolchain? toolchain,
        [NotNullWhen(false)] out Diagnostic? diagnostic) =>
        TryFind(options, Environment.GetEnvironmentVariable, out toolchain, out diagnostic);

    internal static bool TryFind(NativeToolchainOptions options, Func<string, string?> environment,
        [NotNullWhen(true)] out NativeToolchain? toolchain, [NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(options);
        CompilerDriver? driver = CompilerLocator.Find(options, environment, out string tried);
        if (driver is null)
        {
            toolchain = null;
            diagnostic = Diagnostic.Create(NativeDiagnostics.CompilerNotFound, null, tried);
            return false;
        }
        toolchain = new NativeToolchain(driver, options);
        diagnostic = null;
        return true;
    }

    /// <summary>
    /// Compiles one source (C for <c>.c</c>, C++ for <c>.cc</c>/<c>.cpp</c>/<c>.cxx</c>) to <paramref name="objectPath"/>.
    /// Errors are HALO5002 (one per compiler error line), HALO5004, HALO5005 or HALO5006; warnings HALO5007.
    /// </summary>
    public async Task<NativeBuildResult> CompileAsync(string sourcePath, string objectPath, CompilerOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentException.ThrowIfNullOrEmpty(objectPath);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        SourceLanguage language = SourceLanguages.Of(sourcePath);
        if (!CheckInput(sourcePath, language == SourceLanguage.Unknown ? "is not a C (.c) or C++ (.cc, .cpp, .cxx) source" : null, diagnostics))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }
        string fullObject = Path.GetFullPath(objectPath);
        if (!TryCreateFolderOf(fullObject, objectPath, diagnostics))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }
        List<string> args = CompilerArguments.ForCompile(Driver, language, Path.GetFullPath(sourcePath), fullObject, options);
        ProcessResult run = await ProcessRunner.RunAsync(Driver.Path, args, null, Options.Timeout, cancellationToken).ConfigureAwait(false);
        ModelLocation location = ModelLocation.OfFile(sourcePath);
        if (ReportToolFailure(run, "compiling '" + sourcePath + "'", location, diagnostics))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }
        ImmutableArray<CompilerMessage> messages = CompilerMessageParser.Parse(run.AllOutput);
        foreach (CompilerMessage message in messages.Where(m => m.IsError || m.IsWarning).Take(CompilerMessageParser.MaxMessages))
        {
            diagnostics.Add(Diagnostic.Create(message.IsError ? NativeDiagnostics.CompilationFailed : NativeDiagnostics.CompilerWarning,
                ModelLocation.OfFile(message.FilePath), Path.GetFileName(sourcePath), message.RawLine));
        }
        if (run.ExitCode != 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(Diagnostic.Create(NativeDiagnostics.CompilationFailed, location, Path.GetFileName(sourcePath),
                CompilerMessageParser.Tail(run.AllOutput)));
        }
        return new NativeBuildResult(fullObject, diagnostics.ToImmutable(), fromCache: false);
    }

    /// <summary>
    /// Links objects (and prebuilt objects such as the weights <c>NAME.bin</c>) into <paramref name="outputPath"/>.
    /// Errors are HALO5003 (one per linker error line), HALO5004, HALO5005 or HALO5006.
    /// </summary>
    /// <param name="objects">The objects and archives, in link order.</param>
    /// <param name="outputPath">The library or executable to write; its folder is created when missing.</param>
    /// <param name="kind">Shared library or executable.</param>
    /// <param name="options">Library folders, libraries and run paths.</param>
    /// <param name="linkCxxRuntime">Whether any object is C++, so a C driver must add the C++ standard library.</param>
    /// <param name="cancellationToken">Stops the linker.</param>
    public Task<NativeBuildResult> LinkAsync(IReadOnlyList<string> objects, string outputPath, NativeOutputKind kind,
        LinkOptions options, bool linkCxxRuntime = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(options);
        return LinkCoreAsync(objects, outputPath, outputPath, kind, options, linkCxxRuntime, cancellationToken);
    }

    /// <summary>Links to <paramref name="outputPath"/>, naming <paramref name="displayPath"/> in diagnostics (a build links to a temporary name).</summary>
    private async Task<NativeBuildResult> LinkCoreAsync(IReadOnlyList<string> objects, string outputPath, string displayPath,
        NativeOutputKind kind, LinkOptions options, bool linkCxxRuntime, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (!objects.All(o => CheckInput(o, null, diagnostics)))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }
        string fullOutput = Path.GetFullPath(outputPath);
        if (!TryCreateFolderOf(fullOutput, displayPath, diagnostics))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }
        List<string> args = CompilerArguments.ForLink(Driver, objects.Select(Path.GetFullPath), fullOutput, kind, options, linkCxxRuntime);
        ProcessResult run = await ProcessRunner.RunAsync(Driver.Path, args, null, Options.Timeout, cancellationToken).ConfigureAwait(false);
        ModelLocation location = ModelLocation.OfFile(displayPath);
        if (ReportToolFailure(run, "linking '" + displayPath + "'", location, diagnostics))
        {
            return new NativeBuildResult(null, diagnostics.ToImmutable(), fromCache: false);
        }
        if (run.ExitCode != 0)
        {
            ImmutableArray<string> errors = CompilerMessageParser.LinkerErrors(run.AllOutput);
            foreach (string line in errors.IsEmpty ? [CompilerMessageParser.Tail(run.AllOutput)] : errors)
            {
                diagnostics.Add(Diagnostic.Create(NativeDiagnostics.LinkFailed, location, displayPath, line.Replace(fullOutput, displayPath, StringComparison.Ordinal)));
            }
        }
        return new NativeBuildResult(fullOutput, diagnostics.ToImmutable(), fromCache: false);
    }

    private bool ReportToolFailure(ProcessResult run, string what, ModelLocation location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (!run.Started)
        {
            diagnostics.Add(Diagnostic.Create(NativeDiagnostics.ToolStartFailed, location, Driver.Path, run.StartError));
            return true;
        }
        if (run.TimedOut)
        {
            string seconds = Options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            diagnostics.Add(Diagnostic.Create(NativeDiagnostics.ToolTimedOut, location, char.ToUpperInvariant(what[0]) + what[1..], seconds));
            return true;
        }
        return false;
    }

    /// <summary>Runs a file-system step on an output; an I/O failure (read-only folder, a file in the way) is HALO5009.</summary>
    private static bool TryWriteOutput(Action write, string displayPath, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(NativeDiagnostics.OutputNotWritable, ModelLocation.OfFile(displayPath), displayPath, e.Message.TrimEnd('.')));
            return false;
        }
    }

    private static bool TryCreateFolderOf(string fullPath, string displayPath, ImmutableArray<Diagnostic>.Builder diagnostics) =>
        TryWriteOutput(() => Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!), displayPath, diagnostics);

    private static bool CheckInput(string path, string? problem, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        problem ??= File.Exists(path) ? null : "does not exist";
        if (problem is null)
        {
            return true;
        }
        diagnostics.Add(Diagnostic.Create(NativeDiagnostics.InvalidBuildInput, ModelLocation.OfFile(path), path, problem));
        return false;
    }
}
