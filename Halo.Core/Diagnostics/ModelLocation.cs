using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Halo.Core.Diagnostics;

/// <summary>
/// Where a diagnostic points: the model file and, when it concerns a node, the node's name, operator,
/// index in its graph and the path of subgraphs (for If/Loop/Scan bodies) that holds it.
/// </summary>
public sealed record ModelLocation
{
    /// <summary>No location.</summary>
    public static ModelLocation None { get; } = new();

    /// <summary>The model file, or null.</summary>
    public string? FilePath { get; init; }

    /// <summary>The node name, or null.</summary>
    public string? NodeName { get; init; }

    /// <summary>The operator (type) of the node, or null.</summary>
    public string? Operator { get; init; }

    /// <summary>The index of the node in its graph, or -1.</summary>
    public int NodeIndex { get; init; } = -1;

    /// <summary>Names of the enclosing subgraph attributes, outermost first (e.g. <c>loop1/body</c>).</summary>
    public string? SubgraphPath { get; init; }

    /// <summary>A location for a whole file.</summary>
    public static ModelLocation OfFile(string? filePath) => new() { FilePath = filePath };

    /// <summary>A location for one node.</summary>
    public static ModelLocation OfNode(string? filePath, string? nodeName, string? op, int nodeIndex) =>
        new() { FilePath = filePath, NodeName = nodeName, Operator = op, NodeIndex = nodeIndex };

    /// <summary>The bracketed node part of the MSBuild-style form: <c>[node 'conv1', Conv #3]</c>, or empty.</summary>
    public string NodeSuffix()
    {
        if (NodeName is null && Operator is null && NodeIndex < 0)
        {
            return string.Empty;
        }
        var sb = new StringBuilder("[node");
        if (!string.IsNullOrEmpty(NodeName))
        {
            sb.Append(" '").Append(NodeName).Append('\'');
        }
        if (Operator is not null)
        {
            sb.Append(NodeName is null ? " " : ", ").Append(Operator);
        }
        if (NodeIndex >= 0)
        {
            sb.Append(" #").Append(NodeIndex.ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(SubgraphPath))
        {
            sb.Append(" in ").Append(SubgraphPath);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Several source locations of a fused node, joined.</summary>
    public static ImmutableArray<ModelLocation> Fuse(params ModelLocation[] locations) => [.. locations.Distinct()];
}
