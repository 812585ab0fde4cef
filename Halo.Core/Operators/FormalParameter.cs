namespace Halo.Core.Operators;

/// <summary>A formal input or output of an operator.</summary>
/// <param name="Name">The name from the specification.</param>
/// <param name="TypeString">A type constraint name (<c>T</c>) or a concrete ONNX type string (<c>tensor(int64)</c>).</param>
/// <param name="Option">Single, optional or variadic.</param>
/// <param name="MinArity">For variadic parameters, the least number of values.</param>
/// <param name="IsHomogeneous">For variadic parameters, whether all values must have the same type.</param>
public sealed record FormalParameter(string Name, string TypeString, ParameterOption Option = ParameterOption.Single,
    int MinArity = 1, bool IsHomogeneous = true);
