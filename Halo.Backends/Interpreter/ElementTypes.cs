using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

/// <summary>Maps interpreter element types to .NET types and sizes.</summary>
internal static class ElementTypes
{
    /// <summary>The byte size of one element; 0 for types without one (strings, undefined, and the packed 4-bit
    /// types, which only reference semantics read).</summary>
    public static int SizeOf(ElementType type) => type switch
    {
        ElementType.String or ElementType.Undefined => 0,
        _ when type.BitWidth() % 8 != 0 => 0,
        _ => type.BitWidth() / 8,
    };

    /// <summary>Whether a tensor of <paramref name="type"/> can be held by the interpreter (the 4-bit types packed,
    /// for reference semantics only: fast kernels take byte-sized types, see <see cref="SizeOf"/>).</summary>
    public static bool IsSupported(ElementType type) => type == ElementType.String || type.BitWidth() > 0;

    /// <summary>Whether fast kernels can take tensors of <paramref name="type"/> (byte-sized elements or strings).</summary>
    public static bool IsByteAddressable(ElementType type) => type == ElementType.String || SizeOf(type) > 0;

    /// <summary>The bytes <paramref name="count"/> elements of a non-string <paramref name="type"/> occupy (4-bit types packed).</summary>
    /// <exception cref="ArgumentException">The type has no fixed size.</exception>
    /// <exception cref="OverflowException">The size does not fit in an <see cref="int"/>.</exception>
    public static int ByteCount(ElementType type, int count)
    {
        long bytes = type.ByteCount(count);
        return bytes >= 0 ? checked((int)bytes) : throw new ArgumentException($"{type.GetName()} has no fixed element size.", nameof(type));
    }

    /// <summary>The element type of the .NET type <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">No element type matches.</exception>
    public static ElementType Of<T>() => typeof(T) switch
    {
        var t when t == typeof(float) => ElementType.Float,
        var t when t == typeof(double) => ElementType.Double,
        var t when t == typeof(Half) => ElementType.Float16,
        var t when t == typeof(sbyte) => ElementType.Int8,
        var t when t == typeof(byte) => ElementType.UInt8,
        var t when t == typeof(short) => ElementType.Int16,
        var t when t == typeof(ushort) => ElementType.UInt16,
        var t when t == typeof(int) => ElementType.Int32,
        var t when t == typeof(uint) => ElementType.UInt32,
        var t when t == typeof(long) => ElementType.Int64,
        var t when t == typeof(ulong) => ElementType.UInt64,
        var t when t == typeof(bool) => ElementType.Bool,
        _ => throw new ArgumentException($"{typeof(T).Name} is not a tensor element type."),
    };
}
