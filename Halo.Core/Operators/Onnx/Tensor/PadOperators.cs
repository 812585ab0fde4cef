using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.Tensor.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Tensor;

/// <summary>Pad (attributes in 1 and 2, operands from 11, axes from 18) and CenterCropPad.</summary>
internal static class PadOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("Pad", 1).Evaluate(PadKernels.Pad).Input("data", "T").Output("output", "T").RequiredAttr("paddings", AttributeKind.Ints)
            .Attr("mode", AttributeKind.String, "constant").Attr("value", AttributeKind.Float, 0f)
            .Constraint("T", Float).Infer(InferPad);
        s.Define("Pad", 2).Evaluate(PadKernels.Pad).Input("data", "T").Output("output", "T").RequiredAttr("pads", AttributeKind.Ints)
            .Attr("mode", AttributeKind.String, "constant").Attr("value", AttributeKind.Float, 0f)
            .Constraint("T", Float).Infer(InferPad);
        s.Define("Pad", 11, 13).Evaluate(PadKernels.Pad).Input("data", "T").Input("pads", "tensor(int64)").OptionalInput("constant_value", "T")
            .Output("output", "T").Attr("mode", AttributeKind.String, "constant")
            .Constraint("T", All).Infer(InferPad);
        s.Define("Pad", 18, 19, 21, 23).Evaluate(PadKernels.Pad).Input("data", "T").Input("pads", "tensor(int64)").OptionalInput("constant_value", "T")
            .OptionalInput("axes", "Tind").Output("output", "T").Attr("mode", AttributeKind.String, "constant")
            .Constraint("T", AllIr10).Constraint("Tind", TypeSets.Index).Infer(InferPad);

        s.Define("CenterCropPad", 18).Evaluate(PadKernels.CenterCropPad).Input("input_data", "T").Input("shape", "Tind").Output("output_data", "T")
            .Attr("axes", AttributeKind.Ints).Constraint("T", AllIr10).Constraint("Tind", TypeSets.Index).Infer(InferCenterCropPad);
    }

    private static void InferPad(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        int version = ctx.Schema.Id.SinceVersion;
        string mode = ctx.GetString("mode", "constant") ?? "constant";
        if (mode is not ("constant" or "reflect" or "edge" or "wrap"))
        {
            ctx.Fail($"unknown padding mode '{mode}'");
            return;
        }
        if (!shape.IsRanked)
        {
            return;
        }
        int rank = shape.Rank;
        long[]? pads = version switch
        {
            1 => ShapeMath.IntsFrom(ctx, "paddings", -1),
            2 => ShapeMath.IntsFrom(ctx, "pads", -1),
            _ => ctx.InputInts(1),
        };
        bool hasAxes = version >= 18 && ctx.HasInput(3);
        long[]? axes = hasAxes ? ctx.InputInts(3) : null;
        var dims = ShapeMath.Dims(shape);
        if (hasAxes && axes is null)
        {
            ShapeMath.SetShape(ctx, 0, Shape.OfRank(rank));
            return;
        }
        int[]? normalized = axes is null ? [.. Enumerable.Range(0, rank)] : ShapeMath.TryAxes(ctx, axes, rank);
        if (normalized is null)
        {
            return;
        }
        if (pads is null)
        {
            foreach (int a in normalized)
            {
                dims[a] = Dimension.Unknown;
            }
            ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
            return;
        }
        if (pads.Length != 2 * normalized.Length)
        {
            ctx.Fail($"pads has {pads.Length} entries, expected {2 * normalized.Length}");
            return;
        }
        for (int i = 0; i < normalized.Length; i++)
        {
            if (!ShapeMath.TryAdd(pads[i], pads[i + normalized.Length], out long change))
            {
                ctx.Fail($"pads {pads[i]} and {pads[i + normalized.Length]} overflow");
                return;
            }
            var d = dims[normalized[i]];
            if (change == 0)
            {
                continue;
            }
            if (!d.IsStatic)
            {
                dims[normalized[i]] = Dimension.Unknown;
                continue;
            }
            if (!ShapeMath.TryAdd(d.Value, change, out long size) || size < 0)
            {
                ctx.Fail($"pads {pads[i]} and {pads[i + normalized.Length]} make axis {normalized[i]} of size {d.Value} negative");
                return;
            }
            dims[normalized[i]] = ShapeMath.Dim(size);
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }

    private static void InferCenterCropPad(InferenceContext ctx)
    {
        var shape = ctx.InputShape(0);
        if (!shape.IsRanked)
        {
            return;
        }
        int rank = shape.Rank;
        var axes = ctx.GetInts("axes");
        int[]? normalized = axes is { } a ? ShapeMath.TryAxes(ctx, [.. a], rank) : [.. Enumerable.Range(0, rank)];
        if (normalized is null)
        {
            return;
        }
        var dims = ShapeMath.Dims(shape);
        long[]? sizes = ctx.InputInts(1);
        if (sizes is not null && sizes.Length != normalized.Length)
        {
            ctx.Fail($"'shape' has {sizes.Length} entries for {normalized.Length} axes");
            return;
        }
        for (int i = 0; i < normalized.Length; i++)
        {
            if (sizes is not null && sizes[i] < 0)
            {
                ctx.Fail($"'shape' has a negative size {sizes[i]}");
                return;
            }
            dims[normalized[i]] = sizes is null ? Dimension.Unknown : ShapeMath.Dim(sizes[i]);
        }
        ShapeMath.SetShape(ctx, 0, Shape.Of(dims));
    }
}
