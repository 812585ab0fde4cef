// Reshape, Transpose, Concat, Slice, Split, Pad, Tile, Gather*, Squeeze, Stack, Broadcast, OneHot.
#include "framework.h"

namespace odla_test {
namespace {

std::vector<float> Iota(int64_t n) {
  std::vector<float> v(static_cast<size_t>(n));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i);
  return v;
}

ODLA_TEST(Transpose_Perm021_And_Reshape) {
  auto x = Iota(2 * 3 * 4);
  std::vector<float> expected;
  for (int b = 0; b < 2; ++b)
    for (int k = 0; k < 4; ++k)
      for (int j = 0; j < 3; ++j) expected.push_back(x[static_cast<size_t>((b * 3 + j) * 4 + k)]);
  Session session;
  odla_value t = odla_Transpose(session.Arg({2, 3, 4}, x), Shape({0, 2, 1}), Shape({2, 4, 3}), nullptr);
  CheckClose(expected, session.Run(odla_Reshape(t, Shape({8, 3}), nullptr), {8, 3}), 0, 0);
}

ODLA_TEST(Concat_Axis1_ThreeInputs) {
  auto a = Iota(2 * 1), b = Iota(2 * 2), c = Iota(2 * 3);
  Session session;
  odla_values inputs{};
  inputs.size = 3;
  inputs.values[0] = session.Arg({2, 1}, a);
  inputs.values[1] = session.Const({2, 2}, b);
  inputs.values[2] = session.Arg({2, 3}, c);
  CheckClose(std::vector<float>{0, 0, 1, 0, 1, 2, 1, 2, 3, 3, 4, 5},
             session.Run(odla_Concat(inputs, -1, Shape({2, 6}), nullptr), {2, 6}), 0, 0);
}

ODLA_TEST(Stack_Axis0) {
  auto a = Iota(3), b = Iota(3);
  Session session;
  odla_values inputs{};
  inputs.size = 2;
  inputs.values[0] = session.Arg({3}, a);
  inputs.values[1] = session.Arg({3}, b);
  CheckClose(std::vector<float>{0, 1, 2, 0, 1, 2}, session.Run(odla_Stack(inputs, 0, Undefined(), nullptr), {2, 3}), 0, 0);
}

ODLA_TEST(Slice_StridedAndNegativeStride) {
  auto x = Iota(4 * 5);
  Session session;
  const odla_int32 start[] = {1, 0}, end[] = {4, 5}, stride[] = {2, 2};
  CheckClose(std::vector<float>{5, 7, 9, 15, 17, 19},
             session.Run(odla_Slice(session.Arg({4, 5}, x), start, end, stride, Undefined(), nullptr), {2, 3}), 0, 0);
  Session session2;
  const odla_int32 start2[] = {3, 4}, end2[] = {-5, 1}, stride2[] = {-1, -2};
  CheckClose(std::vector<float>{19, 17, 14, 12, 9, 7, 4, 2},
             session2.Run(odla_Slice(session2.Arg({4, 5}, x), start2, end2, stride2, Undefined(), nullptr), {4, 2}), 0, 0);
}

ODLA_TEST(Split_Axis1_ThreeParts) {
  auto x = Iota(2 * 6);
  std::vector<int32_t> axis{1};
  Session session;
  odla_value_ids ids{};
  odla_values parts = odla_Split(session.Arg({2, 6}, x), session.Const(ODLA_INT32, {}, axis), 3, ids);
  Check(parts.size == 3, "three parts");
  std::vector<float> first(4), last(4);
  CheckStatus(odla_SetValueAsOutput(parts.values[0]), "output");
  CheckStatus(odla_BindToOutput(parts.values[0], first.data(), session.context()), "bind");
  CheckClose(std::vector<float>{4, 5, 10, 11}, session.Run(parts.values[2], {2, 2}), 0, 0);
  CheckClose(std::vector<float>{0, 1, 6, 7}, first, 0, 0);
}

ODLA_TEST(Pad_Zero_FrontAndBack) {
  auto x = Iota(2 * 2);
  Session session;
  const odla_uint32 front[] = {1, 0}, back[] = {0, 1};
  CheckClose(std::vector<float>{0, 0, 0, 0, 1, 0, 2, 3, 0},
             session.Run(odla_Pad(session.Arg({2, 2}, x), front, back, Undefined(), nullptr), {3, 3}), 0, 0);
}

ODLA_TEST(Tile_And_Broadcast) {
  auto x = Iota(2);
  Session session;
  const odla_uint32 repeat[] = {2, 2};
  CheckClose(std::vector<float>{0, 1, 0, 1, 0, 1, 0, 1},
             session.Run(odla_Tile(session.Arg({1, 2}, x), repeat, Undefined(), nullptr), {2, 4}), 0, 0);
  Session session2;
  CheckClose(std::vector<float>{0, 0, 0, 1, 1, 1},
             session2.Run(odla_Broadcast(session2.Arg({2, 1}, x), Shape({2, 3}), nullptr), {2, 3}), 0, 0);
}

ODLA_TEST(Gather_Axis1_NegativeIndices) {
  auto x = Iota(2 * 3);
  std::vector<int64_t> idx{2, -3, 1};
  Session session;
  odla_value y = odla_Gather(session.Arg({2, 3}, x), session.Const(ODLA_INT64, {3}, idx), 1, Undefined(), nullptr);
  CheckClose(std::vector<float>{2, 0, 1, 5, 3, 4}, session.Run(y, {2, 3}), 0, 0);
}

ODLA_TEST(Gather_OutOfRange_FailsWithStatus) {
  auto x = Iota(3);
  std::vector<int32_t> idx{3};
  Session session;
  odla_value y = odla_Gather(session.Arg({3}, x), session.Const(ODLA_INT32, {1}, idx), 0, Undefined(), nullptr);
  std::vector<float> out(1);
  CheckStatus(odla_SetValueAsOutput(y), "output");
  CheckStatus(odla_BindToOutput(y, out.data(), session.context()), "bind");
  Check(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr) != ODLA_SUCCESS,
        "expected a failure");
}

