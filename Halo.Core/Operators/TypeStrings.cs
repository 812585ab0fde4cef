using Halo.Core.IR.Types;

namespace Halo.Core.Operators;

/// <summary>Converts IR types to and from ONNX type strings (<c>tensor(float)</c>, <c>seq(tensor(int64))</c>).</summary>
public static class TypeStrings
{
    /// <summary>The ONNX spelling of an element type (<c>float</c>, <c>int64</c>, <c>float8e4m3fn</c>...).</summary>
    public static string OnnxName(ElementType type) => type switch
    {
        ElementType.Float => "float",
        ElementType.Double => "double",
        ElementType.Float16 => "float16",
        ElementType.BFloat16 => "bfloat16",
        ElementType.Complex64 => "complex64",
        ElementType.Complex128 => "complex128",
        ElementType.Float8E4M3FN => "float8e4m3fn",
        ElementType.Float8E4M3FNUZ => "float8e4m3fnuz",
        ElementType.Float8E5M2 => "float8e5m2",
        ElementType.Float8E5M2FNUZ => "float8e5m2fnuz",
        ElementType.Float4E2M1 => "float4e2m1",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The ONNX type string of <paramref name="type"/>.</summary>
    public static string ToOnnxString(IrType type) => type switch
    {
        TensorType t => "tensor(" + OnnxName(t.ElementType) + ")",
        SparseTensorType s => "sparse_tensor(" + OnnxName(s.ElementType) + ")",
        SequenceType s => "seq(" + ToOnnxString(s.ElementType) + ")",
        OptionalType o => "optional(" + ToOnnxString(o.ElementType) + ")",
        MapType m => "map(" + OnnxName(m.KeyType) + ", " + ToOnnxString(m.ValueType) + ")",
        _ => throw new ArgumentException("Unknown type kind.", nameof(type)),
    };

    /// <summary>Whether every element type inside <paramref name="type"/> is known.</summary>
    public static bool IsFullyKnown(IrType type) => type switch
    {
        TensorType t => t.ElementType != ElementType.Undefined,
        SparseTensorType s => s.ElementType != ElementType.Undefined,
        SequenceType s => IsFullyKnown(s.ElementType),
        OptionalType o => IsFullyKnown(o.ElementType),
        MapType m => IsFullyKnown(m.ValueType),
        _ => false,
    };

    /// <summary>Parses an ONNX type string into a type with unknown shapes; null when malformed.</summary>
    public static IrType? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Unwrap(text, "tensor(") is { } t)
        {
            return ParseElement(t) is { } e ? new TensorType(e, Shape.Unranked) : null;
        }
        if (Unwrap(text, "sparse_tensor(") is { } st)
        {
            return ParseElement(st) is { } e ? new SparseTensorType(e, Shape.Unranked) : null;
        }
        if (Unwrap(text, "seq(") is { } s)
        {
            return Parse(s) is { } inner ? new SequenceType(inner) : null;
        }
        if (Unwrap(text, "optional(") is { } o)
        {
            return Parse(o) is { } inner ? new OptionalType(inner) : null;
        }
        if (Unwrap(text, "map(") is { } m)
        {
            int comma = m.IndexOf(',', StringComparison.Ordinal);
            return comma > 0 && ParseElement(m[..comma]) is { } k && Parse(m[(comma + 1)..]) is { } v ? new MapType(k, v) : null;
        }
        return null;
    }

    private static string? Unwrap(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(')') ? text[prefix.Length..^1] : null;

    private static ElementType? ParseElement(string name)
    {
        foreach (var e in Enum.GetValues<ElementType>())
        {
            if (e != ElementType.Undefined && OnnxName(e) == name)
            {
                return e;
            }
        }
        return null;
    }
}
