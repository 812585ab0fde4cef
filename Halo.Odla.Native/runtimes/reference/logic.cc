// Comparisons, logic, predicates, Select and Shift (odla_ops_math.h).
#include <cmath>

#include "broadcast.h"

using odla_ref::Binary;
using odla_ref::BinaryFamily;
using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// Builds a node mapping each element of a float (or bool, for Not) tensor to a bool.
template <typename Fn>
odla_value Predicate(const char* op, odla_value x, odla_value_id id, bool bool_input, Fn fn) {
  CheckInput(x, op, 0);
  const int64_t count = x->type.Count();
  odla_ref::Kernel kernel;
  auto build = [&](auto tag) {
    using T = decltype(tag);
    kernel = [count, fn](const std::vector<const void*>& in, const std::vector<void*>& out) {
      const T* a = static_cast<const T*>(in[0]);
      uint8_t* b = static_cast<uint8_t*>(out[0]);
      for (int64_t i = 0; i < count; ++i) b[i] = fn(a[i]) ? 1 : 0;
    };
  };
  if (bool_input) {
    if (x->type.element_type != ODLA_BOOL) odla_ref::UnsupportedType(x->type.element_type, op);
    build(uint8_t{});
  } else {
    odla_ref::DispatchFloat(x->type.element_type, op, build);
  }
  return odla_ref::AddNode1(op, {x}, TensorType{ODLA_BOOL, x->type.dims}, id, std::move(kernel));
}

// Offset of output element `o` in an operand with broadcast strides `strides`.
int64_t Offset(int64_t o, const Dims& out, const Dims& strides) {
  int64_t offset = 0;
  for (size_t d = out.size(); d-- > 0;) {
    offset += (o % out[d]) * strides[d];
    o /= out[d];
  }
  return offset;
}

}  // namespace

#define ODLA_REF_COMPARE(NAME, FAMILY, EXPR)                                                          \
  odla_value odla_##NAME(odla_value lhs, odla_value rhs, const odla_value_id value_id) {              \
    return Guard<odla_value>(nullptr, [&] {                                                           \
      return Binary<BinaryFamily::FAMILY>("odla_" #NAME, lhs, rhs, value_id,                          \
                                          [](auto a, auto b) { return static_cast<bool>(EXPR); });    \
    });                                                                                               \
  }

extern "C" {

ODLA_REF_COMPARE(Equal, Compare, a == b)
ODLA_REF_COMPARE(NotEqual, Compare, a != b)
ODLA_REF_COMPARE(Less, Compare, a < b)
ODLA_REF_COMPARE(LessOrEqual, Compare, a <= b)
ODLA_REF_COMPARE(Greater, Compare, a > b)
ODLA_REF_COMPARE(GreaterOrEqual, Compare, a >= b)
ODLA_REF_COMPARE(And, Logic, a && b)
ODLA_REF_COMPARE(Or, Logic, a || b)
ODLA_REF_COMPARE(Xor, Logic, (a != 0) != (b != 0))

odla_value odla_Not(odla_value input, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return Predicate("odla_Not", input, value_id, true, [](auto x) { return x == 0; }); });
}

odla_value odla_IsNaN(odla_value input, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr,
                           [&] { return Predicate("odla_IsNaN", input, value_id, false, [](auto x) { return std::isnan(x); }); });
}

odla_value odla_IsInf(odla_value input, odla_bool detect_pos, odla_bool detect_neg, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    bool pos = detect_pos != 0, neg = detect_neg != 0;
    return Predicate("odla_IsInf", input, value_id, false,
                     [pos, neg](auto x) { return std::isinf(x) && ((x > 0 && pos) || (x < 0 && neg)); });
  });
}

odla_value odla_Shift(odla_value input, odla_value shift_amount, odla_bool is_left_shift,
                      const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    CheckInput(input, "odla_Shift", 0);
    odla_element_type type = input->type.element_type;
    if (type != ODLA_UINT8 && type != ODLA_UINT16 && type != ODLA_UINT32 && type != ODLA_UINT64)
      odla_ref::UnsupportedType(type, "odla_Shift");
    bool left = is_left_shift != 0;
    return Binary<BinaryFamily::Integer>("odla_Shift", input, shift_amount, value_id, [left](auto a, auto b) {
      using T = decltype(a);
      if (static_cast<uint64_t>(b) >= sizeof(T) * 8) return T(0);
      return static_cast<T>(left ? a << b : a >> b);
    });
  });
}

odla_value odla_Select(odla_value condition, odla_value a, odla_value b, odla_value_shape output_dims,
                       const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Select";
    CheckInput(condition, op, 0);
    CheckInput(a, op, 1);
    CheckInput(b, op, 2);
    if (condition->type.element_type != ODLA_BOOL) odla_ref::UnsupportedType(condition->type.element_type, op);
    if (a->type.element_type != b->type.element_type) Fail(ODLA_INVALID_PARAM, "odla_Select: operand types differ");
    Dims out = odla_ref::BroadcastDims(odla_ref::BroadcastDims(condition->type.dims, a->type.dims, op), b->type.dims, op);
    const Dims declared = odla_ref::ResolveOutputDims(out, output_dims, op);
    Dims sc = odla_ref::BroadcastStrides(condition->type.dims, out), sa = odla_ref::BroadcastStrides(a->type.dims, out),
         sb = odla_ref::BroadcastStrides(b->type.dims, out);
    const int64_t count = TensorType{ODLA_BOOL, out}.Count();
    size_t element = odla_ref::ElementSize(a->type.element_type);
    return odla_ref::AddNode1(op, {condition, a, b}, TensorType{a->type.element_type, declared}, value_id,
                              [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const uint8_t* c = static_cast<const uint8_t*>(in[0]);
                                const char* x = static_cast<const char*>(in[1]);
                                const char* y = static_cast<const char*>(in[2]);
                                char* z = static_cast<char*>(res[0]);
                                for (int64_t o = 0; o < count; ++o) {
                                  const char* src = c[Offset(o, out, sc)] ? x + Offset(o, out, sa) * element
                                                                          : y + Offset(o, out, sb) * element;
                                  std::copy(src, src + element, z + o * element);
                                }
                              });
  });
}

}  // extern "C"
