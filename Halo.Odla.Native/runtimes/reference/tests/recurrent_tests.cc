// LSTM, GRU and RNN on scalar-sized cases computed by hand-written formulas (ONNX definitions).
#include "framework.h"

namespace odla_test {
namespace {

double Sig(double x) { return 1 / (1 + std::exp(-x)); }

odla_values Outputs(Session& session, odla_values values, std::vector<std::vector<float>>& buffers,
                    const std::vector<int64_t>& sizes) {
  Check(values.size == sizes.size(), "expected " + std::to_string(sizes.size()) + " results, got " + std::to_string(values.size));
  for (size_t i = 0; i < sizes.size(); ++i) {
    buffers.emplace_back(static_cast<size_t>(sizes[i]));
    CheckStatus(odla_SetValueAsOutput(values.values[i]), "output");
    CheckStatus(odla_BindToOutput(values.values[i], buffers.back().data(), session.context()), "bind");
  }
  CheckStatus(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  return values;
}

ODLA_TEST(LSTM_Scalar_IFCO_WithBiasAndInitialState) {
  // Gate blocks in IFCO order: i, f, c, o.
  std::vector<float> x{0.5f, -1.0f}, w{0.1f, 0.2f, 0.3f, 0.4f}, r{-0.5f, 0.6f, 0.7f, -0.8f};
  std::vector<float> b{0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f}, h0{0.2f}, c0{-0.3f};
  double h = h0[0], c = c0[0];
  std::vector<float> expected_y;
  for (float xt : x) {
    auto gate = [&](int k) { return w[static_cast<size_t>(k)] * xt + r[static_cast<size_t>(k)] * h + b[static_cast<size_t>(k)] + b[static_cast<size_t>(k + 4)]; };
    double i = Sig(gate(0)), f = Sig(gate(1)), cand = std::tanh(gate(2)), o = Sig(gate(3));
    c = f * c + i * cand;
    h = o * std::tanh(c);
    expected_y.push_back(static_cast<float>(h));
  }
  Session session;
  odla_value_ids ids{};
  odla_values results = odla_LSTM(session.Arg({2, 1, 1}, x), ODLA_RNN_LDGOI, ODLA_RNN_IFCO, Shape({1, 4, 1}),
                                  session.Const({1, 4, 1}, w), session.Const({1, 4, 1}, r), session.Const({1, 8}, b), nullptr,
                                  session.Const({1, 1, 1}, h0), session.Const({1, 1, 1}, c0), nullptr, 1, ODLA_RNN_FORWARD,
                                  ODLA_RNN_HIDDEN_CELL_STATE, ids);
  std::vector<std::vector<float>> out;
  Outputs(session, results, out, {2, 1, 1});
  CheckClose(expected_y, out[0]);
  CheckClose(std::vector<double>{h}, out[1]);
  CheckClose(std::vector<double>{c}, out[2]);
}

ODLA_TEST(GRU_Scalar_Reverse_BothResetModes) {
  std::vector<float> x{1.0f, -0.5f, 0.25f}, w{0.3f, -0.2f, 0.5f}, r{0.4f, 0.1f, -0.6f};
  std::vector<float> b{0.1f, 0.0f, -0.1f, 0.05f, 0.02f, 0.3f};
  for (int linear = 0; linear <= 1; ++linear) {
    double h = 0;
    std::vector<float> expected_y(3);
    for (int t = 2; t >= 0; --t) {
      const double xt = x[static_cast<size_t>(t)];
      double z = Sig(w[0] * xt + r[0] * h + b[0] + b[3]);
      double rr = Sig(w[1] * xt + r[1] * h + b[1] + b[4]);
      double cand = linear ? std::tanh(w[2] * xt + rr * (r[2] * h + b[5]) + b[2])
                           : std::tanh(w[2] * xt + r[2] * (rr * h) + b[5] + b[2]);
      h = (1 - z) * cand + z * h;
      expected_y[static_cast<size_t>(t)] = static_cast<float>(h);
    }
    Session session;
    odla_value_ids ids{};
    odla_values results = odla_GRU(session.Arg({3, 1, 1}, x), ODLA_RNN_LDGOI, ODLA_RNN_URO, Shape({1, 3, 1}),
                                   session.Const({1, 3, 1}, w), session.Const({1, 3, 1}, r), session.Const({1, 6}, b),
                                   nullptr, nullptr, 1, ODLA_RNN_REVERSE, static_cast<odla_bool>(linear),
                                   ODLA_RNN_HIDDEN_STATE, ids);
    std::vector<std::vector<float>> out;
    Outputs(session, results, out, {3, 1});
    CheckClose(expected_y, out[0]);
    CheckClose(std::vector<double>{h}, out[1]);
  }
}

ODLA_TEST(RNN_Bidirectional_SequenceLengths) {
  // batch 2 (lengths 2 and 1), hidden 1, input 1; direction 1 runs backwards over each sequence's own length.
  std::vector<float> x{0.5f, -1.0f, 2.0f, 0.0f}, w{0.7f, -0.4f}, r{0.3f, 0.9f};
  std::vector<int32_t> lens{2, 1};
  std::vector<float> expected(2 * 2 * 2, 0.0f);
  for (int d = 0; d < 2; ++d)
    for (int b = 0; b < 2; ++b) {
      double h = 0;
      for (int s = 0; s < lens[static_cast<size_t>(b)]; ++s) {
        int t = d == 0 ? s : lens[static_cast<size_t>(b)] - 1 - s;
        h = std::tanh(w[static_cast<size_t>(d)] * x[static_cast<size_t>(t * 2 + b)] + r[static_cast<size_t>(d)] * h);
        expected[static_cast<size_t>((t * 2 + d) * 2 + b)] = static_cast<float>(h);
      }
    }
  Session session;
  odla_value_ids ids{};
  odla_values results = odla_RNN(session.Arg({2, 2, 1}, x), ODLA_RNN_LDGOI, Shape({2, 1, 1}), session.Const({2, 1, 1}, w),
                                 session.Const({2, 1, 1}, r), nullptr, session.Const(ODLA_INT32, {2}, lens), nullptr, 1,
                                 ODLA_RNN_BIDIRECTIONAL, ODLA_RNN_NO_STATE, ids);
  std::vector<std::vector<float>> out;
  Outputs(session, results, out, {8});
  CheckClose(expected, out[0]);
}

}  // namespace
}  // namespace odla_test

namespace odla_test {
namespace {

ODLA_TEST(RNN_LDIGO_EqualsTransposedLDGOI) {
  // hidden 2, input 3: LDIGO holds W as [dirs, in, gates, hidden], the transpose of LDGOI's [dirs, gates*hidden, in].
  auto x = Random(2 * 1 * 3, 80), w = Random(2 * 3, 81), r = Random(2 * 2, 82);
  std::vector<float> wt(6), rt(4);
  for (int o = 0; o < 2; ++o) {
    for (int i = 0; i < 3; ++i) wt[static_cast<size_t>(i * 2 + o)] = w[static_cast<size_t>(o * 3 + i)];
    for (int i = 0; i < 2; ++i) rt[static_cast<size_t>(i * 2 + o)] = r[static_cast<size_t>(o * 2 + i)];
  }
  std::vector<std::vector<float>> results;
  for (int format = 0; format < 2; ++format) {
    Session session;
    odla_value_ids ids{};
    const bool ldigo = format == 1;
    odla_values out = odla_RNN(session.Arg({2, 1, 3}, x), ldigo ? ODLA_RNN_LDIGO : ODLA_RNN_LDGOI, Undefined(),
                               ldigo ? session.Const({1, 3, 1, 2}, wt) : session.Const({1, 2, 3}, w),
                               ldigo ? session.Const({1, 2, 1, 2}, rt) : session.Const({1, 2, 2}, r), nullptr, nullptr,
                               nullptr, 2, ODLA_RNN_FORWARD, ODLA_RNN_NO_STATE, ids);
    Check(out.size == 1, "one result");
    results.push_back(session.Run(out.values[0], {2, 1, 1, 2}));
  }
  CheckClose(results[0], results[1]);
  double h0 = std::tanh(w[0] * x[0] + w[1] * x[1] + w[2] * x[2]);
  CheckClose(std::vector<double>{h0}, std::vector<float>{results[0][0]});
}

}  // namespace
}  // namespace odla_test
