using Halo.Core.Compilation;
using Halo.Passes.Extraction;
using Halo.Passes.Fusion;
using Halo.Passes.Layout;
using Halo.Passes.Shapes;

namespace Halo.Passes.Options;

/// <summary>Turns <see cref="CompilePassOptions"/> into the ordered passes that implement them.</summary>
public static class CompilePasses
{
    /// <summary>
    /// The passes the options select, in the order they must run: <see cref="ExtractSubgraph"/> (so that
    /// <c>--input-shape</c> may name a value that becomes an input), <see cref="PinInputShapes"/> (which re-infers and
    /// folds), <see cref="FuseBias"/>, then <see cref="ReorderDataLayout"/>. Their stages (Canonicalize, Optimize,
    /// Lower) keep that order among the standard passes; run them after <c>FoldConstants</c> of the standard passes
    /// so that bias fusion sees folded constants. Empty when no option is set.
    /// </summary>
    public static IReadOnlyList<IGraphPass> Create(CompilePassOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var passes = new List<IGraphPass>();
        if (!options.Subgraph.IsEmpty)
        {
            passes.Add(new ExtractSubgraph(options.Subgraph));
        }
        if (!options.InputShapes.IsEmpty)
        {
            passes.Add(new PinInputShapes(options.InputShapes));
        }
        if (options.BiasFusion.ConvBias || options.BiasFusion.MatMulBias)
        {
            passes.Add(new FuseBias(options.BiasFusion));
        }
        if (options.DataLayout is { } layout)
        {
            passes.Add(new ReorderDataLayout(layout));
        }
        return passes;
    }
}
