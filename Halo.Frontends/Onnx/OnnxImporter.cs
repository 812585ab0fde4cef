using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>
/// Imports ONNX models (<c>.onnx</c> files) into the Halo IR. Operators resolve against the injected
/// <see cref="OperatorRegistry"/> at the model's opset versions; every unsupported operator is reported
/// (HALO1002) in one pass. External data is read only from inside the model's folder. Stateless and
/// thread-safe: concurrent imports share nothing but the immutable registry.
/// </summary>
/// <param name="registry">The operator schemas used to resolve nodes and infer their types.</param>
public sealed class OnnxImporter(OperatorRegistry registry) : IModelImporter
{
    private const string FormatName = "ONNX";

    private readonly OperatorRegistry _registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <inheritdoc />
    public string Format => "onnx";

    /// <inheritdoc />
    /// <remarks>True for paths ending in <c>.onnx</c> (any case).</remarks>
    public bool CanImport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ImportResult Import(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        var context = new OnnxImportContext(path, _registry, diagnostics, cancellationToken);
        HaloModel? model = null;
        try
        {
            if (!File.Exists(path))
            {
                diagnostics.Report(FrontendDiagnostics.FileUnreadable, ModelLocation.OfFile(path), path, "the file does not exist");
            }
            else if (OnnxProtoParser.ParseFile<ModelProto>(context, FormatName) is { } proto)
            {
                model = Build(proto, context);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not bad input: report it as an internal error rather than crash the caller.
            diagnostics.Report(CoreDiagnostics.InternalError, ModelLocation.OfFile(path), "the ONNX importer", e.Message);
            model = null;
        }
        return new ImportResult(model, diagnostics.ToImmutable());
    }

    private static HaloModel? Build(ModelProto proto, OnnxImportContext context)
    {
        if (proto.Graph is null)
        {
            context.Report(FrontendDiagnostics.MalformedModel, null, context.FilePath, FormatName, "the model has no graph");
            return null;
        }
        var opsets = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var o in proto.OpsetImport)
        {
            opsets[OperatorId.NormalizeDomain(o.Domain)] = o.Version;
        }
        if (opsets.Count == 0 && proto.IrVersion < 3)
        {
            // ONNX: IR versions before 3 had no opset_import and meant opset 1 of the default domain.
            opsets[OperatorId.DefaultDomain] = 1;
        }
        context.Opsets = opsets.ToImmutable();
        context.Functions = CollectFunctions(proto, context);
        var graph = new OnnxGraphImporter(context, outer: null, subgraphPath: null, context.Opsets).Import(proto.Graph);
        var metadata = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in proto.MetadataProps)
        {
            metadata[entry.Key] = entry.Value;
        }
        string producer = string.IsNullOrEmpty(proto.ProducerVersion) ? proto.ProducerName
            : (proto.ProducerName + " " + proto.ProducerVersion).Trim();
        return new HaloModel(graph)
        {
            OpsetImports = opsets.ToImmutable(),
            IrVersion = proto.IrVersion,
            Producer = producer,
            SourcePath = context.FilePath is null ? null : Path.GetFullPath(context.FilePath),
            Metadata = metadata.ToImmutable(),
        };
    }

    private static Dictionary<(string, string, string), FunctionProto> CollectFunctions(ModelProto proto, OnnxImportContext context)
    {
        var functions = new Dictionary<(string, string, string), FunctionProto>();
        foreach (var f in proto.Functions)
        {
            if (!functions.TryAdd((OperatorId.NormalizeDomain(f.Domain), f.Name, f.Overload), f))
            {
                context.Report(FrontendDiagnostics.InvalidFunction, null, f.Name, "the model", "the model defines it more than once");
            }
        }
        return functions;
    }
}
