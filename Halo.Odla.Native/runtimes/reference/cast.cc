// Cast between element types (odla_ops_process.h), and Halo's odla_HaloCast with ONNX's saturate attribute
// (odla_halo_types.h): float16, bfloat16, float8, 4-bit integers and float4 convert through double.
#include <cstring>

#include "dispatch.h"
#include "elements.h"

using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// Types the kernels address directly (not float16/bfloat16, not Halo's extension types).
bool IsPlain(odla_element_type type) { return !odla_ref::IsHalfFloat(type) && !odla_ref::IsHaloType(type); }

odla_ref::Kernel PlainKernel(odla_element_type source, odla_element_type target, int64_t count, const char* op) {
  odla_ref::Kernel kernel;
  const bool to_bool = target == ODLA_BOOL;
  odla_ref::DispatchAll(target, op, [&](auto to_tag) {
    using To = decltype(to_tag);
    odla_ref::DispatchAll(source, op, [&](auto from_tag) {
      using From = decltype(from_tag);
      kernel = [count, to_bool](const std::vector<const void*>& in, const std::vector<void*>& out) {
        const From* a = static_cast<const From*>(in[0]);
        To* b = static_cast<To*>(out[0]);
        for (int64_t i = 0; i < count; ++i) b[i] = to_bool ? static_cast<To>(a[i] != 0) : static_cast<To>(a[i]);
      };
    });
  });
  return kernel;
}

odla_value AddCast(odla_value input, odla_element_type target, bool saturate, odla_value_id value_id, const char* op) {
  odla_ref::CheckInput(input, op, 0);
  const odla_element_type source = input->type.element_type;
  const TensorType out_type{target, input->type.dims};
  const int64_t count = input->type.Count();
  odla_ref::ElementBits(target);  // fails for an unknown target type
  odla_ref::Kernel kernel;
  if (source == target) {
    const size_t bytes = out_type.Bytes();
    kernel = [bytes](const std::vector<const void*>& in, const std::vector<void*>& out) {
      if (bytes > 0) std::memcpy(out[0], in[0], bytes);
    };
  } else if (IsPlain(source) && IsPlain(target)) {
    // Integers convert directly (int64 values beyond 2^53 stay exact).
    kernel = PlainKernel(source, target, count, op);
  } else {
    kernel = [source, target, count, saturate](const std::vector<const void*>& in, const std::vector<void*>& out) {
      odla_ref::PrepareOutput(target, out[0], count);
      for (int64_t i = 0; i < count; ++i)
        odla_ref::StoreElement(target, out[0], i, odla_ref::LoadElement(source, in[0], i), saturate);
    };
  }
  return odla_ref::AddNode1(op, {input}, out_type, value_id, std::move(kernel));
}

}  // namespace

extern "C" {

odla_value odla_Cast(odla_value input, odla_element_type target_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return AddCast(input, target_type, true, value_id, "odla_Cast"); });
}

odla_value odla_HaloCast(odla_value input, odla_element_type target_type, odla_bool saturate,
                         const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return AddCast(input, target_type, saturate != 0, value_id, "odla_HaloCast"); });
}

}  // extern "C"
