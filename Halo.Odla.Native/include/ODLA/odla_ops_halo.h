/* Halo.NET ODLA headers (Apache-2.0).
 *
 * Halo extension of ODLA: operators that ODLA 0.5 has no function for (ONNX Resize modes, GridSample, Bitwise*,
 * ScatterElements, ScatterND, pools with dilations or more than two spatial dimensions, MaxPool's
 * Indices output, MaxUnpool, Col2Im, AffineGrid, ReverseSequence, DFT, STFT, RoiAlign, DeformConv). Not part of ODLA and not included by
 * odla.h: generated code includes this header only when it calls one of these functions, and only
 * runtimes that implement the extension (libodla_reference) can run that code.
 *
 * Conventions are ODLA's: operands are odla_value, attributes plain parameters, the value id (or
 * ids) last, output_dims may be undefined (size -1) when the runtime can infer it. Data layouts are
 * channels first (N, C, spatial...), as in ONNX.
 */
#ifndef _ODLA_OPERATOR_OPS_HALO_H_
#define _ODLA_OPERATOR_OPS_HALO_H_
#include <ODLA/odla_common.h>
#include <ODLA/odla_value.h>
#include <ODLA/odla_ops_process.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Interpolation of odla_HaloGridSample. */
typedef enum {
  ODLA_HALO_GRID_LINEAR,
  ODLA_HALO_GRID_NEAREST,
  ODLA_HALO_GRID_CUBIC,
} odla_halo_grid_mode;

/* Values of odla_HaloGridSample outside the input: zero, the nearest border value, or mirrored. */
typedef enum {
  ODLA_HALO_PADDING_ZEROS,
  ODLA_HALO_PADDING_BORDER,
  ODLA_HALO_PADDING_REFLECTION,
} odla_halo_padding_mode;

/* How the scatter functions combine an update with the value already there. */
typedef enum {
  ODLA_HALO_SCATTER_REPLACE,
  ODLA_HALO_SCATTER_ADD,
  ODLA_HALO_SCATTER_MUL,
  ODLA_HALO_SCATTER_MAX,
  ODLA_HALO_SCATTER_MIN,
} odla_halo_scatter_reduction;

/* ONNX Resize coordinate_transformation_mode (tf_crop_and_resize excluded). */
typedef enum {
  ODLA_HALO_RESIZE_HALF_PIXEL,
  ODLA_HALO_RESIZE_PYTORCH_HALF_PIXEL,
  ODLA_HALO_RESIZE_ALIGN_CORNERS,
  ODLA_HALO_RESIZE_ASYMMETRIC,
  ODLA_HALO_RESIZE_TF_HALF_PIXEL_FOR_NN,
  ODLA_HALO_RESIZE_HALF_PIXEL_SYMMETRIC,
} odla_halo_resize_coordinate_mode;

/* ONNX Resize nearest_mode. */
typedef enum {
  ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR,
  ODLA_HALO_NEAREST_ROUND_PREFER_CEIL,
  ODLA_HALO_NEAREST_FLOOR,
  ODLA_HALO_NEAREST_CEIL,
} odla_halo_nearest_mode;

