using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Halo.Core.Diagnostics;
using Halo.Odla.Native.Diagnostics;

namespace Halo.Odla.Native.Loading;

/// <summary>
/// A compiled model (shared library built from the generated <c>NAME.cc</c>/<c>NAME.c</c>) loaded into this process.
/// Loading resolves the ODLA contract's entry points <c>NAME_init</c>, <c>NAME_run</c> and <c>NAME_fini</c> and calls
/// <c>NAME_init</c> once; <see cref="Dispose"/> calls <c>NAME_fini</c> once and unloads the library.
/// </summary>
/// <remarks>
/// Thread safety: by default <see cref="Run"/> calls are serialized with a lock, so one instance may be shared by
/// threads. Libraries whose runtime allows concurrent executions may be loaded with <c>serializeRuns: false</c>;
/// then <see cref="Dispose"/> must not race with <see cref="Run"/>. The library's dependencies (the ODLA runtime
/// <c>libodla_*.so</c>) are found through its run path (<c>$ORIGIN</c>), as the dynamic loader does.
/// Ownership: the caller disposes the instance; an undisposed one is unloaded by its finalizer without <c>NAME_fini</c>.
/// </remarks>
public sealed unsafe class CompiledModelLibrary : IDisposable
{
    // PERF: model calls take a handful of buffers; pointer tables up to this size live on the stack.
    private const int StackBufferLimit = 64;

    private readonly ModelLibraryHandle _handle;
    private readonly delegate* unmanaged[Cdecl]<void**, void**, int> _run;
    private readonly delegate* unmanaged[Cdecl]<void> _fini;
    private readonly Lock? _runLock;
    private readonly Lock _lifetimeLock = new();
    private bool _disposed;

    private CompiledModelLibrary(string path, string entryName, ModelLibraryHandle handle, nint run, nint fini, bool serializeRuns)
    {
        LibraryPath = path;
        EntryName = entryName;
        _handle = handle;
        _run = (delegate* unmanaged[Cdecl]<void**, void**, int>)run;
        _fini = (delegate* unmanaged[Cdecl]<void>)fini;
        _runLock = serializeRuns ? new Lock() : null;
    }

    /// <summary>The full path of the loaded library.</summary>
    public string LibraryPath { get; }

    /// <summary>The entry name (<c>NAME</c> of <c>NAME_run</c>).</summary>
    public string EntryName { get; }

    /// <summary>
    /// Loads <paramref name="libraryPath"/>, resolves <c>NAME_init</c>, <c>NAME_run</c>, <c>NAME_fini</c> for
    /// <paramref name="entryName"/> and calls <c>NAME_init</c>. The caller owns (disposes) the result.
    /// </summary>
    /// <param name="libraryPath">The shared library; relative paths are taken from the current folder, never probed.</param>
    /// <param name="entryName">The entry name the code generator used (e.g. <c>mnist_simple</c>).</param>
    /// <param name="serializeRuns">Whether <see cref="Run"/> takes a lock (the default).</param>
    /// <exception cref="NativeModelException">HALO5010 when the library cannot be loaded, HALO5011 when an entry point is missing.</exception>
    public static CompiledModelLibrary Load(string libraryPath, string entryName, bool serializeRuns = true) =>
        TryLoad(libraryPath, entryName, out CompiledModelLibrary? library, out Diagnostic? diagnostic, serializeRuns)
            ? library
            : throw new NativeModelException(diagnostic);

