using Google.Protobuf.Collections;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>Rewrites cloned function bodies: substitutes attribute references and renames the values that
/// nested subgraphs take from the function's scope. Recursion follows subgraph nesting only, which the
/// parser's recursion limit bounds.</summary>
internal static class OnnxGraphRewriter
{
    /// <summary>Replaces each attribute with a <c>ref_attr_name</c> by the referenced value (renamed), or
    /// removes it when the call provides none; renames outer values used inside subgraph attributes.</summary>
    public static void SubstituteAttributes(RepeatedField<AttributeProto> attributes,
        IReadOnlyDictionary<string, AttributeProto> values, Func<string, string> rename)
    {
        for (int i = attributes.Count - 1; i >= 0; i--)
        {
            var a = attributes[i];
            if (a.HasRefAttrName)
            {
                if (values.TryGetValue(a.RefAttrName, out var value))
                {
                    var copy = value.Clone();
                    copy.Name = a.Name;
                    copy.ClearRefAttrName();
                    attributes[i] = copy;
                }
                else
                {
                    attributes.RemoveAt(i);
                }
                continue;
            }
            if (a.G is not null)
            {
                RenameFreeValues(a.G, values, rename);
            }
            foreach (var g in a.Graphs)
            {
                RenameFreeValues(g, values, rename);
            }
        }
    }

    /// <summary>Renames the values <paramref name="graph"/> uses but does not define.</summary>
    public static void RenameFreeValues(GraphProto graph, IReadOnlyDictionary<string, AttributeProto> values,
        Func<string, string> rename)
    {
        var defined = DefinedNames(graph);
        string Inner(string name) => name.Length == 0 || defined.Contains(name) ? name : rename(name);
        foreach (var node in graph.Node)
        {
            for (int i = 0; i < node.Input.Count; i++)
            {
                node.Input[i] = Inner(node.Input[i]);
            }
            SubstituteAttributes(node.Attribute, values, Inner);
        }
        foreach (var output in graph.Output)
        {
            output.Name = Inner(output.Name);
        }
    }

    /// <summary>The names a graph defines: inputs, initializers and node outputs.</summary>
    public static HashSet<string> DefinedNames(GraphProto graph)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        defined.UnionWith(graph.Input.Select(i => i.Name));
        defined.UnionWith(graph.Initializer.Select(i => i.Name));
        defined.UnionWith(graph.SparseInitializer.Where(s => s.Values is not null).Select(s => s.Values.Name));
        defined.UnionWith(graph.Node.SelectMany(n => n.Output));
        defined.Remove(string.Empty);
        return defined;
    }

    /// <summary>The names used inside <paramref name="graph"/> (nested subgraphs included) that it does not define.</summary>
    public static HashSet<string> FreeNames(GraphProto graph)
    {
        var defined = DefinedNames(graph);
        var free = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            free.UnionWith(node.Input);
            free.UnionWith(SubgraphFreeNames(node));
        }
        free.UnionWith(graph.Output.Select(o => o.Name));
        free.ExceptWith(defined);
        free.Remove(string.Empty);
        return free;
    }

    /// <summary>The names a node's subgraph attributes take from the node's scope.</summary>
    public static HashSet<string> SubgraphFreeNames(NodeProto node)
    {
        var free = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in node.Attribute)
        {
            if (a.G is not null)
            {
                free.UnionWith(FreeNames(a.G));
            }
            foreach (var g in a.Graphs)
            {
                free.UnionWith(FreeNames(g));
            }
        }
        return free;
    }
}
