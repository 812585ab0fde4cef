// Gemm, BatchMatMul, broadcasting elementwise ops, comparisons, reductions, softmax, ArgMax, CumSum, Cast, TopK.
#include <cstring>

#include "framework.h"
#include "naive.h"

namespace odla_test {
namespace {

ODLA_TEST(Gemm_MatMulAddSoftmax_MnistShape) {
  auto x = Random(784, 50), w = Random(784 * 10, 51, -0.1f, 0.1f), b = Random(10, 52);
  auto logits = NaiveMatMul(x, w, 1, 784, 10);
  std::vector<double> expected(10);
  double max = -1e30, sum = 0;
  for (int i = 0; i < 10; ++i) max = std::max(max, static_cast<double>(logits[static_cast<size_t>(i)] + b[static_cast<size_t>(i)]));
  for (int i = 0; i < 10; ++i) sum += expected[static_cast<size_t>(i)] = std::exp(logits[static_cast<size_t>(i)] + b[static_cast<size_t>(i)] - max);
  for (auto& e : expected) e /= sum;
  Session session;
  odla_value mm = odla_Gemm(session.Arg({1, 784}, x), 0, session.Const({784, 10}, w), 0, 1, 0, nullptr, Shape({1, 10}), nullptr);
  odla_value add = odla_Add(mm, session.Const({1, 10}, b), nullptr);
  CheckClose(expected, session.Run(odla_Softmax(add, -1, nullptr), {1, 10}), 1e-6, 1e-4);
}

ODLA_TEST(Gemm_TransposedAlphaBetaBroadcastC) {
  const int64_t m = 5, k = 7, n = 4;
  auto at = Random(k * m, 53), bt = Random(n * k, 54), c = Random(n, 55);
  std::vector<float> a(static_cast<size_t>(m * k)), b(static_cast<size_t>(k * n));
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p) a[static_cast<size_t>(i * k + p)] = at[static_cast<size_t>(p * m + i)];
  for (int64_t p = 0; p < k; ++p)
    for (int64_t j = 0; j < n; ++j) b[static_cast<size_t>(p * n + j)] = bt[static_cast<size_t>(j * k + p)];
  auto ab = NaiveMatMul(a, b, m, k, n);
  std::vector<float> expected(ab.size());
  for (size_t i = 0; i < ab.size(); ++i) expected[i] = 0.5f * ab[i] + 2.0f * c[i % static_cast<size_t>(n)];
  Session session;
  odla_value y = odla_Gemm(session.Arg({k, m}, at), 1, session.Const({n, k}, bt), 1, 0.5f, 2.0f,
                           session.Const({n}, c), Undefined(), nullptr);
  CheckClose(expected, session.Run(y, {m, n}));
}

ODLA_TEST(Gemm_LargeParallel_MatchesNaive) {
  const int64_t m = 67, k = 300, n = 290;
  auto a = Random(m * k, 56), b = Random(k * n, 57);
  Session session;
  odla_value y = odla_Gemm(session.Arg({m, k}, a), 0, session.Arg({k, n}, b), 0, 1, 0, nullptr, Undefined(), nullptr);
  CheckClose(NaiveMatMul(a, b, m, k, n), session.Run(y, {m, n}), 1e-4, 1e-4);
}

// Sizes that leave partial micro-tiles (m % 6, n % 16), several depth slices (k > 256) and the few-rows path
// (m <= 4), under every transpose combination.
void RunGemmCase(int64_t m, int64_t k, int64_t n, bool ta, bool tb, unsigned seed) {
  auto a = Random(m * k, seed), b = Random(k * n, seed + 1);
  std::vector<float> stored_a(a.size()), stored_b(b.size());
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p) stored_a[static_cast<size_t>(ta ? p * m + i : i * k + p)] = a[static_cast<size_t>(i * k + p)];
  for (int64_t p = 0; p < k; ++p)
    for (int64_t j = 0; j < n; ++j) stored_b[static_cast<size_t>(tb ? j * k + p : p * n + j)] = b[static_cast<size_t>(p * n + j)];
  auto expected = NaiveMatMul(a, b, m, k, n);
  for (auto& e : expected) e *= 0.75f;
  Session session;
  odla_value x = ta ? session.Arg({k, m}, stored_a) : session.Arg({m, k}, stored_a);
  odla_value w = tb ? session.Const({n, k}, stored_b) : session.Const({k, n}, stored_b);
  odla_value y = odla_Gemm(x, ta ? 1 : 0, w, tb ? 1 : 0, 0.75f, 0, nullptr, Undefined(), nullptr);
  CheckClose(expected, session.Run(y, {m, n}), 1e-4, 1e-4);
}

