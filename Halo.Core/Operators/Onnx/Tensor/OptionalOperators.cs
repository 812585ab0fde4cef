using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Optional, OptionalHasElement and OptionalGetElement.</summary>
internal static class OptionalOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        string[] values = [.. AllIr10, .. TensorTypeSets.SequencesIr10];
        s.Define("Optional", 15).Evaluate(OptionalKernels.Optional).OptionalInput("input", "V").Output("output", "O").Attr("type", AttributeKind.Type)
            .Constraint("V", values).Constraint("O", TensorTypeSets.OptionalsIr10).Infer(InferOptional);
        s.Define("OptionalHasElement", 15).Evaluate(OptionalKernels.OptionalHasElement).Input("input", "O").Output("output", "B")
            .Constraint("O", TensorTypeSets.OptionalsIr10).Constraint("B", Bool).Infer(InferHasElement);
        s.Define("OptionalHasElement", 18).Evaluate(OptionalKernels.OptionalHasElement).OptionalInput("input", "O").Output("output", "B")
            .Constraint("O", [.. TensorTypeSets.OptionalsIr10, .. values]).Constraint("B", Bool).Infer(InferHasElement);
        s.Define("OptionalGetElement", 15).Evaluate(OptionalKernels.OptionalGetElement).Input("input", "O").Output("output", "V")
            .Constraint("O", TensorTypeSets.OptionalsIr10).Constraint("V", values).Infer(InferGetElement);
        s.Define("OptionalGetElement", 18).Evaluate(OptionalKernels.OptionalGetElement).Input("input", "O").Output("output", "V")
            .Constraint("O", [.. TensorTypeSets.OptionalsIr10, .. values]).Constraint("V", values).Infer(InferGetElement);
    }

    private static bool IsUnknown(IrType t) => t is TensorType { ElementType: ElementType.Undefined, Shape.IsRanked: false };

    private static void InferOptional(InferenceContext ctx)
    {
        var declared = ctx.Attr("type") is { Kind: AttributeKind.Type } v ? v.AsType() : null;
        var input = ctx.InputType(0);
        if (declared is null && input is null)
        {
            ctx.Fail("an empty Optional needs the 'type' attribute");
            return;
        }
        if (declared is not null && input is not null && !IsUnknown(input) && TypeMerge.Union(declared, input) is var u
            && !IsUnknown(declared) && IsUnknown(u))
        {
            ctx.Fail($"the input {input} does not match the 'type' attribute {declared}");
            return;
        }
        var element = input is not null && (declared is null || !IsUnknown(input)) ? input : declared!;
        ctx.SetOutput(0, new OptionalType(element));
    }

    private static void InferHasElement(InferenceContext ctx)
    {
        if (ctx.Schema.Id.SinceVersion < 18 && ctx.InputType(0) is { } t && t is not OptionalType && !IsUnknown(t))
        {
            ctx.Fail($"the input must be an optional, got {t}");
            return;
        }
        ctx.SetOutput(0, ElementType.Bool, Shape.Scalar);
    }

    private static void InferGetElement(InferenceContext ctx)
    {
        switch (ctx.InputType(0))
        {
            case OptionalType o:
                ctx.SetOutput(0, o.ElementType);
                break;
            case { } t when IsUnknown(t):
                break;
            case { } t when ctx.Schema.Id.SinceVersion >= 18:
                ctx.SetOutput(0, t);
                break;
            case { } t:
                ctx.Fail($"the input must be an optional, got {t}");
                break;
        }
    }
}
