// float16 and bfloat16 in every kernel: a kernel built for float32 (dispatch.h asks for it) runs on float32 copies
// of its float16/bfloat16 operands and rounds its float16/bfloat16 results to nearest even on store, as ONNX and
// Halo's interpreter compute them.
#include <utility>

#include "elements.h"
#include "minifloat.h"

namespace odla_ref {
namespace {

// Set by a dispatch on float16/bfloat16 while an operator is being recorded; AddNode takes it.
thread_local bool t_promotion_requested = false;

struct HalfOperand {
  size_t index;
  odla_element_type type;
  int64_t count;
};

void Widen(const HalfOperand& operand, const void* source, std::vector<float>& target) {
  target.resize(static_cast<size_t>(operand.count));
  const auto* bits = static_cast<const uint16_t*>(source);
  const bool half = operand.type == ODLA_FLOAT16;
  for (int64_t i = 0; i < operand.count; ++i) target[i] = half ? HalfToFloat(bits[i]) : BFloat16ToFloat(bits[i]);
}

void Narrow(const HalfOperand& operand, const std::vector<float>& source, void* target) {
  auto* bits = static_cast<uint16_t*>(target);
  const bool half = operand.type == ODLA_FLOAT16;
  for (int64_t i = 0; i < operand.count; ++i) bits[i] = half ? FloatToHalf(source[i]) : FloatToBFloat16(source[i]);
}

}  // namespace

void RequestFloatPromotion() { t_promotion_requested = true; }

void ResetFloatPromotion() { t_promotion_requested = false; }

Kernel TakeFloatPromotion(Kernel kernel, const std::vector<odla_value>& inputs, const std::vector<TensorType>& outputs) {
  if (!t_promotion_requested) return kernel;
  t_promotion_requested = false;
  std::vector<HalfOperand> half_inputs, half_outputs;
  for (size_t i = 0; i < inputs.size(); ++i)
    if (IsHalfFloat(inputs[i]->type.element_type))
      half_inputs.push_back({i, inputs[i]->type.element_type, inputs[i]->type.Count()});
  for (size_t i = 0; i < outputs.size(); ++i)
    if (IsHalfFloat(outputs[i].element_type)) half_outputs.push_back({i, outputs[i].element_type, outputs[i].Count()});
  if (half_inputs.empty() && half_outputs.empty()) return kernel;
  return [half_inputs, half_outputs, kernel = std::move(kernel)](const std::vector<const void*>& in,
                                                                  const std::vector<void*>& out) {
    std::vector<std::vector<float>> wide_in(half_inputs.size()), wide_out(half_outputs.size());
    std::vector<const void*> in_f32 = in;
    std::vector<void*> out_f32 = out;
    for (size_t k = 0; k < half_inputs.size(); ++k) {
      Widen(half_inputs[k], in[half_inputs[k].index], wide_in[k]);
      in_f32[half_inputs[k].index] = wide_in[k].data();
    }
    for (size_t k = 0; k < half_outputs.size(); ++k) {
      wide_out[k].assign(static_cast<size_t>(half_outputs[k].count), 0.0f);
      out_f32[half_outputs[k].index] = wide_out[k].data();
    }
    kernel(in_f32, out_f32);
    for (size_t k = 0; k < half_outputs.size(); ++k) Narrow(half_outputs[k], wide_out[k], out[half_outputs[k].index]);
  };
}

}  // namespace odla_ref