/* ONNX Resize to output_dims (required) with the parameters odla_Resize lacks: every coordinate mode
 * but tf_crop_and_resize, nearest_mode, cubic_coeff_a, exclude_outside, and the given scales (one per
 * input axis, as ONNX's coordinate transforms use them: the resized length is scale * input extent,
 * unrounded), or NULL for output / input extent. With antialias, linear and cubic downsampling widen
 * their filter by 1 / scale (ONNX antialias); nearest and upsampling are unaffected. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloResize(
    odla_value input, odla_interpolation_mode interpolation,
    odla_halo_resize_coordinate_mode coordinate_mode, odla_halo_nearest_mode nearest_mode,
    odla_float32 cubic_coeff_a, odla_bool exclude_outside, odla_bool antialias, const odla_float32* scales,
    odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX Resize with coordinate_transformation_mode tf_crop_and_resize: roi (float32 or float64)
 * holds the starts then the ends, in [0, 1], of the num_of_axes listed axes (all axes when
 * num_of_axes is 0); outputs whose source lies outside the input get extrapolation_value. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloCropAndResize(
    odla_value input, odla_value roi, odla_size_t num_of_axes, const odla_uint32* axes,
    odla_interpolation_mode interpolation, odla_halo_nearest_mode nearest_mode,
    odla_float32 cubic_coeff_a, odla_bool exclude_outside, odla_float32 extrapolation_value,
    odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX GridSample: samples input [N, C, D1..Dk] at the normalized coordinates of grid
 * [N, H1..Hk, k] (innermost coordinate first: x, y[, z]); output [N, C, H1..Hk]. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloGridSample(
    odla_value input, odla_value grid, odla_halo_grid_mode mode,
    odla_halo_padding_mode padding_mode, odla_bool align_corners,
    odla_value_shape output_dims, const odla_value_id value_id);

/* Elementwise bitwise operators on integer values with multidirectional broadcasting. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloBitwiseAnd(
    odla_value lhs, odla_value rhs, const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloBitwiseOr(
    odla_value lhs, odla_value rhs, const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloBitwiseXor(
    odla_value lhs, odla_value rhs, const odla_value_id value_id);

extern ODLA_API_EXPORT odla_value ODLA_API_CALL
odla_HaloBitwiseNot(odla_value input, const odla_value_id value_id);

/* ONNX ScatterElements: a copy of data where updates[i] goes to indices[i] along axis (negative
 * indices count from the end); indices (int32 or int64) and updates have the same shape. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloScatterElements(
    odla_value data, odla_value indices, odla_value updates, odla_int32 axis,
    odla_halo_scatter_reduction reduction, const odla_value_id value_id);

/* ONNX ScatterND: a copy of data where each index tuple (last dimension of indices) receives
 * the matching slice of updates. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloScatterND(
    odla_value data, odla_value indices, odla_value updates,
    odla_halo_scatter_reduction reduction, const odla_value_id value_id);

/* Max pooling over any number of spatial dimensions with dilations (arrays of one element per
 * spatial dimension; null dilations mean 1). Returns the values and, second, the int64 flat
 * indices of the maxima in the input (row-major, or column-major spatial order when
 * column_major_indices). output_dims (size -1: floor rounding) carries ceil_mode. */
extern ODLA_API_EXPORT odla_values ODLA_API_CALL odla_HaloMaxPool(
    odla_value input, const odla_uint32* window_dims, const odla_uint32* strides,
    const odla_uint32* dilations, const odla_uint32* paddings_front,
    const odla_uint32* paddings_back, odla_bool column_major_indices,
    odla_value_shape output_dims, const odla_value_ids value_ids);

