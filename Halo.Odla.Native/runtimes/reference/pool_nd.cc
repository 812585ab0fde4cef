// MaxPool (with the Indices output) and AveragePool over any number of spatial dimensions with dilations,
// channels first (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include <algorithm>
#include <limits>

#include "dispatch.h"
#include "parallel.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace {

struct WindowNd {
  Dims in, out, kernel, stride, dilation, front, back;
  int64_t planes = 0;
  bool column_major = false;
  bool include_padding = false;
};

WindowNd ReadWindowNd(const char* op, odla_value input, const odla_uint32* window_dims, const odla_uint32* strides,
                      const odla_uint32* dilations, const odla_uint32* front, const odla_uint32* back,
                      odla_value_shape output_dims) {
  CheckInput(input, op, 0);
  const Dims& dims = input->type.dims;
  if (dims.size() < 3) Fail(ODLA_INVALID_PARAM, std::string(op) + ": the input needs N, C and a spatial dimension");
  if (window_dims == nullptr) Fail(ODLA_INVALID_PARAM, std::string(op) + ": window_dims is null");
  WindowNd w;
  const size_t k = dims.size() - 2;
  w.planes = dims[0] * dims[1];
  for (size_t d = 0; d < k; ++d) {
    w.in.push_back(dims[d + 2]);
    w.kernel.push_back(window_dims[d]);
    w.stride.push_back(strides == nullptr ? 1 : strides[d]);
    w.dilation.push_back(dilations == nullptr ? 1 : dilations[d]);
    w.front.push_back(front == nullptr ? 0 : front[d]);
    w.back.push_back(back == nullptr ? 0 : back[d]);
    if (w.kernel[d] < 1 || w.stride[d] < 1 || w.dilation[d] < 1)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": window, strides and dilations must be positive");
    const int64_t extent = (w.kernel[d] - 1) * w.dilation[d] + 1;
    const int64_t size = (w.in[d] + w.front[d] + w.back[d] - extent) / w.stride[d] + 1;
    if (size < 1) Fail(ODLA_INVALID_PARAM, std::string(op) + ": the window is larger than the padded input");
    w.out.push_back(size);
  }
  // A declared output shape carries ceil_mode (one more window that may overhang the padding).
  if (odla_ref::IsDefined(output_dims) && static_cast<size_t>(output_dims.size) == dims.size())
    for (size_t d = 0; d < k; ++d) w.out[d] = output_dims.dims[d + 2];
  return w;
}

Dims OutDims(odla_value input, const WindowNd& w) {
  Dims out{input->type.dims[0], input->type.dims[1]};
  out.insert(out.end(), w.out.begin(), w.out.end());
  return out;
}

// Visits every output position of one plane: f(output offset, window positions as in-plane offsets or -1 inside
// the explicit padding); positions past the padding (ceil_mode overhang) are left out.
template <typename F>
void ForEachWindow(const WindowNd& w, std::vector<int64_t>& taps, F&& f) {
  const size_t k = w.in.size();
  const Dims in_strides = odla_ref::Strides(w.in);
  const int64_t out_count = TensorType{ODLA_FLOAT32, w.out}.Count();
  std::vector<int64_t> position(k), counter(k);
  for (int64_t o = 0; o < out_count; ++o) {
    for (int64_t rest = o, d = static_cast<int64_t>(k) - 1; d >= 0; --d) {
      position[static_cast<size_t>(d)] = rest % w.out[static_cast<size_t>(d)];
      rest /= w.out[static_cast<size_t>(d)];
    }
    taps.clear();
    std::fill(counter.begin(), counter.end(), 0);
    for (bool more = true; more;) {
      int64_t offset = 0;
      bool inside = true, padded = true;
      for (size_t d = 0; d < k; ++d) {
        const int64_t i = position[d] * w.stride[d] - w.front[d] + counter[d] * w.dilation[d];
        inside = inside && i >= 0 && i < w.in[d];
        padded = padded && i >= -w.front[d] && i < w.in[d] + w.back[d];
        offset += i * in_strides[d];
      }
      if (padded) taps.push_back(inside ? offset : -1);
      more = false;
      for (size_t d = k; d-- > 0;) {
        if (++counter[d] < w.kernel[d]) {
          more = true;
          break;
        }
        counter[d] = 0;
      }
    }
    f(o, taps);
  }
}

