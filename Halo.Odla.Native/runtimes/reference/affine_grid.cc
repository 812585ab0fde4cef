// AffineGrid (Halo extension, odla_ops_halo.h): the grid GridSample reads for an affine transform.
#include <ODLA/odla_ops_halo.h>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace {

// ONNX: normalized pixel centers in [-1, 1]; without align_corners they sit half a pixel inside.
double BaseCoordinate(int64_t i, int64_t length, bool align_corners) {
  if (length == 1) return align_corners ? -1.0 : 0.0;
  const double l = static_cast<double>(length), x = static_cast<double>(i);
  return align_corners ? -1.0 + 2.0 * x / (l - 1) : (2.0 * x + 1) / l - 1.0;
}

}  // namespace

extern "C" {

odla_value odla_HaloAffineGrid(odla_value theta, odla_bool align_corners, odla_value_shape output_dims,
                               const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloAffineGrid";
    CheckInput(theta, op, 0);
    if (!odla_ref::IsDefined(output_dims)) Fail(ODLA_INVALID_PARAM, "odla_HaloAffineGrid: output_dims is required");
    const Dims out = odla_ref::DimsFromShape(output_dims), t = theta->type.dims;
    const size_t k = out.size() - 2;
    if ((k != 2 && k != 3) || out.back() != static_cast<int64_t>(k) || t.size() != 3 || t[0] != out[0] ||
        t[1] != static_cast<int64_t>(k) || t[2] != static_cast<int64_t>(k + 1))
      Fail(ODLA_INVALID_PARAM, "odla_HaloAffineGrid: expected theta [N, 2, 3] with [N, H, W, 2] or [N, 3, 4] with [N, D, H, W, 3]");
    const Dims spatial(out.begin() + 1, out.end() - 1);
    const int64_t batch = out[0], points = TensorType{ODLA_FLOAT32, spatial}.Count();
    const bool aligned = align_corners != 0;
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(theta->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* m = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        std::vector<double> base(k + 1, 1.0);
        for (int64_t n = 0; n < batch; ++n)
          for (int64_t p = 0; p < points; ++p) {
            // base = (x, y[, z], 1): x runs along the innermost dimension.
            for (size_t d = 0, rest = static_cast<size_t>(p); d < k; ++d) {
              const size_t axis = k - 1 - d;
              base[d] = BaseCoordinate(static_cast<int64_t>(rest % static_cast<size_t>(spatial[axis])), spatial[axis], aligned);
              rest /= static_cast<size_t>(spatial[axis]);
            }
            for (size_t r = 0; r < k; ++r) {
              double sum = 0;
              for (size_t c = 0; c <= k; ++c) sum += static_cast<double>(m[(static_cast<size_t>(n) * k + r) * (k + 1) + c]) * base[c];
              y[(n * points + p) * static_cast<int64_t>(k) + static_cast<int64_t>(r)] = static_cast<T>(sum);
            }
          }
      };
    });
    return odla_ref::AddNode1(op, {theta}, TensorType{theta->type.element_type, out}, value_id, std::move(kernel));
  });
}

}  // extern "C"
