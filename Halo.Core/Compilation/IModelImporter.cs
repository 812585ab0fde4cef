namespace Halo.Core.Compilation;

/// <summary>A frontend: reads one model format into a <see cref="IR.HaloModel"/>. Implementations are
/// stateless and thread-safe; a malformed model becomes diagnostics, never an exception.</summary>
public interface IModelImporter
{
    /// <summary>The format name used by <c>-x</c> (<c>onnx</c>, <c>tf</c>, <c>tflite</c>, <c>caffe</c>).</summary>
    string Format { get; }

    /// <summary>Whether this importer handles <paramref name="path"/> (by extension or content).</summary>
    bool CanImport(string path);

    /// <summary>Imports the model at <paramref name="path"/>.</summary>
    ImportResult Import(string path, CancellationToken cancellationToken = default);
}
