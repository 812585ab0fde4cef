using System.Collections.Immutable;
using System.Globalization;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using Halo.Core.Semantics;
using Halo.Frontends.Onnx;

namespace Halo.Tests.Conformance;

/// <summary>Converts ONNX test-data values to runtime values and compares runtime values with tolerances.</summary>
internal static class RuntimeValues
{
    public static RuntimeValue FromOnnx(OnnxValue value, IrType type) => value.Kind switch
    {
        OnnxValueKind.Tensor => new TensorValue(value.Tensor!),
        OnnxValueKind.Sequence => new SequenceValue(type is SequenceType s ? s.ElementType : IrType.Unknown,
            [.. value.Elements.Select(e => FromOnnx(e, type is SequenceType st ? st.ElementType : IrType.Unknown))]),
        OnnxValueKind.Optional => new OptionalValue(type is OptionalType o ? o.ElementType : IrType.Unknown,
            value.OptionalValue is null ? null : FromOnnx(value.OptionalValue, type is OptionalType ot ? ot.ElementType : IrType.Unknown)),
        _ => throw new NotSupportedException("test data of kind " + value.Kind),
    };

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else what differs.</summary>
    public static string? Compare(RuntimeValue expected, RuntimeValue actual, double rtol, double atol) => (expected, actual) switch
    {
        (TensorValue e, TensorValue a) => CompareTensors(e.Data, a.Data, rtol, atol),
        (SequenceValue e, SequenceValue a) => e.Items.Length != a.Items.Length
            ? $"sequence length {a.Items.Length}, expected {e.Items.Length}"
            : e.Items.Zip(a.Items).Select((p, i) => Compare(p.First, p.Second, rtol, atol) is { } d ? $"[{i}]: {d}" : null)
                .FirstOrDefault(d => d is not null),
        (OptionalValue e, OptionalValue a) => (e.Value, a.Value) switch
        {
            (null, null) => null,
            ({ } ev, { } av) => Compare(ev, av, rtol, atol),
            _ => "optional presence differs",
        },
        _ => $"{actual.GetType().Name} where {expected.GetType().Name} was expected",
    };

    private static string? CompareTensors(TensorData expected, TensorData actual, double rtol, double atol)
    {
        if (!expected.Dimensions.SequenceEqual(actual.Dimensions))
        {
            return $"shape [{string.Join(",", actual.Dimensions)}], expected [{string.Join(",", expected.Dimensions)}]";
        }
        if (expected.ElementType != actual.ElementType)
        {
            return $"element type {actual.ElementType}, expected {expected.ElementType}";
        }
        if (expected.ElementType == ElementType.String)
        {
            int i = Enumerable.Range(0, expected.Strings.Length).FirstOrDefault(k => expected.Strings[k] != actual.Strings[k], -1);
            return i < 0 ? null : $"string at {i}: '{actual.Strings[i]}', expected '{expected.Strings[i]}'";
        }
        if (TensorValues.ToDoubleArray(expected) is not { } e || TensorValues.ToDoubleArray(actual) is not { } a)
        {
            return expected.Bytes.Span.SequenceEqual(actual.Bytes.Span) ? null : "bytes differ";
        }
        return WorstElement(e, a, rtol, atol);
    }

    private static string? WorstElement(double[] e, double[] a, double rtol, double atol)
    {
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < e.Length; i++)
        {
            if (double.IsNaN(e[i]) && double.IsNaN(a[i]) || e[i] == a[i])
            {
                continue;
            }
            double excess = Math.Abs(e[i] - a[i]) - (atol + rtol * Math.Abs(e[i]));
            if (double.IsNaN(excess) || excess > worstExcess)
            {
                worst = i;
                worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess;
            }
        }
        return worst < 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"element {worst}: {a[worst]}, expected {e[worst]} (rtol {rtol}, atol {atol})");
    }

    public static ImmutableArray<string> DataSets(string caseDir) =>
        [.. Directory.GetDirectories(caseDir, "test_data_set_*").Order(StringComparer.Ordinal)];
}
