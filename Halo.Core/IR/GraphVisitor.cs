using Halo.Core.IR.Green;

namespace Halo.Core.IR;

/// <summary>
/// Walks a graph's nodes in topological order (producers first) and dispatches on the node kind.
/// Results of earlier nodes are available through <see cref="ResultOf"/>. Not thread-safe; one visitor per walk.
/// </summary>
/// <typeparam name="TResult">What a visit computes per node.</typeparam>
public abstract class GraphVisitor<TResult>
{
    private readonly Dictionary<GreenNode, TResult> _results = [];

    /// <summary>Visits every node of <paramref name="graph"/> in topological order.</summary>
    public void VisitGraph(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (var green in graph.TopologicalOrder)
        {
            _results[green] = Visit(graph.GetNode(green));
        }
    }

    /// <summary>Dispatches <paramref name="node"/> to the method for its kind.</summary>
    public TResult Visit(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            GreenNodeKind.Input => VisitInput(node),
            GreenNodeKind.Constant => VisitConstant(node),
            GreenNodeKind.Op => VisitOp(node),
            GreenNodeKind.Capture => VisitCapture(node),
            _ => DefaultVisit(node),
        };
    }

    /// <summary>The result computed for an already visited node.</summary>
    protected TResult ResultOf(GreenNode node) => _results[node];

    /// <summary>Visits a graph input.</summary>
    protected virtual TResult VisitInput(Node node) => DefaultVisit(node);

    /// <summary>Visits a constant.</summary>
    protected virtual TResult VisitConstant(Node node) => DefaultVisit(node);

    /// <summary>Visits an operation.</summary>
    protected virtual TResult VisitOp(Node node) => DefaultVisit(node);

    /// <summary>Visits a captured outer value.</summary>
    protected virtual TResult VisitCapture(Node node) => DefaultVisit(node);

    /// <summary>Fallback for every kind not overridden.</summary>
    protected abstract TResult DefaultVisit(Node node);
}
