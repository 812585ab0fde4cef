namespace Halo.Core.Operators;

/// <summary>Whether a formal input or output must be present, may be omitted, or repeats.</summary>
public enum ParameterOption
{
    /// <summary>Exactly one value.</summary>
    Single,
    /// <summary>Zero or one value.</summary>
    Optional,
    /// <summary>Any number of values (at least <see cref="FormalParameter.MinArity"/>); only the last parameter.</summary>
    Variadic,
}
