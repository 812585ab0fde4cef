// Numpy-style broadcasting (ONNX multidirectional broadcasting) and the builders for elementwise nodes.
#ifndef HALO_ODLA_REFERENCE_BROADCAST_H_
#define HALO_ODLA_REFERENCE_BROADCAST_H_

#include <algorithm>
#include <string>
#include <type_traits>

#include "dispatch.h"
#include "parallel.h"
#include "runtime.h"

namespace odla_ref {

Dims BroadcastDims(const Dims& a, const Dims& b, const char* op);
// Strides of `in` aligned to the rank of `out`, zero along broadcast dimensions.
Dims BroadcastStrides(const Dims& in, const Dims& out);

// Calls f(output_index, index_a, index_b) for every output element.
template <typename F>
void ForEachBroadcast(const Dims& out, const Dims& sa, const Dims& sb, F&& f) {
  const size_t rank = out.size();
  int64_t total = 1;
  for (int64_t d : out) total *= d;
  if (total == 0) return;
  if (rank == 0) {
    f(0, 0, 0);
    return;
  }
  const int64_t inner = out[rank - 1], step_a = sa[rank - 1], step_b = sb[rank - 1];
  Dims counter(rank, 0);
  int64_t base_a = 0, base_b = 0;
  for (int64_t o = 0; o < total; o += inner) {
    for (int64_t j = 0; j < inner; ++j) f(o + j, base_a + j * step_a, base_b + j * step_b);
    for (size_t d = rank - 1; d-- > 0;) {
      base_a += sa[d];
      base_b += sb[d];
      if (++counter[d] < out[d]) break;
      base_a -= sa[d] * out[d];
      base_b -= sb[d] * out[d];
      counter[d] = 0;
    }
  }
}

enum class BinaryFamily { Arithmetic, FloatArithmetic, Integer, Compare, Logic };

// Builds an elementwise binary node; fn(T, T) returns T (arithmetic) or bool (compare, logic).
template <BinaryFamily family, typename Fn>
odla_value Binary(const char* op, odla_value a, odla_value b, odla_value_id id, Fn fn) {
  CheckInput(a, op, 0);
  CheckInput(b, op, 1);
  if (a->type.element_type != b->type.element_type)
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": operand types differ (" + TypeName(a->type.element_type) + " and " +
                                 TypeName(b->type.element_type) + ")");
  const odla_element_type type = a->type.element_type;
  const Dims out = BroadcastDims(a->type.dims, b->type.dims, op);
  const Dims sa = BroadcastStrides(a->type.dims, out), sb = BroadcastStrides(b->type.dims, out);
  const bool to_bool = family == BinaryFamily::Compare || family == BinaryFamily::Logic;
  TensorType out_type{to_bool ? ODLA_BOOL : type, out};
  Kernel kernel;
  auto build = [&](auto tag) {
    using T = decltype(tag);
    using R = std::conditional_t<std::is_same_v<decltype(fn(T{}, T{})), bool>, uint8_t, T>;
    kernel = [out, sa, sb, fn](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      const T* y = static_cast<const T*>(in[1]);
      R* z = static_cast<R*>(res[0]);
      ForEachBroadcast(out, sa, sb, [&](int64_t o, int64_t i, int64_t j) { z[o] = static_cast<R>(fn(x[i], y[j])); });
    };
  };
  if constexpr (family == BinaryFamily::FloatArithmetic) {
    DispatchFloat(type, op, build);
  } else if constexpr (family == BinaryFamily::Logic) {
    if (type != ODLA_BOOL) UnsupportedType(type, op);
    build(uint8_t{});
  } else if constexpr (family == BinaryFamily::Compare) {
    DispatchAll(type, op, build);
  } else if constexpr (family == BinaryFamily::Integer) {
    DispatchInteger(type, op, build);
  } else {
    DispatchNumeric(type, op, build);
  }
  return AddNode1(op, {a, b}, out_type, id, std::move(kernel));
}

enum class UnaryFamily { Float, Numeric, SignedNumeric };

// Builds an elementwise unary node; fn(T) returns T.
template <UnaryFamily family, typename Fn>
odla_value Unary(const char* op, odla_value x, odla_value_id id, Fn fn) {
  CheckInput(x, op, 0);
  const odla_element_type type = x->type.element_type;
  const int64_t count = x->type.Count();
  Kernel kernel;
  auto build = [&](auto tag) {
    using T = decltype(tag);
    kernel = [count, fn](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* a = static_cast<const T*>(in[0]);
      T* b = static_cast<T*>(res[0]);
      ParallelFor(count, 1 << 15, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) b[i] = static_cast<T>(fn(a[i]));
      });
    };
  };
  if constexpr (family == UnaryFamily::Float) {
    DispatchFloat(type, op, build);
  } else {
    bool is_unsigned = type == ODLA_UINT8 || type == ODLA_UINT16 || type == ODLA_UINT32 || type == ODLA_UINT64;
    if (family == UnaryFamily::SignedNumeric && is_unsigned) UnsupportedType(type, op);
    DispatchNumeric(type, op, build);
  }
  return AddNode1(op, {x}, x->type, id, std::move(kernel));
}

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_BROADCAST_H_
