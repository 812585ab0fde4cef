// BatchNormalization, InstanceNormalization, GroupNormalization and LRN in either layout (odla_ops_nn.h).
#include <cmath>

#include "dispatch.h"
#include "parallel.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// N x C x S view of a tensor whose channel axis is 1 (channels first) or last.
struct ChannelView {
  int64_t n = 1, c = 1, s = 1;
  bool last = false;
  int64_t At(int64_t b, int64_t ch, int64_t i) const { return last ? (b * s + i) * c + ch : (b * c + ch) * s + i; }
};

ChannelView ViewOf(const Dims& dims, odla_memory_layout layout, const char* op) {
  if (dims.size() < 2) Fail(ODLA_INVALID_PARAM, std::string(op) + ": input needs a batch and a channel axis");
  if (layout != ODLA_CHANNELS_FIRST && layout != ODLA_CHANNELS_LAST)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": layout must be ODLA_CHANNELS_FIRST or ODLA_CHANNELS_LAST");
  ChannelView v;
  v.last = layout == ODLA_CHANNELS_LAST;
  v.n = dims[0];
  v.c = v.last ? dims.back() : dims[1];
  for (size_t d = 1; d < dims.size(); ++d) v.s *= dims[d];
  v.s /= v.c == 0 ? 1 : v.c;
  return v;
}

// Optional per-channel operands: appended to inputs, their position recorded (or -1 for the scalar fallback).
int AddOptional(std::vector<odla_value>& inputs, odla_value value, int64_t channels, const char* op, const char* name) {
  if (value == nullptr) return -1;
  if (value->type.Count() != channels)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": " + name + " must hold one value per channel");
  inputs.push_back(value);
  return static_cast<int>(inputs.size() - 1);
}

template <typename T>
T ChannelValue(const std::vector<const void*>& in, int position, int64_t channel, float fallback) {
  return position < 0 ? static_cast<T>(fallback) : static_cast<const T*>(in[static_cast<size_t>(position)])[channel];
}

// Normalizes groups of channels with their own statistics (instance: group size 1).
odla_value BuildGroupNorm(const char* op, odla_value input, odla_memory_layout layout, int64_t groups, float epsilon,
                          odla_value scale, odla_value offset, float scalar_scale, float scalar_offset,
                          odla_value_id value_id) {
  CheckInput(input, op, 0);
  const ChannelView v = ViewOf(input->type.dims, layout, op);
  if (groups <= 0 || v.c % groups != 0) Fail(ODLA_INVALID_PARAM, std::string(op) + ": channels do not split into groups");
  std::vector<odla_value> inputs{input};
  const int scale_at = AddOptional(inputs, scale, v.c, op, "scale");
  const int offset_at = AddOptional(inputs, offset, v.c, op, "offset");
  odla_ref::Kernel kernel;
  odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      T* y = static_cast<T*>(res[0]);
      const int64_t per_group = v.c / groups;
      odla_ref::ParallelFor(v.n * groups, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
          const int64_t b = t / groups, g = t % groups;
          double sum = 0, squares = 0;
          for (int64_t ch = g * per_group; ch < (g + 1) * per_group; ++ch)
            for (int64_t i = 0; i < v.s; ++i) sum += static_cast<double>(x[v.At(b, ch, i)]);
          const double count = static_cast<double>(per_group * v.s), mean = sum / count;
          for (int64_t ch = g * per_group; ch < (g + 1) * per_group; ++ch)
            for (int64_t i = 0; i < v.s; ++i) {
              const double d = static_cast<double>(x[v.At(b, ch, i)]) - mean;
              squares += d * d;
            }
          const double inv = 1.0 / std::sqrt(squares / count + epsilon);
          for (int64_t ch = g * per_group; ch < (g + 1) * per_group; ++ch) {
            const double gamma = ChannelValue<T>(in, scale_at, ch, scalar_scale);
            const double beta = ChannelValue<T>(in, offset_at, ch, scalar_offset);
            for (int64_t i = 0; i < v.s; ++i) {
              const int64_t at = v.At(b, ch, i);
              y[at] = static_cast<T>((static_cast<double>(x[at]) - mean) * inv * gamma + beta);
            }
          }
        }
      });
    };
  });
  return odla_ref::AddNode1(op, inputs, input->type, value_id, std::move(kernel));
}

}  // namespace

