using Halo.Core.IR;
using Halo.Core.IR.Attributes;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;

namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>ai.onnx.ml LabelEncoder: 1 (classes_strings index map), 2 (keys_*/values_* lists), 4 (also tensors).</summary>
internal static class LabelEncoderKernel
{
    /// <summary>LabelEncoder (all versions).</summary>
    public static void LabelEncoder(EvaluationContext ctx)
    {
        var x = ctx.Tensor(0);
        ElementType outType = NnData.OutType(ctx, 0);
        bool outString = outType == ElementType.String;
        string[] keys;
        string[] values;
        string fallback;
        if (ctx.Schema.Id.SinceVersion == 1)
        {
            string[] classes = ctx.Attr("classes_strings") is { Kind: AttributeKind.Strings } cs ? [.. cs.AsStrings()] : [];
            string[] indices = [.. Enumerable.Range(0, classes.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            (keys, values) = x.ElementType == ElementType.String ? (classes, indices) : (indices, classes);
            fallback = outString ? ctx.GetString("default_string", "_Unused")! : Text(ctx.GetInt("default_int64", -1));
        }
        else
        {
            keys = List(ctx, "keys");
            values = List(ctx, "values");
            fallback = Default(ctx, outType);
        }
        if (keys.Length != values.Length)
        {
            ctx.Fail($"{keys.Length} keys but {values.Length} values");
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            map.TryAdd(keys[i], values[i]);
        }
        string[] inputs = x.ElementType == ElementType.String ? [.. x.Strings] : [.. NnData.Doubles(ctx, 0).Select(Text)];
        string[] result = [.. inputs.Select(v => map.TryGetValue(v, out var r) ? r : fallback)];
        if (outString)
        {
            ctx.SetOutput(0, TensorData.FromStrings([.. result], x.Dimensions));
            return;
        }
        NnData.Set(ctx, 0, outType, [.. result.Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))], [.. x.Dimensions]);
    }

    private static string[] List(EvaluationContext ctx, string prefix)
    {
        if (ctx.Attr(prefix + "_tensor") is { Kind: AttributeKind.Tensor } t)
        {
            var data = t.AsTensor();
            return data.ElementType == ElementType.String ? [.. data.Strings] : [.. TensorValues.ToDoubleArray(data)!.Select(Text)];
        }
        if (ctx.Attr(prefix + "_strings") is { Kind: AttributeKind.Strings } s)
        {
            return [.. s.AsStrings()];
        }
        if (ctx.Attr(prefix + "_int64s") is { Kind: AttributeKind.Ints } i)
        {
            return [.. i.AsInts().Select(v => Text(v))];
        }
        return ctx.Attr(prefix + "_floats") is { Kind: AttributeKind.Floats } f ? [.. f.AsFloats().Select(v => Text(v))] : [];
    }

    private static string Default(EvaluationContext ctx, ElementType outType)
    {
        if (ctx.Attr("default_tensor") is { Kind: AttributeKind.Tensor } t)
        {
            var data = t.AsTensor();
            return data.ElementType == ElementType.String ? data.Strings[0] : Text(TensorValues.ToDoubleArray(data)![0]);
        }
        return outType switch
        {
            ElementType.String => ctx.GetString("default_string", "_Unused")!,
            ElementType.Int64 or ElementType.Int32 or ElementType.Int16 => Text(ctx.GetInt("default_int64", -1)),
            _ => Text(ctx.GetFloat("default_float", -0f)),
        };
    }

    /// <summary>Numeric keys compare by value through their round-trip text: every NaN alike, -0 as 0.</summary>
    private static string Text(double v) => v == 0 ? "0" : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
