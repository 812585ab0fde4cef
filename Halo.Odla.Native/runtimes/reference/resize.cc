// Resize with nearest, (multi-)linear or cubic interpolation: ODLA's odla_Resize (odla_ops_process.h) with ONNX's
// defaults (nearest_mode round_prefer_floor, cubic_coeff_a -0.75, exclude_outside 0), and odla_HaloResize
// (odla_ops_halo.h) with the other ONNX modes and antialiasing.
#include <algorithm>
#include <cmath>

#include <ODLA/odla_ops_halo.h>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// The source taps and their weights for one output coordinate along one axis: one for nearest, two for linear,
// four for cubic, more when antialiasing widens the filter.
struct Taps {
  std::vector<int64_t> index{0};
  std::vector<double> weight{1};
  bool outside = false;  // tf_crop_and_resize: the coordinate lies outside the input (extrapolation_value)
};

struct ResizeOptions {
  odla_interpolation_mode interpolation = ODLA_NEAREST;
  odla_halo_resize_coordinate_mode coordinates = ODLA_HALO_RESIZE_HALF_PIXEL;
  odla_halo_nearest_mode nearest = ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR;
  double cubic_a = -0.75;
  bool exclude_outside = false;
  bool antialias = false;
};

// ONNX coordinate_transformation_mode: maps an output coordinate back to the input. scale is the given scale (or
// out / in); like ONNX's reference, the transforms use the unrounded resized length scale * in.
double SourceCoordinate(odla_halo_resize_coordinate_mode mode, int64_t out, int64_t in_extent, int64_t out_extent,
                        double scale) {
  const double o = static_cast<double>(out), in = static_cast<double>(in_extent), resized = scale * in;
  switch (mode) {
    case ODLA_HALO_RESIZE_HALF_PIXEL: return (o + 0.5) / scale - 0.5;
    case ODLA_HALO_RESIZE_HALF_PIXEL_SYMMETRIC: {
      // ONNX: the window is centred on the input; with scales the integer output length differs from scale * in.
      const double adjustment = static_cast<double>(out_extent) / resized;
      return in / 2 * (1 - adjustment) + (o + 0.5) / scale - 0.5;
    }
    case ODLA_HALO_RESIZE_PYTORCH_HALF_PIXEL: return resized > 1 ? (o + 0.5) / scale - 0.5 : 0.0;
    case ODLA_HALO_RESIZE_TF_HALF_PIXEL_FOR_NN: return (o + 0.5) / scale;
    case ODLA_HALO_RESIZE_ALIGN_CORNERS: return resized == 1 ? 0.0 : o * (in - 1) / (resized - 1);
    case ODLA_HALO_RESIZE_ASYMMETRIC: return o / scale;
  }
  Fail(ODLA_INVALID_PARAM, "odla_Resize: unknown coordinate mode");
}

int64_t NearestIndex(double x, odla_halo_nearest_mode mode) {
  switch (mode) {
    case ODLA_HALO_NEAREST_ROUND_PREFER_CEIL: return static_cast<int64_t>(std::floor(x + 0.5));
    case ODLA_HALO_NEAREST_FLOOR: return static_cast<int64_t>(std::floor(x));
    case ODLA_HALO_NEAREST_CEIL: return static_cast<int64_t>(std::ceil(x));
    default: return static_cast<int64_t>(std::ceil(x - 0.5));
  }
}

double CubicWeight(double x, double a) {
  x = std::fabs(x);
  return x <= 1 ? ((a + 2) * x - (a + 3)) * x * x + 1 : x < 2 ? ((a * x - 5 * a) * x + 8 * a) * x - 4 * a : 0.0;
}

// The linear (radius 1) or cubic (radius 2) filter around input coordinate x, with normalized weights; taps beyond
// the input repeat its edge, or, with exclude_outside, are dropped. ONNX antialias: downsampling by scale < 1
// stretches the filter by 1 / scale (pass scale 1 for plain interpolation).
Taps FilterTaps(const ResizeOptions& options, double x, int64_t in_extent, double scale) {
  const bool cubic = options.interpolation == ODLA_CUBIC;
  const double radius = cubic ? 2 : 1, s = std::min(scale, 1.0);
  const double x0 = std::floor(x), ratio = x - x0;
  const int64_t first = static_cast<int64_t>(std::floor(-radius / s)) + 1, last = static_cast<int64_t>(std::ceil(radius / s));
  Taps t;
  t.index.clear();
  t.weight.clear();
  double sum = 0;
  for (int64_t off = first; off <= last; ++off) {
    const double d = std::fabs((static_cast<double>(off) - ratio) * s);
    const double w = cubic ? CubicWeight(d, options.cubic_a) : std::max(0.0, 1 - d);
    const int64_t i = static_cast<int64_t>(x0) + off;
    if (w == 0 || (options.exclude_outside && (i < 0 || i >= in_extent))) continue;
    t.index.push_back(std::min(std::max<int64_t>(i, 0), in_extent - 1));
    t.weight.push_back(w);
    sum += w;
  }
  if (sum != 0)
    for (double& w : t.weight) w /= sum;
  if (t.index.empty()) {
    t.index.push_back(std::min(std::max<int64_t>(static_cast<int64_t>(x0), 0), in_extent - 1));
    t.weight.push_back(0);
  }
  return t;
}

