using System.Collections.Immutable;
using Google.Protobuf;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.TensorFlow.Operators;
using Halo.Frontends.TensorFlow.Protos;

namespace Halo.Frontends.TensorFlow;

/// <summary>
/// Imports frozen TensorFlow graphs (binary <c>GraphDef</c> protobuf, <c>.pb</c> files) into the Halo IR as
/// ONNX-domain operations. Placeholders become graph inputs (unknown sizes become symbolic dimensions), Const
/// nodes constants, and the outputs are the nodes nobody consumes (other than Const, NoOp and Placeholder) unless the caller
/// names them. Every unsupported operator is reported (HALO1101) before anything is converted. Stateless and
/// thread-safe.
/// </summary>
/// <param name="registry">The operator schemas used to infer the types of the converted operations.</param>
public sealed class TensorFlowImporter(OperatorRegistry registry) : IModelImporter
{
    /// <summary>The ONNX opset the converted operations are resolved at.</summary>
    internal const long OnnxOpset = 18;

    private const string FormatName = "TensorFlow GraphDef";

    /// <summary>ONNX: a ModelProto starts with field 1 (ir_version) as a varint, tag byte 0x08; in a GraphDef, field
    /// 1 (node) is length-delimited, so no GraphDef starts with that byte.</summary>
    private const byte OnnxModelFirstByte = 0x08;

    private readonly OperatorRegistry _registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <inheritdoc />
    public string Format => "tf";

    /// <inheritdoc />
    /// <remarks>True for paths ending in <c>.pb</c> (any case) whose content does not start like an ONNX model
    /// (those need <c>-x onnx</c>); a missing or unreadable <c>.pb</c> file is claimed, so that the import reports it.</remarks>
    public bool CanImport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".pb", StringComparison.OrdinalIgnoreCase) && !StartsLikeOnnxModel(path);
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ImportResult Import(string path, CancellationToken cancellationToken) =>
        Import(path, outputs: null, cancellationToken);

    /// <summary>Imports the GraphDef at <paramref name="path"/> with the given graph outputs.</summary>
    /// <param name="path">The GraphDef file.</param>
    /// <param name="outputs">Output names (<c>node</c> or <c>node:k</c>), in order; null for the nodes whose outputs
    /// nobody consumes (other than Const, NoOp and Placeholder), in GraphDef order.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The model, or null with diagnostics when the graph cannot be imported.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ImportResult Import(string path, IReadOnlyList<string>? outputs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        var context = new TensorFlowImportContext(path, _registry, diagnostics, cancellationToken);
        HaloModel? model = null;
        try
        {
            if (Parse(path, context) is { } graph)
            {
                model = Build(graph, outputs, context);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not bad input: report it as an internal error rather than crash the caller.
            diagnostics.Report(CoreDiagnostics.InternalError, ModelLocation.OfFile(path), "the TensorFlow importer", e.Message);
            model = null;
        }
        return new ImportResult(diagnostics.HasErrors ? null : model, diagnostics.ToImmutable());
    }

    private static HaloModel? Build(GraphDef graph, IReadOnlyList<string>? outputs, TensorFlowImportContext context)
    {
        var imported = new TensorFlowGraphImporter(context, TensorFlowOperatorTable.Default).Import(graph, outputs);
        if (imported is null)
        {
            return null;
        }
        int producer = graph.Versions?.Producer ?? graph.Version;
        return new HaloModel(imported)
        {
            OpsetImports = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [KeyValuePair.Create(OperatorId.DefaultDomain, OnnxOpset)]),
            Producer = producer > 0 ? $"TensorFlow GraphDef (producer {producer})" : "TensorFlow GraphDef",
            SourcePath = Path.GetFullPath(context.FilePath!),
        };
    }

    private static GraphDef? Parse(string path, TensorFlowImportContext context)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length > int.MaxValue)
            {
                context.Report(FrontendDiagnostics.MalformedModel, context.FileLocation, path, FormatName, "protobuf files are limited to 2 GiB");
                return null;
            }
            // SECURITY: bounded nesting; GraphDef messages nest only a few levels deep.
            using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, 100);
            var graph = new GraphDef();
            graph.MergeFrom(input);
            return graph;
        }
        catch (InvalidProtocolBufferException e)
        {
            context.Report(FrontendDiagnostics.MalformedModel, context.FileLocation, path, FormatName, e.Message.TrimEnd('.'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            context.Report(FrontendDiagnostics.FileUnreadable, context.FileLocation, path, e.Message);
        }
        return null;
    }

    private static bool StartsLikeOnnxModel(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return stream.ReadByte() == OnnxModelFirstByte;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
