using Halo.Core.IR.Types;

namespace Halo.Core.Operators.Onnx.Math;

internal static partial class EinsumInference
{
    /// <summary>Label bindings collected over the operands.</summary>
    private sealed class State
    {
        public Dictionary<char, Dimension> Dims { get; } = [];

        public Dictionary<char, int> Counts { get; } = [];

        public List<Shape> EllipsisShapes { get; } = [];

        public bool HasEllipsis { get; private set; }

        public bool UnrankedEllipsis { get; private set; }

        public bool Bind(InferenceContext ctx, string term, Shape shape)
        {
            if (!TryParse(term, out var letters, out int ellipsisAt))
            {
                ctx.Fail($"Einsum term '{term}' is malformed");
                return false;
            }
            foreach (char c in letters)
            {
                Counts[c] = Counts.GetValueOrDefault(c) + 1;
            }
            HasEllipsis |= ellipsisAt >= 0;
            if (!shape.IsRanked)
            {
                UnrankedEllipsis |= ellipsisAt >= 0;
                return true;
            }
            int ellipsisRank = shape.Rank - letters.Count;
            if (ellipsisRank < 0 || (ellipsisAt < 0 && ellipsisRank != 0))
            {
                ctx.Fail($"Einsum term '{term}' does not match operand rank {shape.Rank}");
                return false;
            }
            int dim = 0;
            for (int p = 0; p < letters.Count; p++)
            {
                if (p == ellipsisAt)
                {
                    EllipsisShapes.Add(Shape.Of(shape.Dimensions.Slice(dim, ellipsisRank)));
                    dim += ellipsisRank;
                }
                if (!Merge(ctx, letters[p], shape[dim++]))
                {
                    return false;
                }
            }
            if (ellipsisAt == letters.Count)
            {
                EllipsisShapes.Add(Shape.Of(shape.Dimensions.Slice(dim, ellipsisRank)));
            }
            return true;
        }

        /// <summary>Repeated labels must agree; like numpy, a size of 1 broadcasts.</summary>
        private bool Merge(InferenceContext ctx, char label, Dimension d)
        {
            if (!Dims.TryGetValue(label, out var known) || (known.IsStatic && known.Value == 1))
            {
                Dims[label] = d;
                return true;
            }
            if (d.IsStatic && d.Value == 1)
            {
                return true;
            }
            if (!MathInference.TryMerge(known, d, out var merged))
            {
                ctx.Fail($"Einsum label '{label}' has sizes {known} and {d}");
                return false;
            }
            Dims[label] = merged;
            return true;
        }
    }
}
