using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>The sequence operators: construction, access, insertion, erasure, length, split and concat.</summary>
internal static class SequenceOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("SequenceConstruct", 11).Evaluate(SequenceKernels.SequenceConstruct).VariadicInput("inputs", "T").Output("output_sequence", "S")
            .Constraint("T", All).Constraint("S", Sequences).Infer(InferConstruct);
        s.Define("SequenceEmpty", 11).Evaluate(SequenceKernels.SequenceEmpty).Output("output", "S").Attr("dtype", AttributeKind.Int)
            .Constraint("S", Sequences).Infer(InferEmpty);
        s.Define("SequenceAt", 11).Evaluate(SequenceKernels.SequenceAt).Input("input_sequence", "S").Input("position", "I").Output("tensor", "T")
            .Constraint("S", Sequences).Constraint("I", TypeSets.Index).Constraint("T", All).Infer(InferAt);
        s.Define("SequenceInsert", 11).Evaluate(SequenceKernels.SequenceInsert).Input("input_sequence", "S").Input("tensor", "T").OptionalInput("position", "I")
            .Output("output_sequence", "S").Constraint("S", Sequences).Constraint("T", All).Constraint("I", TypeSets.Index)
            .Infer(InferInsert);
        s.Define("SequenceErase", 11).Evaluate(SequenceKernels.SequenceErase).Input("input_sequence", "S").OptionalInput("position", "I")
            .Output("output_sequence", "S").Constraint("S", Sequences).Constraint("I", TypeSets.Index)
            .Infer(ShapeHelpers.SameAsInput(0));
        s.Define("SequenceLength", 11).Evaluate(SequenceKernels.SequenceLength).Input("input_sequence", "S").Output("length", "I")
            .Constraint("S", Sequences).Constraint("I", TypeSets.Int64)
            .Infer(ctx => ctx.SetOutput(0, ElementType.Int64, Shape.Scalar));
        s.Define("SplitToSequence", 11).Evaluate(SequenceKernels.SplitToSequence).Input("input", "T").OptionalInput("split", "I").Output("output_sequence", "S")
            .Attr("axis", AttributeKind.Int, 0L).Attr("keepdims", AttributeKind.Int, 1L)
            .Constraint("T", All).Constraint("I", TypeSets.Index).Constraint("S", Sequences).Infer(InferSplitToSequence);
        s.Define("ConcatFromSequence", 11).Evaluate(SequenceKernels.ConcatFromSequence).Input("input_sequence", "S").Output("concat_result", "T")
            .RequiredAttr("axis", AttributeKind.Int).Attr("new_axis", AttributeKind.Int, 0L)
            .Constraint("S", Sequences).Constraint("T", All).Infer(InferConcatFromSequence);
    }

    private static void InferConstruct(InferenceContext ctx)
    {
        IrType? element = null;
        for (int i = 0; i < ctx.InputCount; i++)
        {
            if (ctx.InputType(i) is not { } t)
            {
                continue;
            }
            if (element is TensorType e && t is TensorType x && !TypeMerge.Compatible(e.ElementType, x.ElementType))
            {
                ctx.Fail($"sequence elements differ in element type: {e} and {x}");
                return;
            }
            element = element is null ? t : TypeMerge.Union(element, t);
        }
        ctx.SetOutput(0, new SequenceType(element ?? IrType.Unknown));
    }

    private static void InferEmpty(InferenceContext ctx)
    {
        long dtype = ctx.GetInt("dtype", (long)ElementType.Float);
        if (dtype <= 0 || !ElementTypeExtensions.IsKnownDataType(dtype))
        {
            ctx.Fail($"'dtype' {dtype} is not a known data type");
            return;
        }
        ctx.SetOutput(0, new SequenceType(new TensorType((ElementType)dtype, Shape.Unranked)));
    }

    private static IrType? ElementOf(InferenceContext ctx, int input)
    {
        switch (ctx.InputType(input))
        {
            case SequenceType s:
                return s.ElementType;
            case TensorType { ElementType: ElementType.Undefined, Shape.IsRanked: false }:
                return null;
            case { } other:
                ctx.Fail($"input {input} must be a sequence, got {other}");
                return null;
            default:
                return null;
        }
    }

    private static void InferAt(InferenceContext ctx)
    {
        if (ElementOf(ctx, 0) is { } e)
        {
            ctx.SetOutput(0, e);
        }
    }

    private static void InferInsert(InferenceContext ctx)
    {
        var element = ElementOf(ctx, 0);
        var tensor = ctx.InputType(1);
        if (element is TensorType e && tensor is TensorType t && !TypeMerge.Compatible(e.ElementType, t.ElementType))
        {
            ctx.Fail($"cannot insert {t} into a sequence of {e}");
            return;
        }
        var merged = element is null ? tensor : tensor is null ? element : TypeMerge.Union(element, tensor);
        if (merged is not null && ctx.InputType(0) is SequenceType)
        {
            ctx.SetOutput(0, new SequenceType(merged));
        }
    }

    private static void InferSplitToSequence(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        var elementType = ctx.InputElementType(0);
        if (!shape.IsRanked)
        {
            ctx.SetOutput(0, new SequenceType(new TensorType(elementType, Shape.Unranked)));
            return;
        }
        if (!ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), shape.Rank, out int axis))
        {
            return;
        }
        var dims = ShapeMath.Dims(shape);
        if (!ctx.HasInput(1))
        {
            if (ctx.GetInt("keepdims", 1) == 0)
            {
                ctx.SetOutput(0, new SequenceType(new TensorType(elementType, ShapeMath.ToShape(dims.Where((_, i) => i != axis)))));
                return;
            }
            dims[axis] = ShapeMath.Dim(1);
        }
        else
        {
            dims[axis] = SplitElementDim(ctx, dims[axis]);
        }
        ctx.SetOutput(0, new SequenceType(new TensorType(elementType, Shape.Of(dims))));
    }

    private static Dimension SplitElementDim(InferenceContext ctx, Dimension dim)
    {
        var splitShape = ctx.InputShape(1);
        if (ctx.InputInts(1) is not { } split)
        {
            return Dimension.Unknown;
        }
        if (split.Any(v => v < 0))
        {
            ctx.Fail("split sizes must not be negative");
            return Dimension.Unknown;
        }
        if (splitShape.IsRanked && splitShape.Rank == 0)
        {
            return dim.IsStatic && split[0] > 0 && dim.Value % split[0] == 0 ? ShapeMath.Dim(split[0]) : Dimension.Unknown;
        }
        long total = 0;
        if (split.Any(v => !ShapeMath.TryAdd(total, v, out total)) || (dim.IsStatic && total != dim.Value))
        {
            ctx.Fail($"split sizes [{string.Join(",", split)}] do not add up to the axis size {dim}");
            return Dimension.Unknown;
        }
        return split.Length > 0 && split.All(v => v == split[0]) ? ShapeMath.Dim(split[0]) : Dimension.Unknown;
    }

    private static void InferConcatFromSequence(InferenceContext ctx)
    {
        if (ElementOf(ctx, 0) is not TensorType e)
        {
            return;
        }
        var shape = e.Shape;
        bool newAxis = ctx.GetInt("new_axis", 0) != 0;
        if (!shape.IsRanked)
        {
            ctx.SetOutput(0, e.ElementType, Shape.Unranked);
            return;
        }
        int rank = shape.Rank + (newAxis ? 1 : 0);
        if (!ShapeMath.TryAxis(ctx, ctx.GetInt("axis", 0), rank, out int axis))
        {
            return;
        }
        var dims = shape.Dimensions.ToList();
        if (newAxis)
        {
            dims.Insert(axis, Dimension.Unknown);
        }
        else
        {
            dims[axis] = Dimension.Unknown;
        }
        ctx.SetOutput(0, e.ElementType, ShapeMath.ToShape(dims));
    }
}
