using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>The node arrays of a TreeEnsemble-5 and the descent from a root to a leaf index.</summary>
internal sealed class TreeWalker
{
    private readonly EvaluationContext _ctx;
    private readonly long[] _features, _trueIds, _falseIds, _trueLeaf, _falseLeaf, _missingTrue;
    private readonly double[] _splits, _modes;
    private readonly Dictionary<long, HashSet<double>> _members = [];

    /// <summary>Reads the node attributes.</summary>
    public TreeWalker(EvaluationContext ctx)
    {
        _ctx = ctx;
        _features = TreeEnsembleKernel.Ints(ctx, "nodes_featureids");
        _trueIds = TreeEnsembleKernel.Ints(ctx, "nodes_truenodeids");
        _falseIds = TreeEnsembleKernel.Ints(ctx, "nodes_falsenodeids");
        _trueLeaf = TreeEnsembleKernel.Ints(ctx, "nodes_trueleafs");
        _falseLeaf = TreeEnsembleKernel.Ints(ctx, "nodes_falseleafs");
        _missingTrue = TreeEnsembleKernel.Ints(ctx, "nodes_missing_value_tracks_true");
        _splits = TreeEnsembleKernel.Tensor(ctx, "nodes_splits");
        _modes = TreeEnsembleKernel.Tensor(ctx, "nodes_modes");
        double[] members = TreeEnsembleKernel.Tensor(ctx, "membership_values");
        int group = 0;
        for (int node = 0; node < _modes.Length; node++)
        {
            if (_modes[node] != 6)
            {
                continue;
            }
            var set = new HashSet<double>();
            for (; group < members.Length && !double.IsNaN(members[group]); group++)
            {
                set.Add(members[group]);
            }
            group++;
            _members[node] = set;
        }
    }

    /// <summary>The leaf reached from <paramref name="root"/> for the row of <paramref name="count"/> features at <paramref name="at"/>.</summary>
    public long Leaf(long root, double[] x, int at, int count)
    {
        long node = root;
        for (int steps = 0; steps <= _modes.Length; steps++)
        {
            if (node < 0 || node >= _modes.Length || _features[node] < 0 || _features[node] >= count)
            {
                _ctx.Fail($"tree node {node} or its feature is out of range");
            }
            double v = x[at + _features[node]], s = _splits[node];
            bool go = double.IsNaN(v) ? _missingTrue.Length > node && _missingTrue[node] != 0 : (int)_modes[node] switch
            {
                0 => v <= s,
                1 => v < s,
                2 => v >= s,
                3 => v > s,
                4 => v == s,
                5 => v != s,
                _ => _members.TryGetValue(node, out var set) && set.Contains(v),
            };
            bool leaf = go ? _trueLeaf[node] != 0 : _falseLeaf[node] != 0;
            node = go ? _trueIds[node] : _falseIds[node];
            if (leaf)
            {
                return node;
            }
        }
        _ctx.Fail("a tree has a cycle");
        return -1;
    }
}
