using System.Collections.Immutable;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;
using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.NeuralNetwork;

/// <summary>DFT, STFT, the window generators and MelWeightMatrix.</summary>
internal static class SignalOperators
{
    public static void Register(OperatorSetBuilder s)
    {
        s.Define("DFT", 17).Input("input", "T1").OptionalInput("dft_length", "T2").Output("output", "T1")
            .Attr("axis", AttributeKind.Int, 1L).Attr("inverse", AttributeKind.Int, 0L).Attr("onesided", AttributeKind.Int, 0L)
            .Constraint("T1", Float).Constraint("T2", TypeSets.Index).Infer(InferDft).Evaluate(SignalKernels.Dft);
        s.Define("DFT", 20).Input("input", "T1").OptionalInput("dft_length", "T2").OptionalInput("axis", "tensor(int64)")
            .Output("output", "T1").Attr("inverse", AttributeKind.Int, 0L).Attr("onesided", AttributeKind.Int, 0L)
            .Constraint("T1", Float).Constraint("T2", TypeSets.Index).Infer(InferDft).Evaluate(SignalKernels.Dft);
        s.Define("STFT", 17).Input("signal", "T1").Input("frame_step", "T2").OptionalInput("window", "T1")
            .OptionalInput("frame_length", "T2").Output("output", "T1").Attr("onesided", AttributeKind.Int, 1L)
            .Constraint("T1", Float).Constraint("T2", TypeSets.Index).Infer(InferStft).Evaluate(SignalKernels.Stft);
        foreach (string name in new[] { "HannWindow", "HammingWindow", "BlackmanWindow" })
        {
            s.Define(name, 17).Input("size", "T1").Output("output", "T2").Attr("output_datatype", AttributeKind.Int, 1L)
                .Attr("periodic", AttributeKind.Int, 1L).Constraint("T1", TypeSets.Index).Constraint("T2", Numeric).Infer(InferWindow)
                .Evaluate(name == "HannWindow" ? WindowKernels.Hann : name == "HammingWindow" ? WindowKernels.Hamming : WindowKernels.Blackman);
        }
        s.Define("MelWeightMatrix", 17).Input("num_mel_bins", "T1").Input("dft_length", "T1").Input("sample_rate", "T1")
            .Input("lower_edge_hertz", "T2").Input("upper_edge_hertz", "T2").Output("output", "T3")
            .Attr("output_datatype", AttributeKind.Int, 1L).Constraint("T1", TypeSets.Index).Constraint("T2", Float)
            .Constraint("T3", Numeric).Infer(InferMel).Evaluate(WindowKernels.MelWeightMatrix);
    }

