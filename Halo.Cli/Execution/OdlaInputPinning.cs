using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Core.Operators;
using Halo.Passes.Shapes;

namespace Halo.Cli.Execution;

/// <summary>
/// ODLA code needs static shapes: before generating code, the odla executors pin an unknown batch (a symbolic or
/// unknown first dimension of an input whose other dimensions are static) to 1 and settle the graph, as
/// <c>halo compile</c> does (<see cref="InputShapeOptions.UnknownBatchAsOne"/>).
/// </summary>
internal static class OdlaInputPinning
{
    private static readonly InputShapeOptions s_unknownBatchAsOne = new() { UnknownBatchAsOne = true };

    /// <summary>The model with its unknown batch pinned (or with the input shapes of <paramref name="options"/>), or null
    /// with the pass's diagnostics when pinning failed.</summary>
    public static HaloModel? Pin(HaloModel model, OperatorRegistry registry, DiagnosticBag diagnostics, InputShapeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pipeline = new CompilationPipeline([], [new PinInputShapes(options ?? s_unknownBatchAsOne)], registry);
        var compilation = pipeline.CreateCompilation(model, HaloCompilationOptions.Default with { Verify = false });
        var pinned = compilation.GetModel();
        var errors = compilation.GetDiagnostics().Where(d => d.IsError).ToList();
        diagnostics.AddRange(errors);
        return errors.Count == 0 ? pinned : null;
    }
}
