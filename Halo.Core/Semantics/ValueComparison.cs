using System.Globalization;
using Halo.Core.IR;
using Halo.Core.IR.Types;

namespace Halo.Core.Semantics;

/// <summary>Compares runtime values the way ONNX's backend-test runner does: same structure, shapes and element
/// types; numbers within <c>|actual - expected| ≤ atol + rtol·|expected|</c> (NaN equals NaN); integers, bools and
/// strings exactly as far as the tolerance allows.</summary>
public static class ValueComparison
{
    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else a description of the
    /// first difference (for tensors, the worst element and its index).</summary>
    public static string? Compare(RuntimeValue expected, RuntimeValue actual, double rtol, double atol)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return (expected, actual) switch
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
    }

    private static string? CompareTensors(TensorData expected, TensorData actual, double rtol, double atol)
    {
        if (!expected.Dimensions.SequenceEqual(actual.Dimensions))
        {
            return $"shape [{string.Join(",", actual.Dimensions)}], expected [{string.Join(",", expected.Dimensions)}]";
        }
        if (expected.ElementType != actual.ElementType)
        {
            return $"element type {actual.ElementType.GetName()}, expected {expected.ElementType.GetName()}";
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
            if ((double.IsNaN(e[i]) && double.IsNaN(a[i])) || e[i] == a[i])
            {
                continue;
            }
            double excess = Math.Abs(e[i] - a[i]) - (atol + (rtol * Math.Abs(e[i])));
            if (double.IsNaN(excess) || excess > worstExcess)
            {
                worst = i;
                worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess;
            }
        }
        return worst < 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"element {worst}: {a[worst]}, expected {e[worst]} (rtol {rtol}, atol {atol})");
    }
}
