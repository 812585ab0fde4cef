namespace Halo.Core.Operators.Onnx.Math.Semantics;

/// <summary>Functions .NET's Math lacks: the error function and numerically stable softplus.</summary>
public static class SpecialFunctions
{
    /// <summary>erf(x): Maclaurin series near zero, 1 - erfc(x) elsewhere (relative error below 1e-7).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        double a = System.Math.Abs(x);
        if (a < 0.5)
        {
            double term = x, sum = x, x2 = x * x;
            for (int n = 1; n < 20; n++)
            {
                term *= -x2 / n;
                sum += term / ((2 * n) + 1);
            }
            return sum * 2 / System.Math.Sqrt(System.Math.PI);
        }
        double c = Erfc(a);
        return x < 0 ? c - 1 : 1 - c;
    }

    /// <summary>The coefficients of the Chebyshev-fitted exponent P(t) in erfc(a) = t·exp(-a² + P(t)),
    /// t = 1 / (1 + a/2), highest power first (vectorized evaluators use the same fit).</summary>
    public static ReadOnlySpan<double> ErfcExponent => [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807,
        -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];

    /// <summary>erfc(x) for x &gt;= 0 (Chebyshev-fitted exponential form, fractional error below 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        double t = 1 / (1 + (0.5 * x));
        double poly = 0;
        foreach (double c in ErfcExponent)
        {
            poly = (poly * t) + c;
        }
        return t * System.Math.Exp((-x * x) + poly);
    }

    /// <summary>log(1 + exp(x)) without overflow.</summary>
    public static double Softplus(double x) =>
        x > 0 ? x + System.Math.Log(1 + System.Math.Exp(-x)) : System.Math.Log(1 + System.Math.Exp(x));

    /// <summary>1 / (1 + exp(-x)) without overflow.</summary>
    public static double Sigmoid(double x) =>
        x >= 0 ? 1 / (1 + System.Math.Exp(-x)) : System.Math.Exp(x) / (1 + System.Math.Exp(x));
}
