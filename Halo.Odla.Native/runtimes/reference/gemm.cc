// PERF: the classic packed GEMM. C is cut into blocks of kRows x kColumns that run in parallel; each block walks
// k in slices of kDepth, packs its slice of op(A) (scaled by alpha) into row panels of MR and of op(B) into
// column panels of NR (zero padded, so transposes cost nothing more), and a register-tiled MR x NR micro-kernel
// accumulates every panel pair. The micro-kernel holds one tile row per compiler vector (GCC/Clang vector
// extensions; plain loops elsewhere); on x86-64 GCC also builds AVX2+FMA and AVX-512 clones of it and picks one
// when the library loads. Products with a handful of rows (fully connected layers at batch 1) skip the packing:
// it would cost as much as the product.
#include "gemm.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "multiversion.h"
#include "parallel.h"

namespace odla_ref {
namespace {

constexpr int64_t kRows = 96;
constexpr int64_t kColumns = 256;
constexpr int64_t kDepth = 256;
constexpr int64_t kSmallRows = 4;

template <typename T>
struct Tile;
template <>
struct Tile<float> {
  static constexpr int64_t kMr = 6, kNr = 16;
};
template <>
struct Tile<double> {
  static constexpr int64_t kMr = 6, kNr = 8;
};

#if defined(__GNUC__) || defined(__clang__)
// One row of a tile as a compiler vector (GCC/Clang vector extensions): the product of a broadcast value and a
// row is then one vector multiply-add per row on any target, which loops over arrays do not reliably become.
template <typename T, int64_t NR>
struct Row {
  typedef T Type __attribute__((vector_size(sizeof(T) * NR)));
};

// c[0..mr, 0..nr) += ap * bp over depth kc; ap holds kc groups of MR values, bp kc groups of NR values.
template <typename T, int64_t MR, int64_t NR>
inline __attribute__((always_inline)) void MicroKernel(int64_t kc, const T* ap, const T* bp, T* c, int64_t ldc,
                                                        int64_t mr, int64_t nr) {
  using V = typename Row<T, NR>::Type;
  V acc[MR] = {};
  for (int64_t p = 0; p < kc; ++p) {
    V b;
    std::memcpy(&b, bp + p * NR, sizeof(V));
    const T* a = ap + p * MR;
    for (int64_t r = 0; r < MR; ++r) acc[r] += a[r] * b;
  }
  if (nr == NR) {
    for (int64_t r = 0; r < mr; ++r) {
      V row;
      std::memcpy(&row, c + r * ldc, sizeof(V));
      row += acc[r];
      std::memcpy(c + r * ldc, &row, sizeof(V));
    }
  } else {
    for (int64_t r = 0; r < mr; ++r)
      for (int64_t j = 0; j < nr; ++j) c[r * ldc + j] += acc[r][j];
  }
}
#else
template <typename T, int64_t MR, int64_t NR>
inline void MicroKernel(int64_t kc, const T* ap, const T* bp, T* c, int64_t ldc, int64_t mr, int64_t nr) {
  T acc[MR][NR] = {};
  for (int64_t p = 0; p < kc; ++p)
    for (int64_t r = 0; r < MR; ++r)
      for (int64_t j = 0; j < NR; ++j) acc[r][j] += ap[p * MR + r] * bp[p * NR + j];
  for (int64_t r = 0; r < mr; ++r)
    for (int64_t j = 0; j < nr; ++j) c[r * ldc + j] += acc[r][j];
}
#endif

// The micro-kernel per element type, each built for the machine's widest vectors (HALO_MULTIVERSION).
HALO_MULTIVERSION void Micro(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc, int64_t mr, int64_t nr) {
  MicroKernel<float, Tile<float>::kMr, Tile<float>::kNr>(kc, ap, bp, c, ldc, mr, nr);
}

HALO_MULTIVERSION void Micro(int64_t kc, const double* ap, const double* bp, double* c, int64_t ldc, int64_t mr,
                             int64_t nr) {
  MicroKernel<double, Tile<double>::kMr, Tile<double>::kNr>(kc, ap, bp, c, ldc, mr, nr);
}

// A stored operand seen as op(X): element (row, col) with the transpose folded into the strides.
template <typename T>
struct Operand {
  const T* data;
  int64_t row_stride, col_stride;
  T At(int64_t row, int64_t col) const { return data[row * row_stride + col * col_stride]; }
};

// Packs rows [i0, i1) x depth [p0, p1) of op(A) * alpha into panels of MR rows, depth-major inside a panel.
template <typename T>
void PackA(const Operand<T>& a, T alpha, int64_t i0, int64_t i1, int64_t p0, int64_t p1, T* __restrict out) {
  constexpr int64_t MR = Tile<T>::kMr;
  const int64_t kc = p1 - p0;
  for (int64_t i = i0; i < i1; i += MR) {
    const int64_t rows = std::min(MR, i1 - i);
    for (int64_t p = 0; p < kc; ++p) {
      T* dst = out + p * MR;
      for (int64_t r = 0; r < rows; ++r) dst[r] = alpha * a.At(i + r, p0 + p);
      for (int64_t r = rows; r < MR; ++r) dst[r] = T(0);
    }
    out += kc * MR;
  }
}

// Packs depth [p0, p1) x columns [j0, j1) of op(B) into panels of NR columns, depth-major inside a panel.
template <typename T>
void PackB(const Operand<T>& b, int64_t p0, int64_t p1, int64_t j0, int64_t j1, T* __restrict out) {
  constexpr int64_t NR = Tile<T>::kNr;
  const int64_t kc = p1 - p0;
  for (int64_t j = j0; j < j1; j += NR) {
    const int64_t cols = std::min(NR, j1 - j);
    for (int64_t p = 0; p < kc; ++p) {
      T* dst = out + p * NR;
      if (cols == NR && b.col_stride == 1) {
        const T* src = b.data + (p0 + p) * b.row_stride + j;
        for (int64_t c = 0; c < NR; ++c) dst[c] = src[c];
        continue;
      }
      for (int64_t c = 0; c < cols; ++c) dst[c] = b.At(p0 + p, j + c);
      for (int64_t c = cols; c < NR; ++c) dst[c] = T(0);
    }
    out += kc * NR;
  }
}

template <typename T>
void Block(const Operand<T>& a, const Operand<T>& b, T alpha, int64_t i0, int64_t i1, int64_t j0, int64_t j1, int64_t k,
           T* c, int64_t ldc) {
  constexpr int64_t MR = Tile<T>::kMr, NR = Tile<T>::kNr;
  thread_local std::vector<T> a_pack, b_pack;
  const int64_t row_panels = (i1 - i0 + MR - 1) / MR, col_panels = (j1 - j0 + NR - 1) / NR;
  a_pack.resize(static_cast<size_t>(row_panels * MR * std::min(k, kDepth)));
  b_pack.resize(static_cast<size_t>(col_panels * NR * std::min(k, kDepth)));
  for (int64_t p0 = 0; p0 < k; p0 += kDepth) {
    const int64_t p1 = std::min(k, p0 + kDepth), kc = p1 - p0;
    PackA(a, alpha, i0, i1, p0, p1, a_pack.data());
    PackB(b, p0, p1, j0, j1, b_pack.data());
    for (int64_t jp = 0; jp < col_panels; ++jp) {
      const int64_t j = j0 + jp * NR;
      for (int64_t ip = 0; ip < row_panels; ++ip) {
        const int64_t i = i0 + ip * MR;
        Micro(kc, a_pack.data() + ip * kc * MR, b_pack.data() + jp * kc * NR, c + i * ldc + j, ldc,
              std::min(MR, i1 - i), std::min(NR, j1 - j));
      }
    }
  }
}

// Few rows: every row of C is an axpy sweep over op(B)'s rows, or a dot product per column when B is transposed.
template <typename T>
void FewRows(const Operand<T>& a, const Operand<T>& b, T alpha, int64_t m, int64_t j0, int64_t j1, int64_t k, T* c,
             int64_t ldc) {
  for (int64_t i = 0; i < m; ++i) {
    T* row = c + i * ldc;
    if (b.col_stride == 1) {
      for (int64_t p = 0; p < k; ++p) {
        const T scale = alpha * a.At(i, p);
        const T* src = b.data + p * b.row_stride;
        for (int64_t j = j0; j < j1; ++j) row[j] += scale * src[j];
      }
    } else if (b.row_stride == 1) {
      for (int64_t j = j0; j < j1; ++j) {
        const T* column = b.data + j * b.col_stride;
        T sum = T(0);
        for (int64_t p = 0; p < k; ++p) sum += a.At(i, p) * column[p];
        row[j] += alpha * sum;
      }
    } else {
      for (int64_t j = j0; j < j1; ++j) {
        T sum = T(0);
        for (int64_t p = 0; p < k; ++p) sum += a.At(i, p) * b.At(p, j);
        row[j] += alpha * sum;
      }
    }
  }
}

}  // namespace

template <typename T>
void Gemm(bool transpose_a, bool transpose_b, int64_t m, int64_t n, int64_t k, T alpha, const T* a, int64_t lda,
          const T* b, int64_t ldb, T beta, T* c, int64_t ldc, bool parallel) {
  for (int64_t i = 0; i < m; ++i) {
    T* row = c + i * ldc;
    if (beta == T(0)) {
      std::fill(row, row + n, T(0));
    } else if (beta != T(1)) {
      for (int64_t j = 0; j < n; ++j) row[j] *= beta;
    }
  }
  if (m <= 0 || n <= 0 || k <= 0 || alpha == T(0)) return;
  const Operand<T> op_a{a, transpose_a ? 1 : lda, transpose_a ? lda : 1};
  const Operand<T> op_b{b, transpose_b ? 1 : ldb, transpose_b ? ldb : 1};
  const bool parallel_worth = parallel && m * n * k >= (1 << 16);
  if (m <= kSmallRows) {
    // PERF: columns split across threads in chunks of at least 64.
    auto run = [&](int64_t begin, int64_t end) { FewRows(op_a, op_b, alpha, m, begin, end, k, c, ldc); };
    if (parallel_worth) {
      ParallelFor(n, 64, run);
    } else {
      run(0, n);
    }
    return;
  }
  const int64_t row_blocks = (m + kRows - 1) / kRows, col_blocks = (n + kColumns - 1) / kColumns;
  auto run = [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      const int64_t rb = t / col_blocks, cb = t % col_blocks;
      Block(op_a, op_b, alpha, rb * kRows, std::min(m, (rb + 1) * kRows), cb * kColumns,
            std::min(n, (cb + 1) * kColumns), k, c, ldc);
    }
  };
  if (parallel_worth) {
    ParallelFor(row_blocks * col_blocks, 1, run);
  } else {
    run(0, row_blocks * col_blocks);
  }
}

template void Gemm<float>(bool, bool, int64_t, int64_t, int64_t, float, const float*, int64_t, const float*, int64_t,
                          float, float*, int64_t, bool);
template void Gemm<double>(bool, bool, int64_t, int64_t, int64_t, double, const double*, int64_t, const double*,
                           int64_t, double, double*, int64_t, bool);

}  // namespace odla_ref
