// MaxPool and AveragePool over 1-D and 2-D inputs in either layout (odla_ops_nn.h).
#include <algorithm>
#include <limits>

#include "dispatch.h"
#include "parallel.h"
#include "spatial.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;
using odla_ref::Window2D;

namespace {

template <typename T>
void PoolPlanes(const T* x, T* y, int64_t planes, const Window2D& w, bool is_max, bool include_padding) {
  odla_ref::ParallelFor(planes, 4, [&](int64_t begin, int64_t end) {
    for (int64_t p = begin; p < end; ++p) {
      const T* src = x + p * w.in_h * w.in_w;
      T* dst = y + p * w.out_h * w.out_w;
      for (int64_t oh = 0; oh < w.out_h; ++oh)
        for (int64_t ow = 0; ow < w.out_w; ++ow) {
          const int64_t h0 = oh * w.stride_h - w.pad_top, w0 = ow * w.stride_w - w.pad_left;
          const int64_t h1 = h0 + (w.kernel_h - 1) * w.dilation_h + 1, w1 = w0 + (w.kernel_w - 1) * w.dilation_w + 1;
          double sum = 0;
          T best = std::numeric_limits<T>::lowest();
          int64_t valid = 0, padded = 0;
          for (int64_t ih = h0; ih < h1; ih += w.dilation_h)
            for (int64_t iw = w0; iw < w1; iw += w.dilation_w) {
              // ONNX: with count_include_pad the divisor counts positions inside the explicit padding.
              if (ih >= -w.pad_top && ih < w.in_h + w.pad_bottom && iw >= -w.pad_left && iw < w.in_w + w.pad_right)
                ++padded;
              if (ih < 0 || ih >= w.in_h || iw < 0 || iw >= w.in_w) continue;
              const T v = src[ih * w.in_w + iw];
              ++valid;
              sum += static_cast<double>(v);
              best = std::max(best, v);
            }
          const int64_t divisor = include_padding ? padded : valid;
          dst[oh * w.out_w + ow] = is_max ? best : static_cast<T>(divisor > 0 ? sum / static_cast<double>(divisor) : 0);
        }
    }
  });
}

odla_value BuildPool(const char* op, bool is_max, odla_value input, odla_memory_layout layout,
                     const odla_uint32* window_dims, const odla_uint32* strides, const odla_uint32* paddings_front,
                     const odla_uint32* paddings_back, bool include_padding, odla_value_shape output_dims,
                     odla_value_id value_id) {
  CheckInput(input, op, 0);
  if (window_dims == nullptr) Fail(ODLA_INVALID_PARAM, std::string(op) + ": window_dims is null");
  Window2D w = odla_ref::ReadInputGeometry(input->type.dims, layout, op);
  const size_t spatial = input->type.dims.size() - 2;
  odla_ref::ReadWindow(w, spatial, window_dims, strides, nullptr, paddings_front, paddings_back);
  w.out_h = odla_ref::SlidingOutput(w.in_h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top, w.pad_bottom, op);
  w.out_w = odla_ref::SlidingOutput(w.in_w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left, w.pad_right, op);
  // A declared output shape carries ceil_mode (one more window that may overhang the padding).
  if (odla_ref::IsDefined(output_dims) && static_cast<size_t>(output_dims.size) == input->type.dims.size()) {
    Window2D d = odla_ref::ReadInputGeometry(odla_ref::DimsFromShape(output_dims), layout, op);
    w.out_h = d.in_h;
    w.out_w = d.in_w;
  }
  Dims out = odla_ref::OutputDims(input->type.dims, layout, w.channels, w.out_h, w.out_w);
  odla_ref::Kernel kernel;
  odla_ref::DispatchNumeric(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    kernel = [w, layout, is_max, include_padding](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      T* y = static_cast<T*>(res[0]);
      const int64_t planes = w.batch * w.channels, in_plane = w.in_h * w.in_w, out_plane = w.out_h * w.out_w;
      if (layout == ODLA_CHANNELS_FIRST) {
        PoolPlanes(x, y, planes, w, is_max, include_padding);
        return;
      }
      std::vector<T> x_first(static_cast<size_t>(planes * in_plane)), y_first(static_cast<size_t>(planes * out_plane));
      odla_ref::ToChannelsFirst(x, x_first.data(), w.batch, in_plane, w.channels);
      PoolPlanes(x_first.data(), y_first.data(), planes, w, is_max, include_padding);
      odla_ref::ToChannelsLast(y_first.data(), y, w.batch, out_plane, w.channels);
    };
  });
  return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, out}, value_id, std::move(kernel));
}

}  // namespace

extern "C" {

odla_value odla_MaxPool(odla_value input, odla_memory_layout input_layout, const odla_uint32* window_dims,
                        const odla_uint32* strides, const odla_uint32* paddings_front,
                        const odla_uint32* paddings_back, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return BuildPool("odla_MaxPool", true, input, input_layout, window_dims, strides, paddings_front, paddings_back,
                     false, output_dims, value_id);
  });
}

odla_value odla_AveragePool(odla_value input, odla_memory_layout input_layout, const odla_uint32* window_dims,
                            const odla_uint32* strides, const odla_uint32* paddings_front,
                            const odla_uint32* paddings_back, odla_bool padding_included, odla_value_shape output_dims,
                            const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return BuildPool("odla_AveragePool", false, input, input_layout, window_dims, strides, paddings_front,
                     paddings_back, padding_included != 0, output_dims, value_id);
  });
}

}  // extern "C"
