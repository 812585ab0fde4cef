// Window geometry and layout helpers shared by convolution and pooling.
#include "spatial.h"

#include <string>

namespace odla_ref {

Window2D ReadInputGeometry(const Dims& dims, odla_memory_layout layout, const char* op) {
  if (dims.size() != 3 && dims.size() != 4)
    Fail(ODLA_UNSUPPORTED_OP, std::string(op) + ": only 1-D and 2-D spatial inputs are supported, got " + DimsToString(dims));
  if (layout != ODLA_CHANNELS_FIRST && layout != ODLA_CHANNELS_LAST)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": input layout must be ODLA_CHANNELS_FIRST or ODLA_CHANNELS_LAST");
  Window2D w;
  const bool first = layout == ODLA_CHANNELS_FIRST;
  w.batch = dims[0];
  w.channels = first ? dims[1] : dims.back();
  if (dims.size() == 4) {
    w.in_h = first ? dims[2] : dims[1];
    w.in_w = first ? dims[3] : dims[2];
  } else {
    w.in_w = first ? dims[2] : dims[1];
  }
  return w;
}

void ReadWindow(Window2D& w, size_t spatial_rank, const odla_uint32* window, const odla_uint32* strides,
                const odla_uint32* dilations, const odla_uint32* pads_front, const odla_uint32* pads_back) {
  auto at = [](const odla_uint32* values, size_t i, int64_t fallback) {
    return values == nullptr ? fallback : static_cast<int64_t>(values[i]);
  };
  const size_t h = 0, x = spatial_rank == 2 ? 1 : 0;
  if (spatial_rank == 2) {
    w.kernel_h = at(window, h, 1);
    w.stride_h = at(strides, h, 1);
    w.dilation_h = at(dilations, h, 1);
    w.pad_top = at(pads_front, h, 0);
    w.pad_bottom = at(pads_back, h, 0);
  }
  w.kernel_w = at(window, x, 1);
  w.stride_w = at(strides, x, 1);
  w.dilation_w = at(dilations, x, 1);
  w.pad_left = at(pads_front, x, 0);
  w.pad_right = at(pads_back, x, 0);
}

int64_t SlidingOutput(int64_t in, int64_t kernel, int64_t stride, int64_t dilation, int64_t pad_a, int64_t pad_b,
                      const char* op) {
  if (stride <= 0 || dilation <= 0) Fail(ODLA_INVALID_PARAM, std::string(op) + ": strides and dilations must be positive");
  int64_t span = (kernel - 1) * dilation + 1;
  int64_t padded = in + pad_a + pad_b;
  if (padded < span) Fail(ODLA_INVALID_PARAM, std::string(op) + ": the window is larger than the padded input");
  return (padded - span) / stride + 1;
}

Dims OutputDims(const Dims& like, odla_memory_layout layout, int64_t channels, int64_t out_h, int64_t out_w) {
  Dims spatial = like.size() == 4 ? Dims{out_h, out_w} : Dims{out_w};
  Dims out{like[0]};
  if (layout == ODLA_CHANNELS_FIRST) out.push_back(channels);
  out.insert(out.end(), spatial.begin(), spatial.end());
  if (layout == ODLA_CHANNELS_LAST) out.push_back(channels);
  return out;
}

std::vector<size_t> KernelAxes(odla_memory_layout layout, size_t rank, bool first_is_output, const char* op) {
  const size_t spatial = rank - 2;
  size_t out_axis = 0, in_axis = 0, spatial_start = 0;
  switch (layout) {
    case ODLA_OIS: out_axis = 0; in_axis = 1; spatial_start = 2; break;
    case ODLA_IOS: in_axis = 0; out_axis = 1; spatial_start = 2; break;
    case ODLA_SIO: in_axis = spatial; out_axis = spatial + 1; spatial_start = 0; break;
    case ODLA_SOI: out_axis = spatial; in_axis = spatial + 1; spatial_start = 0; break;
    default: Fail(ODLA_INVALID_PARAM, std::string(op) + ": kernel layout must be ODLA_OIS, ODLA_IOS, ODLA_SIO or ODLA_SOI");
  }
  std::vector<size_t> axes{first_is_output ? out_axis : in_axis, first_is_output ? in_axis : out_axis};
  for (size_t s = 0; s < spatial; ++s) axes.push_back(spatial_start + s);
  return axes;
}

}  // namespace odla_ref
