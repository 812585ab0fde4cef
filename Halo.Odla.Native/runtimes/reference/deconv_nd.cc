// DeConv (ONNX ConvTranspose) over three or more spatial dimensions, channels first, kernel ODLA_IOS: each input
// element scatters its products with the kernel into the output (odla_DeConv, odla_ops_nn.h).
#include <algorithm>

#include "dispatch.h"
#include "spatial.h"

using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace odla_ref {

odla_value BuildDeConvNd(const char* op, odla_value input, odla_uint32 group, odla_value kernel, const odla_uint32* strides,
                         const odla_uint32* dilations, const odla_uint32* paddings_front, odla_value bias,
                         odla_value_shape output_dims, odla_value_id value_id) {
  CheckInput(input, op, 0);
  CheckInput(kernel, op, 1);
  const Dims x = input->type.dims, w = kernel->type.dims;
  const size_t k = x.size() - 2;
  if (!IsDefined(output_dims) || static_cast<size_t>(output_dims.size) != x.size() || w.size() != x.size() || group == 0 ||
      x[1] != w[0] || x[1] % group != 0)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": expected input [N, C, D...], kernel [C, OC / group, K...] and output_dims");
  const Dims out = DimsFromShape(output_dims);
  const int64_t groups = group, in_group = x[1] / groups, out_group = w[1], out_channels = out[1];
  if (out_channels != out_group * groups) Fail(ODLA_INVALID_PARAM, std::string(op) + ": output channels do not match the kernel");
  Dims in_spatial(x.begin() + 2, x.end()), out_spatial(out.begin() + 2, out.end()), window(w.begin() + 2, w.end()), stride, dilation, front;
  for (size_t d = 0; d < k; ++d) {
    stride.push_back(strides == nullptr ? 1 : strides[d]);
    dilation.push_back(dilations == nullptr ? 1 : dilations[d]);
    front.push_back(paddings_front == nullptr ? 0 : paddings_front[d]);
  }
  std::vector<odla_value> inputs{input, kernel};
  if (bias != nullptr) inputs.push_back(CheckInput(bias, op, 2));
  const bool has_bias = bias != nullptr;
  const int64_t in_plane = TensorType{ODLA_FLOAT32, in_spatial}.Count(), out_plane = TensorType{ODLA_FLOAT32, out_spatial}.Count();
  const int64_t taps = TensorType{ODLA_FLOAT32, window}.Count();
  const Dims in_strides = Strides(in_spatial), out_strides = Strides(out_spatial), tap_strides = Strides(window);
  Kernel body;
  DispatchFloat(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    body = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* xs = static_cast<const T*>(in[0]);
      const T* ws = static_cast<const T*>(in[1]);
      T* y = static_cast<T*>(res[0]);
      for (int64_t n = 0; n < out[0]; ++n)
        for (int64_t oc = 0; oc < out_channels; ++oc)
          std::fill(y + (n * out_channels + oc) * out_plane, y + (n * out_channels + oc + 1) * out_plane,
                    has_bias ? static_cast<const T*>(in[2])[oc] : T(0));
      for (int64_t n = 0; n < x[0]; ++n)
        for (int64_t ic = 0; ic < x[1]; ++ic)
          for (int64_t i = 0; i < in_plane; ++i) {
            const double v = static_cast<double>(xs[(n * x[1] + ic) * in_plane + i]);
            for (int64_t t = 0; t < taps; ++t) {
              int64_t offset = 0;
              bool inside = true;
              for (size_t d = 0; d < k && inside; ++d) {
                const int64_t o = (i / in_strides[d]) % in_spatial[d] * stride[d] - front[d] + (t / tap_strides[d]) % window[d] * dilation[d];
                inside = o >= 0 && o < out_spatial[d];
                offset += o * out_strides[d];
              }
              if (!inside) continue;
              const int64_t g = ic / in_group;
              for (int64_t j = 0; j < out_group; ++j) {
                T& target = y[(n * out_channels + g * out_group + j) * out_plane + offset];
                target = static_cast<T>(static_cast<double>(target) + v * static_cast<double>(ws[(ic * out_group + j) * taps + t]));
              }
            }
          }
    };
  });
  return AddNode1(op, inputs, TensorType{input->type.element_type, out}, value_id, std::move(body));
}

}  // namespace odla_ref
