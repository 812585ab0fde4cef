using System.Globalization;

namespace Halo.Core.IR.Types;

/// <summary>
/// One dimension of a <see cref="Shape"/>: a static size (≥ 0), a symbolic name that stands for an
/// unknown size shared by every dimension with the same name (<c>batch</c>, <c>seq</c>), or unknown.
/// </summary>
public readonly record struct Dimension
{
    private readonly long _value;

    private Dimension(long value, string? symbol)
    {
        _value = value;
        Symbol = symbol;
    }

    /// <summary>An unknown dimension.</summary>
    public static Dimension Unknown => default;

    /// <summary>A static dimension of <paramref name="value"/> elements.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static Dimension Of(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new(value + 1, null);
    }

    /// <summary>A symbolic dimension; an empty name makes an unknown dimension.</summary>
    public static Dimension Symbolic(string name) => string.IsNullOrEmpty(name) ? Unknown : new(0, name);

    /// <summary>Whether the size is a known number.</summary>
    public bool IsStatic => _value > 0;

    /// <summary>Whether the dimension is a named symbol.</summary>
    public bool IsSymbolic => Symbol is not null;

    /// <summary>Whether nothing is known about the dimension.</summary>
    public bool IsUnknown => _value == 0 && Symbol is null;

    /// <summary>The static size; throws when <see cref="IsStatic"/> is false.</summary>
    public long Value => IsStatic ? _value - 1 : throw new InvalidOperationException("The dimension is not static.");

    /// <summary>The symbol name, or null when the dimension is not symbolic.</summary>
    public string? Symbol { get; }

    /// <summary>Implicit conversion from a static size.</summary>
    public static implicit operator Dimension(long value) => Of(value);

    /// <summary>Same as the implicit conversion, for languages without operators.</summary>
    public static Dimension FromInt64(long value) => Of(value);

    /// <inheritdoc />
    public override string ToString() =>
        IsStatic ? Value.ToString(CultureInfo.InvariantCulture) : Symbol ?? "?";
}
