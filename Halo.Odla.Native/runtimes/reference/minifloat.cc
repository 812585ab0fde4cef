// Encoding and decoding of the small floating-point formats (see minifloat.h).
#include "minifloat.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace odla_ref {
namespace {

uint32_t SignBit(const MiniFloatFormat& f) { return 1u << (f.exponent_bits + f.mantissa_bits); }

// The magnitude code of the largest finite value.
uint32_t MaxFiniteCode(const MiniFloatFormat& f) {
  const uint32_t all = SignBit(f) - 1;
  switch (f.kind) {
    case MiniFloatKind::Ieee: return all - (1u << f.mantissa_bits);  // exponent all ones minus one, mantissa all ones
    case MiniFloatKind::FiniteNaN: return all - 1;
    default: return all;
  }
}

uint32_t NaNCode(const MiniFloatFormat& f, uint32_t sign) {
  switch (f.kind) {
    case MiniFloatKind::UnsignedZero: return SignBit(f);
    case MiniFloatKind::FiniteOnly: return sign | MaxFiniteCode(f);  // ONNX: float4 has no NaN; like the reference
    default: return sign | (SignBit(f) - 1);
  }
}

}  // namespace

double DecodeMiniFloat(const MiniFloatFormat& f, uint32_t code) {
  const uint32_t sign_bit = SignBit(f), magnitude = code & (sign_bit - 1);
  const bool negative = (code & sign_bit) != 0;
  const uint32_t exponent = magnitude >> f.mantissa_bits, mantissa = magnitude & ((1u << f.mantissa_bits) - 1);
  const uint32_t max_exponent = (1u << f.exponent_bits) - 1;
  if (f.kind == MiniFloatKind::UnsignedZero && code == sign_bit) return std::numeric_limits<double>::quiet_NaN();
  if (f.kind == MiniFloatKind::FiniteNaN && magnitude == sign_bit - 1) return std::numeric_limits<double>::quiet_NaN();
  if (f.kind == MiniFloatKind::Ieee && exponent == max_exponent) {
    if (mantissa != 0) return std::numeric_limits<double>::quiet_NaN();
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  const double value = exponent == 0
      ? std::ldexp(static_cast<double>(mantissa), 1 - f.bias - f.mantissa_bits)
      : std::ldexp(static_cast<double>(mantissa | (1u << f.mantissa_bits)), static_cast<int>(exponent) - f.bias - f.mantissa_bits);
  return negative ? -value : value;
}

uint32_t EncodeMiniFloat(const MiniFloatFormat& f, double value, bool saturate) {
  const uint32_t sign = std::signbit(value) ? SignBit(f) : 0;
  if (std::isnan(value)) return NaNCode(f, sign);
  const double a = std::fabs(value);
  const uint32_t max_code = MaxFiniteCode(f);
  const double max = DecodeMiniFloat(f, max_code);
  if (a > max) {
    // Halfway past the largest value rounds to even: up (overflow) where the largest mantissa is odd, i.e. IEEE formats.
    const double half_step = (max - DecodeMiniFloat(f, max_code - 1)) / 2;
    const bool overflow = std::isinf(a) || a > max + half_step || (a == max + half_step && f.kind == MiniFloatKind::Ieee);
    if (!overflow || saturate || f.kind == MiniFloatKind::FiniteOnly) return sign | max_code;
    if (f.kind == MiniFloatKind::Ieee) return sign | (max_code + 1);  // infinity
    return NaNCode(f, sign);
  }
  const uint32_t zero = f.kind == MiniFloatKind::UnsignedZero ? 0 : sign;
  if (a == 0) return zero;
  const int min_exponent = 1 - f.bias;
  int exponent;
  std::frexp(a, &exponent);  // a = m * 2^exponent, m in [0.5, 1)
  const int e = std::max(exponent - 1, min_exponent);
  // ONNX: round half to even (the default rounding mode); a / 2^k is exact.
  const double steps = std::nearbyint(std::ldexp(a, f.mantissa_bits - e));
  if (steps == 0) return zero;
  // steps counts quanta of 2^(e - mantissa_bits); 2^(mantissa_bits + 1) of them carry into the next exponent.
  uint32_t code;
  if (e == min_exponent && steps < std::ldexp(1.0, f.mantissa_bits)) {
    code = static_cast<uint32_t>(steps);  // subnormal
  } else {
    const uint32_t quanta = static_cast<uint32_t>(steps);
    const bool carry = quanta >> (f.mantissa_bits + 1) != 0;
    const uint32_t biased = static_cast<uint32_t>(e + f.bias) + (carry ? 1 : 0);
    const uint32_t mantissa = (carry ? quanta >> 1 : quanta) & ((1u << f.mantissa_bits) - 1);
    code = (biased << f.mantissa_bits) | mantissa;
  }
  return sign | code;
}

float HalfToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  uint32_t exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff, bits;
  if (exponent == 0) {
    if (mantissa == 0) {
      bits = sign;
    } else {  // subnormal: normalize
      exponent = 127 - 15 + 1;
      while ((mantissa & 0x400) == 0) {
        mantissa <<= 1;
        --exponent;
      }
      bits = sign | (exponent << 23) | ((mantissa & 0x3ff) << 13);
    }
  } else if (exponent == 31) {
    bits = sign | 0x7f800000 | (mantissa << 13);
  } else {
    bits = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
  }
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

uint16_t FloatToHalf(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000);
  int32_t exponent = static_cast<int32_t>((bits >> 23) & 0xff) - 127 + 15;
  uint32_t mantissa = bits & 0x7fffff;
  if (((bits >> 23) & 0xff) == 0xff) return static_cast<uint16_t>(sign | 0x7c00 | (mantissa ? 0x200 : 0));
  if (exponent >= 31) return static_cast<uint16_t>(sign | 0x7c00);
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    mantissa |= 0x800000;
    uint32_t shift = static_cast<uint32_t>(14 - exponent);
    uint32_t half = mantissa >> shift, rest = mantissa & ((1u << shift) - 1), midpoint = 1u << (shift - 1);
    if (rest > midpoint || (rest == midpoint && (half & 1))) ++half;  // round to nearest even
    return static_cast<uint16_t>(sign | half);
  }
  uint32_t half = (static_cast<uint32_t>(exponent) << 10) | (mantissa >> 13), rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1))) ++half;  // a carry into the exponent is still correct
  return static_cast<uint16_t>(sign | half);
}

float BFloat16ToFloat(uint16_t h) {
  uint32_t bits = static_cast<uint32_t>(h) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

uint16_t FloatToBFloat16(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  if (std::isnan(f)) return static_cast<uint16_t>((bits >> 16) | 0x40);  // keep it a (quiet) NaN
  bits += 0x7fff + ((bits >> 16) & 1);  // round to nearest even; overflow carries into infinity
  return static_cast<uint16_t>(bits >> 16);
}

}  // namespace odla_ref
