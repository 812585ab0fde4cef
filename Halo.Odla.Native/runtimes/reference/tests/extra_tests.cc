// Det, Inverse and the *Dynamic variants with constant shape operands.
#include "framework.h"

namespace odla_test {
namespace {

ODLA_TEST(Det_And_Inverse_Batched) {
  std::vector<float> m{4, 7, 2, 6, 0, 1, 1, 0};
  Session session;
  CheckClose(std::vector<float>{10, -1}, session.Run(odla_Det(session.Arg({2, 2, 2}, m), Undefined(), nullptr), {2}));
  Session session2;
  CheckClose(std::vector<float>{0.6f, -0.7f, -0.2f, 0.4f, 0, 1, 1, 0},
             session2.Run(odla_Inverse(session2.Arg({2, 2, 2}, m), nullptr), {2, 2, 2}));
}

ODLA_TEST(ReshapeDynamic_ConstantShapeWithZeroAndMinusOne) {
  std::vector<float> x(24, 1.0f);
  std::vector<int64_t> shape{0, -1, 4};
  Session session;
  odla_value y = odla_ReshapeDynamic(session.Arg({2, 3, 4}, x), session.Const(ODLA_INT64, {3}, shape), nullptr);
  CheckClose(x, session.Run(y, {2, 3, 4}), 0, 0);
}

ODLA_TEST(ReshapeDynamic_RuntimeShape_ReportsUnsupportedOp) {
  std::vector<float> x(4, 1.0f);
  std::vector<int64_t> shape{4};
  Session session;
  odla_value y = odla_ReshapeDynamic(session.Arg({2, 2}, x), session.Arg(ODLA_INT64, {1}, shape), nullptr);
  Check(y == nullptr, "null for a run-time shape");
  Check(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr) == ODLA_UNSUPPORTED_OP,
        "ODLA_UNSUPPORTED_OP");
}

ODLA_TEST(SliceDynamic_And_TileDynamic_ConstantOperands) {
  std::vector<float> x{0, 1, 2, 3, 4, 5};
  std::vector<int32_t> start{0, 1}, size{2, -1}, stride{1, 1};
  Session session;
  odla_value s = odla_SliceDynamic(session.Arg({2, 3}, x), session.Const(ODLA_INT32, {2}, start), session.Const(ODLA_INT32, {2}, size),
                                   session.Const(ODLA_INT32, {2}, stride), Undefined(), nullptr);
  CheckClose(std::vector<float>{1, 2, 4, 5}, session.Run(s, {2, 2}), 0, 0);
  std::vector<int64_t> repeat{1, 2};
  Session session2;
  odla_value t = odla_TileDynamic(session2.Arg({2, 3}, x), session2.Const(ODLA_INT64, {2}, repeat), Undefined(), nullptr);
  CheckClose(std::vector<float>{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}, session2.Run(t, {2, 6}), 0, 0);
}

}  // namespace
}  // namespace odla_test

namespace odla_test {
namespace {

ODLA_TEST(Einsum_MatMul_Transpose_Trace) {
  std::vector<float> a{1, 2, 3, 4, 5, 6}, b{1, 0, 2, 1, 0, 3};
  Session session;
  odla_values two{};
  two.size = 2;
  two.values[0] = session.Arg({2, 3}, a);
  two.values[1] = session.Const({3, 2}, b);
  CheckClose(std::vector<float>{5, 11, 14, 23}, session.Run(odla_Einsum(two, "ij,jk->ik", Undefined(), nullptr), {2, 2}));
  Session session2;
  odla_values one{};
  one.size = 1;
  one.values[0] = session2.Arg({2, 3}, a);
  CheckClose(std::vector<float>{1, 4, 2, 5, 3, 6}, session2.Run(odla_Einsum(one, "ij->ji", Undefined(), nullptr), {3, 2}));
  std::vector<float> square{1, 2, 3, 4};
  Session session3;
  odla_values sq{};
  sq.size = 1;
  sq.values[0] = session3.Arg({2, 2}, square);
  CheckClose(std::vector<float>{5}, session3.Run(odla_Einsum(sq, "ii", Undefined(), nullptr), {}));
}

}  // namespace
}  // namespace odla_test

namespace odla_test {
namespace {

ODLA_TEST(Fill_EyeLike_And_SeededUniformRepeats) {
  Session session;
  CheckClose(std::vector<float>{1, 0, 0, 0, 1, 0}, session.Run(odla_Fill(Type(ODLA_FLOAT32, {2, 3}), ODLA_EyeLike, 0, 0, 0, nullptr), {2, 3}), 0, 0);
  Session session2;
  odla_value u = odla_Fill(Type(ODLA_FLOAT32, {100}), ODLA_RandomUniform, 2, 3, 7, nullptr);
  auto first = session2.Run(u, {100});
  std::vector<float> second(100);
  CheckStatus(odla_ExecuteComputation(session2.computation(), session2.context(), ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  CheckStatus(odla_GetValueData(u, second.data(), session2.context()), "get");
  for (float v : first) Check(v >= 2 && v <= 3, "uniform value out of [2, 3]");
  CheckClose(first, second, 0, 0);
}

ODLA_TEST(LpNormalize_L2_LastAxis_And_L1_WithScale) {
  std::vector<float> x{3, 4, 1, -1};
  const odla_int32 axis[] = {1};
  Session session;
  CheckClose(std::vector<float>{0.6f, 0.8f, 0.70710678f, -0.70710678f},
             session.Run(odla_LpNormalize(session.Arg({2, 2}, x), 2, ODLA_CHANNELS_FIRST, 1, axis, 0, nullptr, nullptr), {2, 2}));
  std::vector<float> two{2};
  Session session2;
  CheckClose(std::vector<float>{6.0f / 7, 8.0f / 7, 1, -1},
             session2.Run(odla_LpNormalize(session2.Arg({2, 2}, x), 1, ODLA_CHANNELS_FIRST, 1, axis, 0, session2.Const({1}, two), nullptr), {2, 2}));
}

}  // namespace
}  // namespace odla_test

namespace odla_test {
namespace {

ODLA_TEST(ResizeDynamic_ConstantScales) {
  std::vector<float> x{1, 2, 3, 4}, scales{1, 1, 2, 2};
  Session session;
  odla_value y = odla_ResizeDynamic(session.Arg({1, 1, 2, 2}, x), session.Const({4}, scales), nullptr, ODLA_NEAREST,
                                    ODLA_ASSYMMETRIC, Undefined(), nullptr);
  CheckClose(std::vector<float>{1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, session.Run(y, {1, 1, 4, 4}), 0, 0);
}

ODLA_TEST(UnsupportedStatusFunction_LeavesComputationUsable) {
  std::vector<float> x{-1, 1};
  Session session;
  Check(odla_SetComputationItem(session.computation(), ODLA_BF16_MODE, nullptr) == ODLA_UNSUPPORTED_OP, "status");
  CheckClose(std::vector<float>{0, 1}, session.Run(odla_Relu(session.Arg({2}, x), nullptr), {2}), 0, 0);
}

}  // namespace
}  // namespace odla_test
