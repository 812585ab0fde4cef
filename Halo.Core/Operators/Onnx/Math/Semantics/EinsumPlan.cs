using Halo.Core.IR;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>An Einsum equation resolved against operand shapes: every label's size, the output shape, and per label
/// the stride of each operand and of the output (0 where a label is absent or broadcast).</summary>
internal sealed class EinsumPlan
{
    private EinsumPlan(long[] sizes, long[] outputDims, long[][] inputStrides, long[] outputStrides)
    {
        Sizes = sizes;
        OutputDims = outputDims;
        InputStrides = inputStrides;
        OutputStrides = outputStrides;
    }

    /// <summary>Size of each label (output labels first).</summary>
    public long[] Sizes { get; }

    /// <summary>The result shape.</summary>
    public long[] OutputDims { get; }

    /// <summary>Per operand, per label: the element stride.</summary>
    public long[][] InputStrides { get; }

    /// <summary>Per label: the result's element stride.</summary>
    public long[] OutputStrides { get; }

    /// <summary>Parses <paramref name="equation"/> (ellipsis as labels 1000 + position from the right).</summary>
    public static EinsumPlan Create(EvaluationContext ctx, string equation, List<TensorData> operands)
    {
        int arrow = equation.IndexOf("->", StringComparison.Ordinal);
        string[] terms = (arrow < 0 ? equation : equation[..arrow]).Split(',');
        if (terms.Length != operands.Count)
        {
            ctx.Fail($"the equation names {terms.Length} operands, got {operands.Count}");
        }
        var sizes = new Dictionary<int, long>();
        var inputLabels = new List<int[]>();
        for (int k = 0; k < terms.Length; k++)
        {
            inputLabels.Add(Labels(ctx, terms[k], operands[k].Dimensions.Length));
            AddSizes(ctx, sizes, inputLabels[k], operands[k].Dimensions);
        }
        int ellipsisRank = sizes.Keys.Where(l => l >= 1000).Select(l => l - 999).DefaultIfEmpty(0).Max();
        var output = arrow < 0 ? Implicit(inputLabels, ellipsisRank) : Labels(ctx, equation[(arrow + 2)..], -1, ellipsisRank);
        var order = new List<int>(output);
        order.AddRange(sizes.Keys.Where(l => !output.Contains(l)).Order());
        var sizeArray = order.Select(l => sizes.TryGetValue(l, out long s) ? s : 1).ToArray();
        var outDims = output.Select(l => sizes.TryGetValue(l, out long s) ? s : 1).ToArray();
        var outStrides = Strides(output, outDims, order, null);
        var inStrides = new long[operands.Count][];
        for (int k = 0; k < operands.Count; k++)
        {
            inStrides[k] = Strides(inputLabels[k], [.. operands[k].Dimensions], order, sizeArray);
        }
        return new(sizeArray, outDims, inStrides, outStrides);
    }

    /// <summary>Records each label's size; sizes 1 broadcast against others, other mismatches fail.</summary>
    private static void AddSizes(EvaluationContext ctx, Dictionary<int, long> sizes, int[] labels, System.Collections.Immutable.ImmutableArray<long> dims)
    {
        for (int d = 0; d < labels.Length; d++)
        {
            long size = dims[d];
            if (!sizes.TryGetValue(labels[d], out long known) || known == 1)
            {
                sizes[labels[d]] = size;
            }
            else if (known != size && size != 1)
            {
                ctx.Fail($"label sizes differ: {known} and {size}");
            }
        }
    }

    private static long[] Strides(int[] labels, long[] dims, List<int> order, long[]? fullSizes)
    {
        var strides = new long[order.Count];
        long stride = 1;
        for (int d = labels.Length - 1; d >= 0; d--)
        {
            int at = order.IndexOf(labels[d]);
            bool broadcast = fullSizes is not null && dims[d] == 1 && fullSizes[at] != 1;
            strides[at] += broadcast ? 0 : stride;
            stride *= dims[d];
        }
        return strides;
    }

    private static int[] Implicit(List<int[]> inputs, int ellipsisRank)
    {
        var counts = new Dictionary<int, int>();
        foreach (int l in inputs.SelectMany(x => x).Where(l => l < 1000))
        {
            counts[l] = counts.GetValueOrDefault(l) + 1;
        }
        var ellipsis = Enumerable.Range(0, ellipsisRank).Select(i => 1000 + ellipsisRank - 1 - i);
        return [.. ellipsis, .. counts.Where(p => p.Value == 1).Select(p => p.Key).Order()];
    }

    /// <summary>Labels of one term; an ellipsis expands to (rank - letters) labels, or to ellipsisRank in the output.</summary>
    private static int[] Labels(EvaluationContext ctx, string term, int rank, int ellipsisRank = 0)
    {
        int dots = term.IndexOf("...", StringComparison.Ordinal);
        string letters = term.Replace("...", string.Empty, StringComparison.Ordinal);
        int fill = dots < 0 ? 0 : rank < 0 ? ellipsisRank : rank - letters.Length;
        if (fill < 0 || (dots < 0 && rank >= 0 && letters.Length != rank) || letters.Any(c => !char.IsAsciiLetter(c)))
        {
            ctx.Fail($"the term '{term}' does not match an operand of rank {rank}");
        }
        var result = new List<int>();
        result.AddRange(letters[..(dots < 0 ? letters.Length : dots)].Select(c => (int)c));
        result.AddRange(Enumerable.Range(0, fill).Select(i => 1000 + fill - 1 - i));
        if (dots >= 0)
        {
            result.AddRange(letters[dots..].Select(c => (int)c));
        }
        return [.. result];
    }
}