ODLA_TEST(GatherElements_And_GatherND) {
  auto x = Iota(2 * 2);
  std::vector<int64_t> idx{0, 0, 1, 0};
  Session session;
  CheckClose(std::vector<float>{0, 0, 3, 2},
             session.Run(odla_GatherElements(session.Arg({2, 2}, x), session.Const(ODLA_INT64, {2, 2}, idx), 1, Undefined(), nullptr), {2, 2}), 0, 0);
  std::vector<int64_t> nd{1, 0, 0, 1};
  Session session2;
  CheckClose(std::vector<float>{2, 1},
             session2.Run(odla_GatherND(session2.Arg({2, 2}, x), session2.Const(ODLA_INT64, {2, 2}, nd), 0, Undefined(), nullptr), {2}), 0, 0);
}

ODLA_TEST(Squeeze_ExpandDims_Shape) {
  auto x = Iota(3);
  Session session;
  const odla_uint32 axes[] = {0, 2};
  odla_value s = odla_Squeeze(session.Arg({1, 3, 1}, x), 2, axes, Undefined(), nullptr);
  odla_value e = odla_ExpandDims(s, Shape({3, 1}), nullptr);
  auto shape = session.Run<int64_t>(odla_Shape(e, Undefined(), nullptr), {2});
  Check(shape == std::vector<int64_t>({3, 1}), "shape of expanded");
}

ODLA_TEST(OneHot_Axis_Last) {
  std::vector<int64_t> idx{0, 2, -1};
  std::vector<float> values{0, 5};
  Session session;
  odla_value y = odla_OneHot(session.Arg(ODLA_INT64, {3}, idx), 3, session.Const({2}, values), -1, Undefined(), nullptr);
  CheckClose(std::vector<float>{5, 0, 0, 0, 0, 5, 0, 0, 5}, session.Run(y, {3, 3}), 0, 0);
}

}  // namespace
}  // namespace odla_test

namespace odla_test {
namespace {

ODLA_TEST(Resize_Nearest_Asymmetric_2x) {
  std::vector<float> x{1, 2, 3, 4};
  Session session;
  odla_value y = odla_Resize(session.Arg({1, 1, 2, 2}, x), ODLA_NEAREST, ODLA_ASSYMMETRIC, 0, Shape({1, 1, 4, 4}), nullptr);
  CheckClose(std::vector<float>{1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, session.Run(y, {1, 1, 4, 4}), 0, 0);
}

ODLA_TEST(Resize_Linear_HalfPixel_And_AlignCorners) {
  std::vector<float> x{1, 2, 3, 4};
  Session session;
  odla_value y = odla_Resize(session.Arg({1, 1, 2, 2}, x), ODLA_LINEAR, ODLA_HALF_PIXEL, 0, Shape({1, 1, 4, 4}), nullptr);
  // ONNX Resize example (linear, half_pixel, 2x upsampling of [[1,2],[3,4]]).
  CheckClose(std::vector<float>{1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4},
             session.Run(y, {1, 1, 4, 4}));
  Session session2;
  odla_value z = odla_Resize(session2.Arg({1, 1, 2, 2}, x), ODLA_LINEAR, ODLA_ALIGN_CORNERS, 0, Shape({1, 1, 3, 3}), nullptr);
  CheckClose(std::vector<float>{1, 1.5f, 2, 2, 2.5f, 3, 3, 3.5f, 4}, session2.Run(z, {1, 1, 3, 3}));
}

ODLA_TEST(Quantize_PerTensor_And_Dequantize_PerAxis) {
  std::vector<float> x{-1.0f, 0.0f, 0.26f, 100.0f}, scale{0.5f};
  std::vector<uint8_t> zero{10};
  Session session;
  auto q = session.Run<uint8_t>(odla_Quantize(session.Arg({4}, x), session.Const({1}, scale),
                                              session.Const(ODLA_UINT8, {1}, zero), 0, ODLA_UINT8, nullptr), {4});
  Check(q == std::vector<uint8_t>({8, 10, 11, 210}), "quantized values");
  std::vector<int8_t> v{-2, 4, -2, 4};
  std::vector<float> scales{0.5f, 2.0f};
  std::vector<int8_t> zeros{0, 1};
  Session session2;
  odla_value d = odla_Dequantize(session2.Arg(ODLA_INT8, {2, 2}, v), session2.Const({2}, scales),
                                 session2.Const(ODLA_INT8, {2}, zeros), 0, ODLA_FLOAT32, nullptr);
  CheckClose(std::vector<float>{-1, 2, -6, 6}, session2.Run(d, {2, 2}), 0, 0);
}

}  // namespace
}  // namespace odla_test
