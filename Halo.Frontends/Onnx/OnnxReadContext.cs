using Halo.Core.Diagnostics;

namespace Halo.Frontends.Onnx;

/// <summary>What reading ONNX messages needs: where the file is (for locations and external data) and
/// where problems go. One per import or tensor-file read; not thread-safe.</summary>
internal class OnnxReadContext(string? filePath, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
{
    private ExternalDataReader? _external;

    /// <summary>The model or tensor file, or null when reading from memory.</summary>
    public string? FilePath { get; } = filePath;

    /// <summary>The folder that external data must stay inside, or null when external data is not allowed.</summary>
    public string? BaseDirectory { get; } = filePath is null ? null : Path.GetDirectoryName(Path.GetFullPath(filePath));

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ExternalDataReader External => _external ??= new ExternalDataReader(this);

    public ModelLocation FileLocation => ModelLocation.OfFile(FilePath);

    public void Report(DiagnosticDescriptor descriptor, ModelLocation? location, params object?[] arguments) =>
        Diagnostics.Report(descriptor, location ?? FileLocation, arguments);
}
