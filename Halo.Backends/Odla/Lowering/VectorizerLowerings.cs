using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;

namespace Halo.Backends.Odla.Lowering;

/// <summary>TfIdfVectorizer over integer tokens, lowered to <c>odla_TFIDFVectorize</c> with the pool attributes as
/// constants.</summary>
internal static class VectorizerLowerings
{
    public static void Register(LoweringTableBuilder table) => table.Add("TfIdfVectorizer", TfIdf, minVersion: 9);

    private static bool TfIdf(LoweringContext c)
    {
        if (!c.InputIs(0, ElementType.Int32, ElementType.Int64) || c.Ints("pool_int64s") is not { } pool)
        {
            return c.Unsupported("only integer tokens with pool_int64s have an ODLA counterpart");
        }
        string? mode = (c.String("mode", "TF") ?? "TF") switch
        {
            "TF" => "ODLA_TFIDF_TF",
            "IDF" => "ODLA_TFIDF_IDF",
            "TFIDF" => "ODLA_TFIDF_TFIDF",
            _ => null,
        };
        if (mode is null)
        {
            return c.Unsupported("mode must be TF, IDF or TFIDF");
        }
        var counts = c.Ints("ngram_counts") ?? [];
        var indexes = c.Ints("ngram_indexes") ?? [];
        string weights = c.Attributes.TryGetValue("weights", out var w) && w.Kind == AttributeKind.Floats
            ? c.NewConstant(TensorData.FromFloats([.. w.AsFloats()], w.AsFloats().Length))
            : "NULL";
        string poolValue = c.NewConstant(TensorData.FromInt64s([.. pool], pool.Length));
        string countsValue = c.NewConstant(TensorData.FromInt64s([.. counts], counts.Length));
        string indexesValue = c.NewConstant(TensorData.FromInt64s([.. indexes], indexes.Length));
        return c.Define(0, $"odla_TFIDFVectorize({c.Value(0)}, {LoweringContext.I(c.Int("min_gram_length", 1))}, " +
            $"{LoweringContext.I(c.Int("max_gram_length", 1))}, {LoweringContext.I(c.Int("max_skip_count", 0))}, {mode}, {poolValue}, " +
            $"{countsValue}, {indexesValue}, {weights}, {c.OutputShapeExpression()}, {c.OutputId()})");
    }
}