ODLA_TEST(Gemm_RaggedTiles_AllTransposes) {
  for (int t = 0; t < 4; ++t) RunGemmCase(13, 600, 37, (t & 1) != 0, (t & 2) != 0, 70u + static_cast<unsigned>(t));
}

ODLA_TEST(Gemm_FewRows_AllTransposes) {
  for (int t = 0; t < 4; ++t) RunGemmCase(3, 700, 1001, (t & 1) != 0, (t & 2) != 0, 80u + static_cast<unsigned>(t));
}

ODLA_TEST(BatchMatMul_BroadcastBatch) {
  auto a = Random(2 * 1 * 3 * 4, 58), b = Random(3 * 4 * 5, 59);
  std::vector<float> expected;
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t j = 0; j < 3; ++j) {
      std::vector<float> ai(a.begin() + i * 12, a.begin() + (i + 1) * 12), bj(b.begin() + j * 20, b.begin() + (j + 1) * 20);
      auto c = NaiveMatMul(ai, bj, 3, 4, 5);
      expected.insert(expected.end(), c.begin(), c.end());
    }
  Session session;
  odla_value y = odla_BatchMatMul(session.Arg({2, 1, 3, 4}, a), 0, session.Const({3, 4, 5}, b), 0, Undefined(), nullptr);
  CheckClose(expected, session.Run(y, {2, 3, 3, 5}));
}

ODLA_TEST(Add_Broadcast_2x3x4_And_3x1) {
  auto a = Random(24, 60), b = Random(3, 61);
  std::vector<float> expected(24);
  for (size_t i = 0; i < 24; ++i) expected[i] = a[i] + b[(i / 4) % 3];
  Session session;
  CheckClose(expected, session.Run(odla_Add(session.Arg({2, 3, 4}, a), session.Const({3, 1}, b), nullptr), {2, 3, 4}));
}

ODLA_TEST(SubMulDivPowMaxMin_Float) {
  std::vector<float> a{1, -2, 3, 4.5f}, b{2, 3, -1, 0.5f};
  Session session;
  odla_value x = session.Arg({4}, a), y = session.Const({4}, b);
  odla_value ops[] = {odla_Sub(x, y, nullptr), odla_Mul(x, y, nullptr), odla_Div(x, y, nullptr),
                      odla_Pow(x, y, nullptr), odla_Max(x, y, nullptr), odla_Min(x, y, nullptr)};
  std::vector<std::vector<float>> out(6, std::vector<float>(4));
  for (int i = 0; i < 6; ++i) {
    CheckStatus(odla_SetValueAsOutput(ops[i]), "output");
    CheckStatus(odla_BindToOutput(ops[i], out[static_cast<size_t>(i)].data(), session.context()), "bind");
  }
  CheckStatus(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  for (size_t i = 0; i < 4; ++i) {
    CheckClose(std::vector<float>{a[i] - b[i], a[i] * b[i], a[i] / b[i], std::pow(a[i], b[i]), std::max(a[i], b[i]), std::min(a[i], b[i])},
               std::vector<float>{out[0][i], out[1][i], out[2][i], out[3][i], out[4][i], out[5][i]});
  }
}

ODLA_TEST(Add_Int32_And_Mod_Int64) {
  std::vector<int32_t> a{1, -2, 300000, 7}, b{5, 5, 5, 5};
  Session session;
  auto sum = session.Run<int32_t>(odla_Add(session.Arg(ODLA_INT32, {4}, a), session.Const(ODLA_INT32, {4}, b), nullptr), {4});
  Check(sum == std::vector<int32_t>({6, 3, 300005, 12}), "int32 add");
  std::vector<int64_t> x{7, -7, 7, -7}, y{3, 3, -3, -3};
  Session session2;
  auto mod = session2.Run<int64_t>(odla_Mod(session2.Arg(ODLA_INT64, {4}, x), session2.Const(ODLA_INT64, {4}, y), 0, nullptr), {4});
  Check(mod == std::vector<int64_t>({1, 2, -2, -1}), "int64 mod (sign of divisor)");
}

ODLA_TEST(Div_IntegerByZero_FailsWithStatus) {
  std::vector<int32_t> a{1, 2}, b{1, 0};
  Session session;
  odla_value y = odla_Div(session.Arg(ODLA_INT32, {2}, a), session.Const(ODLA_INT32, {2}, b), nullptr);
  std::vector<int32_t> out(2);
  CheckStatus(odla_SetValueAsOutput(y), "output");
  CheckStatus(odla_BindToOutput(y, out.data(), session.context()), "bind");
  Check(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr) == ODLA_INVALID_PARAM,
        "expected ODLA_INVALID_PARAM");
}

