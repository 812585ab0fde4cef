// BitwiseAnd, BitwiseOr, BitwiseXor and BitwiseNot on integers (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include "broadcast.h"

using odla_ref::BinaryFamily;

extern "C" {

odla_value odla_HaloBitwiseAnd(odla_value lhs, odla_value rhs, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    return odla_ref::Binary<BinaryFamily::Integer>("odla_HaloBitwiseAnd", lhs, rhs, value_id,
                                                   [](auto a, auto b) { return static_cast<decltype(a)>(a & b); });
  });
}

odla_value odla_HaloBitwiseOr(odla_value lhs, odla_value rhs, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    return odla_ref::Binary<BinaryFamily::Integer>("odla_HaloBitwiseOr", lhs, rhs, value_id,
                                                   [](auto a, auto b) { return static_cast<decltype(a)>(a | b); });
  });
}

odla_value odla_HaloBitwiseXor(odla_value lhs, odla_value rhs, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    return odla_ref::Binary<BinaryFamily::Integer>("odla_HaloBitwiseXor", lhs, rhs, value_id,
                                                   [](auto a, auto b) { return static_cast<decltype(a)>(a ^ b); });
  });
}

odla_value odla_HaloBitwiseNot(odla_value input, const odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloBitwiseNot";
    odla_ref::CheckInput(input, op, 0);
    const int64_t count = input->type.Count();
    odla_ref::Kernel kernel;
    odla_ref::DispatchInteger(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [count](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        for (int64_t i = 0; i < count; ++i) y[i] = static_cast<T>(~x[i]);
      };
    });
    return odla_ref::AddNode1(op, {input}, input->type, value_id, std::move(kernel));
  });
}

}  // extern "C"