    /// <summary>Like <see cref="Load"/>, but reports a failure as <paramref name="diagnostic"/> (HALO5010, HALO5011).</summary>
    public static bool TryLoad(string libraryPath, string entryName, [NotNullWhen(true)] out CompiledModelLibrary? library,
        [NotNullWhen(false)] out Diagnostic? diagnostic, bool serializeRuns = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryPath);
        ArgumentException.ThrowIfNullOrEmpty(entryName);
        library = null;
        string fullPath = Path.GetFullPath(libraryPath);
        ModelLocation location = ModelLocation.OfFile(libraryPath);
        if (!File.Exists(fullPath))
        {
            diagnostic = Diagnostic.Create(NativeDiagnostics.LibraryLoadFailed, location, libraryPath, "the file does not exist");
            return false;
        }
        ModelLibraryHandle handle;
        try
        {
            // A full path: NativeLibrary.Load does not probe other folders for it.
            handle = new ModelLibraryHandle(NativeLibrary.Load(fullPath));
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            diagnostic = Diagnostic.Create(NativeDiagnostics.LibraryLoadFailed, location, libraryPath, LoaderReason(e.Message));
            return false;
        }
        string? missing = null;
        nint init = Export(handle, entryName + "_init", ref missing);
        nint run = Export(handle, entryName + "_run", ref missing);
        nint fini = Export(handle, entryName + "_fini", ref missing);
        if (missing is not null)
        {
            handle.Dispose();
            diagnostic = Diagnostic.Create(NativeDiagnostics.MissingEntryPoint, location, libraryPath, missing, entryName);
            return false;
        }
        ((delegate* unmanaged[Cdecl]<void>)init)();
        library = new CompiledModelLibrary(fullPath, entryName, handle, run, fini, serializeRuns);
        diagnostic = null;
        return true;
    }

    /// <summary>
    /// Runs the model once: pins the buffers and calls <c>NAME_run(const void* const* inputs, void* const* outputs)</c>.
    /// Buffers are in the generated entry's order (graph inputs, then graph outputs), dense, row-major, of the
    /// element type and size the model declares (e.g. 1*784 float32 = 3136 bytes).
    /// </summary>
    /// <param name="inputs">One buffer per model input; read only by the native code.</param>
    /// <param name="outputs">One buffer per model output; written by the native code.</param>
    /// <exception cref="NativeModelException">HALO5012 when <c>NAME_run</c> returns a non-zero status.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public void Run(ReadOnlySpan<ReadOnlyMemory<byte>> inputs, ReadOnlySpan<Memory<byte>> outputs)
    {
        // SECURITY: the native code trusts that each buffer is as large as the model's tensor; callers size them from
        // the model's types (the generated NAME.h), this method cannot check it.
        int status;
        bool added = false;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _handle.DangerousAddRef(ref added);
            status = _runLock is null ? Invoke(inputs, outputs) : InvokeLocked(inputs, outputs);
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
        if (status != 0)
        {
            throw new NativeModelException(Diagnostic.Create(NativeDiagnostics.RunFailed, ModelLocation.OfFile(LibraryPath),
                EntryName + "_run", status));
        }
    }

    /// <summary>Calls <c>NAME_fini</c> (once) and unloads the library. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_runLock ?? _lifetimeLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _fini();
        }
        _handle.Dispose();
    }

    private int InvokeLocked(ReadOnlySpan<ReadOnlyMemory<byte>> inputs, ReadOnlySpan<Memory<byte>> outputs)
    {
        lock (_runLock!)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Invoke(inputs, outputs);
        }
    }

    private int Invoke(ReadOnlySpan<ReadOnlyMemory<byte>> inputs, ReadOnlySpan<Memory<byte>> outputs)
    {
        int count = inputs.Length + outputs.Length;
        Span<nint> pointers = count <= StackBufferLimit ? stackalloc nint[count] : new nint[count];
        var pins = new MemoryHandle[count];
        try
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                pins[i] = inputs[i].Pin();
                pointers[i] = (nint)pins[i].Pointer;
            }
            for (int i = 0; i < outputs.Length; i++)
            {
                pins[inputs.Length + i] = outputs[i].Pin();
                pointers[inputs.Length + i] = (nint)pins[inputs.Length + i].Pointer;
            }
            fixed (nint* table = pointers)
            {
                return _run((void**)table, (void**)(table + inputs.Length));
            }
        }
        finally
        {
            foreach (MemoryHandle pin in pins)
            {
                pin.Dispose();
            }
        }
    }

    /// <summary>
    /// The dynamic loader's own reason (<c>libodla_reference.so: cannot open shared object file</c>, <c>wrong ELF
    /// class</c>...), which .NET puts on the last line of its message after generic advice.
    /// </summary>
    private static string LoaderReason(string message)
    {
        string[] lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "the dynamic loader gave no reason" : lines[^1].TrimEnd('.');
    }

    private static nint Export(ModelLibraryHandle handle, string name, ref string? firstMissing)
    {
        if (handle.TryGetExport(name, out nint address))
        {
            return address;
        }
        firstMissing ??= name;
        return 0;
    }
}
