// Blocked, multithreaded matrix multiplication shared by Gemm, BatchMatMul, Conv and DeConv.
#ifndef HALO_ODLA_REFERENCE_GEMM_H_
#define HALO_ODLA_REFERENCE_GEMM_H_

#include <cstdint>

namespace odla_ref {

// C[M,N] = alpha * op(A) * op(B) + beta * C on row-major matrices; op transposes when requested.
// lda/ldb/ldc are the row strides of the stored A, B and C. beta == 0 ignores C's previous contents.
template <typename T>
void Gemm(bool transpose_a, bool transpose_b, int64_t m, int64_t n, int64_t k, T alpha, const T* a, int64_t lda,
          const T* b, int64_t ldb, T beta, T* c, int64_t ldc, bool parallel = true);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_GEMM_H_
