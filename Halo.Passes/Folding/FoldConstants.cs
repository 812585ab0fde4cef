using Halo.Core.Compilation;
using Halo.Core.Diagnostics;
using Halo.Core.IR;
using Halo.Passes.Inference;

namespace Halo.Passes.Folding;

/// <summary>
/// Computes at compile time every operation whose operands are all constants, with the operators' reference
/// semantics (the same truth the interpreter's fallback and the reference backend use), and Shape/Size of
/// operands whose shape is static. Chains such as Shape → Gather → Concat → Reshape on static shapes fold away.
/// Random operators are never folded.
/// </summary>
public sealed class FoldConstants : IGraphPass
{
    /// <summary>HALO3001: an operation could not be folded because its reference semantics rejected the constants.</summary>
    public static readonly DiagnosticDescriptor FoldingFailed = new("HALO3001", "Constant folding failed",
        "Operation {0} has constant operands but evaluating it failed: {1}; it is left to run at inference time",
        DiagnosticCategory.Pass, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public string Name => "fold-constants";

    /// <inheritdoc />
    public PassStage Stage => PassStage.Optimize;

    /// <inheritdoc />
    public HaloModel Run(HaloModel model, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var folder = new ConstantFolder(context.Registry);
        var graph = folder.Rewrite(model.Graph);
        if (!ReferenceEquals(graph, model.Graph))
        {
            // A folded shape operand (Reshape's target, Expand's shape...) lets inference refine its consumers' types,
            // which later passes and code generation rely on (shufflenet's Reshape chain kept [1,?,28,28] otherwise).
            graph = new TypeReinferrer(context.Registry).Rewrite(graph);
        }
        foreach (var (op, message) in folder.Failures)
        {
            context.Report(FoldingFailed, model.Graph.LocationOf(op) with { FilePath = model.SourcePath }, op.Operator, message);
        }
        return model.WithGraph(graph);
    }
}
