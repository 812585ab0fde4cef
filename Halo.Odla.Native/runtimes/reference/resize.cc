// Resize with nearest or (multi-)linear interpolation (odla_ops_process.h).
#include <cmath>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// Two source taps and the weight of the second one, for one output coordinate along one axis.
struct Taps {
  int64_t first, second;
  double weight;
};

// ONNX coordinate_transformation_mode: maps an output coordinate back to the input.
double SourceCoordinate(odla_resize_coordinate_mode mode, int64_t out, int64_t in_extent, int64_t out_extent) {
  const double scale = static_cast<double>(out_extent) / static_cast<double>(in_extent);
  switch (mode) {
    case ODLA_HALF_PIXEL: return (out + 0.5) / scale - 0.5;
    case ODLA_HALF_PIXEL_TF: return (out + 0.5) / scale;
    case ODLA_ALIGN_CORNERS: return out_extent == 1 ? 0.0 : out * static_cast<double>(in_extent - 1) / (out_extent - 1);
    case ODLA_ASSYMMETRIC: return out / scale;
  }
  Fail(ODLA_INVALID_PARAM, "odla_Resize: unknown coordinate mode");
}

std::vector<Taps> AxisTaps(odla_interpolation_mode interpolation, odla_resize_coordinate_mode mode, int64_t in_extent,
                           int64_t out_extent) {
  std::vector<Taps> taps;
  for (int64_t o = 0; o < out_extent; ++o) {
    if (in_extent == out_extent) {
      taps.push_back({o, o, 0.0});
      continue;
    }
    double x = SourceCoordinate(mode, o, in_extent, out_extent);
    if (interpolation == ODLA_NEAREST) {
      // ONNX nearest_mode round_prefer_floor (the default).
      int64_t i = static_cast<int64_t>(std::ceil(x - 0.5));
      i = std::min(std::max<int64_t>(i, 0), in_extent - 1);
      taps.push_back({i, i, 0.0});
      continue;
    }
    x = std::min(std::max(x, 0.0), static_cast<double>(in_extent - 1));
    const int64_t low = static_cast<int64_t>(std::floor(x));
    const int64_t high = std::min(low + 1, in_extent - 1);
    taps.push_back({low, high, x - static_cast<double>(low)});
  }
  return taps;
}

}  // namespace

extern "C" {

odla_value odla_Resize(odla_value input, odla_interpolation_mode interpolation, odla_resize_coordinate_mode mode,
                       odla_uint32 axes_mask, odla_value_shape output_dims, const odla_value_id value_id) {
  (void)axes_mask;  // the axes to resize are those whose extent changes in output_dims
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Resize";
    CheckInput(input, op, 0);
    if (interpolation == ODLA_CUBIC) Fail(ODLA_UNSUPPORTED_OP, "odla_Resize: cubic interpolation is not supported");
    const Dims in = input->type.dims, out = odla_ref::DimsFromShape(output_dims);
    if (in.size() != out.size()) Fail(ODLA_INVALID_PARAM, "odla_Resize: output rank differs from input rank");
    std::vector<std::vector<Taps>> taps;
    for (size_t d = 0; d < in.size(); ++d) taps.push_back(AxisTaps(interpolation, mode, in[d], out[d]));
    const Dims in_strides = odla_ref::Strides(in);
    const int64_t count = TensorType{ODLA_FLOAT32, out}.Count();
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& inputs, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(inputs[0]);
        T* y = static_cast<T*>(res[0]);
        const size_t rank = out.size();
        std::vector<const Taps*> at(rank);
        for (int64_t o = 0; o < count; ++o) {
          int64_t rest = o;
          for (size_t d = rank; d-- > 0;) {
            at[d] = &taps[d][static_cast<size_t>(rest % out[d])];
            rest /= out[d];
          }
          // Sum over the 2^rank corners; axes with one tap contribute weight 1 through their first corner.
          double sum = 0;
          for (uint64_t corner = 0; corner < (uint64_t{1} << rank); ++corner) {
            double weight = 1;
            int64_t offset = 0;
            for (size_t d = 0; d < rank && weight != 0; ++d) {
              const bool second = (corner >> d) & 1;
              weight *= second ? at[d]->weight : 1 - at[d]->weight;
              offset += (second ? at[d]->second : at[d]->first) * in_strides[d];
            }
            if (weight != 0) sum += weight * static_cast<double>(x[offset]);
          }
          y[o] = static_cast<T>(sum);
        }
      };
    });
    return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, out}, value_id, std::move(kernel));
  });
}

}  // extern "C"
