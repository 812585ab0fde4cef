using System.Collections.Frozen;
using System.Collections.Immutable;
using Halo.Core.Operators;

namespace Halo.Backends.Odla.Lowering;

/// <summary>The ODLA lowering of each supported operator version; built once, immutable.</summary>
internal sealed class LoweringTable
{
    private readonly FrozenDictionary<(string Domain, string Name), ImmutableArray<LoweringEntry>> _entries;

    internal LoweringTable(Dictionary<(string Domain, string Name), ImmutableArray<LoweringEntry>> entries) =>
        _entries = entries.ToFrozenDictionary();

    /// <summary>Every registered lowering, grouped by operator.</summary>
    public static LoweringTable Default { get; } = CreateDefault();

    /// <summary>All rows, ordered by domain and name.</summary>
    public IEnumerable<LoweringEntry> Entries => _entries.Values.SelectMany(e => e)
        .OrderBy(e => e.Domain, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.MinVersion);

    /// <summary>The lowering of <paramref name="op"/>, or null when there is none.</summary>
    public OdlaLowering? Find(OperatorId op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return _entries.TryGetValue((op.Domain, op.Name), out var list)
            ? list.FirstOrDefault(e => op.SinceVersion >= e.MinVersion && op.SinceVersion <= e.MaxVersion)?.Lowering
            : null;
    }

    private static LoweringTable CreateDefault()
    {
        var builder = new LoweringTableBuilder();
        ElementwiseLowerings.Register(builder);
        ActivationLowerings.Register(builder);
        ConvolutionLowerings.Register(builder);
        PoolLowerings.Register(builder);
        NormalizationLowerings.Register(builder);
        NormalizationCompositeLowerings.Register(builder);
        LossLowerings.Register(builder);
        CastLikeLowering.Register(builder);
        LpPoolLowering.Register(builder);
        LayoutLowerings.Register(builder);
        MatrixLowerings.Register(builder);
        ReductionLowerings.Register(builder);
        ShapeLowerings.Register(builder);
        SliceLowerings.Register(builder);
        IndexLowerings.Register(builder);
        QuantizationLowerings.Register(builder);
        RecurrentLowerings.Register(builder);
        AttentionLowering.Register(builder);
        RotaryEmbeddingLowering.Register(builder);
        TriluLowering.Register(builder);
        DepthSpaceLowerings.Register(builder);
        CenterCropPadLowering.Register(builder);
        GeneratorLowerings.Register(builder);
        QuantizedMatrixLowerings.Register(builder);
        QuantizedConvolutionLowerings.Register(builder);
        DynamicQuantizeLinearLowering.Register(builder);
        ExtensionLowerings.Register(builder);
        ImageExtensionLowerings.Register(builder);
        SignalLowerings.Register(builder);
        VectorizerLowerings.Register(builder);
        MachineLearningLowerings.Register(builder);
        return builder.Build();
    }
}
