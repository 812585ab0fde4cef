using static Halo.Core.Operators.Onnx.TypeSets;

namespace Halo.Core.Operators.Onnx.Math;

/// <summary>Type-string sets of the math operators' older versions (before bfloat16, float8 and 4-bit types).</summary>
internal static class MathTypeSets
{
    private static string[] Tensors(params string[] names) => [.. names.Select(n => "tensor(" + n + ")")];

    /// <summary>float16, float, double (no bfloat16).</summary>
    public static readonly string[] Float3 = Tensors("float16", "float", "double");

    /// <summary>float only.</summary>
    public static readonly string[] FloatOnly = Tensors("float");

    /// <summary>All integers and float16/float/double (no bfloat16).</summary>
    public static readonly string[] Numeric3 = [.. Int, .. Float3];

    /// <summary>Arithmetic types of opset 6 to 12: float16, float, double, int32, int64, uint32, uint64.</summary>
    public static readonly string[] Arith6 = [.. Float3, .. Tensors("int32", "int64", "uint32", "uint64")];

    /// <summary><see cref="Arith6"/> and bfloat16.</summary>
    public static readonly string[] Arith6Bf16 = [.. Arith6, .. Tensors("bfloat16")];

    /// <summary>Signed integers and float16/float/double (Neg-6).</summary>
    public static readonly string[] Signed3 = [.. SignedInt, .. Float3];

    /// <summary>Signed integers and float16/float/double/bfloat16 (Neg-13).</summary>
    public static readonly string[] Signed = [.. SignedInt, .. Float];

    /// <summary>Reduction types of opset 1 and 11: uint32, uint64, int32, int64, float16, float, double.</summary>
    public static readonly string[] Reduce1 = Arith6;

    /// <summary><see cref="Reduce1"/> and int8, uint8 (ReduceMax/ReduceMin-12).</summary>
    public static readonly string[] Reduce12 = [.. Reduce1, .. Tensors("int8", "uint8")];

    /// <summary><see cref="Reduce12"/> and bfloat16.</summary>
    public static readonly string[] Reduce12Bf16 = [.. Reduce12, .. Tensors("bfloat16")];

    /// <summary><see cref="Reduce12Bf16"/> and bool (ReduceMax/ReduceMin-20).</summary>
    public static readonly string[] Reduce20 = [.. Reduce12Bf16, .. Bool];

    /// <summary>Every IR 3 tensor type except bfloat16 (opset 1 to 12 "all types").</summary>
    public static readonly string[] AllNoBf16 = [.. All.Where(t => t != "tensor(bfloat16)")];

    /// <summary>Equal-1/7: bool, int32, int64.</summary>
    public static readonly string[] Equal1 = Tensors("bool", "int32", "int64");

    /// <summary>Equal-11: bool, all integers, float16/float/double.</summary>
    public static readonly string[] Equal11 = [.. Bool, .. Numeric3];

    /// <summary>Equal-13: <see cref="Equal11"/> and bfloat16.</summary>
    public static readonly string[] Equal13 = [.. Bool, .. Numeric];

    /// <summary>Equal-19: <see cref="Equal13"/> and string.</summary>
    public static readonly string[] Equal19 = [.. Equal13, .. TypeSets.String];

    /// <summary>Cast-6 types: numeric (no bfloat16) and bool.</summary>
    public static readonly string[] Cast6 = [.. Numeric3, .. Bool];

    /// <summary>Cast-9 types: <see cref="Cast6"/> and string.</summary>
    public static readonly string[] Cast9 = [.. Cast6, .. TypeSets.String];

    /// <summary>Cast-13 types: numeric, bool and string.</summary>
    public static readonly string[] Cast13 = [.. Numeric, .. Bool, .. TypeSets.String];

    /// <summary>Cast-19 types: <see cref="Cast13"/> and the float8 types.</summary>
    public static readonly string[] Cast19 = [.. Cast13, .. Float8];

    /// <summary>Cast-21 types: <see cref="Cast19"/> and int4/uint4.</summary>
    public static readonly string[] Cast21 = [.. Cast19, .. Tensors("uint4", "int4")];

    /// <summary>Cast-23 types: <see cref="Cast21"/> and float4e2m1.</summary>
    public static readonly string[] Cast23 = [.. Cast21, .. Tensors("float4e2m1")];

    /// <summary>Bernoulli output types: numeric (bfloat16 included from the start) and bool.</summary>
    public static readonly string[] BernoulliOutput = [.. Numeric, .. Bool];

    /// <summary>int8 and uint8.</summary>
    public static readonly string[] Int8 = Tensors("int8", "uint8");