// crop: the (start, end) of ONNX tf_crop_and_resize's roi for this axis, or null for the other modes.
// scale: the axis' scale, or 0 for out / in.
std::vector<Taps> AxisTaps(const ResizeOptions& options, int64_t in_extent, int64_t out_extent, const double* crop = nullptr,
                           double scale = 0) {
  if (scale <= 0) scale = static_cast<double>(out_extent) / static_cast<double>(in_extent);
  std::vector<Taps> taps;
  for (int64_t o = 0; o < out_extent; ++o) {
    Taps t;
    if (in_extent == out_extent && crop == nullptr && scale == 1.0) {
      t.index[0] = o;
      taps.push_back(t);
      continue;
    }
    const double span = static_cast<double>(in_extent - 1);
    const double x = crop == nullptr ? SourceCoordinate(options.coordinates, o, in_extent, out_extent, scale)
               : out_extent > 1 ? crop[0] * span + static_cast<double>(o) * (crop[1] - crop[0]) * span / static_cast<double>(out_extent - 1)
                                : 0.5 * (crop[0] + crop[1]) * span;
    if (crop != nullptr && (x < 0 || x > span)) {
      t.outside = true;
      taps.push_back(t);
      continue;
    }
    if (options.interpolation == ODLA_NEAREST) {
      t.index[0] = std::min(std::max<int64_t>(NearestIndex(x, options.nearest), 0), in_extent - 1);
    } else {
      t = FilterTaps(options, x, in_extent, options.antialias ? scale : 1.0);
    }
    taps.push_back(t);
  }
  return taps;
}

// y[o] = the sum over every combination of the axes' taps of x (extrapolation where a tap lies outside).
template <typename T>
void ApplyTaps(const T* x, T* y, const std::vector<std::vector<Taps>>& taps, const Dims& in_strides, const Dims& out,
               double extrapolation) {
  const int64_t count = TensorType{ODLA_FLOAT32, out}.Count();
  const size_t rank = out.size();
  std::vector<const Taps*> at(rank);
  for (int64_t o = 0; o < count; ++o) {
    int64_t rest = o;
    bool outside = false;
    for (size_t d = rank; d-- > 0;) {
      at[d] = &taps[d][static_cast<size_t>(rest % out[d])];
      outside = outside || at[d]->outside;
      rest /= out[d];
    }
    if (outside) {
      y[o] = static_cast<T>(extrapolation);
      continue;
    }
    double sum = 0;
    std::vector<int> counter(rank, 0);
    for (bool more = true; more;) {
      double weight = 1;
      int64_t offset = 0;
      for (size_t d = 0; d < rank; ++d) {
        weight *= at[d]->weight[counter[d]];
        offset += at[d]->index[counter[d]] * in_strides[d];
      }
      if (weight != 0) sum += weight * static_cast<double>(x[offset]);
      more = false;
      for (size_t d = rank; d-- > 0;) {
        if (++counter[d] < static_cast<int>(at[d]->index.size())) {
          more = true;
          break;
        }
        counter[d] = 0;
      }
    }
    y[o] = static_cast<T>(sum);
  }
}

// scales: one per axis, or null for output / input extent.
odla_value BuildResize(const char* op, odla_value input, const ResizeOptions& options, const odla_float32* scales,
                       odla_value_shape output_dims, odla_value_id value_id) {
  CheckInput(input, op, 0);
  if (options.interpolation > ODLA_CUBIC) Fail(ODLA_INVALID_PARAM, std::string(op) + ": unknown interpolation");
  const Dims in = input->type.dims, out = odla_ref::DimsFromShape(output_dims);
  if (in.size() != out.size()) Fail(ODLA_INVALID_PARAM, std::string(op) + ": output rank differs from input rank");
  std::vector<std::vector<Taps>> taps;
  for (size_t d = 0; d < in.size(); ++d) {
    const double scale = scales == nullptr ? 0.0 : static_cast<double>(scales[d]);
    if (scales != nullptr && !(scale > 0)) Fail(ODLA_INVALID_PARAM, std::string(op) + ": scales must be positive");
    taps.push_back(AxisTaps(options, in[d], out[d], nullptr, scale));
  }
  const Dims in_strides = odla_ref::Strides(in);
  odla_ref::Kernel kernel;
  odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    kernel = [=](const std::vector<const void*>& inputs, const std::vector<void*>& res) {
      ApplyTaps(static_cast<const T*>(inputs[0]), static_cast<T*>(res[0]), taps, in_strides, out, 0.0);
    };
  });
  return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, out}, value_id, std::move(kernel));
}

}  // namespace

