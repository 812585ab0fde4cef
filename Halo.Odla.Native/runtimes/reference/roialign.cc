// RoiAlign with ONNX's bilinear sampling, average or max mode (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include <algorithm>
#include <cmath>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace {

struct Sample {
  int64_t position[4] = {0, 0, 0, 0};
  double weight[4] = {0, 0, 0, 0};
};

// ONNX (as onnxruntime): samples outside [-1, extent] read nothing; inside, they clamp to the last pixel.
Sample BilinearSample(double y, double x, int64_t height, int64_t width) {
  Sample s;
  if (y < -1.0 || y > static_cast<double>(height) || x < -1.0 || x > static_cast<double>(width)) return s;
  y = std::max(y, 0.0);
  x = std::max(x, 0.0);
  int64_t y_low = static_cast<int64_t>(y), x_low = static_cast<int64_t>(x), y_high = y_low + 1, x_high = x_low + 1;
  if (y_low >= height - 1) y = static_cast<double>(y_high = y_low = height - 1);
  if (x_low >= width - 1) x = static_cast<double>(x_high = x_low = width - 1);
  const double ly = y - static_cast<double>(y_low), lx = x - static_cast<double>(x_low), hy = 1 - ly, hx = 1 - lx;
  s.position[0] = y_low * width + x_low;
  s.position[1] = y_low * width + x_high;
  s.position[2] = y_high * width + x_low;
  s.position[3] = y_high * width + x_high;
  s.weight[0] = hy * hx;
  s.weight[1] = hy * lx;
  s.weight[2] = ly * hx;
  s.weight[3] = ly * lx;
  return s;
}

struct RoiGeometry {
  int64_t channels, height, width, pooled_h, pooled_w, rois;
  bool max_mode, half_pixel;
  int64_t sampling_ratio;
  double scale;
};

template <typename T>
void RoiAlign(const T* x, const T* boxes, const void* batch, odla_element_type batch_type, T* y, const RoiGeometry& g) {
  for (int64_t r = 0; r < g.rois; ++r) {
    const T* box = boxes + r * 4;
    const double offset = g.half_pixel ? 0.5 : 0.0;
    const double start_w = static_cast<double>(box[0]) * g.scale - offset, start_h = static_cast<double>(box[1]) * g.scale - offset;
    double roi_w = static_cast<double>(box[2]) * g.scale - offset - start_w, roi_h = static_cast<double>(box[3]) * g.scale - offset - start_h;
    if (!g.half_pixel) {
      roi_w = std::max(roi_w, 1.0);
      roi_h = std::max(roi_h, 1.0);
    }
    const double bin_h = roi_h / static_cast<double>(g.pooled_h), bin_w = roi_w / static_cast<double>(g.pooled_w);
    const int64_t grid_h = g.sampling_ratio > 0 ? g.sampling_ratio : static_cast<int64_t>(std::ceil(bin_h));
    const int64_t grid_w = g.sampling_ratio > 0 ? g.sampling_ratio : static_cast<int64_t>(std::ceil(bin_w));
    const double count = static_cast<double>(std::max<int64_t>(grid_h * grid_w, 1));
    const int64_t n = odla_ref::ReadIndex(batch, batch_type, r);
    for (int64_t c = 0; c < g.channels; ++c) {
      const T* plane = x + (n * g.channels + c) * g.height * g.width;
      for (int64_t ph = 0; ph < g.pooled_h; ++ph)
        for (int64_t pw = 0; pw < g.pooled_w; ++pw) {
          double value = 0;
          bool first = true;
          for (int64_t iy = 0; iy < grid_h; ++iy)
            for (int64_t ix = 0; ix < grid_w; ++ix) {
              const double sy = start_h + static_cast<double>(ph) * bin_h + (static_cast<double>(iy) + 0.5) * bin_h / static_cast<double>(grid_h);
              const double sx = start_w + static_cast<double>(pw) * bin_w + (static_cast<double>(ix) + 0.5) * bin_w / static_cast<double>(grid_w);
              const Sample s = BilinearSample(sy, sx, g.height, g.width);
              if (!g.max_mode) {
                for (int k = 0; k < 4; ++k) value += s.weight[k] * static_cast<double>(plane[s.position[k]]);
                continue;
              }
              // ONNX max mode: the largest weighted corner of each sample.
              double best = s.weight[0] * static_cast<double>(plane[s.position[0]]);
              for (int k = 1; k < 4; ++k) best = std::max(best, s.weight[k] * static_cast<double>(plane[s.position[k]]));
              value = first ? best : std::max(value, best);
              first = false;
            }
          y[((r * g.channels + c) * g.pooled_h + ph) * g.pooled_w + pw] = static_cast<T>(g.max_mode ? value : value / count);
        }
    }
  }
}

}  // namespace

extern "C" {

odla_value odla_HaloRoiAlign(odla_value input, odla_value rois, odla_value batch_indices, odla_bool max_mode,
                             odla_bool half_pixel, odla_int32 sampling_ratio, odla_float32 spatial_scale,
                             odla_value_shape output_dims, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloRoiAlign";
    CheckInput(input, op, 0);
    CheckInput(rois, op, 1);
    CheckInput(batch_indices, op, 2);
    odla_ref::RequireIndexType(batch_indices->type.element_type, op);
    const Dims& dims = input->type.dims;
    if (!odla_ref::IsDefined(output_dims) || output_dims.size != 4 || dims.size() != 4)
      Fail(ODLA_INVALID_PARAM, "odla_HaloRoiAlign: expected input [N, C, H, W] and output_dims [R, C, OH, OW]");
    const Dims out = odla_ref::DimsFromShape(output_dims);
    if (rois->type.dims != Dims{out[0], 4} || batch_indices->type.Count() != out[0] || out[1] != dims[1] ||
        rois->type.element_type != input->type.element_type)
      Fail(ODLA_INVALID_PARAM, "odla_HaloRoiAlign: rois must be [R, 4] of the input's type with R batch indices");
    const RoiGeometry g{dims[1], dims[2], dims[3], out[2], out[3], out[0], max_mode != 0, half_pixel != 0,
                        sampling_ratio, static_cast<double>(spatial_scale)};
    const odla_element_type batch_type = batch_indices->type.element_type;
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        for (int64_t r = 0; r < g.rois; ++r) {
          const int64_t n = odla_ref::ReadIndex(in[2], batch_type, r);
          if (n < 0 || n >= dims[0]) Fail(ODLA_INVALID_PARAM, "odla_HaloRoiAlign: batch index out of range");
        }
        RoiAlign(static_cast<const T*>(in[0]), static_cast<const T*>(in[1]), in[2], batch_type, static_cast<T*>(res[0]), g);
      };
    });
    return odla_ref::AddNode1(op, {input, rois, batch_indices}, TensorType{input->type.element_type, out}, value_id,
                              std::move(kernel));
  });
}

}  // extern "C"
