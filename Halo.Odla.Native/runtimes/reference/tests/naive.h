// Straightforward loop implementations the optimized kernels are checked against (NCHW, OIHW).
#ifndef HALO_ODLA_REFERENCE_TESTS_NAIVE_H_
#define HALO_ODLA_REFERENCE_TESTS_NAIVE_H_

#include <algorithm>
#include <limits>
#include <vector>

#include "framework.h"

namespace odla_test {

struct ConvSpec {
  int64_t n, c, h, w, o, kh, kw, groups = 1, sh = 1, sw = 1, dh = 1, dw = 1, pt = 0, pl = 0, pb = 0, pr = 0;
  int64_t OutH() const { return (h + pt + pb - ((kh - 1) * dh + 1)) / sh + 1; }
  int64_t OutW() const { return (w + pl + pr - ((kw - 1) * dw + 1)) / sw + 1; }
};

inline std::vector<float> NaiveConv(const ConvSpec& s, const std::vector<float>& x, const std::vector<float>& k,
                                    const std::vector<float>* bias) {
  const int64_t oh = s.OutH(), ow = s.OutW(), cg = s.c / s.groups, og = s.o / s.groups;
  std::vector<float> y(static_cast<size_t>(s.n * s.o * oh * ow));
  for (int64_t b = 0; b < s.n; ++b)
    for (int64_t oc = 0; oc < s.o; ++oc)
      for (int64_t i = 0; i < oh; ++i)
        for (int64_t j = 0; j < ow; ++j) {
          double sum = bias ? (*bias)[static_cast<size_t>(oc)] : 0;
          const int64_t g = oc / og;
          for (int64_t ic = 0; ic < cg; ++ic)
            for (int64_t p = 0; p < s.kh; ++p)
              for (int64_t q = 0; q < s.kw; ++q) {
                const int64_t ih = i * s.sh - s.pt + p * s.dh, iw = j * s.sw - s.pl + q * s.dw;
                if (ih < 0 || ih >= s.h || iw < 0 || iw >= s.w) continue;
                sum += x[static_cast<size_t>(((b * s.c + g * cg + ic) * s.h + ih) * s.w + iw)] *
                       k[static_cast<size_t>(((oc * cg + ic) * s.kh + p) * s.kw + q)];
              }
          y[static_cast<size_t>(((b * s.o + oc) * oh + i) * ow + j)] = static_cast<float>(sum);
        }
  return y;
}

// ConvTranspose with kernel [C, O/g, kh, kw]; output extent (in-1)*stride - pads + (k-1)*dilation + 1.
inline std::vector<float> NaiveDeConv(const ConvSpec& s, const std::vector<float>& x, const std::vector<float>& k,
                                      int64_t oh, int64_t ow) {
  const int64_t cg = s.c / s.groups, og = s.o / s.groups;
  std::vector<double> y(static_cast<size_t>(s.n * s.o * oh * ow), 0.0);
  for (int64_t b = 0; b < s.n; ++b)
    for (int64_t ic = 0; ic < s.c; ++ic)
      for (int64_t i = 0; i < s.h; ++i)
        for (int64_t j = 0; j < s.w; ++j)
          for (int64_t o = 0; o < og; ++o)
            for (int64_t p = 0; p < s.kh; ++p)
              for (int64_t q = 0; q < s.kw; ++q) {
                const int64_t yh = i * s.sh - s.pt + p * s.dh, yw = j * s.sw - s.pl + q * s.dw;
                if (yh < 0 || yh >= oh || yw < 0 || yw >= ow) continue;
                const int64_t g = ic / cg, oc = g * og + o;
                y[static_cast<size_t>(((b * s.o + oc) * oh + yh) * ow + yw)] +=
                    x[static_cast<size_t>(((b * s.c + ic) * s.h + i) * s.w + j)] *
                    k[static_cast<size_t>(((ic * og + o) * s.kh + p) * s.kw + q)];
              }
  return std::vector<float>(y.begin(), y.end());
}

inline std::vector<float> NaivePool(const ConvSpec& s, const std::vector<float>& x, bool is_max, bool include_pad) {
  const int64_t oh = s.OutH(), ow = s.OutW();
  std::vector<float> y(static_cast<size_t>(s.n * s.c * oh * ow));
  for (int64_t p = 0; p < s.n * s.c; ++p)
    for (int64_t i = 0; i < oh; ++i)
      for (int64_t j = 0; j < ow; ++j) {
        double sum = 0, best = -std::numeric_limits<double>::infinity();
        int64_t valid = 0, all = 0;
        for (int64_t a = 0; a < s.kh; ++a)
          for (int64_t b = 0; b < s.kw; ++b) {
            const int64_t ih = i * s.sh - s.pt + a, iw = j * s.sw - s.pl + b;
            ++all;
            if (ih < 0 || ih >= s.h || iw < 0 || iw >= s.w) continue;
            const double v = x[static_cast<size_t>((p * s.h + ih) * s.w + iw)];
            sum += v;
            best = std::max(best, v);
            ++valid;
          }
        y[static_cast<size_t>((p * oh + i) * ow + j)] =
            static_cast<float>(is_max ? best : sum / static_cast<double>(include_pad ? all : valid));
      }
  return y;
}

// [N, C, S] <-> [N, S, C].
inline std::vector<float> ToLast(const std::vector<float>& x, int64_t n, int64_t c, int64_t s) {
  std::vector<float> y(x.size());
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t i = 0; i < s; ++i) y[static_cast<size_t>((b * s + i) * c + ch)] = x[static_cast<size_t>((b * c + ch) * s + i)];
  return y;
}

// OIHW -> HWIO (ODLA_SIO).
inline std::vector<float> ToSIO(const std::vector<float>& k, int64_t o, int64_t i, int64_t kh, int64_t kw) {
  std::vector<float> y(k.size());
  for (int64_t a = 0; a < o; ++a)
    for (int64_t b = 0; b < i; ++b)
      for (int64_t p = 0; p < kh; ++p)
        for (int64_t q = 0; q < kw; ++q)
          y[static_cast<size_t>(((p * kw + q) * i + b) * o + a)] = k[static_cast<size_t>(((a * i + b) * kh + p) * kw + q)];
  return y;
}

inline std::vector<float> NaiveMatMul(const std::vector<float>& a, const std::vector<float>& b, int64_t m, int64_t k,
                                      int64_t n) {
  std::vector<float> c(static_cast<size_t>(m * n));
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double sum = 0;
      for (int64_t p = 0; p < k; ++p) sum += a[static_cast<size_t>(i * k + p)] * b[static_cast<size_t>(p * n + j)];
      c[static_cast<size_t>(i * n + j)] = static_cast<float>(sum);
    }
  return c;
}

}  // namespace odla_test

#endif  // HALO_ODLA_REFERENCE_TESTS_NAIVE_H_