    /// <summary>Same shape as the input with the last axis 2 (complex) and the transformed axis resized.</summary>
    private static void InferDft(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (!x.IsRanked)
        {
            return;
        }
        if (x.Rank < 2 || (x[x.Rank - 1].IsStatic && x[x.Rank - 1].Value is not (1 or 2)))
        {
            ctx.Fail($"input has shape {x}, expected [..., 1] (real) or [..., 2] (complex)");
            return;
        }
        if (DftAxis(ctx) is not { } axisValue)
        {
            InferenceOutputs.SetShape(ctx, 0, Shape.OfRank(x.Rank));
            return;
        }
        if (!ShapeHelpers.TryNormalizeAxis(axisValue, x.Rank, out int axis) || axis == x.Rank - 1)
        {
            ctx.Fail($"axis {axisValue} is not a signal axis of input {x}");
            return;
        }
        var length = ScalarDim(ctx, 1, x[axis]);
        if (length is not { } n)
        {
            return;
        }
        bool onesided = ctx.GetInt("onesided", 0) != 0;
        var dims = x.Dimensions.ToArray();
        dims[axis] = onesided ? (n.IsStatic ? Dimension.Of((n.Value / 2) + 1) : Dimension.Unknown) : n;
        dims[^1] = Dimension.Of(2);
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(ImmutableArray.Create(dims)));
    }

    /// <summary>The DFT axis: the attribute (17) or the constant axis input (20, default -2); null when not constant.</summary>
    private static long? DftAxis(InferenceContext ctx)
    {
        if (ctx.Schema.Id.SinceVersion < 20)
        {
            return ctx.GetInt("axis", 1);
        }
        var given = ctx.InputInts(2);
        if (given is { Length: not 1 })
        {
            // A constant axis that is not a scalar can name no axis; let the caller report it.
            return long.MinValue;
        }
        return !ctx.HasInput(2) ? -2 : given?[0];
    }

    /// <summary>(batch, frames, bins, 2).</summary>
    private static void InferStft(InferenceContext ctx)
    {
        var signal = ctx.InputShape(0);
        var window = ctx.InputShape(2);
        if ((signal.IsRanked && signal.Rank != 3) || (ctx.HasInput(2) && window.IsRanked && window.Rank != 1))
        {
            ctx.Fail($"signal {signal} must be [batch, length, 1 or 2] and window {window} one-dimensional");
            return;
        }
        var fromWindow = ctx.HasInput(2) ? ConvPoolShapes.DimOrUnknown(window, 0) : Dimension.Unknown;
        var frameLength = ScalarDim(ctx, 3, fromWindow);
        long[]? step = ctx.InputInts(1);
        if (frameLength is not { } fl)
        {
            return;
        }
        if (step is { Length: 1 } && step[0] < 1)
        {
            ctx.Fail($"frame_step {step[0]} must be positive");
            return;
        }
        var length = ConvPoolShapes.DimOrUnknown(signal, 1);
        var frames = Dimension.Unknown;
        if (length.IsStatic && fl.IsStatic && step is { Length: 1 })
        {
            if (fl.Value > length.Value)
            {
                ctx.Fail($"frame length {fl.Value} is longer than the signal ({length.Value})");
                return;
            }
            frames = Dimension.Of(((length.Value - fl.Value) / step[0]) + 1);
        }
        bool onesided = ctx.GetInt("onesided", 1) != 0;
        var bins = !onesided ? fl : fl.IsStatic ? Dimension.Of((fl.Value / 2) + 1) : Dimension.Unknown;
        InferenceOutputs.SetShape(ctx, 0, Shape.Of(ConvPoolShapes.DimOrUnknown(signal, 0), frames, bins, 2));
    }

    private static void InferWindow(InferenceContext ctx)
    {
        if (OutputDataType(ctx) is not { } type)
        {
            return;
        }
        var size = ScalarDim(ctx, 0, Dimension.Unknown);
        if (size is { } n)
        {
            ctx.SetOutput(0, type, Shape.Of(n));
        }
    }

    private static void InferMel(InferenceContext ctx)
    {
        if (OutputDataType(ctx) is not { } type)
        {
            return;
        }
        var bins = ScalarDim(ctx, 0, Dimension.Unknown);
        var dft = ScalarDim(ctx, 1, Dimension.Unknown);
        if (bins is { } b && dft is { } d)
        {
            ctx.SetOutput(0, type, Shape.Of(d.IsStatic ? Dimension.Of((d.Value / 2) + 1) : Dimension.Unknown, b));
        }
    }

    /// <summary>The element type named by output_datatype; null (reported) when it is not numeric.</summary>
    private static ElementType? OutputDataType(InferenceContext ctx)
    {
        long code = ctx.GetInt("output_datatype", 1);
        var type = code is > 0 and <= (long)ElementType.BFloat16 ? (ElementType)code : ElementType.Undefined;
        string name = type == ElementType.Undefined ? string.Empty : "tensor(" + TypeStrings.OnnxName(type) + ")";
        if (!Numeric.Contains(name))
        {
            ctx.Fail($"output_datatype {code} is not a numeric tensor element type");
            return null;
        }
        ctx.SetOutput(0, type, Shape.Unranked);
        return type;
    }

    /// <summary>The value of scalar input <paramref name="index"/> as a dimension: absent gives
    /// <paramref name="fallback"/>, non-constant gives unknown, negative or not a scalar is reported (null).</summary>
    private static Dimension? ScalarDim(InferenceContext ctx, int index, Dimension fallback)
    {
        if (!ctx.HasInput(index))
        {
            return fallback;
        }
        var values = ctx.InputInts(index);
        var shape = ctx.InputShape(index);
        if ((values is not null && values.Length != 1) || (shape.IsRanked && shape.Rank > 1))
        {
            ctx.Fail($"input {ctx.Schema.Inputs[index].Name} must be a scalar, got shape {shape}");
            return null;
        }
        if (values is null)
        {
            return Dimension.Unknown;
        }
        if (values[0] < 0)
        {
            ctx.Fail($"input {ctx.Schema.Inputs[index].Name} is negative ({values[0]})");
            return null;
        }
        return Dimension.Of(values[0]);
    }
}
