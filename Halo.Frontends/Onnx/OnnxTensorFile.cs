using Google.Protobuf;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>
/// Reads and writes ONNX data files: a serialized <c>TensorProto</c> (the backend tests'
/// <c>input_K.pb</c>/<c>output_K.pb</c>), or a <c>SequenceProto</c>, <c>MapProto</c>, <c>OptionalProto</c> or
/// <c>SparseTensorProto</c>. The file's bytes do not say which message it holds; pick the reader from the
/// model's declared type (<see cref="Read(string, IrType?)"/>). Malformed files give diagnostics, never
/// exceptions. External tensor data is read only from the file's own folder. Thread-safe.
/// </summary>
public static class OnnxTensorFile
{
    /// <summary>Reads a dense tensor file.</summary>
    public static OnnxValueReadResult ReadTensor(string path) =>
        Read<TensorProto>(path, "ONNX tensor", OnnxValueConverter.FromTensor);

    /// <summary>Reads a sparse tensor file.</summary>
    public static OnnxValueReadResult ReadSparseTensor(string path) =>
        Read<SparseTensorProto>(path, "ONNX sparse tensor", OnnxValueConverter.FromSparse);

    /// <summary>Reads a sequence file.</summary>
    public static OnnxValueReadResult ReadSequence(string path) =>
        Read<SequenceProto>(path, "ONNX sequence", OnnxValueConverter.FromSequence);

    /// <summary>Reads a map file.</summary>
    public static OnnxValueReadResult ReadMap(string path) =>
        Read<MapProto>(path, "ONNX map", OnnxValueConverter.FromMap);

    /// <summary>Reads an optional file.</summary>
    public static OnnxValueReadResult ReadOptional(string path) =>
        Read<OptionalProto>(path, "ONNX optional", OnnxValueConverter.FromOptional);

    /// <summary>Reads the file with the reader that <paramref name="expectedType"/> calls for (a sequence,
    /// map, optional or sparse tensor type picks that reader; a tensor type or null reads a tensor).</summary>
    public static OnnxValueReadResult Read(string path, IrType? expectedType) => expectedType switch
    {
        SequenceType => ReadSequence(path),
        MapType => ReadMap(path),
        OptionalType => ReadOptional(path),
        SparseTensorType => ReadSparseTensor(path),
        _ => ReadTensor(path),
    };

    /// <summary>Writes <paramref name="tensor"/> as a serialized <c>TensorProto</c> (raw little-endian data,
    /// or string elements), replacing the file.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteTensor(string path, TensorData tensor, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensor);
        var proto = new TensorProto { DataType = (int)tensor.ElementType };
        proto.Dims.AddRange(tensor.Dimensions);
        if (!string.IsNullOrEmpty(name))
        {
            proto.Name = name;
        }
        if (tensor.ElementType == ElementType.String)
        {
            proto.StringData.AddRange(tensor.Strings.Select(ByteString.CopyFromUtf8));
        }
        else
        {
            proto.RawData = ByteString.CopyFrom(tensor.Bytes.Span);
        }
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        proto.WriteTo(stream);
    }

    private static OnnxValueReadResult Read<T>(string path, string formatName, Func<T, OnnxReadContext, OnnxValue?> convert)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        var context = new OnnxReadContext(path, diagnostics);
        OnnxValue? value = null;
        if (!File.Exists(path))
        {
            diagnostics.Report(FrontendDiagnostics.FileUnreadable, ModelLocation.OfFile(path), path, "the file does not exist");
        }
        else if (OnnxProtoParser.ParseFile<T>(context, formatName) is { } proto)
        {
            value = convert(proto, context);
        }
        return new OnnxValueReadResult(diagnostics.HasErrors ? null : value, diagnostics.ToImmutable());
    }
}
