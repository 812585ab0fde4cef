using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.Tensor.Semantics;

/// <summary>Reference semantics of Optional, OptionalHasElement and OptionalGetElement.</summary>
internal static class OptionalKernels
{
    public static void Optional(EvaluationContext ctx)
    {
        var value = ctx.Input(0);
        var type = ctx.OutputTypes[0] is OptionalType o ? o.ElementType : value?.Type ?? new TensorType(ElementType.Float, Shape.Unranked);
        ctx.SetOutput(0, new OptionalValue(type, value));
    }

    public static void OptionalHasElement(EvaluationContext ctx)
    {
        bool has = ctx.Input(0) switch
        {
            null => false,
            OptionalValue o => o.Value is not null,
            _ => true,
        };
        ctx.SetOutput(0, TensorData.Create<bool>(ElementType.Bool, [has]));
    }

    public static void OptionalGetElement(EvaluationContext ctx)
    {
        switch (ctx.Input(0))
        {
            case OptionalValue { Value: { } v }:
                ctx.SetOutput(0, v);
                break;
            case OptionalValue:
                ctx.Fail("the optional is empty");
                break;
            case { } other:
                ctx.SetOutput(0, other);
                break;
            default:
                ctx.Fail("the operand is missing");
                break;
        }
    }
}
