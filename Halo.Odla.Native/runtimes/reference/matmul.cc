// Gemm and BatchMatMul (odla_ops_math.h).
#include "broadcast.h"
#include "gemm.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

extern "C" {

odla_value odla_Gemm(odla_value A, odla_bool A_transpose, odla_value B, odla_bool B_transpose, odla_float32 alpha,
                     odla_float32 beta, odla_value C, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Gemm";
    CheckInput(A, op, 0);
    CheckInput(B, op, 1);
    const Dims& a = A->type.dims;
    const Dims& b = B->type.dims;
    if (a.size() != 2 || b.size() != 2)
      Fail(ODLA_INVALID_PARAM, "odla_Gemm: A and B must be matrices, got " + odla_ref::DimsToString(a) + " and " +
                                   odla_ref::DimsToString(b));
    if (A->type.element_type != B->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_Gemm: A and B types differ");
    const bool ta = A_transpose != 0, tb = B_transpose != 0;
    const int64_t m = ta ? a[1] : a[0], k = ta ? a[0] : a[1];
    const int64_t kb = tb ? b[1] : b[0], n = tb ? b[0] : b[1];
    if (k != kb)
      Fail(ODLA_INVALID_PARAM, "odla_Gemm: inner dimensions differ (" + std::to_string(k) + " and " + std::to_string(kb) + ")");
    const Dims out{m, n};
    std::vector<odla_value> inputs{A, B};
    Dims c_strides;
    const bool has_c = C != nullptr && beta != 0;
    if (has_c) {
      if (C->type.element_type != A->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_Gemm: C type differs");
      if (odla_ref::BroadcastDims(C->type.dims, out, op) != out)
        Fail(ODLA_INVALID_PARAM, "odla_Gemm: C of shape " + odla_ref::DimsToString(C->type.dims) +
                                     " does not broadcast to " + odla_ref::DimsToString(out));
      c_strides = odla_ref::BroadcastStrides(C->type.dims, out);
      inputs.push_back(C);
    }
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(A->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        T* y = static_cast<T*>(res[0]);
        if (has_c) {
          const T* c = static_cast<const T*>(in[2]);
          for (int64_t i = 0; i < m; ++i)
            for (int64_t j = 0; j < n; ++j) y[i * n + j] = c[i * c_strides[0] + j * c_strides[1]];
        }
        odla_ref::Gemm<T>(ta, tb, m, n, k, static_cast<T>(alpha), static_cast<const T*>(in[0]), a[1],
                          static_cast<const T*>(in[1]), b[1], has_c ? static_cast<T>(beta) : T(0), y, n);
      };
    });
    return odla_ref::AddNode1(op, inputs, TensorType{A->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, std::move(kernel));
  });
}

odla_value odla_BatchMatMul(odla_value A, odla_bool A_transpose, odla_value B, odla_bool B_transpose,
                            odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_BatchMatMul";
    CheckInput(A, op, 0);
    CheckInput(B, op, 1);
    if (A->type.element_type != B->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_BatchMatMul: A and B types differ");
    Dims a = A->type.dims, b = B->type.dims;
    if (a.empty() || b.empty()) Fail(ODLA_INVALID_PARAM, "odla_BatchMatMul: scalar operand");
    // ONNX (numpy matmul): a vector operand gains a unit dimension that is dropped from the result.
    const bool a_vector = a.size() == 1, b_vector = b.size() == 1;
    if (a_vector) a.insert(a.begin(), 1);
    if (b_vector) b.push_back(1);
    const bool ta = A_transpose != 0, tb = B_transpose != 0;
    const size_t ra = a.size(), rb = b.size();
    const int64_t m = ta ? a[ra - 1] : a[ra - 2], k = ta ? a[ra - 2] : a[ra - 1];
    const int64_t kb = tb ? b[rb - 1] : b[rb - 2], n = tb ? b[rb - 2] : b[rb - 1];
    if (k != kb) Fail(ODLA_INVALID_PARAM, "odla_BatchMatMul: inner dimensions differ for " + odla_ref::DimsToString(A->type.dims) +
                                              " and " + odla_ref::DimsToString(B->type.dims));
    Dims batch_a(a.begin(), a.end() - 2), batch_b(b.begin(), b.end() - 2);
    Dims batch = odla_ref::BroadcastDims(batch_a, batch_b, op);
    Dims sa = odla_ref::BroadcastStrides(batch_a, batch), sb = odla_ref::BroadcastStrides(batch_b, batch);
    int64_t batches = TensorType{ODLA_FLOAT32, batch}.Count();
    Dims out = batch;
    if (!a_vector) out.push_back(m);
    if (!b_vector) out.push_back(n);
    const int64_t lda = a[ra - 1], ldb = b[rb - 1];
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(A->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        const T* w = static_cast<const T*>(in[1]);
        T* y = static_cast<T*>(res[0]);
        odla_ref::ParallelFor(batches, batches > 1 ? 1 : 2, [&](int64_t begin, int64_t end) {
          for (int64_t t = begin; t < end; ++t) {
            int64_t oa = 0, ob = 0, rest = t;
            for (size_t d = batch.size(); d-- > 0;) {
              oa += (rest % batch[d]) * sa[d];
              ob += (rest % batch[d]) * sb[d];
              rest /= batch[d];
            }
            odla_ref::Gemm<T>(ta, tb, m, n, k, T(1), x + oa * m * k, lda, w + ob * k * n, ldb, T(0), y + t * m * n, n,
                              batches == 1);
          }
        });
      };
    });
    return odla_ref::AddNode1(op, {A, B}, TensorType{A->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, std::move(kernel));
  });
}

}  // extern "C"