    /// <summary>int8, uint8 and the float8 types.</summary>
    public static readonly string[] Int8Float8 = [.. Int8, .. Float8];

    /// <summary>float, float16, bfloat16.</summary>
    public static readonly string[] ScaleTypes = Tensors("float", "float16", "bfloat16");

    /// <summary>int8, uint8, int32.</summary>
    public static readonly string[] Dequantize10 = Tensors("int8", "uint8", "int32");

    /// <summary>int8, uint8, int32 and the float8 types.</summary>
    public static readonly string[] Dequantize19 = [.. Dequantize10, .. Float8];

    /// <summary>Dequantize-21 input types: 8/16-bit integers, int32, float8, int4/uint4.</summary>
    public static readonly string[] Dequantize21 = [.. Dequantize19, .. Tensors("int16", "uint16", "uint4", "int4")];

    /// <summary>Dequantize-23 input types: <see cref="Dequantize21"/> and float4e2m1.</summary>
    public static readonly string[] Dequantize23 = [.. Dequantize21, .. Tensors("float4e2m1")];

    /// <summary>Quantize-19 output types: int8, uint8 and the float8 types.</summary>
    public static readonly string[] Quantize19 = Int8Float8;

    /// <summary>Quantize-21 output types: 8/16-bit integers, float8 and int4/uint4.</summary>
    public static readonly string[] Quantize21 = [.. Int8Float8, .. Tensors("int16", "uint16", "uint4", "int4")];

    /// <summary>Quantize-23 output types: <see cref="Quantize21"/> and float4e2m1.</summary>
    public static readonly string[] Quantize23 = [.. Quantize21, .. Tensors("float4e2m1")];

    /// <summary>Quantize input types from opset 19: float, float16, bfloat16, int32.</summary>
    public static readonly string[] QuantizeInput19 = Tensors("float", "float16", "bfloat16", "int32");

    /// <summary>Quantize input types of opset 10 and 13: float, int32.</summary>
    public static readonly string[] QuantizeInput10 = Tensors("float", "int32");

    /// <summary>CumSum-11: uint32, uint64, int32, int64, float, double.</summary>
    public static readonly string[] CumSum11 = Tensors("uint32", "uint64", "int32", "int64", "float", "double");

    /// <summary>CumSum-14: <see cref="CumSum11"/> and float16, bfloat16.</summary>
    public static readonly string[] CumSum14 = [.. CumSum11, .. Tensors("float16", "bfloat16")];

    /// <summary>Pow-12 base types: int32, int64, float16, float, double.</summary>
    public static readonly string[] Pow12 = [.. TypeSets.Index, .. Float3];

    /// <summary>Pow-13 base types: <see cref="Pow12"/> and bfloat16.</summary>
    public static readonly string[] Pow13 = [.. TypeSets.Index, .. Float];

    /// <summary>Sequences of the opset 1 to 12 tensor types (sequence element types never gained bfloat16).</summary>
    public static readonly string[] SequencesNoBf16 = [.. AllNoBf16.Select(t => "seq(" + t + ")")];

    /// <summary>Optional tensors and sequences of the opset 1 to 12 tensor types.</summary>
    public static readonly string[] OptionalsNoBf16 = [.. AllNoBf16.Concat(SequencesNoBf16).Select(t => "optional(" + t + ")")];

    /// <summary>Identity-14 types: tensors and sequences.</summary>
    public static readonly string[] Identity14 = [.. All, .. SequencesNoBf16];

    /// <summary>Identity-16 types: tensors, sequences and optionals.</summary>
    public static readonly string[] Identity16 = [.. Identity14, .. OptionalsNoBf16];

    /// <summary>Identity-19 types: <see cref="Identity16"/> and float8 tensors.</summary>
    public static readonly string[] Identity19 = [.. Identity16, .. Float8];

    /// <summary>Identity-21 types: <see cref="Identity19"/> and int4/uint4 tensors.</summary>
    public static readonly string[] Identity21 = [.. Identity19, .. Tensors("uint4", "int4")];

    /// <summary>Identity-23 types: <see cref="Identity21"/> and float4e2m1 tensors.</summary>
    public static readonly string[] Identity23 = [.. Identity21, .. Tensors("float4e2m1")];

    /// <summary>CastLike-15 types: numeric, bool and string.</summary>
    public static readonly string[] CastLike15 = Cast13;

    /// <summary>Float types of opset 22 that also take float8 (Dropout-22).</summary>
    public static readonly string[] FloatAndFloat8 = [.. Float, .. Float8];
}
