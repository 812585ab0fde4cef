namespace Halo.Core.Operators.Onnx.NeuralNetwork.Semantics;

/// <summary>A recurrent-cell activation function by ONNX name, with its alpha and beta.</summary>
/// <param name="Name">The function name in upper case.</param>
/// <param name="Alpha">The alpha parameter (where the function takes one).</param>
/// <param name="Beta">The beta parameter (where the function takes one).</param>
internal readonly record struct Activation(string Name, double Alpha, double Beta)
{
    /// <summary>Whether <paramref name="name"/> is a known function.</summary>
    public static bool IsKnown(string name) => name.ToUpperInvariant() is "RELU" or "TANH" or "SIGMOID" or "AFFINE"
        or "LEAKYRELU" or "THRESHOLDEDRELU" or "SCALEDTANH" or "HARDSIGMOID" or "ELU" or "SOFTSIGN" or "SOFTPLUS";

    /// <summary>Whether the function takes an alpha; <paramref name="fallback"/> is its default.</summary>
    public static bool TakesAlpha(string name, out double fallback)
    {
        fallback = name.ToUpperInvariant() switch
        {
            "LEAKYRELU" => 0.01,
            "HARDSIGMOID" => 0.2,
            _ => 1.0,
        };
        return name.ToUpperInvariant() is "AFFINE" or "LEAKYRELU" or "THRESHOLDEDRELU" or "SCALEDTANH" or "HARDSIGMOID" or "ELU";
    }

    /// <summary>Whether the function takes a beta; <paramref name="fallback"/> is its default.</summary>
    public static bool TakesBeta(string name, out double fallback)
    {
        fallback = name.ToUpperInvariant() switch
        {
            "HARDSIGMOID" => 0.5,
            "SCALEDTANH" => 1.0,
            _ => 0.0,
        };
        return name.ToUpperInvariant() is "AFFINE" or "SCALEDTANH" or "HARDSIGMOID";
    }

    /// <summary>Applies the function.</summary>
    public double Apply(double x) => Name switch
    {
        "RELU" => System.Math.Max(0, x),
        "TANH" => System.Math.Tanh(x),
        "SIGMOID" => 1 / (1 + System.Math.Exp(-x)),
        "AFFINE" => (Alpha * x) + Beta,
        "LEAKYRELU" => x >= 0 ? x : Alpha * x,
        "THRESHOLDEDRELU" => x > Alpha ? x : 0,
        "SCALEDTANH" => Alpha * System.Math.Tanh(Beta * x),
        "HARDSIGMOID" => System.Math.Clamp((Alpha * x) + Beta, 0, 1),
        "ELU" => x >= 0 ? x : Alpha * (System.Math.Exp(x) - 1),
        "SOFTSIGN" => x / (1 + System.Math.Abs(x)),
        _ => System.Math.Log(1 + System.Math.Exp(x)),
    };
}
