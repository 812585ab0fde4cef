using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>StringNormalizer, StringConcat, StringSplit and RegexFullMatch.</summary>
internal static class StringOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("StringNormalizer", 10).Evaluate(StringKernels.StringNormalizer).Input("X", "tensor(string)").Output("Y", "tensor(string)")
            .Attr("case_change_action", AttributeKind.String, "NONE").Attr("is_case_sensitive", AttributeKind.Int, 0L)
            .Attr("locale", AttributeKind.String).Attr("stopwords", AttributeKind.Strings).Infer(InferNormalizer);
        s.Define("StringConcat", 20).Evaluate(StringKernels.StringConcat).Input("X", "T").Input("Y", "T").Output("Z", "T").Constraint("T", TypeSets.String)
            .Infer(ctx =>
            {
                if (ctx.OutputCount > 0)
                {
                    ShapeHelpers.Elementwise(ctx);
                }
            });
        s.Define("StringSplit", 20).Evaluate(StringKernels.StringSplit).Input("X", "T1").Output("Y", "T2").Output("Z", "T3")
            .Attr("delimiter", AttributeKind.String).Attr("maxsplit", AttributeKind.Int)
            .Constraint("T1", TypeSets.String).Constraint("T2", TypeSets.String).Constraint("T3", TypeSets.Int64).Infer(InferSplit);
        s.Define("RegexFullMatch", 20).Evaluate(StringKernels.RegexFullMatch).Input("X", "T1").Output("Y", "T2").Attr("pattern", AttributeKind.String)
            .Constraint("T1", TypeSets.String).Constraint("T2", Bool).Infer(InferRegexFullMatch);
    }

    private static void InferNormalizer(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        string action = ctx.GetString("case_change_action", "NONE") ?? "NONE";
        if (action is not ("NONE" or "LOWER" or "UPPER"))
        {
            ctx.Fail($"case_change_action '{action}' must be NONE, LOWER or UPPER");
            return;
        }
        if (!shape.IsRanked)
        {
            return;
        }
        if (!(shape.Rank == 1 || (shape.Rank == 2 && (!shape[0].IsStatic || shape[0].Value == 1))))
        {
            ctx.Fail($"the input must be [C] or [1, C], got {shape}");
            return;
        }
        bool filters = GetStrings(ctx, "stopwords") is { Length: > 0 };
        if (!filters)
        {
            ShapeMath.SetShape(ctx, 0, shape);
            return;
        }
        ShapeMath.SetShape(ctx, 0, shape.Rank == 1 ? Shape.OfRank(1) : Shape.Of(ShapeMath.Dim(1), Dimension.Unknown));
    }

    private static System.Collections.Immutable.ImmutableArray<string>? GetStrings(InferenceContext ctx, string name) =>
        ctx.Attr(name) is { Kind: AttributeKind.Strings } v ? v.AsStrings() : null;

    private static void InferSplit(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (ctx.Attributes.ContainsKey("maxsplit") && ctx.GetInt("maxsplit", 0) < 0)
        {
            ctx.Fail($"maxsplit {ctx.GetInt("maxsplit", 0)} must not be negative");
            return;
        }
        if (!shape.IsRanked)
        {
            return;
        }
        ctx.SetOutput(0, ElementType.String, ShapeMath.ToShape(shape.Dimensions.Append(Dimension.Unknown)));
        ctx.SetOutput(1, ElementType.Int64, shape);
    }

    private static void InferRegexFullMatch(InferenceContext ctx) =>
        ctx.SetOutput(0, ElementType.Bool, ctx.InputShape(0));
}