ODLA_TEST(Compare_And_Logic_ProduceBool) {
  std::vector<float> a{1, 2, 3}, b{2, 2, 2};
  Session session;
  odla_value x = session.Arg({3}, a), y = session.Const({3}, b);
  auto less = odla_Less(x, y, nullptr), equal = odla_Equal(x, y, nullptr);
  auto either = odla_Or(less, equal, nullptr);
  auto result = session.Run<uint8_t>(odla_Not(either, nullptr), {3});
  Check(result == std::vector<uint8_t>({0, 0, 1}), "not(less or equal)");
}

ODLA_TEST(Select_BroadcastCondition) {
  std::vector<uint8_t> cond{1, 0};
  std::vector<float> a{1, 2, 3, 4}, b{-1};
  Session session;
  odla_value y = odla_Select(session.Const(ODLA_BOOL, {2, 1}, cond), session.Arg({2, 2}, a), session.Const({1}, b),
                             Undefined(), nullptr);
  CheckClose(std::vector<float>{1, 2, -1, -1}, session.Run(y, {2, 2}));
}

ODLA_TEST(ReduceSum_Axes_KeepDims_And_ReduceMean_All) {
  auto x = Random(2 * 3 * 4, 62);
  std::vector<float> sum(4, 0.0f);
  double total = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sum[i % 4] += x[i];
    total += x[i];
  }
  Session session;
  odla_value in = session.Arg({2, 3, 4}, x);
  const odla_uint32 axes[] = {0, 1};
  CheckClose(sum, session.Run(odla_ReduceSum(in, 2, axes, 1, Undefined(), nullptr), {1, 1, 4}));
  Session session2;
  odla_value in2 = session2.Arg({2, 3, 4}, x);
  CheckClose(std::vector<double>{total / 24}, session2.Run(odla_ReduceMean(in2, 0, nullptr, 0, Undefined(), nullptr), {}));
}

