// Conv and DeConv (ConvTranspose) over 1-D and 2-D inputs in either layout (odla_ops_nn.h); DeConv over more
// spatial dimensions is in deconv_nd.cc.
// PERF: im2col + the blocked GEMM; batches x groups run in parallel when there are enough of them
// (depthwise convolutions), otherwise the GEMM itself is parallel.
#include <algorithm>
#include <cstring>

#include "dispatch.h"
#include "gemm.h"
#include "parallel.h"
#include "spatial.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;
using odla_ref::Window2D;

namespace {

// Copies a kernel into its canonical layout (OIS for Conv, IOS for DeConv).
template <typename T>
void CanonicalKernel(const T* in, const Dims& dims, const std::vector<size_t>& axes, T* out) {
  Dims strides = odla_ref::Strides(dims);
  Dims canonical(axes.size());
  for (size_t i = 0; i < axes.size(); ++i) canonical[i] = dims[axes[i]];
  const int64_t count = TensorType{ODLA_FLOAT32, canonical}.Count();
  for (int64_t o = 0; o < count; ++o) {
    int64_t rest = o, offset = 0;
    for (size_t d = canonical.size(); d-- > 0;) {
      offset += (rest % canonical[d]) * strides[axes[d]];
      rest /= canonical[d];
    }
    out[o] = in[offset];
  }
}

// The output columns [lo, hi) whose input column ow * stride + shift lies inside the row for kernel column kj
// (the others read padding); it does not depend on the output row.
struct ColumnRange {
  int64_t shift, lo, hi;
};

ColumnRange ValidColumns(const Window2D& w, int64_t kj) {
  const int64_t shift = kj * w.dilation_w - w.pad_left;
  const int64_t lo = std::min(w.out_w, shift >= 0 ? 0 : (-shift + w.stride_w - 1) / w.stride_w);
  const int64_t hi = std::max(lo, std::min(w.out_w, w.in_w - shift <= 0 ? 0 : (w.in_w - shift - 1) / w.stride_w + 1));
  return {shift, lo, hi};
}

template <typename T>
void Im2Col(const T* x, int64_t c_begin, int64_t c_end, const Window2D& w, T* col) {
  const int64_t plane = w.out_h * w.out_w;
  for (int64_t c = c_begin; c < c_end; ++c)
    for (int64_t ki = 0; ki < w.kernel_h; ++ki)
      for (int64_t kj = 0; kj < w.kernel_w; ++kj) {
        T* row = col + ((c * w.kernel_h + ki) * w.kernel_w + kj) * plane;
        // PERF: the columns that read inside the row form one range; only its edges are padding.
        const auto [shift, lo, hi] = ValidColumns(w, kj);
        for (int64_t oh = 0; oh < w.out_h; ++oh) {
          const int64_t ih = oh * w.stride_h - w.pad_top + ki * w.dilation_h;
          T* dst = row + oh * w.out_w;
          if (ih < 0 || ih >= w.in_h) {
            std::fill(dst, dst + w.out_w, T(0));
            continue;
          }
          const T* src = x + (c * w.in_h + ih) * w.in_w;
          std::fill(dst, dst + lo, T(0));
          if (w.stride_w == 1) {
            const T* from = src + shift;
            for (int64_t ow = lo; ow < hi; ++ow) dst[ow] = from[ow];
          } else {
            for (int64_t ow = lo; ow < hi; ++ow) dst[ow] = src[ow * w.stride_w + shift];
          }
          std::fill(dst + hi, dst + w.out_w, T(0));
        }
      }
}

// One channel of a depthwise convolution (one input and one output channel per group), accumulated tap by tap
// straight from the input rows: im2col would copy the plane kernel_h * kernel_w times for a single output row.
template <typename T>
void DepthwisePlane(const T* x, const T* kernel, const Window2D& w, T* y) {
  std::fill(y, y + w.out_h * w.out_w, T(0));
  for (int64_t oh = 0; oh < w.out_h; ++oh) {
    T* dst = y + oh * w.out_w;
    for (int64_t ki = 0; ki < w.kernel_h; ++ki) {
      const int64_t ih = oh * w.stride_h - w.pad_top + ki * w.dilation_h;
      if (ih < 0 || ih >= w.in_h) continue;
      const T* src = x + ih * w.in_w;
      for (int64_t kj = 0; kj < w.kernel_w; ++kj) {
        const T weight = kernel[ki * w.kernel_w + kj];
        const auto [shift, lo, hi] = ValidColumns(w, kj);
        if (w.stride_w == 1) {
          const T* from = src + shift;
          for (int64_t ow = lo; ow < hi; ++ow) dst[ow] += weight * from[ow];
        } else {
          for (int64_t ow = lo; ow < hi; ++ow) dst[ow] += weight * src[ow * w.stride_w + shift];
        }
      }
    }
  }
}

template <typename T>
void Col2Im(const T* col, int64_t channels, const Window2D& w, T* y) {
  // Here in_* is the DeConv input (the col plane) and out_* its output.
  const int64_t plane = w.in_h * w.in_w;
  for (int64_t c = 0; c < channels; ++c)
    for (int64_t ki = 0; ki < w.kernel_h; ++ki)
      for (int64_t kj = 0; kj < w.kernel_w; ++kj) {
        const T* row = col + ((c * w.kernel_h + ki) * w.kernel_w + kj) * plane;
        for (int64_t ih = 0; ih < w.in_h; ++ih) {
          const int64_t oh = ih * w.stride_h - w.pad_top + ki * w.dilation_h;
          if (oh < 0 || oh >= w.out_h) continue;
          for (int64_t iw = 0; iw < w.in_w; ++iw) {
            const int64_t ow = iw * w.stride_w - w.pad_left + kj * w.dilation_w;
            if (ow >= 0 && ow < w.out_w) y[(c * w.out_h + oh) * w.out_w + ow] += row[ih * w.in_w + iw];
          }
        }
      }
}

// The calling thread's im2col buffer, grown to at least `size` elements and kept: a fresh one per call would
// be mapped and faulted in again every time.
template <typename T>
std::vector<T>& ColumnBuffer(int64_t size) {
  thread_local std::vector<T> buffer;
  if (static_cast<int64_t>(buffer.size()) < size) buffer.resize(static_cast<size_t>(size));
  return buffer;
}

struct ConvPlan {
  Window2D w;
  int64_t groups = 1, out_channels = 0;
  odla_memory_layout layout = ODLA_CHANNELS_FIRST;
  Dims kernel_dims;
  std::vector<size_t> kernel_axes;
  bool has_bias = false, transposed = false, canonical_kernel = false;
};

template <typename T>
void RunConv(const ConvPlan& p, const std::vector<const void*>& in, T* y_final) {
  const Window2D& w = p.w;
  const int64_t in_plane = w.in_h * w.in_w, out_plane = w.out_h * w.out_w;
  std::vector<T> x_buffer, y_buffer, k_buffer;
  const T* x = static_cast<const T*>(in[0]);
  if (p.layout == ODLA_CHANNELS_LAST) {
    x_buffer.resize(static_cast<size_t>(w.batch * w.channels * in_plane));
    odla_ref::ToChannelsFirst(x, x_buffer.data(), w.batch, in_plane, w.channels);
    x = x_buffer.data();
  }
  T* y = y_final;
  if (p.layout == ODLA_CHANNELS_LAST) {
    y_buffer.resize(static_cast<size_t>(w.batch * p.out_channels * out_plane));
    y = y_buffer.data();
  }
  // PERF: a kernel already in the canonical layout (ONNX's) is used in place.
  const T* kernel = static_cast<const T*>(in[1]);
  if (!p.canonical_kernel) {
    k_buffer.resize(static_cast<size_t>(TensorType{ODLA_FLOAT32, p.kernel_dims}.Count()));
    CanonicalKernel(kernel, p.kernel_dims, p.kernel_axes, k_buffer.data());
    kernel = k_buffer.data();
  }
  const int64_t cg = w.channels / p.groups, og = p.out_channels / p.groups, taps = w.kernel_h * w.kernel_w;
  const bool pointwise = !p.transposed && taps == 1 && w.stride_h == 1 && w.stride_w == 1 && w.pad_top == 0 &&
                         w.pad_left == 0 && w.pad_bottom == 0 && w.pad_right == 0;
  const bool depthwise = !p.transposed && cg == 1 && og == 1;
  const int64_t col_size = depthwise ? 0 : p.transposed ? og * taps * in_plane : cg * taps * out_plane;
  auto one = [&](int64_t n, int64_t g, std::vector<T>& col, bool parallel) {
    const T* src = x + (n * w.channels + g * cg) * in_plane;
    T* dst = y + (n * p.out_channels + g * og) * out_plane;
    if (p.transposed) {
      odla_ref::Gemm<T>(true, false, og * taps, in_plane, cg, T(1), kernel + g * cg * og * taps, og * taps, src, in_plane,
                        T(0), col.data(), in_plane, parallel);
      std::fill(dst, dst + og * out_plane, T(0));
      Col2Im(col.data(), og, w, dst);
      return;
    }
    if (depthwise) {
      DepthwisePlane(src, kernel + g * taps, w, dst);
      return;
    }
    const T* lowered = src;
    if (!pointwise) {
      if (parallel) {
        odla_ref::ParallelFor(cg, 1, [&](int64_t b, int64_t e) { Im2Col(src, b, e, w, col.data()); });
      } else {
        Im2Col(src, 0, cg, w, col.data());
      }
      lowered = col.data();
    }
    odla_ref::Gemm<T>(false, false, og, out_plane, cg * taps, T(1), kernel + g * og * cg * taps, cg * taps, lowered,
                      out_plane, T(0), dst, out_plane, parallel);
  };
  const int64_t jobs = w.batch * p.groups;
  if (jobs > 1 && jobs >= odla_ref::ThreadCount()) {
    odla_ref::ParallelFor(jobs, 1, [&](int64_t begin, int64_t end) {
      std::vector<T>& col = ColumnBuffer<T>(pointwise ? 0 : col_size);
      for (int64_t t = begin; t < end; ++t) one(t / p.groups, t % p.groups, col, false);
    });
  } else {
    std::vector<T>& col = ColumnBuffer<T>(pointwise ? 0 : col_size);
    for (int64_t t = 0; t < jobs; ++t) one(t / p.groups, t % p.groups, col, true);
  }
  if (p.has_bias) {
    const T* bias = static_cast<const T*>(in[2]);
    for (int64_t n = 0; n < w.batch; ++n)
      for (int64_t o = 0; o < p.out_channels; ++o) {
        T* plane = y + (n * p.out_channels + o) * out_plane;
        for (int64_t i = 0; i < out_plane; ++i) plane[i] += bias[o];
      }
  }
  if (p.layout == ODLA_CHANNELS_LAST) odla_ref::ToChannelsLast(y, y_final, w.batch, out_plane, p.out_channels);
}

odla_value BuildConv(const char* op, bool transposed, odla_value input, odla_memory_layout input_layout,
                     odla_uint32 group, odla_value kernel, odla_memory_layout kernel_layout, const odla_uint32* strides,
                     const odla_uint32* dilations, const odla_uint32* paddings_front,
                     const odla_uint32* paddings_back, odla_value bias, odla_value_shape output_dims,
                     odla_value_id value_id) {
  CheckInput(input, op, 0);
  CheckInput(kernel, op, 1);
  ConvPlan p;
  p.transposed = transposed;
  p.layout = input_layout;
  p.w = odla_ref::ReadInputGeometry(input->type.dims, input_layout, op);
  p.groups = group == 0 ? 1 : group;
  p.kernel_dims = kernel->type.dims;
  const size_t spatial = input->type.dims.size() - 2;
  if (p.kernel_dims.size() != spatial + 2)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": kernel rank does not match the input rank");
  p.kernel_axes = odla_ref::KernelAxes(kernel_layout, p.kernel_dims.size(), !transposed, op);
  Dims canonical;
  for (size_t axis : p.kernel_axes) canonical.push_back(p.kernel_dims[axis]);
  p.canonical_kernel = true;
  for (size_t i = 0; i < p.kernel_axes.size(); ++i) p.canonical_kernel = p.canonical_kernel && p.kernel_axes[i] == i;
  // Canonical: Conv [O, C/g, k...]; DeConv [C, O/g, k...].
  const int64_t kernel_channels = transposed ? canonical[0] : canonical[1] * p.groups;
  p.out_channels = transposed ? canonical[1] * p.groups : canonical[0];
  if (kernel_channels != p.w.channels || p.out_channels % p.groups != 0 || p.w.channels % p.groups != 0)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": kernel " + odla_ref::DimsToString(p.kernel_dims) +
                                 " does not fit input " + odla_ref::DimsToString(input->type.dims) + " with " +
                                 std::to_string(p.groups) + " groups");
  odla_uint32 window[2] = {static_cast<odla_uint32>(canonical[2]),
                           static_cast<odla_uint32>(spatial == 2 ? canonical[3] : 1)};
  odla_ref::ReadWindow(p.w, spatial, window, strides, dilations, paddings_front, paddings_back);
  Window2D& w = p.w;
  if (!transposed) {
    w.out_h = odla_ref::SlidingOutput(w.in_h, w.kernel_h, w.stride_h, w.dilation_h, w.pad_top, w.pad_bottom, op);
    w.out_w = odla_ref::SlidingOutput(w.in_w, w.kernel_w, w.stride_w, w.dilation_w, w.pad_left, w.pad_right, op);
  } else {
    w.out_h = (w.in_h - 1) * w.stride_h - w.pad_top - w.pad_bottom + (w.kernel_h - 1) * w.dilation_h + 1;
    w.out_w = (w.in_w - 1) * w.stride_w - w.pad_left - w.pad_right + (w.kernel_w - 1) * w.dilation_w + 1;
    // ONNX output_padding enlarges the result at the end; it arrives through the declared output shape.
    if (odla_ref::IsDefined(output_dims) && static_cast<size_t>(output_dims.size) == input->type.dims.size()) {
      Dims declared = odla_ref::DimsFromShape(output_dims);
      Window2D d = odla_ref::ReadInputGeometry(declared, input_layout, op);
      if (d.in_h < w.out_h || d.in_w < w.out_w) Fail(ODLA_INVALID_PARAM, std::string(op) + ": declared output is too small");
      w.out_h = d.in_h;
      w.out_w = d.in_w;
    }
  }
  std::vector<odla_value> inputs{input, kernel};
  if (bias != nullptr) {
    if (bias->type.Count() != p.out_channels)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": bias must hold one value per output channel");
    inputs.push_back(bias);
    p.has_bias = true;
  }
  odla_ref::Kernel run;
  odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    run = [p](const std::vector<const void*>& in, const std::vector<void*>& out) {
      RunConv<T>(p, in, static_cast<T*>(out[0]));
    };
  });
  Dims out = odla_ref::OutputDims(input->type.dims, input_layout, p.out_channels, w.out_h, w.out_w);
  return odla_ref::AddNode1(op, inputs, TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                            value_id, std::move(run));
}

}  // namespace

