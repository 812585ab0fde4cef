// Quantize and Dequantize, per tensor or per axis (odla_ops_quantization.h).
#include <cmath>
#include <limits>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// Index into the scale / zero-point arrays for element i: per tensor, or along `axis`.
struct Channel {
  int64_t inner = 1, extent = 1;
  bool per_axis = false;
  int64_t Of(int64_t i) const { return per_axis ? (i / inner) % extent : 0; }
};

Channel ChannelOf(odla_value input, odla_value scale, odla_int32 axis, const char* op) {
  Channel c;
  if (scale->type.Count() == 1) return c;
  const auto& dims = input->type.dims;
  const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, dims.size(), op));
  if (scale->type.Count() != dims[a]) Fail(ODLA_INVALID_PARAM, std::string(op) + ": scale does not match the axis extent");
  c.per_axis = true;
  c.extent = dims[a];
  for (size_t d = a + 1; d < dims.size(); ++d) c.inner *= dims[d];
  return c;
}

template <typename Q>
double ZeroPoint(const void* data, int64_t index) {
  return data == nullptr ? 0.0 : static_cast<double>(static_cast<const Q*>(data)[index]);
}

}  // namespace

extern "C" {

odla_value odla_Quantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                         odla_element_type target_data_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Quantize";
    CheckInput(input, op, 0);
    CheckInput(scale, op, 1);
    if (input->type.element_type != ODLA_FLOAT32 || scale->type.element_type != ODLA_FLOAT32)
      odla_ref::UnsupportedType(input->type.element_type, op);
    if (zero_point != nullptr && zero_point->type.element_type != target_data_type)
      Fail(ODLA_INVALID_PARAM, "odla_Quantize: zero point type differs from the target type");
    const Channel channel = ChannelOf(input, scale, axis, op);
    const int64_t count = input->type.Count();
    const bool has_zero = zero_point != nullptr;
    std::vector<odla_value> inputs{input, scale};
    if (has_zero) inputs.push_back(zero_point);
    odla_ref::Kernel kernel;
    auto build = [&](auto tag) {
      using Q = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const float* x = static_cast<const float*>(in[0]);
        const float* s = static_cast<const float*>(in[1]);
        Q* y = static_cast<Q*>(res[0]);
        for (int64_t i = 0; i < count; ++i) {
          const int64_t c = channel.Of(i);
          // ONNX: round half to even, then saturate to the target range.
          double q = std::nearbyint(static_cast<double>(x[i]) / s[c]) + ZeroPoint<Q>(has_zero ? in[2] : nullptr, c);
          q = std::min<double>(std::max<double>(q, std::numeric_limits<Q>::lowest()), std::numeric_limits<Q>::max());
          y[i] = static_cast<Q>(q);
        }
      };
    };
    switch (target_data_type) {
      case ODLA_INT8: case ODLA_QINT8: build(int8_t{}); break;
      case ODLA_UINT8: case ODLA_QUINT8: build(uint8_t{}); break;
      case ODLA_INT32: case ODLA_QINT32: build(int32_t{}); break;
      default: odla_ref::UnsupportedType(target_data_type, op);
    }
    return odla_ref::AddNode1(op, inputs, TensorType{target_data_type, input->type.dims}, value_id, std::move(kernel));
  });
}

odla_value odla_Dequantize(odla_value input, odla_value scale, odla_value zero_point, odla_int32 axis,
                           odla_element_type target_data_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Dequantize";
    CheckInput(input, op, 0);
    CheckInput(scale, op, 1);
    if (target_data_type != ODLA_FLOAT32 || scale->type.element_type != ODLA_FLOAT32)
      odla_ref::UnsupportedType(target_data_type, op);
    if (zero_point != nullptr && zero_point->type.element_type != input->type.element_type)
      Fail(ODLA_INVALID_PARAM, "odla_Dequantize: zero point type differs from the input type");
    const Channel channel = ChannelOf(input, scale, axis, op);
    const int64_t count = input->type.Count();
    const bool has_zero = zero_point != nullptr;
    std::vector<odla_value> inputs{input, scale};
    if (has_zero) inputs.push_back(zero_point);
    odla_ref::Kernel kernel;
    auto build = [&](auto tag) {
      using Q = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const Q* x = static_cast<const Q*>(in[0]);
        const float* s = static_cast<const float*>(in[1]);
        float* y = static_cast<float*>(res[0]);
        for (int64_t i = 0; i < count; ++i) {
          const int64_t c = channel.Of(i);
          y[i] = static_cast<float>((static_cast<double>(x[i]) - ZeroPoint<Q>(has_zero ? in[2] : nullptr, c)) * s[c]);
        }
      };
    };
    switch (input->type.element_type) {
      case ODLA_INT8: case ODLA_QINT8: build(int8_t{}); break;
      case ODLA_UINT8: case ODLA_QUINT8: build(uint8_t{}); break;
      case ODLA_INT32: case ODLA_QINT32: build(int32_t{}); break;
      default: odla_ref::UnsupportedType(input->type.element_type, op);
    }
    return odla_ref::AddNode1(op, inputs, TensorType{ODLA_FLOAT32, input->type.dims}, value_id, std::move(kernel));
  });
}

}  // extern "C"
