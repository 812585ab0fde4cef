using Halo.Core.IR.Attributes;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Halo;

/// <summary>
/// Schemas of the layout-carrying <c>ai.halo</c> operators. Each is its ONNX namesake (newest version) with a
/// <c>data_layout</c> attribute: in <c>NHWC</c> the data operand X and the result Y are channel-last
/// (N, spatial..., C); weights and per-channel operands keep their ONNX layout (Conv weights stay OIHW, bias,
/// scale, mean and variance stay [C]). In <c>NCHW</c> the operator is exactly the ONNX one.
/// </summary>
internal static class LayoutOperatorSchemas
{
    public static readonly string[] Names = ["AveragePool", "BatchNormalization", "Conv", "GlobalAveragePool", "MaxPool"];

    public static void Register(OperatorSetBuilder s)
    {
        Layout(s.Define(HaloOperatorSet.Domain, "Conv", HaloOperatorSet.Version)).Input("X", "T").Input("W", "T")
            .OptionalInput("B", "T").Output("Y", "T").Attr("auto_pad", AttributeKind.String, "NOTSET")
            .Attr("dilations", AttributeKind.Ints).Attr("kernel_shape", AttributeKind.Ints).Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints).Attr("group", AttributeKind.Int, 1L);
        Window(Layout(s.Define(HaloOperatorSet.Domain, "MaxPool", HaloOperatorSet.Version)).Input("X", "T").Output("Y", "T"))
            .Attr("storage_order", AttributeKind.Int, 0L);
        Window(Layout(s.Define(HaloOperatorSet.Domain, "AveragePool", HaloOperatorSet.Version)).Input("X", "T").Output("Y", "T"))
            .Attr("count_include_pad", AttributeKind.Int, 0L);
        Layout(s.Define(HaloOperatorSet.Domain, "GlobalAveragePool", HaloOperatorSet.Version)).Input("X", "T").Output("Y", "T");
        Layout(s.Define(HaloOperatorSet.Domain, "BatchNormalization", HaloOperatorSet.Version)).Input("X", "T")
            .Input("scale", "T").Input("B", "T").Input("input_mean", "T").Input("input_var", "T").Output("Y", "T")
            .Attr("epsilon", AttributeKind.Float, 1e-5f).Attr("momentum", AttributeKind.Float, 0.9f);
    }

    private static OperatorSchemaBuilder Layout(OperatorSchemaBuilder b) => b
        .Attr(HaloOperatorSet.DataLayoutAttribute, AttributeKind.String, HaloOperatorSet.ChannelLast)
        .Constraint("T", Float).Infer(LayoutDelegation.Infer).Evaluate(LayoutDelegation.Evaluate);

    private static OperatorSchemaBuilder Window(OperatorSchemaBuilder b) => b
        .Attr("auto_pad", AttributeKind.String, "NOTSET").RequiredAttr("kernel_shape", AttributeKind.Ints)
        .Attr("pads", AttributeKind.Ints).Attr("strides", AttributeKind.Ints).Attr("ceil_mode", AttributeKind.Int, 0L)
        .Attr("dilations", AttributeKind.Ints);
}
