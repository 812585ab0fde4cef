using Halo.Core.Diagnostics;
using Halo.Frontends.Diagnostics;

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
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            foreach (string output in site.Node.Output)
            {
                if (output.Length == 0)
                {
                    continue;
                }
                if (_scope.IsDefinedHere(output) || !producer.TryAdd(output, i))
                {
                    _context.Report(FrontendDiagnostics.DuplicateValue, SiteLocation(site), output, Describe(site));
                }
            }
        }
        var dependencies = new List<HashSet<int>>(sites.Count);
        var consumers = new List<int>[sites.Count];
        for (int i = 0; i < sites.Count; i++)
        {
            consumers[i] = [];
        }
        for (int i = 0; i < sites.Count; i++)
        {
            var deps = new HashSet<int>();
            foreach (string name in sites[i].Node.Input.Concat(OnnxGraphRewriter.SubgraphFreeNames(sites[i].Node)))
            {
                if (name.Length > 0 && producer.TryGetValue(name, out int p) && deps.Add(p))
                {
                    consumers[p].Add(i);
                }
            }
            dependencies.Add(deps);
        }
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
        var done = new bool[sites.Count];
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
        if (order.Count < sites.Count)
        {
            ReportCycle(sites, dependencies, done, producer);
        }
        return order;
    }

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
        string value = sites[current].Node.Input.Concat(OnnxGraphRewriter.SubgraphFreeNames(sites[current].Node))
            .First(n => n.Length > 0 && producer.TryGetValue(n, out int p) && p == next);
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
