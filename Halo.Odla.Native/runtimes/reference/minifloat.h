// Small floating-point formats stored as bit patterns: float16, bfloat16, the ONNX float8 formats and float4 E2M1
// (decode to double; encode with round to nearest even and ONNX's overflow rules).
#ifndef HALO_ODLA_REFERENCE_MINIFLOAT_H_
#define HALO_ODLA_REFERENCE_MINIFLOAT_H_

#include <cstdint>

namespace odla_ref {

// How a format spends its largest codes.
enum class MiniFloatKind {
  Ieee,           // all-ones exponent: infinity (mantissa 0) or NaN (float16, bfloat16, float8 E5M2)
  FiniteNaN,      // only the all-ones magnitude is NaN, no infinities (float8 E4M3FN)
  UnsignedZero,   // 0x80 (negative zero's code) is the only NaN, no infinities (float8 *FNUZ)
  FiniteOnly,     // no NaN, no infinities (float4 E2M1)
};

struct MiniFloatFormat {
  int exponent_bits;
  int mantissa_bits;
  int bias;
  MiniFloatKind kind;
};

constexpr MiniFloatFormat kFloat16Format{5, 10, 15, MiniFloatKind::Ieee};
constexpr MiniFloatFormat kBFloat16Format{8, 7, 127, MiniFloatKind::Ieee};
constexpr MiniFloatFormat kFloat8E4M3FNFormat{4, 3, 7, MiniFloatKind::FiniteNaN};
constexpr MiniFloatFormat kFloat8E4M3FNUZFormat{4, 3, 8, MiniFloatKind::UnsignedZero};
constexpr MiniFloatFormat kFloat8E5M2Format{5, 2, 15, MiniFloatKind::Ieee};
constexpr MiniFloatFormat kFloat8E5M2FNUZFormat{5, 2, 16, MiniFloatKind::UnsignedZero};
constexpr MiniFloatFormat kFloat4E2M1Format{2, 1, 1, MiniFloatKind::FiniteOnly};

// The value of a code (the low 1 + exponent_bits + mantissa_bits bits).
double DecodeMiniFloat(const MiniFloatFormat& format, uint32_t code);

// The code nearest to value (ties to even). Beyond the largest finite value: that value when saturate is set or the
// format has no NaN; else infinity (Ieee) or NaN. Matches the ONNX reference (and Halo's interpreter).
uint32_t EncodeMiniFloat(const MiniFloatFormat& format, double value, bool saturate);

// PERF: bit-level conversions for the float16/bfloat16 <-> float32 promotion of every kernel.
float HalfToFloat(uint16_t half);
uint16_t FloatToHalf(float value);
float BFloat16ToFloat(uint16_t bits);
uint16_t FloatToBFloat16(float value);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_MINIFLOAT_H_