/* Average pooling over any number of spatial dimensions with dilations. With padding_included
 * the divisor counts the window positions inside the explicit paddings (not those of a ceil_mode
 * window that overhangs them). */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloAveragePool(
    odla_value input, const odla_uint32* window_dims, const odla_uint32* strides,
    const odla_uint32* dilations, const odla_uint32* paddings_front,
    const odla_uint32* paddings_back, odla_bool padding_included,
    odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX MaxUnpool: zeros of output_dims (required) where input[i] goes to the flat index
 * indices[i] (int64, as odla_HaloMaxPool returns them) of a tensor of index_dims (the pooled
 * input's shape; size -1: output_dims), placed at the same coordinates of the output. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloMaxUnpool(
    odla_value input, odla_value indices, odla_value_shape index_dims,
    odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX Col2Im: sums the columns of input [N, C * prod(block_dims), L] into the image
 * output_dims [N, C, D1..Dk] (required); the arrays hold one element per spatial dimension. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloCol2Im(
    odla_value input, const odla_uint32* block_dims, const odla_uint32* strides,
    const odla_uint32* dilations, const odla_uint32* paddings_front,
    const odla_uint32* paddings_back, odla_value_shape output_dims,
    const odla_value_id value_id);

/* ONNX AffineGrid: the sampling grid output_dims [N, H, W, 2] or [N, D, H, W, 3] (required) of
 * the affine matrices theta [N, 2, 3] or [N, 3, 4] over normalized coordinates in [-1, 1]. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloAffineGrid(
    odla_value theta, odla_bool align_corners, odla_value_shape output_dims,
    const odla_value_id value_id);

/* ONNX Pad modes other than constant (odla_Pad pads with zeros). */
typedef enum {
  ODLA_HALO_PAD_REFLECT, /* mirror about the edge element, which is not repeated */
  ODLA_HALO_PAD_EDGE,    /* repeat the edge element */
  ODLA_HALO_PAD_WRAP,    /* continue cyclically from the other end */
} odla_halo_pad_mode;

/* ONNX Pad with mode reflect, edge or wrap: padding_front[d] and padding_back[d] elements are added
 * before and after axis d. A reflected axis needs at least two elements unless it is not padded. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloPad(
    odla_value input, odla_halo_pad_mode mode, const odla_uint32* padding_front,
    const odla_uint32* padding_back, odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX ReverseSequence: reverses the first sequence_lens[b] (int32 or int64) elements along
 * time_axis of each batch entry b along batch_axis. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloReverseSequence(
    odla_value input, odla_value sequence_lens, odla_int32 batch_axis,
    odla_int32 time_axis, const odla_value_id value_id);

/* ONNX DFT: the discrete Fourier transform along axis of input [..., 1] (real) or [..., 2]
 * (complex); dft_length 0 means the axis extent (shorter signals are zero-padded, longer ones
 * truncated); onesided keeps the first dft_length / 2 + 1 bins; inverse scales by 1 / dft_length.
 * The output's last dimension holds the real and imaginary parts. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloDFT(
    odla_value input, odla_int32 axis, odla_uint32 dft_length, odla_bool inverse,
    odla_bool onesided, odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX STFT: DFTs of the frames of signal [batch, length, 1 or 2] (frame f starts at
 * f * frame_step), each multiplied by window [frame_length] (NULL: ones); output
 * [batch, frames, bins, 2]. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloSTFT(
    odla_value signal, odla_value window, odla_uint32 frame_step,
    odla_uint32 frame_length, odla_bool onesided, odla_value_shape output_dims,
    const odla_value_id value_id);

/* ONNX RoiAlign: for each box of rois [R, 4] (x1, y1, x2, y2, scaled by spatial_scale) on image
 * batch_indices[r] (int32 or int64) of input [N, C, H, W], the average (or with max_mode the
 * maximum) of bilinear samples over each of the output_dims [R, C, OH, OW] (required) bins;
 * sampling_ratio 0 picks ceil(box extent / bins) samples per bin; half_pixel shifts the box by
 * -0.5 pixel (ONNX coordinate_transformation_mode half_pixel, else output_half_pixel). */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloRoiAlign(
    odla_value input, odla_value rois, odla_value batch_indices, odla_bool max_mode,
    odla_bool half_pixel, odla_int32 sampling_ratio, odla_float32 spatial_scale,
    odla_value_shape output_dims, const odla_value_id value_id);

/* ONNX DeformConv (2-D): convolution of input [N, C, H, W] with kernel [OC, C / group, KH, KW]
 * sampled at the positions moved by offset [N, offset_group * 2 * KH * KW, OH, OW] (dy, dx pairs;
 * bilinear, zero outside), each sample scaled by mask [N, offset_group * KH * KW, OH, OW] (NULL:
 * ones); bias [OC] may be NULL. Arrays hold two elements (height, width); output_dims is required. */
extern ODLA_API_EXPORT odla_value ODLA_API_CALL odla_HaloDeformConv(
    odla_value input, odla_value kernel, odla_value offset, odla_value bias, odla_value mask,
    odla_uint32 group, odla_uint32 offset_group, const odla_uint32* strides,
    const odla_uint32* dilations, const odla_uint32* paddings_front,
    odla_value_shape output_dims, const odla_value_id value_id);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* _ODLA_OPERATOR_OPS_HALO_H_ */
