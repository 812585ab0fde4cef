using System.Globalization;
using Halo.Backends.Interpreter;
using Halo.Core.IR;
using Halo.Core.IR.Types;
using NUnit.Framework;

namespace Halo.Tests.TestSupport;

/// <summary>Numeric tensor comparisons that report the worst element and its index.</summary>
internal static class TensorAssert
{
    /// <summary>Asserts equal element types and shapes, and |e − a| ≤ atol + rtol·|e| for every element
    /// (NaN matches NaN; integer, bool and string tensors compare exactly).</summary>
    public static void AllClose(Tensor expected, Tensor actual, double rtol, double atol, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        string prefix = message is null ? string.Empty : message + ": ";
        Assert.That(actual.ElementType, Is.EqualTo(expected.ElementType), prefix + "element type");
        Assert.That(actual.Shape.ToArray(), Is.EqualTo(expected.Shape.ToArray()), prefix + "shape");
        if (expected.ElementType == ElementType.String)
        {
            Assert.That(actual.GetStrings().ToArray(), Is.EqualTo(expected.GetStrings().ToArray()), prefix + "strings");
            return;
        }
        double[] e = ToDoubles(expected), a = ToDoubles(actual);
        bool exact = !expected.ElementType.IsFloatingPoint();
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < e.Length; i++)
        {
            if (double.IsNaN(e[i]) && double.IsNaN(a[i]) || e[i] == a[i])
            {
                continue;
            }
            double excess = double.IsNaN(e[i]) || double.IsNaN(a[i]) ? double.PositiveInfinity
                : Math.Abs(e[i] - a[i]) - (exact ? 0 : atol + rtol * Math.Abs(e[i]));
            if (excess > 0 && (worst < 0 || excess > worstExcess))
            {
                (worst, worstExcess) = (i, excess);
            }
        }
        if (worst >= 0)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}worst element at {FormatIndex(worst, expected.Shape)} (flat {worst}): expected {e[worst]}, actual {a[worst]}, |diff| {Math.Abs(e[worst] - a[worst])} (rtol {rtol}, atol {atol})"));
        }
    }

    /// <summary>Compares against float32 values of the given shape.</summary>
    public static void AllClose(float[] expected, int[] shape, Tensor actual, double rtol = 1e-5, double atol = 1e-6) =>
        AllClose(Tensor.Create<float>(expected, shape), actual, rtol, atol);

    private static double[] ToDoubles(Tensor t) =>
        TensorValues.ToDoubleArray(t.ToTensorData()) ?? throw new AssertionException($"Cannot compare {t.ElementType.GetName()} tensors.");

    private static string FormatIndex(int flat, ReadOnlySpan<int> shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return "[" + string.Join(",", index) + "]";
    }
}