ODLA_TEST(ReduceMaxMinProdL2_LastAxis) {
  std::vector<float> x{1, -3, 2, 4, 0.5f, -1};
  Session session;
  odla_value in = session.Arg({2, 3}, x);
  const odla_uint32 axes[] = {1};
  odla_value ops[] = {odla_ReduceMax(in, 1, axes, 0, Undefined(), nullptr), odla_ReduceMin(in, 1, axes, 0, Undefined(), nullptr),
                      odla_ReduceProd(in, 1, axes, 0, Undefined(), nullptr), odla_ReduceL2(in, 1, axes, 0, 0, Undefined(), nullptr)};
  std::vector<std::vector<float>> out(4, std::vector<float>(2));
  for (int i = 0; i < 4; ++i) {
    CheckStatus(odla_SetValueAsOutput(ops[i]), "output");
    CheckStatus(odla_BindToOutput(ops[i], out[static_cast<size_t>(i)].data(), session.context()), "bind");
  }
  CheckStatus(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  CheckClose(std::vector<float>{2, 4}, out[0]);
  CheckClose(std::vector<float>{-3, -1}, out[1]);
  CheckClose(std::vector<float>{-6, -2}, out[2]);
  CheckClose(std::vector<double>{std::sqrt(14.0), std::sqrt(17.25)}, out[3]);
}

ODLA_TEST(Softmax_Axis1_And_LogSoftmax) {
  auto x = Random(2 * 3 * 4, 63, -5, 5);
  std::vector<double> soft(x.size());
  for (int64_t b = 0; b < 2; ++b)
    for (int64_t i = 0; i < 4; ++i) {
      double sum = 0;
      for (int64_t c = 0; c < 3; ++c) sum += std::exp(x[static_cast<size_t>((b * 3 + c) * 4 + i)]);
      for (int64_t c = 0; c < 3; ++c) soft[static_cast<size_t>((b * 3 + c) * 4 + i)] = std::exp(x[static_cast<size_t>((b * 3 + c) * 4 + i)]) / sum;
    }
  Session session;
  CheckClose(soft, session.Run(odla_Softmax(session.Arg({2, 3, 4}, x), 1, nullptr), {2, 3, 4}), 1e-6, 1e-4);
  std::vector<double> log_soft(soft.size());
  for (size_t i = 0; i < soft.size(); ++i) log_soft[i] = std::log(soft[i]);
  Session session2;
  CheckClose(log_soft, session2.Run(odla_LogSoftmax(session2.Arg({2, 3, 4}, x), 1, nullptr), {2, 3, 4}), 1e-5, 1e-4);
}

ODLA_TEST(ArgMax_KeepDims_Int64_And_ArgMin_LastIndex_Int32) {
  std::vector<float> x{1, 5, 5, 0, -1, 3};
  Session session;
  auto arg = session.Run<int64_t>(odla_ArgMax(session.Arg({2, 3}, x), 1, 1, 0, Type(ODLA_INT64, {}), nullptr), {2, 1});
  Check(arg == std::vector<int64_t>({1, 2}), "argmax");
  std::vector<float> y{1, 0, 0, 2};
  Session session2;
  auto argmin = session2.Run<int32_t>(odla_ArgMin(session2.Arg({4}, y), 0, 0, 1, Type(ODLA_INT32, {}), nullptr), {});
  Check(argmin == std::vector<int32_t>({2}), "argmin last index");
}

ODLA_TEST(CumSum_ExclusiveReverse) {
  std::vector<float> x{1, 2, 3, 4};
  std::vector<int64_t> axis{0};
  Session session;
  odla_value y = odla_CumSum(session.Arg({4}, x), session.Const(ODLA_INT64, {}, axis), 1, 1, nullptr);
  CheckClose(std::vector<float>{9, 7, 4, 0}, session.Run(y, {4}));
}

ODLA_TEST(Cast_FloatToInt32_BoolAndFloat16RoundTrip) {
  std::vector<float> x{1.7f, -2.2f, 0.0f, 65504.0f, 1.0f / 3};
  Session session;
  odla_value in = session.Arg({5}, x);
  auto ints = session.Run<int32_t>(odla_Cast(in, ODLA_INT32, nullptr), {5});
  Check(ints == std::vector<int32_t>({1, -2, 0, 65504, 0}), "float -> int32 truncates");
  Session session2;
  odla_value in2 = session2.Arg({5}, x);
  auto back = session2.Run(odla_Cast(odla_Cast(in2, ODLA_FLOAT16, nullptr), ODLA_FLOAT32, nullptr), {5});
  CheckClose(std::vector<float>{1.7001953f, -2.1992188f, 0.0f, 65504.0f, 0.33325195f}, back, 0, 1e-6);
  Session session3;
  auto flags = session3.Run<uint8_t>(odla_Cast(session3.Arg({5}, x), ODLA_BOOL, nullptr), {5});
  Check(flags == std::vector<uint8_t>({1, 1, 0, 1, 1}), "float -> bool");
}

ODLA_TEST(TopK_Largest_Axis1) {
  std::vector<float> x{3, 1, 4, 1, 5, 9, 2, 6};
  Session session;
  odla_value_ids ids{};
  odla_values r = odla_TopK(session.Arg({2, 4}, x), 2, 1, 1, 1, Type(ODLA_FLOAT32, {}), Type(ODLA_INT64, {}), ids);
  Check(r.size == 2, "two outputs");
  std::vector<int64_t> idx(4);
  CheckStatus(odla_SetValueAsOutput(r.values[1]), "output");
  CheckStatus(odla_BindToOutput(r.values[1], idx.data(), session.context()), "bind");
  CheckClose(std::vector<float>{4, 3, 9, 6}, session.Run(r.values[0], {2, 2}));
  Check(idx == std::vector<int64_t>({2, 0, 1, 3}), "topk indices");
}

}  // namespace
}  // namespace odla_test
