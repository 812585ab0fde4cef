// NegativeLogLikeliHoodLoss (odla_ops_nn.h), with ONNX NegativeLogLikelihoodLoss semantics.
#include <limits>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// input [N, C, d1..dk] seen as N x C x S; gt [N, d1..dk] seen as N x S.
struct LossView {
  int64_t n = 1, c = 1, s = 1;
};

LossView ViewOf(const Dims& input, const Dims& gt, const char* op) {
  if (input.size() < 2) Fail(ODLA_INVALID_PARAM, std::string(op) + ": input needs a batch and a class axis");
  Dims expected{input[0]};
  expected.insert(expected.end(), input.begin() + 2, input.end());
  if (gt != expected)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": ground truth shape " + odla_ref::DimsToString(gt) +
                                 " does not match input shape " + odla_ref::DimsToString(input) + " without its class axis");
  LossView v;
  v.n = input[0];
  v.c = input[1];
  for (size_t d = 2; d < input.size(); ++d) v.s *= input[d];
  return v;
}

}  // namespace

extern "C" {

// ONNX: loss[n][s] = -input[n][gt[n][s]][s] * weight[gt[n][s]] (weight 1 when absent), 0 where gt equals `ignored`;
// ODLA_REDUCE_SUM sums it, ODLA_REDUCE_MEAN divides the sum by the summed weights of the targets not ignored.
// A target outside [0, C) that is not `ignored` contributes nothing (the lowering passes INT32_MIN for "no ignore_index").
odla_value odla_NegativeLogLikeliHoodLoss(odla_value input, odla_value gt, odla_int32 ignored,
                                          odla_reduction_mode reduction, odla_value weight,
                                          odla_value_shape output_shape, odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_NegativeLogLikeliHoodLoss";
    CheckInput(input, op, 0);
    CheckInput(gt, op, 1);
    odla_ref::RequireIndexType(gt->type.element_type, op);
    const LossView v = ViewOf(input->type.dims, gt->type.dims, op);
    std::vector<odla_value> inputs{input, gt};
    if (weight != nullptr) {
      if (weight->type.element_type != input->type.element_type || weight->type.Count() != v.c)
        Fail(ODLA_INVALID_PARAM, std::string(op) + ": weight must hold one value per class, of the input's type");
      inputs.push_back(weight);
    }
    if (reduction != ODLA_REDUCE_NONE && reduction != ODLA_REDUCE_MEAN && reduction != ODLA_REDUCE_SUM)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": unknown reduction mode");
    const Dims inferred = reduction == ODLA_REDUCE_NONE ? gt->type.dims : Dims{};
    const TensorType out{input->type.element_type, odla_ref::ResolveOutputDims(inferred, output_shape, op)};
    const odla_element_type index_type = gt->type.element_type;
    const bool has_weight = weight != nullptr;
    odla_ref::Kernel kernel;
    odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        const T* w = has_weight ? static_cast<const T*>(in[2]) : nullptr;
        T* y = static_cast<T*>(res[0]);
        double sum = 0, weights = 0;
        for (int64_t b = 0; b < v.n; ++b) {
          for (int64_t i = 0; i < v.s; ++i) {
            const int64_t t = odla_ref::ReadIndex(in[1], index_type, b * v.s + i);
            double loss = 0;
            if (t != ignored && t >= 0 && t < v.c) {
              const double scale = has_weight ? static_cast<double>(w[t]) : 1.0;
              loss = -static_cast<double>(x[(b * v.c + t) * v.s + i]) * scale;
              weights += scale;
            }
            if (reduction == ODLA_REDUCE_NONE) {
              y[b * v.s + i] = static_cast<T>(loss);
            }
            sum += loss;
          }
        }
        if (reduction == ODLA_REDUCE_SUM) y[0] = static_cast<T>(sum);
        // ONNX: the mean over no counted target is 0 / 0 (NaN), as in the specification's reference.
        if (reduction == ODLA_REDUCE_MEAN)
          y[0] = static_cast<T>(weights == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / weights);
      };
    });
    return odla_ref::AddNode1(op, std::move(inputs), out, value_id, std::move(kernel));
  });
}

}  // extern "C"
