using Halo.Core.IR.Attributes;

namespace Halo.Core.Operators;

/// <summary>An attribute an operator accepts.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Kind">The value kind.</param>
/// <param name="Required">Whether the attribute must be present.</param>
/// <param name="Default">The value used when absent; null when there is none.</param>
public sealed record AttributeSchema(string Name, AttributeKind Kind, bool Required = false, AttributeValue? Default = null);
