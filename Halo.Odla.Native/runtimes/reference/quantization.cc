// QuantizeLinear and DequantizeLinear per tensor, per axis or blocked (odla_ops_quantization.h, and Halo's
// odla_HaloQuantize / odla_HaloDequantize with block_size and saturate in odla_halo_types.h). Any integer, float8
// or 4-bit quantized type; float32, float16 or bfloat16 real values.
#include <cmath>
#include <string>

#include "dispatch.h"
#include "elements.h"
#include "minifloat.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// Index into the scale / zero-point tensors for element i of x: per tensor, along `axis`, or per block along it.
struct ScaleMap {
  int64_t inner = 1, extent = 1, blocks = 1, block_size = 0;
  bool per_axis = false;
  int64_t Of(int64_t i) const {
    if (!per_axis) return 0;
    const int64_t c = (i / inner) % extent;
    if (block_size == 0) return c;
    const int64_t outer = i / inner / extent;
    return (outer * blocks + c / block_size) * inner + i % inner;
  }
};

ScaleMap MapOf(odla_value input, odla_value scale, odla_int32 axis, odla_int64 block_size, const char* op) {
  ScaleMap map;
  const Dims& dims = input->type.dims;
  const Dims& sdims = scale->type.dims;
  if (block_size < 0) Fail(ODLA_INVALID_PARAM, std::string(op) + ": block_size is negative");
  if (block_size == 0 && scale->type.Count() == 1) return map;
  const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, dims.size(), op));
  map.per_axis = true;
  map.extent = dims[a];
  for (size_t d = a + 1; d < dims.size(); ++d) map.inner *= dims[d];
  if (block_size == 0) {
    if (sdims.size() != 1 || sdims[0] != dims[a])
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": the scale " + odla_ref::DimsToString(sdims) +
                                   " does not match axis " + std::to_string(a) + " of " + odla_ref::DimsToString(dims));
    return map;
  }
  // ONNX: a blocked scale has x's shape except ceil(dim[axis] / block_size) along axis.
  bool matches = sdims.size() == dims.size();
  for (size_t d = 0; matches && d < dims.size(); ++d)
    matches = d == a ? sdims[d] == (dims[d] + block_size - 1) / block_size : sdims[d] == dims[d];
  if (!matches)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": the blocked scale " + odla_ref::DimsToString(sdims) + " does not fit " +
                                 odla_ref::DimsToString(dims) + " with block_size " + std::to_string(block_size));
  map.block_size = block_size;
  map.blocks = sdims[a];
  return map;
}

void CheckRealType(odla_element_type type, const char* op) {
  if (type != ODLA_FLOAT32 && type != ODLA_FLOAT16 && type != ODLA_BFLOAT16) odla_ref::UnsupportedType(type, op);
}

void CheckQuantizedType(odla_element_type type, const char* op) {
  const bool ok = odla_ref::IsHaloType(type) || type == ODLA_INT8 || type == ODLA_UINT8 || type == ODLA_INT16 ||
                  type == ODLA_UINT16 || type == ODLA_INT32 || type == ODLA_QINT8 || type == ODLA_QUINT8 ||
                  type == ODLA_QINT16 || type == ODLA_QUINT16 || type == ODLA_QINT32;
  if (!ok) odla_ref::UnsupportedType(type, op);
}

void CheckZeroPoint(odla_value zero_point, odla_value scale, odla_element_type quantized, const char* op) {
  if (zero_point == nullptr) return;
  if (zero_point->type.element_type != quantized)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": the zero point is " + odla_ref::TypeName(zero_point->type.element_type) +
                                 ", the quantized type " + odla_ref::TypeName(quantized));
  if (zero_point->type.dims != scale->type.dims && zero_point->type.Count() != scale->type.Count())
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": the zero point and the scale differ in shape");
}

// The inclusive range of an integer quantized type.
void IntegerRange(odla_element_type type, double& lo, double& hi) {
  switch (static_cast<int>(type)) {
    case ODLA_INT8: case ODLA_QINT8: lo = -128; hi = 127; return;
    case ODLA_UINT8: case ODLA_QUINT8: lo = 0; hi = 255; return;
    case ODLA_INT16: case ODLA_QINT16: lo = -32768; hi = 32767; return;
    case ODLA_UINT16: case ODLA_QUINT16: lo = 0; hi = 65535; return;
    case ODLA_HALO_INT4: lo = -8; hi = 7; return;
    case ODLA_HALO_UINT4: lo = 0; hi = 15; return;
    default: lo = -2147483648.0; hi = 2147483647.0; return;
  }
}

