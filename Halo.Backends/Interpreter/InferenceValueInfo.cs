using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

/// <summary>A named input or output of an <see cref="InferenceSession"/> and its declared type (dimensions
/// may be symbolic or unknown).</summary>
/// <param name="Name">The value's name in the model.</param>
/// <param name="Type">The declared type.</param>
public sealed record InferenceValueInfo(string Name, IrType Type);
