namespace Halo.Backends.Interpreter.Kernels.Elementwise;

/// <summary>The float32 elementwise functions with a fast kernel (<see cref="UnaryFloatKernel"/>).</summary>
internal enum UnaryFunction
{
    Sigmoid,
    Tanh,
    Exp,
    Log,
    Sqrt,
    Abs,
    Neg,
    Reciprocal,
    Sin,
    Cos,
    Floor,
    Ceil,
    Erf,
    Softplus,
    HardSigmoid,
    HardSwish,
    LeakyRelu,
    Elu,
    Gelu,
    GeluTanh,
}
