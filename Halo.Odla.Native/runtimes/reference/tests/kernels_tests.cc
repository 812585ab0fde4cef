// The Halo extension kernels (odla_ops_halo.h) and the ODLA kernels added for ONNX conformance.
#include <ODLA/odla_ops_halo.h>

#include "framework.h"

namespace odla_test {
namespace {

odla_value_ids Ids1(odla_value_id* ids, odla_size_t count) {
  odla_value_ids result{};
  result.size = count;
  for (odla_size_t i = 0; i < count; ++i) result.value_ids[i] = ids[i];
  return result;
}

ODLA_TEST(HaloGridSample_LinearCenterAndNearestPadding) {
  std::vector<float> x{1, 2, 3, 4};
  std::vector<float> grid{0, 0, -1, -1, 1, 1};
  Session linear;
  CheckClose(std::vector<float>{2.5f, 1.0f, 4.0f},
             linear.Run(odla_HaloGridSample(linear.Arg({1, 1, 2, 2}, x), linear.Arg({1, 1, 3, 2}, grid), ODLA_HALO_GRID_LINEAR,
                                            ODLA_HALO_PADDING_ZEROS, 1, Undefined(), nullptr),
                        {1, 1, 1, 3}));
  // Unaligned: 0 and -1 map to pixels 0.5 and -0.5, which round (to even) to 0; 1 maps to 1.5, which rounds to 2:
  // outside, so zero or the border value.
  Session zeros;
  CheckClose(std::vector<float>{1.0f, 1.0f, 0.0f},
             zeros.Run(odla_HaloGridSample(zeros.Arg({1, 1, 2, 2}, x), zeros.Arg({1, 1, 3, 2}, grid), ODLA_HALO_GRID_NEAREST,
                                           ODLA_HALO_PADDING_ZEROS, 0, Undefined(), nullptr),
                       {1, 1, 1, 3}));
  Session border;
  CheckClose(std::vector<float>{1.0f, 1.0f, 4.0f},
             border.Run(odla_HaloGridSample(border.Arg({1, 1, 2, 2}, x), border.Arg({1, 1, 3, 2}, grid),
                                            ODLA_HALO_GRID_NEAREST, ODLA_HALO_PADDING_BORDER, 0, Undefined(), nullptr),
                        {1, 1, 1, 3}));
}

ODLA_TEST(HaloGridSample_CubicAtPixelCentersIsExact) {
  std::vector<float> x = Random(16, 3);
  // Aligned corners: normalized -1, -1/3, 1/3, 1 are the pixel centers 0..3 of a 4-wide row.
  std::vector<float> grid{-1, -1, -1.0f / 3, -1, 1.0f / 3, 1.0f / 3, 1, 1};
  Session session;
  CheckClose(std::vector<float>{x[0], x[1], x[10], x[15]},
             session.Run(odla_HaloGridSample(session.Arg({1, 1, 4, 4}, x), session.Arg({1, 1, 4, 2}, grid),
                                             ODLA_HALO_GRID_CUBIC, ODLA_HALO_PADDING_BORDER, 1, Undefined(), nullptr),
                         {1, 1, 1, 4}),
             1e-5, 1e-4);
}

ODLA_TEST(HaloBitwise_AndBroadcast_NotUnsigned) {
  std::vector<int32_t> a{12, 10, 7, 255}, b{6};
  Session session;
  odla_value y = odla_HaloBitwiseAnd(session.Arg(ODLA_INT32, {2, 2}, a), session.Arg(ODLA_INT32, {1}, b), nullptr);
  Check(session.Run<int32_t>(y, {2, 2}) == std::vector<int32_t>{4, 2, 6, 6}, "and");
  std::vector<uint8_t> c{0, 1, 254};
  Session session2;
  Check(session2.Run<uint8_t>(odla_HaloBitwiseNot(session2.Arg(ODLA_UINT8, {3}, c), nullptr), {3}) ==
            std::vector<uint8_t>{255, 254, 1},
        "not");
  std::vector<int64_t> d{5, 3}, e{3, 3};
  Session session3;
  odla_value x = odla_HaloBitwiseXor(session3.Arg(ODLA_INT64, {2}, d), session3.Arg(ODLA_INT64, {2}, e), nullptr);
  Check(session3.Run<int64_t>(x, {2}) == std::vector<int64_t>{6, 0}, "xor");
}

ODLA_TEST(HaloBitwise_Float_ReportsUnsupportedType) {
  std::vector<float> a{1};
  Session session;
  Check(odla_HaloBitwiseOr(session.Arg({1}, a), session.Arg({1}, a), nullptr) == nullptr, "null for float operands");
}

ODLA_TEST(HaloScatterElements_AddWithDuplicateAndNegativeIndices) {
  std::vector<float> data{1, 2, 3, 4, 5}, updates{10, 20, 30};
  std::vector<int64_t> indices{1, -2, 1};
  Session session;
  odla_value y = odla_HaloScatterElements(session.Arg({5}, data), session.Arg(ODLA_INT64, {3}, indices),
                                          session.Arg({3}, updates), 0, ODLA_HALO_SCATTER_ADD, nullptr);
  CheckClose(std::vector<float>{1, 42, 3, 24, 5}, session.Run(y, {5}), 0, 0);
}

ODLA_TEST(HaloScatterElements_Axis1Replace) {
  std::vector<float> data(6, 0.0f), updates{7, 8};
  std::vector<int32_t> indices{2, 0};
  Session session;
  odla_value y = odla_HaloScatterElements(session.Arg({2, 3}, data), session.Arg(ODLA_INT32, {2, 1}, indices),
                                          session.Arg({2, 1}, updates), 1, ODLA_HALO_SCATTER_REPLACE, nullptr);
  CheckClose(std::vector<float>{0, 0, 7, 8, 0, 0}, session.Run(y, {2, 3}), 0, 0);
}

ODLA_TEST(HaloScatterND_RowsWithMultiply) {
  std::vector<float> data{1, 1, 2, 2, 3, 3}, updates{5, 6, 7, 8};
  std::vector<int64_t> indices{2, 0};
  Session session;
  odla_value y = odla_HaloScatterND(session.Arg({3, 2}, data), session.Arg(ODLA_INT64, {2, 1}, indices),
                                    session.Arg({2, 2}, updates), ODLA_HALO_SCATTER_MUL, nullptr);
  CheckClose(std::vector<float>{7, 8, 2, 2, 15, 18}, session.Run(y, {3, 2}), 0, 0);
}

ODLA_TEST(HaloPools_Dilations2D) {
  std::vector<float> x(16);
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i);
  const odla_uint32 window[] = {2, 2}, ones[] = {1, 1}, dilations[] = {2, 2}, zeros[] = {0, 0};
  Session average;
  CheckClose(std::vector<float>{5, 6, 9, 10},
             average.Run(odla_HaloAveragePool(average.Arg({1, 1, 4, 4}, x), window, ones, dilations, zeros, zeros, 0,
                                              Undefined(), nullptr),
                         {1, 1, 2, 2}));
  Session max;
  odla_value_id ids[] = {Id("values"), Id("indices")};
  odla_values results = odla_HaloMaxPool(max.Arg({1, 1, 4, 4}, x), window, ones, dilations, zeros, zeros, 0, Undefined(),
                                         Ids1(ids, 2));
  Check(results.size == 2, "two results");
  std::vector<int64_t> indices(4);
  CheckStatus(odla_SetValueAsOutput(results.values[1]), "odla_SetValueAsOutput");
  CheckStatus(odla_BindToOutput(results.values[1], indices.data(), max.context()), "odla_BindToOutput");
  CheckClose(std::vector<float>{10, 11, 14, 15}, max.Run(results.values[0], {1, 1, 2, 2}), 0, 0);
  Check(indices == std::vector<int64_t>{10, 11, 14, 15}, "indices");
}

ODLA_TEST(HaloPools_ThreeSpatialDimensionsWithPadding) {
  std::vector<float> x{0, 1, 2, 3, 4, 5, 6, 7};
  const odla_uint32 window[] = {2, 2, 2}, ones[] = {1, 1, 1}, zeros[] = {0, 0, 0};
  Session average;
  CheckClose(std::vector<float>{3.5f},
             average.Run(odla_HaloAveragePool(average.Arg({1, 1, 2, 2, 2}, x), window, ones, nullptr, zeros, zeros, 0,
                                              Undefined(), nullptr),
                         {1, 1, 1, 1, 1}));
  // Padding one after each dimension with count_include_pad: the last window holds x[7] and seven pads.
  Session padded;
  std::vector<float> y = padded.Run(odla_HaloAveragePool(padded.Arg({1, 1, 2, 2, 2}, x), window, ones, nullptr, zeros,
                                                         ones, 1, Undefined(), nullptr),
                                    {1, 1, 2, 2, 2});
  CheckClose(std::vector<float>{3.5f, 7.0f / 8}, std::vector<float>{y[0], y[7]});
}

ODLA_TEST(HaloResize_NearestCeilAndFloor_Asymmetric) {
  std::vector<float> x{1, 2, 3, 4};
  Session ceil;
  CheckClose(std::vector<float>{1, 2, 2, 3, 3, 4, 4, 4},
             ceil.Run(odla_HaloResize(ceil.Arg({4}, x), ODLA_NEAREST, ODLA_HALO_RESIZE_ASYMMETRIC, ODLA_HALO_NEAREST_CEIL, -0.75f,
                                      0, 0, nullptr, Shape({8}), nullptr),
                      {8}),
             0, 0);
  Session floor;
  CheckClose(std::vector<float>{1, 1, 2, 2, 3, 3, 4, 4},
             floor.Run(odla_HaloResize(floor.Arg({4}, x), ODLA_NEAREST, ODLA_HALO_RESIZE_ASYMMETRIC, ODLA_HALO_NEAREST_FLOOR,
                                       -0.75f, 0, 0, nullptr, Shape({8}), nullptr),
                       {8}),
             0, 0);
}

// ONNX: a given scale, not output / input, drives the transform (4 * 0.6 -> 2 outputs at source 0.333 and 2.0).
ODLA_TEST(HaloResize_LinearWithGivenScale_UsesTheScale) {
  std::vector<float> x{1, 2, 3, 4};
  const odla_float32 scales[1] = {0.6f};
  Session session;
  CheckClose(std::vector<float>{1.0f + (1.0f / 0.6f / 2 - 0.5f), 3.0f},
             session.Run(odla_HaloResize(session.Arg({4}, x), ODLA_LINEAR, ODLA_HALO_RESIZE_HALF_PIXEL,
                                         ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR, -0.75f, 0, 0, scales, Shape({2}), nullptr),
                         {2}));
}

// ONNX antialias: halving 1..8 linearly averages each output's triangle of width 4 inputs (weights 1,3,3,1 / 8
// inside; clamped at the borders).
ODLA_TEST(HaloResize_LinearAntialias_Downsample) {
  std::vector<float> x{1, 2, 3, 4, 5, 6, 7, 8};
  Session session;
  const float first = (1 * 1 + 1 * 3 + 2 * 3 + 3 * 1) / 8.0f, second = (2 * 1 + 3 * 3 + 4 * 3 + 5 * 1) / 8.0f;
  auto y = session.Run(odla_HaloResize(session.Arg({8}, x), ODLA_LINEAR, ODLA_HALO_RESIZE_HALF_PIXEL,
                                       ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR, -0.75f, 0, 1, nullptr, Shape({4}), nullptr),
                       {4});
  CheckClose(std::vector<float>{first, second}, std::vector<float>(y.begin(), y.begin() + 2));
}

ODLA_TEST(HaloCropAndResize_LinearWithExtrapolation) {
  std::vector<float> x{1, 2, 3, 4}, roi{0, 1.5f};
  Session session;
  odla_value y = odla_HaloCropAndResize(session.Arg({4}, x), session.Arg({2}, roi), 0, nullptr, ODLA_LINEAR,
                                        ODLA_HALO_NEAREST_ROUND_PREFER_FLOOR, -0.75f, 0, 9.0f, Shape({3}), nullptr);
  CheckClose(std::vector<float>{1, 3.25f, 9}, session.Run(y, {3}));
}

ODLA_TEST(Resize_CubicKeepsConstantsAndLinearRamps) {
  // Cubic convolution weights sum to 1 and reproduce linear functions inside the input.
  std::vector<float> x{0, 1, 2, 3, 4, 5, 6, 7};
  Session session;
  std::vector<float> y = session.Run(odla_Resize(session.Arg({8}, x), ODLA_CUBIC, ODLA_ALIGN_CORNERS, 1, Shape({15}), nullptr), {15});
  for (size_t i = 2; i + 2 < y.size(); ++i) CheckClose(std::vector<float>{static_cast<float>(i) / 2}, std::vector<float>{y[i]});
}

ODLA_TEST(DeConv_ThreeSpatialDimensions) {
  std::vector<float> x{1, 2}, w{3, 4}, bias{0.5f};
  const odla_uint32 ones[] = {1, 1, 1}, zeros[] = {0, 0, 0};
  Session session;
  odla_value y = odla_DeConv(session.Arg({1, 1, 1, 1, 2}, x), ODLA_CHANNELS_FIRST, 1, session.Const({1, 1, 1, 1, 2}, w), ODLA_IOS,
                             ones, ones, zeros, zeros, session.Const({1}, bias), Shape({1, 1, 1, 1, 3}), nullptr);
  CheckClose(std::vector<float>{3.5f, 10.5f, 8.5f}, session.Run(y, {1, 1, 1, 1, 3}));
}

ODLA_TEST(HaloDFT_ImpulseAndInverseOnesided) {
  // The transform of an impulse is flat; of a constant, one bin of the signal's length.
  std::vector<float> impulse{1, 0, 0, 0}, ones{1, 1, 1, 1};
  Session forward;
  CheckClose(std::vector<float>{1, 0, 1, 0, 1, 0, 1, 0},
             forward.Run(odla_HaloDFT(forward.Arg({1, 4, 1}, impulse), 1, 0, 0, 0, Undefined(), nullptr), {1, 4, 2}));
  Session onesided;
  CheckClose(std::vector<float>{4, 0, 0, 0, 0, 0},
             onesided.Run(odla_HaloDFT(onesided.Arg({1, 4, 1}, ones), -2, 0, 0, 1, Undefined(), nullptr), {1, 3, 2}));
}

ODLA_TEST(HaloSTFT_FramesOfAConstant) {
  std::vector<float> x(6, 2.0f), window{1, 0.5f};
  Session session;
  odla_value y = odla_HaloSTFT(session.Arg({1, 6, 1}, x), session.Const({2}, window), 2, 2, 1, Undefined(), nullptr);
  CheckClose(std::vector<float>{3, 0, 1, 0, 3, 0, 1, 0, 3, 0, 1, 0}, session.Run(y, {1, 3, 2, 2}));
}

ODLA_TEST(HaloMaxUnpool_IndicesOfTheSmallerPooledInput) {
  std::vector<float> x{5, 6};
  std::vector<int64_t> indices{1, 3};
  Session session;
  odla_value y = odla_HaloMaxUnpool(session.Arg({1, 1, 1, 2}, x), session.Arg(ODLA_INT64, {1, 1, 1, 2}, indices),
                                    Shape({1, 1, 2, 2}), Shape({1, 1, 3, 3}), nullptr);
  CheckClose(std::vector<float>{0, 5, 0, 0, 6, 0, 0, 0, 0}, session.Run(y, {1, 1, 3, 3}), 0, 0);
}

ODLA_TEST(HaloReverseSequence_TimeMajor) {
  std::vector<float> x{0, 1, 2, 3, 4, 5};  // [time 3, batch 2]
  std::vector<int32_t> lengths{3, 1};
  Session session;
  odla_value y = odla_HaloReverseSequence(session.Arg({3, 2}, x), session.Arg(ODLA_INT32, {2}, lengths), 1, 0, nullptr);
  CheckClose(std::vector<float>{4, 1, 2, 3, 0, 5}, session.Run(y, {3, 2}), 0, 0);
}

ODLA_TEST(TFIDFVectorize_BigramCounts) {
  std::vector<int64_t> x{2, 3, 2, 3, 5}, pool{2, 3, 3, 5}, counts{0, 0}, indexes{0, 1};
  Session session;
  odla_value y = odla_TFIDFVectorize(session.Arg(ODLA_INT64, {5}, x), 2, 2, 0, ODLA_TFIDF_TF,
                                     session.Const(ODLA_INT64, {4}, pool), session.Const(ODLA_INT64, {2}, counts),
                                     session.Const(ODLA_INT64, {2}, indexes), nullptr, Undefined(), nullptr);
  CheckClose(std::vector<float>{2, 1}, session.Run(y, {2}), 0, 0);
}

}  // namespace
// Rows [0 1 2] padded by 2 before and 3 after along the last axis, and by 1 before along the first.
ODLA_TEST(HaloPad_ReflectEdgeWrap) {
  std::vector<float> x{0, 1, 2, 10, 11, 12};
  const odla_uint32 front[] = {1, 2}, back[] = {0, 3};
  Session reflect;
  CheckClose(std::vector<float>{12, 11, 10, 11, 12, 11, 10, 11, 2, 1, 0, 1, 2, 1, 0, 1, 12, 11, 10, 11, 12, 11, 10, 11},
             reflect.Run(odla_HaloPad(reflect.Arg({2, 3}, x), ODLA_HALO_PAD_REFLECT, front, back, Undefined(), nullptr), {3, 8}), 0, 0);
  Session edge;
  CheckClose(std::vector<float>{0, 0, 0, 1, 2, 2, 2, 2, 0, 0, 0, 1, 2, 2, 2, 2, 10, 10, 10, 11, 12, 12, 12, 12},
             edge.Run(odla_HaloPad(edge.Arg({2, 3}, x), ODLA_HALO_PAD_EDGE, front, back, Undefined(), nullptr), {3, 8}), 0, 0);
  Session wrap;
  CheckClose(std::vector<float>{11, 12, 10, 11, 12, 10, 11, 12, 1, 2, 0, 1, 2, 0, 1, 2, 11, 12, 10, 11, 12, 10, 11, 12},
             wrap.Run(odla_HaloPad(wrap.Arg({2, 3}, x), ODLA_HALO_PAD_WRAP, front, back, Undefined(), nullptr), {3, 8}), 0, 0);
}

ODLA_TEST(HaloPad_ReflectOneElementAxis_ReportsInvalidParam) {
  std::vector<float> x{1, 2};
  const odla_uint32 front[] = {1, 0}, back[] = {0, 0};
  Session session;
  odla_value y = odla_HaloPad(session.Arg({1, 2}, x), ODLA_HALO_PAD_REFLECT, front, back, Undefined(), nullptr);
  Check(y == nullptr, "null for reflect padding of a one-element axis");
}

}  // namespace odla_test