extern "C" {

odla_value odla_BatchNormalization(odla_value input, odla_memory_layout input_layout, odla_value mean, odla_value var,
                                   odla_float32 epsilon, odla_value scale, odla_value offset, odla_float32 scalar_scale,
                                   odla_float32 scalar_offset, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_BatchNormalization";
    CheckInput(input, op, 0);
    CheckInput(mean, op, 1);
    CheckInput(var, op, 2);
    const ChannelView v = ViewOf(input->type.dims, input_layout, op);
    std::vector<odla_value> inputs{input};
    AddOptional(inputs, mean, v.c, op, "mean");
    AddOptional(inputs, var, v.c, op, "variance");
    const int scale_at = AddOptional(inputs, scale, v.c, op, "scale");
    const int offset_at = AddOptional(inputs, offset, v.c, op, "offset");
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        const T* m = static_cast<const T*>(in[1]);
        const T* s2 = static_cast<const T*>(in[2]);
        T* y = static_cast<T*>(res[0]);
        std::vector<T> mul(static_cast<size_t>(v.c)), add(static_cast<size_t>(v.c));
        for (int64_t ch = 0; ch < v.c; ++ch) {
          const double gamma = ChannelValue<T>(in, scale_at, ch, scalar_scale);
          const double beta = ChannelValue<T>(in, offset_at, ch, scalar_offset);
          const double k = gamma / std::sqrt(static_cast<double>(s2[ch]) + epsilon);
          mul[static_cast<size_t>(ch)] = static_cast<T>(k);
          add[static_cast<size_t>(ch)] = static_cast<T>(beta - static_cast<double>(m[ch]) * k);
        }
        for (int64_t b = 0; b < v.n; ++b)
          for (int64_t ch = 0; ch < v.c; ++ch)
            for (int64_t i = 0; i < v.s; ++i) {
              const int64_t at = v.At(b, ch, i);
              y[at] = x[at] * mul[static_cast<size_t>(ch)] + add[static_cast<size_t>(ch)];
            }
      };
    });
    return odla_ref::AddNode1(op, inputs, input->type, value_id, std::move(kernel));
  });
}

odla_value odla_InstanceNormalization(odla_value input, odla_memory_layout input_layout, odla_float32 epsilon,
                                      odla_value scale, odla_value offset, odla_float32 scalar_scale,
                                      odla_float32 scalar_offset, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    CheckInput(input, "odla_InstanceNormalization", 0);
    const ChannelView v = ViewOf(input->type.dims, input_layout, "odla_InstanceNormalization");
    return BuildGroupNorm("odla_InstanceNormalization", input, input_layout, v.c, epsilon, scale, offset, scalar_scale,
                          scalar_offset, value_id);
  });
}

odla_value odla_GroupNormalization(odla_value input, odla_memory_layout input_layout, odla_int32 groups,
                                   odla_float32 epsilon, odla_value scale, odla_value offset,
                                   odla_float32 scalar_scale, odla_float32 scalar_offset, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return BuildGroupNorm("odla_GroupNormalization", input, input_layout, groups, epsilon, scale, offset, scalar_scale,
                          scalar_offset, value_id);
  });
}

odla_value odla_LRN(odla_value input, odla_memory_layout input_layout, odla_int32 window_size, odla_float32 alpha,
                    odla_float32 beta, odla_float32 bias, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_LRN";
    CheckInput(input, op, 0);
    const ChannelView v = ViewOf(input->type.dims, input_layout, op);
    if (window_size <= 0) Fail(ODLA_INVALID_PARAM, "odla_LRN: window size must be positive");
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        // ONNX: the window spans floor((size-1)/2) channels before and ceil((size-1)/2) after.
        const int64_t before = (window_size - 1) / 2, after = window_size - 1 - before;
        for (int64_t b = 0; b < v.n; ++b)
          for (int64_t ch = 0; ch < v.c; ++ch)
            for (int64_t i = 0; i < v.s; ++i) {
              double sum = 0;
              for (int64_t k = std::max<int64_t>(0, ch - before); k <= std::min<int64_t>(v.c - 1, ch + after); ++k) {
                const double value = static_cast<double>(x[v.At(b, k, i)]);
                sum += value * value;
              }
              const int64_t at = v.At(b, ch, i);
              y[at] = static_cast<T>(static_cast<double>(x[at]) / std::pow(bias + alpha / window_size * sum, beta));
            }
      };
    });
    return odla_ref::AddNode1(op, {input}, input->type, value_id, std::move(kernel));
  });
}

}  // extern "C"
