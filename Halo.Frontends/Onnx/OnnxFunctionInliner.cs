using System.Collections.Immutable;
using Halo.Core.Operators;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

/// <summary>
/// Replaces calls of model-local functions (<see cref="FunctionProto"/>) by their bodies, iteratively (a
/// worklist, so deep call chains cannot overflow the stack): formal inputs and outputs become the caller's
/// values, internal values get names unique in the graph, and attribute references (<c>ref_attr_name</c>)
/// take the caller's attribute or the function's default.
/// </summary>
internal sealed class OnnxFunctionInliner(OnnxImportContext context)
{
    private const int MaxCallDepth = 64;
    private const int MaxInlinedNodes = 1_000_000;

    /// <summary>The nodes of <paramref name="nodes"/> with every function call expanded, in order;
    /// <paramref name="usedNames"/> holds every value name of the graph and receives the new ones;
    /// <paramref name="opsets"/> are those the graph's own nodes resolve in.</summary>
    public List<OnnxNodeSite> Expand(IReadOnlyList<NodeProto> nodes, HashSet<string> usedNames,
        IReadOnlyDictionary<string, long> opsets, string? subgraphPath)
    {
        var result = new List<OnnxNodeSite>(nodes.Count);
        var work = new Stack<(OnnxNodeSite Site, ImmutableList<FunctionProto> Chain)>();
        for (int i = nodes.Count - 1; i >= 0; i--)
        {
            work.Push((new OnnxNodeSite(nodes[i], i, nodes[i].Name, opsets), []));
        }
        int inlined = 0;
        while (work.Count > 0)
        {
            var (site, chain) = work.Pop();
            var node = site.Node;
            if (!TryFind(node, out var function))
            {
                result.Add(site);
                continue;
            }
            string call = OnnxImportContext.Describe(site.DisplayName, node.OpType, site.Index);
            string? problem = chain.Contains(function) ? "it calls itself"
                : chain.Count >= MaxCallDepth ? $"calls nest deeper than {MaxCallDepth}"
                : node.Input.Count > function.Input.Count ? $"it takes {function.Input.Count} inputs, not {node.Input.Count}"
                : node.Output.Count > function.Output.Count ? $"it has {function.Output.Count} outputs, not {node.Output.Count}"
                : (inlined += function.Node.Count) > MaxInlinedNodes ? $"inlining produces more than {MaxInlinedNodes} nodes"
                : null;
            if (problem is not null)
            {
                context.Report(FrontendDiagnostics.InvalidFunction,
                    context.NodeLocation(site.DisplayName, node.OpType, site.Index, subgraphPath), function.Name, call, problem);
                continue;
            }
            var body = Instantiate(site, function, usedNames);
            var innerChain = chain.Add(function);
            for (int i = body.Count - 1; i >= 0; i--)
            {
                work.Push((body[i], innerChain));
            }
        }
        return result;
    }

    private bool TryFind(NodeProto node, out FunctionProto function) =>
        context.Functions.TryGetValue((OperatorId.NormalizeDomain(node.Domain), node.OpType, node.Overload), out function!);

    private List<OnnxNodeSite> Instantiate(OnnxNodeSite site, FunctionProto function, HashSet<string> usedNames)
    {
        var call = site.Node;
        var names = FormalBindings(call, function);
        string suffix = "__" + function.Name + context.NextUnique().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Rename(string inner)
        {
            if (inner.Length == 0)
            {
                return inner;
            }
            if (names.TryGetValue(inner, out string? mapped))
            {
                return mapped;
            }
            string fresh = inner + suffix;
            while (!usedNames.Add(fresh))
            {
                fresh += "_";
            }
            names[inner] = fresh;
            return fresh;
        }
        var attributes = CallAttributes(call, function);
        var opsets = FunctionOpsets(function);
        var body = new List<OnnxNodeSite>(function.Node.Count);
        foreach (var inner in function.Node)
        {
            var clone = inner.Clone();
            for (int i = 0; i < clone.Input.Count; i++)
            {
                clone.Input[i] = Rename(clone.Input[i]);
            }
            for (int i = 0; i < clone.Output.Count; i++)
            {
                clone.Output[i] = Rename(clone.Output[i]);
            }
            OnnxGraphRewriter.SubstituteAttributes(clone.Attribute, attributes, Rename);
            string display = (string.IsNullOrEmpty(site.DisplayName) ? call.OpType : site.DisplayName) + "/"
                + (string.IsNullOrEmpty(inner.Name) ? inner.OpType : inner.Name);
            body.Add(new OnnxNodeSite(clone, site.Index, display, opsets));
        }
        return body;
    }

    /// <summary>Formal inputs and outputs bound to the caller's values (a missing input binds to the omitted
    /// value; an omitted output stays internal and gets a fresh name).</summary>
    private static Dictionary<string, string> FormalBindings(NodeProto call, FunctionProto function)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < function.Input.Count; i++)
        {
            names[function.Input[i]] = i < call.Input.Count ? call.Input[i] : string.Empty;
        }
        for (int i = 0; i < function.Output.Count; i++)
        {
            if (i < call.Output.Count && call.Output[i].Length > 0)
            {
                names[function.Output[i]] = call.Output[i];
            }
        }
        return names;
    }

    /// <summary>The attribute values a call provides: the caller's, then the function's defaults.</summary>
    private static Dictionary<string, AttributeProto> CallAttributes(NodeProto call, FunctionProto function)
    {
        var values = new Dictionary<string, AttributeProto>(StringComparer.Ordinal);
        foreach (var a in function.AttributeProto)
        {
            values[a.Name] = a;
        }
        foreach (var a in call.Attribute)
        {
            values[a.Name] = a;
        }
        return values;
    }

    private IReadOnlyDictionary<string, long> FunctionOpsets(FunctionProto function)
    {
        if (function.OpsetImport.Count == 0)
        {
            return context.Opsets;
        }
        var opsets = new Dictionary<string, long>(context.Opsets, StringComparer.Ordinal);
        foreach (var o in function.OpsetImport)
        {
            opsets[OperatorId.NormalizeDomain(o.Domain)] = o.Version;
        }
        return opsets;
    }
}