// ONNX divides in the input's type: a float32 quotient that rounds to a .5 boundary rounds to another integer.
double InPrecisionOf(odla_element_type type, double quotient) {
  if (type == ODLA_FLOAT32) return static_cast<float>(quotient);
  if (type == ODLA_FLOAT16)
    return odla_ref::DecodeMiniFloat(odla_ref::kFloat16Format, odla_ref::EncodeMiniFloat(odla_ref::kFloat16Format, quotient, false));
  return quotient;
}

odla_value AddQuantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis, odla_int64 block_size,
                       bool saturate, odla_element_type target, odla_value_id value_id, const char* op) {
  CheckInput(input, op, 0);
  CheckInput(scale, op, 1);
  const odla_element_type real = input->type.element_type;
  CheckRealType(real, op);
  CheckRealType(scale->type.element_type, op);
  CheckQuantizedType(target, op);
  CheckZeroPoint(zero_point, scale, target, op);
  const ScaleMap map = MapOf(input, scale, axis, block_size, op);
  const int64_t count = input->type.Count();
  const odla_element_type scale_type = scale->type.element_type;
  const bool has_zero = zero_point != nullptr, to_float = odla_ref::IsFloatType(target);
  double lo = 0, hi = 0;
  IntegerRange(target, lo, hi);
  std::vector<odla_value> inputs{input, scale};
  if (has_zero) inputs.push_back(zero_point);
  auto kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& out) {
    odla_ref::PrepareOutput(target, out[0], count);
    for (int64_t i = 0; i < count; ++i) {
      const int64_t c = map.Of(i);
      const double z = has_zero ? odla_ref::LoadElement(target, in[2], c) : 0.0;
      const double q = InPrecisionOf(real, odla_ref::LoadElement(real, in[0], i) / odla_ref::LoadElement(scale_type, in[1], c));
      // ONNX: integers round half to even, then saturate to the type's range; float8 converts q + zero_point.
      const double y = to_float ? q + z : std::fmin(std::fmax(std::nearbyint(q) + z, lo), hi);
      odla_ref::StoreElement(target, out[0], i, y, saturate);
    }
  };
  return odla_ref::AddNode1(op, inputs, TensorType{target, input->type.dims}, value_id, std::move(kernel));
}

odla_value AddDequantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                         odla_int64 block_size, odla_element_type target, odla_value_id value_id, const char* op) {
  CheckInput(input, op, 0);
  CheckInput(scale, op, 1);
  const odla_element_type quantized = input->type.element_type;
  CheckQuantizedType(quantized, op);
  CheckRealType(target, op);
  if (scale->type.element_type != target)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": the scale is " + odla_ref::TypeName(scale->type.element_type) +
                                 ", the result type " + odla_ref::TypeName(target));
  CheckZeroPoint(zero_point, scale, quantized, op);
  const ScaleMap map = MapOf(input, scale, axis, block_size, op);
  const int64_t count = input->type.Count();
  const bool has_zero = zero_point != nullptr;
  std::vector<odla_value> inputs{input, scale};
  if (has_zero) inputs.push_back(zero_point);
  auto kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& out) {
    for (int64_t i = 0; i < count; ++i) {
      const int64_t c = map.Of(i);
      const double z = has_zero ? odla_ref::LoadElement(quantized, in[2], c) : 0.0;
      const double y = (odla_ref::LoadElement(quantized, in[0], i) - z) * odla_ref::LoadElement(target, in[1], c);
      odla_ref::StoreElement(target, out[0], i, y, true);
    }
  };
  return odla_ref::AddNode1(op, inputs, TensorType{target, input->type.dims}, value_id, std::move(kernel));
}

}  // namespace

extern "C" {

odla_value odla_Quantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                         odla_element_type target_data_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return AddQuantize(input, scale, zero_point, axis, 0, true, target_data_type, value_id, "odla_Quantize");
  });
}

odla_value odla_Dequantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                           odla_element_type target_data_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return AddDequantize(input, scale, zero_point, axis, 0, target_data_type, value_id, "odla_Dequantize");
  });
}

odla_value odla_HaloQuantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                             odla_int64 block_size, odla_bool saturate, odla_element_type target_data_type,
                             const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return AddQuantize(input, scale, zero_point, axis, block_size, saturate != 0, target_data_type, value_id,
                       "odla_HaloQuantize");
  });
}

odla_value odla_HaloDequantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                               odla_int64 block_size, odla_element_type target_data_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return AddDequantize(input, scale, zero_point, axis, block_size, target_data_type, value_id, "odla_HaloDequantize");
  });
}

}  // extern "C"
