// Conv, DeConv, pools, normalization and activations against naive loops.
#include "framework.h"
#include "naive.h"

namespace odla_test {
namespace {

void RunConvCase(const ConvSpec& s, bool with_bias, bool channels_last, unsigned seed) {
  const int64_t cg = s.c / s.groups;
  auto x = Random(s.n * s.c * s.h * s.w, seed);
  auto k = Random(s.o * cg * s.kh * s.kw, seed + 1);
  auto bias = Random(s.o, seed + 2);
  auto expected = NaiveConv(s, x, k, with_bias ? &bias : nullptr);
  const int64_t oh = s.OutH(), ow = s.OutW();
  Session session;
  const auto x_last = ToLast(x, s.n, s.c, s.h * s.w);  // bound buffers must outlive the execution
  odla_value input = channels_last ? session.Arg({s.n, s.h, s.w, s.c}, x_last) : session.Arg({s.n, s.c, s.h, s.w}, x);
  odla_value kernel = channels_last ? session.Const({s.kh, s.kw, cg, s.o}, ToSIO(k, s.o, cg, s.kh, s.kw))
                                    : session.Const({s.o, cg, s.kh, s.kw}, k);
  odla_value b = with_bias ? session.Const({s.o}, bias) : nullptr;
  const odla_uint32 strides[] = {static_cast<odla_uint32>(s.sh), static_cast<odla_uint32>(s.sw)};
  const odla_uint32 dilations[] = {static_cast<odla_uint32>(s.dh), static_cast<odla_uint32>(s.dw)};
  const odla_uint32 front[] = {static_cast<odla_uint32>(s.pt), static_cast<odla_uint32>(s.pl)};
  const odla_uint32 back[] = {static_cast<odla_uint32>(s.pb), static_cast<odla_uint32>(s.pr)};
  Dims out_dims = channels_last ? Dims{s.n, oh, ow, s.o} : Dims{s.n, s.o, oh, ow};
  odla_value y = odla_Conv(input, channels_last ? ODLA_CHANNELS_LAST : ODLA_CHANNELS_FIRST,
                           static_cast<odla_uint32>(s.groups), kernel, channels_last ? ODLA_SIO : ODLA_OIS, strides,
                           dilations, front, back, b, Shape(out_dims), nullptr);
  auto actual = session.Run(y, out_dims);
  CheckClose(channels_last ? ToLast(expected, s.n, s.o, oh * ow) : expected, actual, 1e-4, 1e-4);
}

ODLA_TEST(Conv_3x3_Pad1_Bias_NCHW) { RunConvCase({1, 3, 8, 8, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1}, true, false, 1); }
ODLA_TEST(Conv_Stride2_AsymmetricPad_NCHW) { RunConvCase({2, 3, 9, 7, 5, 3, 2, 1, 2, 2, 1, 1, 0, 1, 1, 0}, false, false, 2); }
ODLA_TEST(Conv_Dilation2_NCHW) { RunConvCase({1, 2, 10, 10, 3, 3, 3, 1, 1, 1, 2, 2, 2, 2, 2, 2}, true, false, 3); }
ODLA_TEST(Conv_Groups2_NCHW) { RunConvCase({1, 4, 6, 6, 6, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1}, true, false, 4); }
ODLA_TEST(Conv_Depthwise_NCHW) { RunConvCase({2, 8, 7, 7, 8, 3, 3, 8, 2, 2, 1, 1, 1, 1, 1, 1}, true, false, 5); }
ODLA_TEST(Conv_Pointwise_NCHW) { RunConvCase({1, 16, 5, 5, 8, 1, 1, 1}, true, false, 6); }
ODLA_TEST(Conv_Large_Parallel_NCHW) { RunConvCase({1, 32, 28, 28, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1}, true, false, 7); }
// Padding wider than the kernel reach: whole im2col rows and row edges are padding.
ODLA_TEST(Conv_WidePad_Stride3_NCHW) { RunConvCase({1, 3, 7, 8, 5, 2, 3, 1, 3, 3, 1, 2, 4, 5, 3, 4}, true, false, 9); }
ODLA_TEST(Conv_3x3_Stride2_NHWC_SIO) { RunConvCase({2, 3, 8, 8, 4, 3, 3, 1, 2, 2, 1, 1, 1, 1, 0, 0}, true, true, 8); }
ODLA_TEST(Conv_Groups_NHWC_SIO) { RunConvCase({1, 6, 5, 5, 6, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1}, false, true, 9); }

ODLA_TEST(Conv_1D_NCHW) {
  // 1-D convolution equals a 2-D one of height 1.
  ConvSpec s{1, 2, 1, 9, 3, 1, 3, 1, 1, 2, 1, 1, 0, 1, 0, 1};
  auto x = Random(2 * 9, 10), k = Random(3 * 2 * 3, 11);
  auto expected = NaiveConv(s, x, k, nullptr);
  Session session;
  odla_value in = session.Arg({1, 2, 9}, x);
  odla_value kernel = session.Const({3, 2, 3}, k);
  const odla_uint32 stride[] = {2}, dilation[] = {1}, front[] = {1}, back[] = {1};
  odla_value y = odla_Conv(in, ODLA_CHANNELS_FIRST, 1, kernel, ODLA_OIS, stride, dilation, front, back, nullptr,
                           Undefined(), nullptr);
  CheckClose(expected, session.Run(y, {1, 3, s.OutW()}));
}

void RunDeConvCase(const ConvSpec& s, int64_t extra, unsigned seed) {
  const int64_t og = s.o / s.groups;
  auto x = Random(s.n * s.c * s.h * s.w, seed), k = Random(s.c * og * s.kh * s.kw, seed + 1);
  const int64_t oh = (s.h - 1) * s.sh - s.pt - s.pb + (s.kh - 1) * s.dh + 1 + extra;
  const int64_t ow = (s.w - 1) * s.sw - s.pl - s.pr + (s.kw - 1) * s.dw + 1 + extra;
  auto expected = NaiveDeConv(s, x, k, oh, ow);
  Session session;
  odla_value in = session.Arg({s.n, s.c, s.h, s.w}, x);
  odla_value kernel = session.Const({s.c, og, s.kh, s.kw}, k);
  const odla_uint32 strides[] = {static_cast<odla_uint32>(s.sh), static_cast<odla_uint32>(s.sw)};
  const odla_uint32 dilations[] = {static_cast<odla_uint32>(s.dh), static_cast<odla_uint32>(s.dw)};
  const odla_uint32 front[] = {static_cast<odla_uint32>(s.pt), static_cast<odla_uint32>(s.pl)};
  const odla_uint32 back[] = {static_cast<odla_uint32>(s.pb), static_cast<odla_uint32>(s.pr)};
  odla_value y = odla_DeConv(in, ODLA_CHANNELS_FIRST, static_cast<odla_uint32>(s.groups), kernel, ODLA_IOS, strides,
                             dilations, front, back, nullptr, Shape({s.n, s.o, oh, ow}), nullptr);
  CheckClose(expected, session.Run(y, {s.n, s.o, oh, ow}), 1e-4, 1e-4);
}

ODLA_TEST(DeConv_Stride2_Pad1) { RunDeConvCase({1, 3, 4, 5, 2, 3, 3, 1, 2, 2, 1, 1, 1, 1, 1, 1}, 0, 20); }
ODLA_TEST(DeConv_Groups2_OutputPadding) { RunDeConvCase({2, 4, 3, 3, 6, 2, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0}, 1, 21); }

void RunPoolCase(const ConvSpec& s, bool is_max, bool include_pad, bool channels_last, unsigned seed) {
  auto x = Random(s.n * s.c * s.h * s.w, seed);
  auto expected = NaivePool(s, x, is_max, include_pad);
  const int64_t oh = s.OutH(), ow = s.OutW();
  Session session;
  const auto x_last = ToLast(x, s.n, s.c, s.h * s.w);  // bound buffers must outlive the execution
  odla_value in = channels_last ? session.Arg({s.n, s.h, s.w, s.c}, x_last) : session.Arg({s.n, s.c, s.h, s.w}, x);
  const odla_uint32 window[] = {static_cast<odla_uint32>(s.kh), static_cast<odla_uint32>(s.kw)};
  const odla_uint32 strides[] = {static_cast<odla_uint32>(s.sh), static_cast<odla_uint32>(s.sw)};
  const odla_uint32 front[] = {static_cast<odla_uint32>(s.pt), static_cast<odla_uint32>(s.pl)};
  const odla_uint32 back[] = {static_cast<odla_uint32>(s.pb), static_cast<odla_uint32>(s.pr)};
  const odla_memory_layout layout = channels_last ? ODLA_CHANNELS_LAST : ODLA_CHANNELS_FIRST;
  Dims out_dims = channels_last ? Dims{s.n, oh, ow, s.c} : Dims{s.n, s.c, oh, ow};
  odla_value y = is_max ? odla_MaxPool(in, layout, window, strides, front, back, Undefined(), nullptr)
                        : odla_AveragePool(in, layout, window, strides, front, back, include_pad, Undefined(), nullptr);
  auto actual = session.Run(y, out_dims);
  CheckClose(channels_last ? ToLast(expected, s.n, s.c, oh * ow) : expected, actual);
}

ODLA_TEST(MaxPool_3x3_Stride2_Pad1_NCHW) { RunPoolCase({1, 3, 9, 9, 3, 3, 3, 1, 2, 2, 1, 1, 1, 1, 1, 1}, true, false, false, 30); }
ODLA_TEST(MaxPool_2x2_NHWC) { RunPoolCase({2, 4, 6, 6, 4, 2, 2, 1, 2, 2}, true, false, true, 31); }
ODLA_TEST(AveragePool_ExcludePad_NCHW) { RunPoolCase({1, 2, 7, 7, 2, 3, 3, 1, 2, 2, 1, 1, 1, 1, 1, 1}, false, false, false, 32); }
ODLA_TEST(AveragePool_IncludePad_NCHW) { RunPoolCase({1, 2, 7, 7, 2, 3, 3, 1, 2, 2, 1, 1, 1, 1, 1, 1}, false, true, false, 33); }
ODLA_TEST(AveragePool_Global_NHWC) { RunPoolCase({2, 5, 7, 7, 5, 7, 7, 1}, false, false, true, 34); }

ODLA_TEST(BatchNormalization_NCHW_MatchesFormula) {
  auto x = Random(2 * 3 * 4, 40), mean = Random(3, 41), var = Random(3, 42, 0.5f, 2.0f), scale = Random(3, 43),
       offset = Random(3, 44);
  std::vector<float> expected(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    size_t c = (i / 4) % 3;
    expected[i] = static_cast<float>((x[i] - mean[c]) / std::sqrt(var[c] + 1e-5) * scale[c] + offset[c]);
  }
  Session session;
  odla_value y = odla_BatchNormalization(session.Arg({2, 3, 4}, x), ODLA_CHANNELS_FIRST, session.Const({3}, mean),
                                         session.Const({3}, var), 1e-5f, session.Const({3}, scale),
                                         session.Const({3}, offset), 1, 0, nullptr);
  CheckClose(expected, session.Run(y, {2, 3, 4}));
}

ODLA_TEST(InstanceNormalization_NHWC_MatchesFormula) {
  const int64_t n = 2, s = 5, c = 3;
  auto x = Random(n * s * c, 45);
  std::vector<float> expected(x.size());
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch) {
      double sum = 0, sq = 0;
      for (int64_t i = 0; i < s; ++i) sum += x[static_cast<size_t>((b * s + i) * c + ch)];
      double mean = sum / s;
      for (int64_t i = 0; i < s; ++i) sq += std::pow(x[static_cast<size_t>((b * s + i) * c + ch)] - mean, 2);
      for (int64_t i = 0; i < s; ++i) {
        size_t at = static_cast<size_t>((b * s + i) * c + ch);
        expected[at] = static_cast<float>((x[at] - mean) / std::sqrt(sq / s + 1e-5) * 2 + 0.5);
      }
    }
  Session session;
  odla_value y = odla_InstanceNormalization(session.Arg({n, s, c}, x), ODLA_CHANNELS_LAST, 1e-5f, nullptr, nullptr, 2,
                                            0.5f, nullptr);
  CheckClose(expected, session.Run(y, {n, s, c}), 1e-4, 1e-4);
}

ODLA_TEST(LRN_Size3_MatchesFormula) {
  auto x = Random(1 * 4 * 2, 46);
  std::vector<float> expected(x.size());
  for (int64_t c = 0; c < 4; ++c)
    for (int64_t i = 0; i < 2; ++i) {
      double sum = 0;
      for (int64_t k = std::max<int64_t>(0, c - 1); k <= std::min<int64_t>(3, c + 1); ++k) sum += std::pow(x[static_cast<size_t>(k * 2 + i)], 2);
      expected[static_cast<size_t>(c * 2 + i)] = static_cast<float>(x[static_cast<size_t>(c * 2 + i)] / std::pow(1.0 + 0.1 / 3 * sum, 0.75));
    }
  Session session;
  odla_value y = odla_LRN(session.Arg({1, 4, 2}, x), ODLA_CHANNELS_FIRST, 3, 0.1f, 0.75f, 1.0f, nullptr);
  CheckClose(expected, session.Run(y, {1, 4, 2}));
}

ODLA_TEST(Activations_MatchFormulas) {
  std::vector<float> x{-2.0f, -0.5f, 0.0f, 0.5f, 3.0f};
  Session session;
  odla_value in = session.Arg({5}, x);
  struct Named {
    odla_value value;
    float (*f)(float);
  };
  std::vector<Named> cases{
      {odla_Relu(in, nullptr), [](float v) { return v > 0 ? v : 0.0f; }},
      {odla_Sigmoid(in, nullptr), [](float v) { return 1 / (1 + std::exp(-v)); }},
      {odla_Tanh(in, nullptr), [](float v) { return std::tanh(v); }},
      {odla_Clamp(in, -1.0f, 0.6f, nullptr), [](float v) { return std::min(0.6f, std::max(-1.0f, v)); }},
      {odla_LeakyRelu(in, 0.1f, nullptr), [](float v) { return v >= 0 ? v : 0.1f * v; }},
      {odla_Elu(in, 1.5f, nullptr), [](float v) { return v >= 0 ? v : 1.5f * (std::exp(v) - 1); }},
      {odla_HardSigmoid(in, 0.2f, 0.5f, nullptr), [](float v) { return std::min(1.0f, std::max(0.0f, 0.2f * v + 0.5f)); }},
      {odla_Softplus(in, nullptr), [](float v) { return std::log1p(std::exp(v)); }},
      {odla_Softsign(in, nullptr), [](float v) { return v / (1 + std::fabs(v)); }},
      {odla_Gelu(in, 0, nullptr), [](float v) { return 0.5f * v * (1 + std::erf(v / std::sqrt(2.0f))); }},
      {odla_Selu(in, 1.67326f, 1.0507f, nullptr), [](float v) { return v > 0 ? 1.0507f * v : 1.0507f * (1.67326f * std::exp(v) - 1.67326f); }},
      {odla_Erf(in, nullptr), [](float v) { return std::erf(v); }},
      {odla_Exp(in, nullptr), [](float v) { return std::exp(v); }},
      {odla_Abs(in, nullptr), [](float v) { return std::fabs(v); }},
      {odla_Neg(in, nullptr), [](float v) { return -v; }},
      {odla_Floor(in, nullptr), [](float v) { return std::floor(v); }},
      {odla_Round(in, nullptr), [](float v) { return std::nearbyint(v); }},
  };
  std::vector<std::vector<float>> outputs;
  for (auto& c : cases) {
    CheckStatus(odla_SetValueAsOutput(c.value), "odla_SetValueAsOutput");
    outputs.emplace_back(5);
    CheckStatus(odla_BindToOutput(c.value, outputs.back().data(), session.context()), "odla_BindToOutput");
  }
  CheckStatus(odla_ExecuteComputation(session.computation(), session.context(), ODLA_COMPUTE_INFERENCE, nullptr), "execute");
  for (size_t i = 0; i < cases.size(); ++i) {
    std::vector<float> expected;
    for (float v : x) expected.push_back(cases[i].f(v));
    try {
      CheckClose(expected, outputs[i], 1e-5, 1e-4);
    } catch (const Failure& f) {
      throw Failure{"activation #" + std::to_string(i) + ": " + f.message};
    }
  }
}

}  // namespace
}  // namespace odla_test
