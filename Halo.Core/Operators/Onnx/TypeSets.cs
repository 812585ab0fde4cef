namespace Halo.Core.Operators.Onnx;

/// <summary>The ONNX type-string sets that operator type constraints are made of.</summary>
public static class TypeSets
{
    private static string[] Tensors(params string[] names) => [.. names.Select(n => "tensor(" + n + ")")];

    /// <summary>float16, float, double, bfloat16.</summary>
    public static readonly string[] Float = Tensors("float16", "float", "double", "bfloat16");

    /// <summary>Signed integers.</summary>
    public static readonly string[] SignedInt = Tensors("int8", "int16", "int32", "int64");

    /// <summary>Unsigned integers.</summary>
    public static readonly string[] UnsignedInt = Tensors("uint8", "uint16", "uint32", "uint64");

    /// <summary>All integers (8 to 64 bits).</summary>
    public static readonly string[] Int = [.. SignedInt, .. UnsignedInt];

    /// <summary>All numeric tensors: integers and float16/float/double/bfloat16.</summary>
    public static readonly string[] Numeric = [.. Int, .. Float];

    /// <summary>The float8 types.</summary>
    public static readonly string[] Float8 = Tensors("float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz");

    /// <summary>The 4-bit types.</summary>
    public static readonly string[] FourBit = Tensors("uint4", "int4", "float4e2m1");

    /// <summary>Every tensor type up to ONNX IR 3 (numeric, bool, string, complex).</summary>
    public static readonly string[] All = [.. Numeric, .. Tensors("bool", "string", "complex64", "complex128")];

    /// <summary>Every tensor type including float8 and 4-bit types (IR 9 and later).</summary>
    public static readonly string[] AllIr10 = [.. All, .. Float8, .. FourBit];

    /// <summary>bool only.</summary>
    public static readonly string[] Bool = Tensors("bool");

    /// <summary>int64 only.</summary>
    public static readonly string[] Int64 = Tensors("int64");

    /// <summary>int32 and int64 (index tensors).</summary>
    public static readonly string[] Index = Tensors("int32", "int64");

    /// <summary>string only.</summary>
    public static readonly string[] String = Tensors("string");

    /// <summary>Sequences of any tensor of <see cref="All"/>.</summary>
    public static readonly string[] Sequences = [.. All.Select(t => "seq(" + t + ")")];

    /// <summary>Optional tensors and optional sequences of <see cref="All"/>.</summary>
    public static readonly string[] Optionals = [.. All.Concat(Sequences).Select(t => "optional(" + t + ")")];
}
