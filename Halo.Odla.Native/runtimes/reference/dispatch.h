// Element-type dispatch: calls f(T{}) with the C++ type that stores the element type.
#ifndef HALO_ODLA_REFERENCE_DISPATCH_H_
#define HALO_ODLA_REFERENCE_DISPATCH_H_

#include <cstdint>
#include <string>

#include "runtime.h"

namespace odla_ref {

[[noreturn]] inline void UnsupportedType(odla_element_type type, const char* op) {
  Fail(ODLA_UNSUPPORTED_DATATYPE,
       std::string(op) + ": element type " + TypeName(type) + " is not supported by the reference runtime");
}

// float16 and bfloat16 dispatch as float32 and ask AddNode to convert the kernel's operands and results
// (RequestFloatPromotion in runtime.h): a kernel sees float32 buffers for every float16/bfloat16 value of its node,
// so it must not also move those values as raw bytes of ElementSize.

// float32 and float64 (float16 and bfloat16 as float32).
template <typename F>
void DispatchFloat(odla_element_type type, const char* op, F&& f) {
  switch (type) {
    case ODLA_FLOAT16: case ODLA_BFLOAT16: RequestFloatPromotion(); f(float{}); return;
    case ODLA_FLOAT32: f(float{}); return;
    case ODLA_FLOAT64: f(double{}); return;
    default: UnsupportedType(type, op);
  }
}

// Floats and the signed/unsigned integers of 8 to 64 bits (quantized integers are stored alike; float16 and
// bfloat16 as float32).
template <typename F>
void DispatchNumeric(odla_element_type type, const char* op, F&& f) {
  switch (type) {
    case ODLA_FLOAT16: case ODLA_BFLOAT16: RequestFloatPromotion(); f(float{}); return;
    case ODLA_FLOAT32: f(float{}); return;
    case ODLA_FLOAT64: f(double{}); return;
    case ODLA_INT8: case ODLA_QINT8: f(int8_t{}); return;
    case ODLA_INT16: case ODLA_QINT16: f(int16_t{}); return;
    case ODLA_INT32: case ODLA_QINT32: f(int32_t{}); return;
    case ODLA_INT64: case ODLA_QINT64: f(int64_t{}); return;
    case ODLA_UINT8: case ODLA_QUINT8: f(uint8_t{}); return;
    case ODLA_UINT16: case ODLA_QUINT16: f(uint16_t{}); return;
    case ODLA_UINT32: case ODLA_QUINT32: f(uint32_t{}); return;
    case ODLA_UINT64: case ODLA_QUINT64: f(uint64_t{}); return;
    default: UnsupportedType(type, op);
  }
}

// Signed and unsigned integers.
template <typename F>
void DispatchInteger(odla_element_type type, const char* op, F&& f) {
  switch (type) {
    case ODLA_INT8: f(int8_t{}); return;
    case ODLA_INT16: f(int16_t{}); return;
    case ODLA_INT32: f(int32_t{}); return;
    case ODLA_INT64: f(int64_t{}); return;
    case ODLA_UINT8: f(uint8_t{}); return;
    case ODLA_UINT16: f(uint16_t{}); return;
    case ODLA_UINT32: f(uint32_t{}); return;
    case ODLA_UINT64: f(uint64_t{}); return;
    default: UnsupportedType(type, op);
  }
}

// Numeric types plus bool (one byte, 0 or 1).
template <typename F>
void DispatchAll(odla_element_type type, const char* op, F&& f) {
  if (type == ODLA_BOOL) {
    f(uint8_t{});
    return;
  }
  DispatchNumeric(type, op, f);
}

// Reads an index tensor element (int32 or int64) as int64.
inline int64_t ReadIndex(const void* data, odla_element_type type, int64_t i) {
  if (type == ODLA_INT32) return static_cast<const int32_t*>(data)[i];
  return static_cast<const int64_t*>(data)[i];
}

inline void RequireIndexType(odla_element_type type, const char* op) {
  if (type != ODLA_INT32 && type != ODLA_INT64) UnsupportedType(type, op);
}

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_DISPATCH_H_
