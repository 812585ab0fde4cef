using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Halo.Frontends.TensorFlow.Operators;

/// <summary>The converters of the TensorFlow frontend keyed by TensorFlow op name (case-sensitive, as in
/// GraphDefs). Each family registers its ops in its own <c>Register</c> method. Immutable and thread-safe.</summary>
internal sealed class TensorFlowOperatorTable
{
    private static readonly Lazy<TensorFlowOperatorTable> s_default = new(() => new TensorFlowOperatorTable(CreateDefault()));

    private readonly FrozenDictionary<string, TensorFlowOpConverter> _converters;

    public TensorFlowOperatorTable(IEnumerable<KeyValuePair<string, TensorFlowOpConverter>> converters) =>
        _converters = converters.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every converter of this assembly.</summary>
    public static TensorFlowOperatorTable Default => s_default.Value;

    /// <summary>The supported op names, sorted.</summary>
    public IEnumerable<string> OpNames => _converters.Keys.Order(StringComparer.Ordinal);

    public bool TryGetConverter(string op, [NotNullWhen(true)] out TensorFlowOpConverter? converter) =>
        _converters.TryGetValue(op, out converter);

    private static Dictionary<string, TensorFlowOpConverter> CreateDefault()
    {
        var table = new Dictionary<string, TensorFlowOpConverter>(StringComparer.Ordinal);
        SourceConverters.Register(table);
        ElementwiseConverters.Register(table);
        ActivationConverters.Register(table);
        MatMulConverters.Register(table);
        SoftmaxConverters.Register(table);
        BiasAddConverter.Register(table);
        ConvConverters.Register(table);
        PoolConverters.Register(table);
        BatchNormConverter.Register(table);
        ReductionConverters.Register(table);
        ShapeConverters.Register(table);
        CombineConverters.Register(table);
        SliceConverters.Register(table);
        SplitConverters.Register(table);
        return table;
    }
}
