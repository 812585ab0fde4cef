using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>AveragePool, MaxPool and LpPool (sliding-window pooling).</summary>
internal static class PoolOperators
{
    private static readonly string[] s_maxPoolTypes = [.. Float, "tensor(int8)", "tensor(uint8)"];

    public static void Register(OperatorSetBuilder s)
    {
        Window(s.Define("AveragePool", 1)).Constraint("T", Float).Evaluate(PoolKernels.AveragePool);
        Window(s.Define("AveragePool", 7)).Attr("count_include_pad", AttributeKind.Int, 0L).Constraint("T", Float).Evaluate(PoolKernels.AveragePool);
        Window(s.Define("AveragePool", 10, 11)).Attr("count_include_pad", AttributeKind.Int, 0L)
            .Attr("ceil_mode", AttributeKind.Int, 0L).Constraint("T", Float).Evaluate(PoolKernels.AveragePool);
        Window(s.Define("AveragePool", 19, 22)).Attr("count_include_pad", AttributeKind.Int, 0L)
            .Attr("ceil_mode", AttributeKind.Int, 0L).Attr("dilations", AttributeKind.Ints).Constraint("T", Float).Evaluate(PoolKernels.AveragePool);

        Window(s.Define("MaxPool", 1)).Constraint("T", Float).Evaluate(PoolKernels.MaxPool);
        Window(s.Define("MaxPool", 8), indices: true).Attr("storage_order", AttributeKind.Int, 0L).Constraint("T", Float).Evaluate(PoolKernels.MaxPool);
        Window(s.Define("MaxPool", 10, 11), indices: true).Attr("storage_order", AttributeKind.Int, 0L)
            .Attr("ceil_mode", AttributeKind.Int, 0L).Attr("dilations", AttributeKind.Ints).Constraint("T", Float).Evaluate(PoolKernels.MaxPool);
        Window(s.Define("MaxPool", 12, 22), indices: true).Attr("storage_order", AttributeKind.Int, 0L)
            .Attr("ceil_mode", AttributeKind.Int, 0L).Attr("dilations", AttributeKind.Ints).Constraint("T", s_maxPoolTypes).Evaluate(PoolKernels.MaxPool);

        // LpPool-1 has a float p; from 2 on it is an int.
        Window(s.Define("LpPool", 1)).Attr("p", AttributeKind.Float, 2.0f).Constraint("T", Float).Evaluate(PoolKernels.LpPool);
        Window(s.Define("LpPool", 2, 11)).Attr("p", AttributeKind.Int, 2L).Constraint("T", Float).Evaluate(PoolKernels.LpPool);
        Window(s.Define("LpPool", 18, 22)).Attr("p", AttributeKind.Int, 2L).Attr("ceil_mode", AttributeKind.Int, 0L)
            .Attr("dilations", AttributeKind.Ints).Constraint("T", Float).Evaluate(PoolKernels.LpPool);
    }

    private static OperatorSchemaBuilder Window(OperatorSchemaBuilder b, bool indices = false)
    {
        b.Input("X", "T").Output("Y", "T");
        if (indices)
        {
            b.OptionalOutput("Indices", "I").Constraint("I", TypeSets.Int64);
        }
        return b.Attr("auto_pad", AttributeKind.String, "NOTSET").RequiredAttr("kernel_shape", AttributeKind.Ints)
            .Attr("pads", AttributeKind.Ints).Attr("strides", AttributeKind.Ints).Infer(InferPool);
    }

    /// <summary>Y = (N, C, pooled spatial...); the optional Indices output has the same shape.</summary>
    internal static void InferPool(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (ctx.GetInts("kernel_shape") is not { } kernel)
        {
            ctx.Fail("the kernel_shape attribute is required");
            return;
        }
        int n = ConvPoolShapes.SpatialRank(ctx, x, Shape.Unranked, kernel);
        if (n < 0 || ConvPoolShapes.ReadWindow(ctx, kernel) is not { } window)
        {
            return;
        }
        var shape = ConvPoolShapes.BatchChannelShape(ConvPoolShapes.DimOrUnknown(x, 0), ConvPoolShapes.DimOrUnknown(x, 1),
            x, n, (d, i) => ConvPoolShapes.OutputDim(ctx, d, window, i));
        if (shape is null)
        {
            return;
        }
        InferenceOutputs.SetShape(ctx, 0, shape);
        if (ctx.OutputCount > 1)
        {
            ctx.SetOutput(1, ElementType.Int64, shape);
        }
    }
}
