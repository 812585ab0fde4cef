// DeformConv in two spatial dimensions (Halo extension, odla_ops_halo.h), as ONNX's reference: each kernel tap
// samples the input bilinearly at its offset position (zero outside) and is scaled by the mask.
#include <ODLA/odla_ops_halo.h>

#include <cmath>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace {

struct DeformGeometry {
  int64_t batch, channels, height, width, out_channels, kernel_h, kernel_w, out_h, out_w;
  int64_t group, offset_group, stride_h, stride_w, dilation_h, dilation_w, pad_top, pad_left;
  bool has_bias, has_mask;
};

template <typename T>
double Bilinear(const T* plane, int64_t height, int64_t width, double y, double x) {
  if (y <= -1 || y >= static_cast<double>(height) || x <= -1 || x >= static_cast<double>(width)) return 0;
  const int64_t y0 = static_cast<int64_t>(std::floor(y)), x0 = static_cast<int64_t>(std::floor(x));
  const double ly = y - static_cast<double>(y0), lx = x - static_cast<double>(x0);
  double sum = 0;
  for (int64_t dy = 0; dy < 2; ++dy)
    for (int64_t dx = 0; dx < 2; ++dx) {
      const int64_t yy = y0 + dy, xx = x0 + dx;
      if (yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
      sum += (dy ? ly : 1 - ly) * (dx ? lx : 1 - lx) * static_cast<double>(plane[yy * width + xx]);
    }
  return sum;
}

template <typename T>
void DeformConv(const std::vector<const void*>& in, T* y, const DeformGeometry& g) {
  const T* x = static_cast<const T*>(in[0]);
  const T* w = static_cast<const T*>(in[1]);
  const T* offset = static_cast<const T*>(in[2]);
  const T* bias = g.has_bias ? static_cast<const T*>(in[3]) : nullptr;
  const T* mask = g.has_mask ? static_cast<const T*>(in[g.has_bias ? 4 : 3]) : nullptr;
  const int64_t taps = g.kernel_h * g.kernel_w, plane = g.out_h * g.out_w;
  const int64_t group_in = g.channels / g.group, group_out = g.out_channels / g.group, offset_in = g.channels / g.offset_group;
  for (int64_t n = 0; n < g.batch; ++n)
    for (int64_t oc = 0; oc < g.out_channels; ++oc)
      for (int64_t oh = 0; oh < g.out_h; ++oh)
        for (int64_t ow = 0; ow < g.out_w; ++ow) {
          double sum = bias == nullptr ? 0.0 : static_cast<double>(bias[oc]);
          const int64_t first = oc / group_out * group_in;
          for (int64_t ic = 0; ic < group_in; ++ic) {
            const int64_t c = first + ic, og = c / offset_in;
            const T* image = x + (n * g.channels + c) * g.height * g.width;
            for (int64_t t = 0; t < taps; ++t) {
              const int64_t kh = t / g.kernel_w, kw = t % g.kernel_w, at = oh * g.out_w + ow;
              const T* pair = offset + ((n * g.offset_group + og) * taps * 2 + t * 2) * plane + at;
              const double sy = static_cast<double>(oh * g.stride_h - g.pad_top + kh * g.dilation_h) + static_cast<double>(pair[0]);
              const double sx = static_cast<double>(ow * g.stride_w - g.pad_left + kw * g.dilation_w) + static_cast<double>(pair[plane]);
              double v = Bilinear(image, g.height, g.width, sy, sx);
              if (mask != nullptr) v *= static_cast<double>(mask[((n * g.offset_group + og) * taps + t) * plane + at]);
              sum += v * static_cast<double>(w[((oc * group_in) + ic) * taps + t]);
            }
          }
          y[((n * g.out_channels + oc) * g.out_h + oh) * g.out_w + ow] = static_cast<T>(sum);
        }
}

}  // namespace

extern "C" {

odla_value odla_HaloDeformConv(odla_value input, odla_value kernel, odla_value offset, odla_value bias, odla_value mask,
                               odla_uint32 group, odla_uint32 offset_group, const odla_uint32* strides,
                               const odla_uint32* dilations, const odla_uint32* paddings_front,
                               odla_value_shape output_dims, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloDeformConv";
    CheckInput(input, op, 0);
    CheckInput(kernel, op, 1);
    CheckInput(offset, op, 2);
    const Dims x = input->type.dims, w = kernel->type.dims;
    if (!odla_ref::IsDefined(output_dims) || output_dims.size != 4 || x.size() != 4 || w.size() != 4)
      Fail(ODLA_INVALID_PARAM, "odla_HaloDeformConv: expected 4-D input and kernel and output_dims [N, OC, OH, OW]");
    const Dims out = odla_ref::DimsFromShape(output_dims);
    if (group == 0 || offset_group == 0 || x[1] % group != 0 || x[1] % offset_group != 0 || w[0] % group != 0 ||
        w[1] * group != x[1] || out[1] != w[0])
      Fail(ODLA_INVALID_PARAM, "odla_HaloDeformConv: channels do not match group, offset_group and the kernel");
    const int64_t taps = w[2] * w[3];
    if (offset->type.dims != Dims{x[0], offset_group * 2 * taps, out[2], out[3]})
      Fail(ODLA_INVALID_PARAM, "odla_HaloDeformConv: offset must be [N, offset_group * 2 * KH * KW, OH, OW]");
    std::vector<odla_value> inputs{input, kernel, offset};
    if (bias != nullptr) inputs.push_back(CheckInput(bias, op, 3));
    if (mask != nullptr) inputs.push_back(CheckInput(mask, op, 4));
    if (mask != nullptr && mask->type.dims != Dims{x[0], offset_group * taps, out[2], out[3]})
      Fail(ODLA_INVALID_PARAM, "odla_HaloDeformConv: mask must be [N, offset_group * KH * KW, OH, OW]");
    for (odla_value v : inputs)
      if (v->type.element_type != input->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_HaloDeformConv: operand types differ");
    auto at = [](const odla_uint32* values, int i, int64_t fallback) { return values == nullptr ? fallback : static_cast<int64_t>(values[i]); };
    const DeformGeometry g{x[0], x[1], x[2], x[3], w[0], w[2], w[3], out[2], out[3], group, offset_group,
                           at(strides, 0, 1), at(strides, 1, 1), at(dilations, 0, 1), at(dilations, 1, 1),
                           at(paddings_front, 0, 0), at(paddings_front, 1, 0), bias != nullptr, mask != nullptr};
    odla_ref::Kernel body;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      body = [g](const std::vector<const void*>& in, const std::vector<void*>& res) { DeformConv(in, static_cast<T*>(res[0]), g); };
    });
    return odla_ref::AddNode1(op, inputs, TensorType{input->type.element_type, out}, value_id, std::move(body));
  });
}

}  // extern "C"
