// Helpers for operators over spatial dimensions (Conv, DeConv, pools): layouts and window geometry.
#ifndef HALO_ODLA_REFERENCE_SPATIAL_H_
#define HALO_ODLA_REFERENCE_SPATIAL_H_

#include "runtime.h"

namespace odla_ref {

// Geometry of a 2-D windowed operator (1-D inputs use height 1), in NCHW terms.
struct Window2D {
  int64_t batch = 0, channels = 0, in_h = 1, in_w = 1, out_h = 1, out_w = 1;
  int64_t kernel_h = 1, kernel_w = 1, stride_h = 1, stride_w = 1, dilation_h = 1, dilation_w = 1;
  int64_t pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
};

// Reads N, C and the spatial extents from dims in the given layout; fails for ranks other than 3 and 4.
Window2D ReadInputGeometry(const Dims& dims, odla_memory_layout layout, const char* op);
// Fills kernel extents, strides, dilations and paddings (null arrays mean 1 / 0); spatial rank 1 or 2.
void ReadWindow(Window2D& w, size_t spatial_rank, const odla_uint32* window, const odla_uint32* strides,
                const odla_uint32* dilations, const odla_uint32* pads_front, const odla_uint32* pads_back);
// Output extent of a sliding window.
int64_t SlidingOutput(int64_t in, int64_t kernel, int64_t stride, int64_t dilation, int64_t pad_a, int64_t pad_b,
                      const char* op);
// Output dims in the input layout for N, C, out_h, out_w (rank of `like`).
Dims OutputDims(const Dims& like, odla_memory_layout layout, int64_t channels, int64_t out_h, int64_t out_w);

// Channel-last <-> channel-first copies for [N, S, C] <-> [N, C, S] with S spatial elements.
template <typename T>
void ToChannelsFirst(const T* in, T* out, int64_t n, int64_t spatial, int64_t c) {
  for (int64_t b = 0; b < n; ++b)
    for (int64_t s = 0; s < spatial; ++s)
      for (int64_t ch = 0; ch < c; ++ch) out[(b * c + ch) * spatial + s] = in[(b * spatial + s) * c + ch];
}
template <typename T>
void ToChannelsLast(const T* in, T* out, int64_t n, int64_t spatial, int64_t c) {
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t s = 0; s < spatial; ++s) out[(b * spatial + s) * c + ch] = in[(b * c + ch) * spatial + s];
}

// Source axis of each canonical kernel axis (first, second, spatial...) where canonical is OIS for
// first_is_output, else IOS.
std::vector<size_t> KernelAxes(odla_memory_layout layout, size_t rank, bool first_is_output, const char* op);

// DeConv over three or more spatial dimensions, channels first, kernel in ODLA_IOS (deconv_nd.cc).
odla_value BuildDeConvNd(const char* op, odla_value input, odla_uint32 group, odla_value kernel, const odla_uint32* strides,
                         const odla_uint32* dilations, const odla_uint32* paddings_front, odla_value bias,
                         odla_value_shape output_dims, odla_value_id value_id);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_SPATIAL_H_
