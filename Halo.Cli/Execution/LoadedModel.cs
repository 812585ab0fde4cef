using System.Collections.Immutable;
using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Semantics;
using Halo.Frontends.Onnx;

namespace Halo.Cli.Execution;

/// <summary>A model imported, verified and prepared on a backend, or the diagnostics that stopped it.</summary>
internal sealed class LoadedModel : IDisposable
{
    private LoadedModel(HaloModel? model, IPreparedModel? prepared, ImmutableArray<Diagnostic> diagnostics)
    {
        Model = model;
        Prepared = prepared;
        Diagnostics = diagnostics;
    }

    public HaloModel? Model { get; }

    public IPreparedModel? Prepared { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool Ok => Prepared is not null && !Diagnostics.Any(d => d.IsError);

    public static LoadedModel Load(CompilationPipeline pipeline, string path, IModelExecutor executor, string? format)
    {
        var compilation = pipeline.CreateCompilation(path, HaloCompilationOptions.Default with { Format = format });
        var model = compilation.GetModel();
        var bag = new DiagnosticBag();
        bag.AddRange(compilation.GetDiagnostics());
        var prepared = model is null || bag.HasErrors ? null : executor.Prepare(model, bag);
        return new LoadedModel(model, prepared, bag.ToImmutable());
    }

    /// <summary>Reads an ONNX data file as a value of <paramref name="type"/>; null with diagnostics when it cannot.</summary>
    public static RuntimeValue? ReadValue(string path, Halo.Core.IR.Types.IrType type, DiagnosticBag diagnostics)
    {
        var result = OnnxTensorFile.Read(path, type);
        diagnostics.AddRange(result.Diagnostics);
        if (result.HasErrors || result.Value is null)
        {
            return null;
        }
        try
        {
            return result.Value.ToRuntimeValue(type);
        }
        catch (NotSupportedException e)
        {
            diagnostics.Report(ExecutionDiagnostics.ExecutionFailed, ModelLocation.OfFile(path), e.Message);
            return null;
        }
    }

    public void Dispose() => Prepared?.Dispose();
}
