using Halo.Core.IR.Types;

namespace Halo.Backends.Interpreter;

/// <summary>Maps interpreter element types to .NET types and sizes.</summary>
internal static class ElementTypes
{
    /// <summary>The byte size of one element; 0 for types the interpreter cannot hold (4-bit, undefined).</summary>
    public static int SizeOf(ElementType type) => type switch
    {
        ElementType.String or ElementType.Undefined => 0,
        _ when type.BitWidth() % 8 != 0 => 0,
        _ => type.BitWidth() / 8,
    };

    /// <summary>Whether a tensor of <paramref name="type"/> can be held by the interpreter.</summary>
    public static bool IsSupported(ElementType type) => type == ElementType.String || SizeOf(type) > 0;

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
