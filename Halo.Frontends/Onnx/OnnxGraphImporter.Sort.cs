using Halo.Core.Diagnostics;
using Halo.Frontends.Diagnostics;
using Halo.Frontends.Onnx.Protos;

namespace Halo.Frontends.Onnx;

internal sealed partial class OnnxGraphImporter
{
    /// <summary>
    /// The sites in an order where producers come first (ONNX files need not be sorted), keeping file order
    /// where the data flow allows. Values that subgraphs take from this graph count as inputs of the node
    /// holding the subgraph. A second producer of a name is reported (HALO1006); nodes on a cycle are
    /// reported (HALO2006, naming a value on it) and left out.
    /// </summary>
    private List<OnnxNodeSite> Sort(List<OnnxNodeSite> sites)
    {
        var producer = MapProducers(sites);
        var dependencies = new List<HashSet<int>>(sites.Count);
        var consumers = new List<int>[sites.Count];
        for (int i = 0; i < sites.Count; i++)
        {
            consumers[i] = [];
        }
        for (int i = 0; i < sites.Count; i++)
        {
            var deps = new HashSet<int>();
            foreach (string name in UsedNames(sites[i].Node))
            {
                if (producer.TryGetValue(name, out int p) && deps.Add(p))
                {
                    consumers[p].Add(i);
                }
            }
            dependencies.Add(deps);
        }
        var order = KahnOrder(sites, dependencies, consumers, out bool[] done);
        if (order.Count < sites.Count)
        {
            ReportCycle(sites, dependencies, done, producer);
        }
        return order;
    }

    /// <summary>The site that produces each value name; a second producer is reported (HALO1006).</summary>
    private Dictionary<string, int> MapProducers(List<OnnxNodeSite> sites)
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sites.Count; i++)
        {
            foreach (string output in sites[i].Node.Output.Where(o => o.Length > 0))
            {
                if (_scope.IsDefinedHere(output) || !producer.TryAdd(output, i))
                {
                    _context.Report(FrontendDiagnostics.DuplicateValue, SiteLocation(sites[i]), output, Describe(sites[i]));
                }
            }
        }
        return producer;
    }

    /// <summary>Kahn's algorithm; among ready nodes the earliest in the file goes first.</summary>
    private static List<OnnxNodeSite> KahnOrder(List<OnnxNodeSite> sites, List<HashSet<int>> dependencies,
        List<int>[] consumers, out bool[] done)
    {
        var pending = dependencies.Select(d => d.Count).ToArray();
        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < sites.Count; i++)
        {
            if (pending[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }
        var order = new List<OnnxNodeSite>(sites.Count);
        done = new bool[sites.Count];
        while (ready.TryDequeue(out int i, out _))
        {
            order.Add(sites[i]);
            done[i] = true;
            foreach (int c in consumers[i])
            {
                if (--pending[c] == 0)
                {
                    ready.Enqueue(c, c);
                }
            }
        }
        return order;
    }

    /// <summary>The names a node uses: its operands and the values its subgraphs take from this scope.</summary>
    private static IEnumerable<string> UsedNames(NodeProto node) =>
        node.Input.Concat(OnnxGraphRewriter.SubgraphFreeNames(node)).Where(n => n.Length > 0);

    /// <summary>Walks dependencies among the unsorted nodes until one repeats, and names a value on that cycle.
    /// The unsorted nodes' outputs become placeholders so their users report nothing more.</summary>
    private void ReportCycle(List<OnnxNodeSite> sites, List<HashSet<int>> dependencies, bool[] done, Dictionary<string, int> producer)
    {
        int start = Array.IndexOf(done, false);
        var seen = new HashSet<int>();
        int current = start;
        while (seen.Add(current))
        {
            current = dependencies[current].First(d => !done[d]);
        }
        // 'current' is on the cycle; name the value it takes from the next node on the cycle.
        int next = dependencies[current].First(d => !done[d] && OnCycle(d, current, dependencies, done));
        string value = UsedNames(sites[current].Node).First(n => producer.TryGetValue(n, out int p) && p == next);
        _context.Report(CoreDiagnostics.Cycle, SiteLocation(sites[current]), value);
        for (int i = 0; i < sites.Count; i++)
        {
            if (!done[i])
            {
                foreach (string output in sites[i].Node.Output.Where(o => o.Length > 0))
                {
                    _scope.TryDefine(output, Poison());
                }
            }
        }
    }

    /// <summary>Whether <paramref name="target"/> is reachable from <paramref name="from"/> over unsorted dependencies.</summary>
    private static bool OnCycle(int from, int target, List<HashSet<int>> dependencies, bool[] done)
    {
        var stack = new Stack<int>([from]);
        var seen = new HashSet<int> { from };
        while (stack.TryPop(out int n))
        {
            if (n == target)
            {
                return true;
            }
            foreach (int d in dependencies[n].Where(d => !done[d] && seen.Add(d)))
            {
                stack.Push(d);
            }
        }
        return false;
    }

    private ModelLocation SiteLocation(OnnxNodeSite site) =>
        _context.NodeLocation(site.DisplayName, site.Node.OpType, site.Index, _subgraphPath);

    private static string Describe(OnnxNodeSite site) =>
        OnnxImportContext.Describe(site.DisplayName, site.Node.OpType, site.Index);
}
