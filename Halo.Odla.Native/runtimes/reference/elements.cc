// Element access for every element type (see elements.h).
#include "elements.h"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "dispatch.h"
#include "minifloat.h"

namespace odla_ref {
namespace {

const MiniFloatFormat* FormatOf(odla_element_type type) {
  switch (static_cast<int>(type)) {
    case ODLA_FLOAT16: return &kFloat16Format;
    case ODLA_BFLOAT16: return &kBFloat16Format;
    case ODLA_HALO_FLOAT8E4M3FN: return &kFloat8E4M3FNFormat;
    case ODLA_HALO_FLOAT8E4M3FNUZ: return &kFloat8E4M3FNUZFormat;
    case ODLA_HALO_FLOAT8E5M2: return &kFloat8E5M2Format;
    case ODLA_HALO_FLOAT8E5M2FNUZ: return &kFloat8E5M2FNUZFormat;
    case ODLA_HALO_FLOAT4E2M1: return &kFloat4E2M1Format;
    default: return nullptr;
  }
}

uint32_t LoadCode(odla_element_type type, const void* data, int64_t i) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  if (IsPacked4(type)) return (bytes[i / 2] >> (i % 2 * 4)) & 0xF;
  if (type == ODLA_FLOAT16 || type == ODLA_BFLOAT16) return static_cast<const uint16_t*>(data)[i];
  return bytes[i];
}

void StoreCode(odla_element_type type, void* data, int64_t i, uint32_t code) {
  auto* bytes = static_cast<uint8_t*>(data);
  if (IsPacked4(type)) {
    const int shift = static_cast<int>(i % 2 * 4);
    uint8_t& b = bytes[i / 2];
    b = static_cast<uint8_t>((b & ~(0xF << shift)) | ((code & 0xF) << shift));
  } else if (type == ODLA_FLOAT16 || type == ODLA_BFLOAT16) {
    static_cast<uint16_t*>(data)[i] = static_cast<uint16_t>(code);
  } else {
    bytes[i] = static_cast<uint8_t>(code);
  }
}

// Truncates toward zero and wraps into T's width, like C's conversion through int64 (NaN gives 0).
template <typename T>
T ToInteger(double value) {
  if (std::isnan(value)) return T(0);
  const double t = std::trunc(value);
  if (t >= 9223372036854775808.0) {  // only uint64 holds these; beyond it saturate
    return t >= 18446744073709551616.0 ? static_cast<T>(~uint64_t{0}) : static_cast<T>(static_cast<uint64_t>(t));
  }
  if (t < -9223372036854775808.0) return static_cast<T>(INT64_MIN);
  return static_cast<T>(static_cast<int64_t>(t));
}

}  // namespace

bool IsHalfFloat(odla_element_type type) { return type == ODLA_FLOAT16 || type == ODLA_BFLOAT16; }

bool IsHaloType(odla_element_type type) {
  const int t = static_cast<int>(type);
  return t >= static_cast<int>(ODLA_HALO_FLOAT8E4M3FN) && t <= static_cast<int>(ODLA_HALO_FLOAT4E2M1);
}

bool IsPacked4(odla_element_type type) {
  return type == ODLA_HALO_INT4 || type == ODLA_HALO_UINT4 || type == ODLA_HALO_FLOAT4E2M1;
}

bool IsFloatType(odla_element_type type) {
  return type == ODLA_FLOAT32 || type == ODLA_FLOAT64 || FormatOf(type) != nullptr;
}

double LoadElement(odla_element_type type, const void* data, int64_t i) {
  if (const MiniFloatFormat* format = FormatOf(type)) return DecodeMiniFloat(*format, LoadCode(type, data, i));
  if (type == ODLA_HALO_INT4) {
    const uint32_t code = LoadCode(type, data, i);
    return static_cast<double>(static_cast<int>(code) - (code >= 8 ? 16 : 0));
  }
  if (type == ODLA_HALO_UINT4) return static_cast<double>(LoadCode(type, data, i));
  double value = 0;
  DispatchAll(type, "LoadElement", [&](auto tag) {
    using T = decltype(tag);
    value = static_cast<double>(static_cast<const T*>(data)[i]);
  });
  return value;
}

void StoreElement(odla_element_type type, void* data, int64_t i, double value, bool saturate) {
  if (const MiniFloatFormat* format = FormatOf(type)) {
    // ONNX: saturate applies to float8 only; float16/bfloat16 overflow to infinity.
    StoreCode(type, data, i, EncodeMiniFloat(*format, value, saturate && IsHaloType(type)));
    return;
  }
  if (type == ODLA_HALO_INT4 || type == ODLA_HALO_UINT4) {
    // ONNX: casting to a 4-bit integer rounds to nearest even and clamps to its range.
    const double lo = type == ODLA_HALO_INT4 ? -8 : 0, hi = type == ODLA_HALO_INT4 ? 7 : 15;
    const double r = std::isnan(value) ? 0 : std::fmin(std::fmax(std::nearbyint(value), lo), hi);
    StoreCode(type, data, i, static_cast<uint32_t>(static_cast<int>(r)) & 0xF);
    return;
  }
  if (type == ODLA_BOOL) {
    static_cast<uint8_t*>(data)[i] = value != 0 ? 1 : 0;
    return;
  }
  DispatchNumeric(type, "StoreElement", [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      static_cast<T*>(data)[i] = static_cast<T>(value);
    } else {
      static_cast<T*>(data)[i] = ToInteger<T>(value);
    }
  });
}

void PrepareOutput(odla_element_type type, void* data, int64_t count) {
  if (IsPacked4(type)) std::memset(data, 0, static_cast<size_t>((count + 1) / 2));
}

}  // namespace odla_ref
