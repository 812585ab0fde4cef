// Fill (EyeLike, RandomNormal, RandomUniform) and LpNormalize (odla_ops_process.h, odla_ops_nn.h).
#include <cmath>
#include <random>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

extern "C" {

// Random fills restart from `seed` on every execution, so results repeat from run to run.
odla_value odla_Fill(odla_value_type type, odla_fill_method method, odla_float32 p0, odla_float32 p1, odla_float32 seed,
                     const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Fill";
    TensorType out{type.element_type, odla_ref::DimsFromShape(type.shape)};
    if (method == ODLA_EyeLike && out.dims.size() != 2) Fail(ODLA_INVALID_PARAM, "odla_Fill: EyeLike needs a 2-D shape");
    const int64_t count = out.Count();
    const Dims dims = out.dims;
    odla_ref::Kernel kernel;
    auto build = [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>&, const std::vector<void*>& res) {
        T* y = static_cast<T*>(res[0]);
        std::mt19937 engine(static_cast<std::mt19937::result_type>(seed));
        std::normal_distribution<double> normal(p0, p1);
        std::uniform_real_distribution<double> uniform(p0, p1);
        for (int64_t i = 0; i < count; ++i) {
          if (method == ODLA_EyeLike) {
            y[i] = (i / dims[1]) == (i % dims[1]) ? T(1) : T(0);
          } else {
            y[i] = static_cast<T>(method == ODLA_RandomNormal ? normal(engine) : uniform(engine));
          }
        }
      };
    };
    if (method == ODLA_EyeLike) {
      odla_ref::DispatchAll(type.element_type, op, build);
    } else {
      odla_ref::DispatchFloat(type.element_type, op, build);
    }
    return odla_ref::AddNode1(op, {}, out, value_id, std::move(kernel));
  });
}

odla_value odla_LpNormalize(odla_value input, odla_int32 p, odla_memory_layout input_layout, odla_size_t axes_size,
                            const odla_int32* axes, odla_float32 epsilon, odla_value scale, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_LpNormalize";
    CheckInput(input, op, 0);
    if (p != 1 && p != 2) Fail(ODLA_UNSUPPORTED_OP, "odla_LpNormalize: only p = 1 and p = 2 are supported");
    const Dims dims = input->type.dims;
    std::vector<bool> reduced(dims.size(), false);
    for (size_t i = 0; i < axes_size; ++i) reduced[static_cast<size_t>(odla_ref::NormalizeAxis(axes[i], dims.size(), op))] = true;
    // Norm index of each element: its coordinates along the axes that are not normalized.
    Dims kept, norm_strides(dims.size(), 0);
    for (size_t d = 0; d < dims.size(); ++d)
      if (!reduced[d]) kept.push_back(dims[d]);
    const Dims kept_strides = odla_ref::Strides(kept);
    for (size_t d = 0, k = 0; d < dims.size(); ++d)
      if (!reduced[d]) norm_strides[d] = kept_strides[k++];
    // Scale: one value, or one per channel (axis 1 or the last axis, by layout).
    std::vector<odla_value> inputs{input};
    int64_t scale_stride = 0, scale_extent = 1;
    if (scale != nullptr) {
      if (scale->type.element_type != input->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_LpNormalize: scale type differs");
      if (scale->type.Count() != 1) {
        const size_t channel = input_layout == ODLA_CHANNELS_LAST ? dims.size() - 1 : 1;
        if (dims.size() < 2 || scale->type.Count() != dims[channel]) Fail(ODLA_INVALID_PARAM, "odla_LpNormalize: scale must be one value or one per channel");
        scale_stride = odla_ref::Strides(dims)[channel];
        scale_extent = dims[channel];
      }
      inputs.push_back(scale);
    }
    const int64_t count = input->type.Count(), norms = TensorType{ODLA_FLOAT32, kept}.Count();
    const bool has_scale = scale != nullptr;
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        std::vector<double> norm(static_cast<size_t>(norms), 0.0);
        auto norm_index = [&](int64_t i) {
          int64_t rest = i, at = 0;
          for (size_t d = dims.size(); d-- > 0;) {
            at += (rest % dims[d]) * norm_strides[d];
            rest /= dims[d];
          }
          return static_cast<size_t>(at);
        };
        for (int64_t i = 0; i < count; ++i) {
          const double v = static_cast<double>(x[i]);
          norm[norm_index(i)] += p == 1 ? std::fabs(v) : v * v;
        }
        for (int64_t i = 0; i < count; ++i) {
          const double n = norm[norm_index(i)] + epsilon;
          const double s = has_scale ? static_cast<double>(static_cast<const T*>(in[1])[scale_stride == 0 ? 0 : (i / scale_stride) % scale_extent]) : 1.0;
          y[i] = static_cast<T>(s * static_cast<double>(x[i]) / (p == 1 ? n : std::sqrt(n)));
        }
      };
    });
    return odla_ref::AddNode1(op, inputs, input->type, value_id, std::move(kernel));
  });
}

}  // extern "C"