extern "C" {

odla_value odla_Resize(odla_value input, odla_interpolation_mode interpolation, odla_resize_coordinate_mode mode,
                       odla_uint32 axes_mask, odla_value_shape output_dims, const odla_value_id value_id) {
  (void)axes_mask;  // the axes to resize are those whose extent changes in output_dims
  return Guard<odla_value>(nullptr, [&] {
    ResizeOptions options;
    options.interpolation = interpolation;
    switch (mode) {
      case ODLA_HALF_PIXEL: options.coordinates = ODLA_HALO_RESIZE_HALF_PIXEL; break;
      case ODLA_HALF_PIXEL_TF: options.coordinates = ODLA_HALO_RESIZE_TF_HALF_PIXEL_FOR_NN; break;
      case ODLA_ALIGN_CORNERS: options.coordinates = ODLA_HALO_RESIZE_ALIGN_CORNERS; break;
      case ODLA_ASSYMMETRIC: options.coordinates = ODLA_HALO_RESIZE_ASYMMETRIC; break;
      default: Fail(ODLA_INVALID_PARAM, "odla_Resize: unknown coordinate mode");
    }
    return BuildResize("odla_Resize", input, options, nullptr, output_dims, value_id);
  });
}

odla_value odla_HaloCropAndResize(odla_value input, odla_value roi, odla_size_t num_of_axes, const odla_uint32* axes,
                                  odla_interpolation_mode interpolation, odla_halo_nearest_mode nearest_mode,
                                  odla_float32 cubic_coeff_a, odla_bool exclude_outside, odla_float32 extrapolation_value,
                                  odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloCropAndResize";
    CheckInput(input, op, 0);
    CheckInput(roi, op, 1);
    const Dims in = input->type.dims, out = odla_ref::DimsFromShape(output_dims);
    if (in.size() != out.size() || interpolation > ODLA_CUBIC || nearest_mode > ODLA_HALO_NEAREST_CEIL)
      Fail(ODLA_INVALID_PARAM, "odla_HaloCropAndResize: bad output rank, interpolation or nearest mode");
    // ONNX: roi holds the starts then the ends of the listed axes (all axes when none are listed).
    std::vector<size_t> listed;
    for (size_t i = 0; i < num_of_axes; ++i) listed.push_back(static_cast<size_t>(odla_ref::NormalizeAxis(axes[i], in.size(), op)));
    if (num_of_axes == 0)
      for (size_t d = 0; d < in.size(); ++d) listed.push_back(d);
    if (roi->type.Count() != static_cast<int64_t>(2 * listed.size()))
      Fail(ODLA_INVALID_PARAM, "odla_HaloCropAndResize: roi must hold a start and an end per axis");
    const ResizeOptions options{interpolation, ODLA_HALO_RESIZE_HALF_PIXEL, nearest_mode, static_cast<double>(cubic_coeff_a),
                                exclude_outside != 0};
    const Dims in_strides = odla_ref::Strides(in);
    const odla_element_type roi_type = roi->type.element_type;
    const double extrapolation = extrapolation_value;
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& inputs, const std::vector<void*>& res) {
        std::vector<double> crop(2 * in.size());
        for (size_t d = 0; d < in.size(); ++d) crop[2 * d + 1] = 1.0;  // unlisted axes keep [0, 1]
        for (size_t k = 0; k < listed.size(); ++k) {
          auto read = [&](size_t i) {
            return roi_type == ODLA_FLOAT64 ? static_cast<const double*>(inputs[1])[i] : static_cast<double>(static_cast<const float*>(inputs[1])[i]);
          };
          crop[2 * listed[k]] = read(k);
          crop[2 * listed[k] + 1] = read(k + listed.size());
        }
        std::vector<std::vector<Taps>> taps;
        for (size_t d = 0; d < in.size(); ++d) taps.push_back(AxisTaps(options, in[d], out[d], &crop[2 * d]));
        ApplyTaps(static_cast<const T*>(inputs[0]), static_cast<T*>(res[0]), taps, in_strides, out, extrapolation);
      };
    });
    if (roi_type != ODLA_FLOAT32 && roi_type != ODLA_FLOAT64) odla_ref::UnsupportedType(roi_type, op);
    return odla_ref::AddNode1(op, {input, roi}, TensorType{input->type.element_type, out}, value_id, std::move(kernel));
  });
}

odla_value odla_HaloResize(odla_value input, odla_interpolation_mode interpolation,
                           odla_halo_resize_coordinate_mode coordinate_mode, odla_halo_nearest_mode nearest_mode,
                           odla_float32 cubic_coeff_a, odla_bool exclude_outside, odla_bool antialias,
                           const odla_float32* scales, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    if (coordinate_mode > ODLA_HALO_RESIZE_HALF_PIXEL_SYMMETRIC || nearest_mode > ODLA_HALO_NEAREST_CEIL)
      Fail(ODLA_INVALID_PARAM, "odla_HaloResize: unknown coordinate or nearest mode");
    const ResizeOptions options{interpolation, coordinate_mode, nearest_mode, static_cast<double>(cubic_coeff_a),
                                exclude_outside != 0, antialias != 0};
    return BuildResize("odla_HaloResize", input, options, scales, output_dims, value_id);
  });
}

}  // extern "C"
