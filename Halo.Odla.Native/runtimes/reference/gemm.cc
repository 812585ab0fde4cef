// PERF: transposed operands are packed once, then tiles of C (rows x columns) run in parallel; inside a
// tile the k loop is blocked so a panel of B stays in cache while the innermost loop (over columns) vectorizes.
#include "gemm.h"

#include <algorithm>
#include <vector>

#include "parallel.h"

namespace odla_ref {
namespace {

constexpr int64_t kRowBlock = 32;
constexpr int64_t kColumnBlock = 256;
constexpr int64_t kDepthBlock = 256;

template <typename T>
void Tile(int64_t row0, int64_t row1, int64_t col0, int64_t col1, int64_t k, T alpha, const T* a, int64_t lda,
          const T* b, int64_t ldb, T* c, int64_t ldc) {
  for (int64_t p0 = 0; p0 < k; p0 += kDepthBlock) {
    int64_t p1 = std::min(k, p0 + kDepthBlock);
    for (int64_t i = row0; i < row1; ++i) {
      T* c_row = c + i * ldc;
      const T* a_row = a + i * lda;
      for (int64_t p = p0; p < p1; ++p) {
        T scale = alpha * a_row[p];
        if (scale == T(0)) continue;
        const T* b_row = b + p * ldb;
        for (int64_t j = col0; j < col1; ++j) c_row[j] += scale * b_row[j];
      }
    }
  }
}

}  // namespace

template <typename T>
void Gemm(bool transpose_a, bool transpose_b, int64_t m, int64_t n, int64_t k, T alpha, const T* a, int64_t lda,
          const T* b, int64_t ldb, T beta, T* c, int64_t ldc, bool parallel) {
  std::vector<T> packed_a, packed_b;
  if (transpose_a) {
    packed_a.resize(static_cast<size_t>(m * k));
    for (int64_t p = 0; p < k; ++p)
      for (int64_t i = 0; i < m; ++i) packed_a[i * k + p] = a[p * lda + i];
    a = packed_a.data();
    lda = k;
  }
  if (transpose_b) {
    packed_b.resize(static_cast<size_t>(k * n));
    for (int64_t j = 0; j < n; ++j)
      for (int64_t p = 0; p < k; ++p) packed_b[p * n + j] = b[j * ldb + p];
    b = packed_b.data();
    ldb = n;
  }
  for (int64_t i = 0; i < m; ++i) {
    T* row = c + i * ldc;
    if (beta == T(0)) {
      std::fill(row, row + n, T(0));
    } else if (beta != T(1)) {
      for (int64_t j = 0; j < n; ++j) row[j] *= beta;
    }
  }
  int64_t row_tiles = (m + kRowBlock - 1) / kRowBlock;
  int64_t col_tiles = (n + kColumnBlock - 1) / kColumnBlock;
  auto run = [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      int64_t rt = t / col_tiles, ct = t % col_tiles;
      Tile(rt * kRowBlock, std::min(m, (rt + 1) * kRowBlock), ct * kColumnBlock, std::min(n, (ct + 1) * kColumnBlock),
           k, alpha, a, lda, b, ldb, c, ldc);
    }
  };
  // PERF: small products are not worth a thread hand-off.
  int64_t work_per_tile = std::min(m, kRowBlock) * std::min(n, kColumnBlock) * k;
  if (!parallel || m * n * k < (1 << 16)) {
    run(0, row_tiles * col_tiles);
  } else {
    ParallelFor(row_tiles * col_tiles, std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(1, work_per_tile)), run);
  }
}

template void Gemm<float>(bool, bool, int64_t, int64_t, int64_t, float, const float*, int64_t, const float*, int64_t,
                          float, float*, int64_t, bool);
template void Gemm<double>(bool, bool, int64_t, int64_t, int64_t, double, const double*, int64_t, const double*,
                           int64_t, double, double*, int64_t, bool);

}  // namespace odla_ref
