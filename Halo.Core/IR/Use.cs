namespace Halo.Core.IR;

/// <summary>One use of a value: operand <paramref name="InputIndex"/> of <paramref name="Consumer"/> reads
/// output <paramref name="OutputIndex"/> of the producer.</summary>
/// <param name="Consumer">The consuming node.</param>
/// <param name="InputIndex">The operand position in the consumer.</param>
/// <param name="OutputIndex">The output of the producer that is read.</param>
public readonly record struct Use(Node Consumer, int InputIndex, int OutputIndex);