// The flat index ONNX reports for in-plane offset `offset` of plane p (column-major: spatial order reversed).
int64_t FlatIndex(const WindowNd& w, int64_t p, int64_t offset) {
  const int64_t plane = TensorType{ODLA_FLOAT32, w.in}.Count();
  if (!w.column_major) return p * plane + offset;
  // Row-major digits of the offset, reweighted so that the outermost spatial dimension varies fastest.
  int64_t index = 0, rest = offset, scale = 1;
  Dims digits(w.in.size());
  for (size_t d = w.in.size(); d-- > 0;) {
    digits[d] = rest % w.in[d];
    rest /= w.in[d];
  }
  for (size_t d = 0; d < w.in.size(); ++d) {
    index += digits[d] * scale;
    scale *= w.in[d];
  }
  return p * plane + index;
}

}  // namespace

extern "C" {

odla_values odla_HaloMaxPool(odla_value input, const odla_uint32* window_dims, const odla_uint32* strides,
                             const odla_uint32* dilations, const odla_uint32* paddings_front,
                             const odla_uint32* paddings_back, odla_bool column_major_indices,
                             odla_value_shape output_dims, const odla_value_ids value_ids) {
  return odla_ref::Guard<odla_values>(odla_ref::EmptyValues(), [&] {
    const char* op = "odla_HaloMaxPool";
    WindowNd w = ReadWindowNd(op, input, window_dims, strides, dilations, paddings_front, paddings_back, output_dims);
    w.column_major = column_major_indices != 0;
    const Dims out = OutDims(input, w);
    const int64_t in_plane = TensorType{ODLA_FLOAT32, w.in}.Count(), out_plane = TensorType{ODLA_FLOAT32, w.out}.Count();
    odla_ref::Kernel kernel;
    odla_ref::DispatchNumeric(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        odla_ref::ParallelFor(w.planes, 1, [&](int64_t begin, int64_t end) {
          std::vector<int64_t> taps;
          for (int64_t p = begin; p < end; ++p) {
            const T* x = static_cast<const T*>(in[0]) + p * in_plane;
            T* y = static_cast<T*>(res[0]) + p * out_plane;
            int64_t* indices = static_cast<int64_t*>(res[1]) + p * out_plane;
            ForEachWindow(w, taps, [&](int64_t o, const std::vector<int64_t>& window) {
              T best = std::numeric_limits<T>::lowest();
              int64_t at = -1;
              for (int64_t t : window)
                if (t >= 0 && (at < 0 || x[t] > best)) {
                  best = x[t];
                  at = t;
                }
              y[o] = best;
              indices[o] = at < 0 ? -1 : FlatIndex(w, p, at);
            });
          }
        });
      };
    });
    auto outputs = odla_ref::AddNode(op, {input}, {TensorType{input->type.element_type, out}, TensorType{ODLA_INT64, out}},
                                     &value_ids, nullptr, std::move(kernel));
    return odla_ref::ToValues(outputs);
  });
}

odla_value odla_HaloAveragePool(odla_value input, const odla_uint32* window_dims, const odla_uint32* strides,
                                const odla_uint32* dilations, const odla_uint32* paddings_front,
                                const odla_uint32* paddings_back, odla_bool padding_included,
                                odla_value_shape output_dims, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloAveragePool";
    WindowNd w = ReadWindowNd(op, input, window_dims, strides, dilations, paddings_front, paddings_back, output_dims);
    w.include_padding = padding_included != 0;
    const Dims out = OutDims(input, w);
    const int64_t in_plane = TensorType{ODLA_FLOAT32, w.in}.Count(), out_plane = TensorType{ODLA_FLOAT32, w.out}.Count();
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        odla_ref::ParallelFor(w.planes, 1, [&](int64_t begin, int64_t end) {
          std::vector<int64_t> taps;
          for (int64_t p = begin; p < end; ++p) {
            const T* x = static_cast<const T*>(in[0]) + p * in_plane;
            T* y = static_cast<T*>(res[0]) + p * out_plane;
            ForEachWindow(w, taps, [&](int64_t o, const std::vector<int64_t>& window) {
              double sum = 0;
              int64_t valid = 0;
              for (int64_t t : window)
                if (t >= 0) {
                  sum += static_cast<double>(x[t]);
                  ++valid;
                }
              // ONNX: with count_include_pad the divisor counts the positions inside the explicit padding.
              const int64_t divisor = w.include_padding ? static_cast<int64_t>(window.size()) : valid;
              y[o] = static_cast<T>(divisor > 0 ? sum / static_cast<double>(divisor) : 0);
            });
          }
        });
      };
    });
    return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, out}, value_id, std::move(kernel));
  });
}

}  // extern "C"
