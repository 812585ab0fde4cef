// Det and Inverse of square matrices or batches of them ([..., n, n]) (odla_ops_math.h).
#include <cmath>
#include <utility>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

int64_t MatrixOrder(odla_value input, const char* op) {
  const Dims& d = input->type.dims;
  if (d.size() < 2 || d[d.size() - 1] != d[d.size() - 2])
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": input must be [..., n, n], got " + odla_ref::DimsToString(d));
  return d.back();
}

// Gauss-Jordan elimination with partial pivoting on a (n x n) | b (n x m); returns the determinant of a.
double Eliminate(std::vector<double>& a, std::vector<double>& b, int64_t n, int64_t m) {
  double det = 1;
  for (int64_t col = 0; col < n; ++col) {
    int64_t pivot = col;
    for (int64_t r = col + 1; r < n; ++r)
      if (std::fabs(a[r * n + col]) > std::fabs(a[pivot * n + col])) pivot = r;
    if (a[pivot * n + col] == 0) return 0;
    if (pivot != col) {
      for (int64_t k = 0; k < n; ++k) std::swap(a[col * n + k], a[pivot * n + k]);
      for (int64_t k = 0; k < m; ++k) std::swap(b[col * m + k], b[pivot * m + k]);
      det = -det;
    }
    const double p = a[col * n + col];
    det *= p;
    for (int64_t k = 0; k < n; ++k) a[col * n + k] /= p;
    for (int64_t k = 0; k < m; ++k) b[col * m + k] /= p;
    for (int64_t r = 0; r < n; ++r) {
      if (r == col || a[r * n + col] == 0) continue;
      const double f = a[r * n + col];
      for (int64_t k = 0; k < n; ++k) a[r * n + k] -= f * a[col * n + k];
      for (int64_t k = 0; k < m; ++k) b[r * m + k] -= f * b[col * m + k];
    }
  }
  return det;
}

odla_value BuildLinalg(const char* op, bool inverse, odla_value input, const odla_value_shape& declared, odla_value_id id) {
  CheckInput(input, op, 0);
  const int64_t n = MatrixOrder(input, op);
  const int64_t batches = n == 0 ? 0 : input->type.Count() / (n * n);
  Dims out = input->type.dims;
  if (!inverse) out.resize(out.size() - 2);
  odla_ref::Kernel kernel;
  odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      T* y = static_cast<T*>(res[0]);
      for (int64_t t = 0; t < batches; ++t) {
        std::vector<double> a(x + t * n * n, x + (t + 1) * n * n), b(static_cast<size_t>(inverse ? n * n : 0), 0.0);
        for (int64_t i = 0; inverse && i < n; ++i) b[static_cast<size_t>(i * n + i)] = 1;
        const double det = Eliminate(a, b, n, inverse ? n : 0);
        if (!inverse) {
          y[t] = static_cast<T>(det);
          continue;
        }
        if (det == 0) Fail(ODLA_INVALID_PARAM, "odla_Inverse: the matrix is singular");
        for (int64_t i = 0; i < n * n; ++i) y[t * n * n + i] = static_cast<T>(b[static_cast<size_t>(i)]);
      }
    };
  });
  return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, declared, op)},
                            id, std::move(kernel));
}

}  // namespace

extern "C" {

odla_value odla_Det(odla_value input, odla_value_shape output_shape, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return BuildLinalg("odla_Det", false, input, output_shape, value_id); });
}

odla_value odla_Inverse(odla_value input, const odla_value_id value_id) {
  odla_value_shape undefined{};
  undefined.size = -1;
  return Guard<odla_value>(nullptr, [&] { return BuildLinalg("odla_Inverse", true, input, undefined, value_id); });
}

}  // extern "C"