extern "C" {

odla_value odla_Conv(odla_value input, odla_memory_layout input_layout, odla_uint32 group, odla_value kernel,
                     odla_memory_layout kernel_layout, const odla_uint32* strides, const odla_uint32* dilations,
                     const odla_uint32* paddings_front, const odla_uint32* paddings_back, odla_value bias,
                     odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return BuildConv("odla_Conv", false, input, input_layout, group, kernel, kernel_layout, strides, dilations,
                     paddings_front, paddings_back, bias, output_dims, value_id);
  });
}

odla_value odla_DeConv(odla_value input, odla_memory_layout input_layout, odla_uint32 group, odla_value kernel,
                       odla_memory_layout kernel_layout, const odla_uint32* strides, const odla_uint32* dilations,
                       const odla_uint32* paddings_front, const odla_uint32* paddings_back, odla_value bias,
                       odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    // Three or more spatial dimensions take the direct N-D kernel (ONNX ConvTranspose's layouts only).
    if (input != nullptr && input->type.dims.size() > 4 && input_layout == ODLA_CHANNELS_FIRST && kernel_layout == ODLA_IOS)
      return odla_ref::BuildDeConvNd("odla_DeConv", input, group, kernel, strides, dilations, paddings_front, bias, output_dims,
                                     value_id);
    return BuildConv("odla_DeConv", true, input, input_layout, group, kernel, kernel_layout, strides, dilations,
                     paddings_front, paddings_back, bias, output_dims, value_id);
  });
}

}  // extern "C"
