// Cast between element types, including float16 (IEEE half stored as its bits) (odla_ops_process.h).
#include <cstring>

#include "dispatch.h"

using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

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
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1))) ++half;
  return static_cast<uint16_t>(sign | half);
}

// Reads element i of a tensor of the given type as double (float16 decoded).
template <typename T>
double Read(const void* data, int64_t i) {
  return static_cast<double>(static_cast<const T*>(data)[i]);
}

}  // namespace

extern "C" {

odla_value odla_Cast(odla_value input, odla_element_type target_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Cast";
    odla_ref::CheckInput(input, op, 0);
    const odla_element_type source = input->type.element_type;
    const int64_t count = input->type.Count();
    odla_ref::Kernel kernel;
    auto build = [&](auto to_tag) {
      using To = decltype(to_tag);
      const bool to_bool = target_type == ODLA_BOOL;
      auto from_build = [&](auto from_tag) {
        using From = decltype(from_tag);
        kernel = [count, to_bool](const std::vector<const void*>& in, const std::vector<void*>& out) {
          const From* a = static_cast<const From*>(in[0]);
          To* b = static_cast<To*>(out[0]);
          for (int64_t i = 0; i < count; ++i) b[i] = to_bool ? static_cast<To>(a[i] != 0) : static_cast<To>(a[i]);
        };
      };
      if (source == ODLA_FLOAT16) {
        kernel = [count, to_bool](const std::vector<const void*>& in, const std::vector<void*>& out) {
          const uint16_t* a = static_cast<const uint16_t*>(in[0]);
          To* b = static_cast<To*>(out[0]);
          for (int64_t i = 0; i < count; ++i) {
            float f = HalfToFloat(a[i]);
            b[i] = to_bool ? static_cast<To>(f != 0) : static_cast<To>(f);
          }
        };
      } else {
        odla_ref::DispatchAll(source, op, from_build);
      }
    };
    if (target_type == ODLA_FLOAT16) {
      if (source == ODLA_FLOAT16) {
        kernel = [count](const std::vector<const void*>& in, const std::vector<void*>& out) {
          std::memcpy(out[0], in[0], static_cast<size_t>(count) * 2);
        };
      } else {
        odla_ref::DispatchAll(source, op, [&](auto from_tag) {
          using From = decltype(from_tag);
          kernel = [count](const std::vector<const void*>& in, const std::vector<void*>& out) {
            uint16_t* b = static_cast<uint16_t*>(out[0]);
            for (int64_t i = 0; i < count; ++i) b[i] = FloatToHalf(static_cast<float>(Read<From>(in[0], i)));
          };
        });
      }
    } else {
      odla_ref::DispatchAll(target_type, op, build);
    }
    return odla_ref::AddNode1(op, {input}, TensorType{target_type, input->type.dims}, value_id, std::move(kernel));
  });
}

}  // extern "C"
