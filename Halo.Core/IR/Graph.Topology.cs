using System.Collections.Frozen;
using System.Collections.Immutable;
using Halo.Core.IR.Green;

namespace Halo.Core.IR;

public sealed partial class Graph
{
    private ImmutableArray<GreenNode> _order;
    private FrozenDictionary<GreenNode, Node>? _redNodes;
    private FrozenDictionary<GreenNode, ImmutableArray<Use>>? _uses;

    /// <summary>
    /// Every node reachable from the outputs plus every input, producers before consumers: inputs first in
    /// order, then a depth-first post-order from the outputs (operands left to right). Deterministic.
    /// </summary>
    public ImmutableArray<GreenNode> TopologicalOrder
    {
        get
        {
            if (_order.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _order, ComputeOrder());
            }
            return _order;
        }
    }

    /// <summary>The red nodes in topological order.</summary>
    public IReadOnlyList<Node> Nodes => [.. TopologicalOrder.Select(GetNode)];

    /// <summary>The red node of <paramref name="green"/> in this graph (always the same object).</summary>
    /// <exception cref="ArgumentException">The node is not part of this graph.</exception>
    public Node GetNode(GreenNode green)
    {
        ArgumentNullException.ThrowIfNull(green);
        return RedNodes.TryGetValue(green, out var node) ? node
            : throw new ArgumentException("The node is not part of this graph.", nameof(green));
    }

    private FrozenDictionary<GreenNode, Node> RedNodes => LazyInitializer.EnsureInitialized(ref _redNodes,
        () => TopologicalOrder.Select((g, i) => new Node(this, g, i)).ToFrozenDictionary(n => n.Green));

    /// <summary>Whether <paramref name="green"/> is part of this graph.</summary>
    public bool Contains(GreenNode green)
    {
        ArgumentNullException.ThrowIfNull(green);
        return RedNodes.ContainsKey(green);
    }

    /// <summary>The operations that use outputs of <paramref name="green"/>, in topological order.</summary>
    public ImmutableArray<Use> UsesOf(GreenNode green)
    {
        var map = LazyInitializer.EnsureInitialized(ref _uses, ComputeUses);
        return map.TryGetValue(green, out var uses) ? uses : ImmutableArray<Use>.Empty;
    }

    /// <summary>Whether <paramref name="value"/> is one of the graph outputs.</summary>
    public bool IsOutput(ValueRef value) => Outputs.Contains(value);

    private FrozenDictionary<GreenNode, ImmutableArray<Use>> ComputeUses()
    {
        var uses = new Dictionary<GreenNode, ImmutableArray<Use>.Builder>();
        foreach (var green in TopologicalOrder)
        {
            var inputs = green.Dependencies;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i].Producer is { } p)
                {
                    if (!uses.TryGetValue(p, out var list))
                    {
                        uses[p] = list = ImmutableArray.CreateBuilder<Use>();
                    }
                    list.Add(new Use(GetNode(green), i, inputs[i].Output));
                }
            }
        }
        return uses.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
    }

    private ImmutableArray<GreenNode> ComputeOrder()
    {
        // Iterative DFS: chains of thousands of nodes must not overflow the stack.
        var visited = new HashSet<GreenNode>(ReferenceEqualityComparer.Instance);
        var order = ImmutableArray.CreateBuilder<GreenNode>();
        foreach (var input in Inputs)
        {
            if (visited.Add(input))
            {
                order.Add(input);
            }
        }
        var stack = new Stack<(GreenNode Node, int Next)>();
        foreach (var output in Outputs)
        {
            if (output.Producer is not { } root || !visited.Add(root))
            {
                continue;
            }
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var inputs = node.Dependencies;
                while (next < inputs.Length && (inputs[next].Producer is not { } p || visited.Contains(p)))
                {
                    next++;
                }
                if (next < inputs.Length)
                {
                    var producer = inputs[next].Producer!;
                    visited.Add(producer);
                    stack.Push((node, next + 1));
                    stack.Push((producer, 0));
                }
                else
                {
                    order.Add(node);
                }
            }
        }
        return order.ToImmutable();
    }
}
