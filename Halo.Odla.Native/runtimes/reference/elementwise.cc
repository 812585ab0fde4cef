// Elementwise arithmetic, math functions and activations (odla_ops_math.h, odla_ops_nn.h).
#include <cmath>
#include <type_traits>

#include "broadcast.h"

using odla_ref::Binary;
using odla_ref::BinaryFamily;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::Unary;
using odla_ref::UnaryFamily;

namespace {

// ONNX Pow allows an exponent type other than the base type (e.g. float32 ^ int64); computes in double and casts
// to the base type, like the ONNX reference (numpy power then astype).
odla_value MixedPow(odla_value base, odla_value exponent, odla_value_id id) {
  const char* op = "odla_Pow";
  const odla_ref::Dims out = odla_ref::BroadcastDims(base->type.dims, exponent->type.dims, op);
  const odla_ref::Dims sa = odla_ref::BroadcastStrides(base->type.dims, out);
  const odla_ref::Dims sb = odla_ref::BroadcastStrides(exponent->type.dims, out);
  odla_ref::Kernel kernel;
  odla_ref::DispatchNumeric(base->type.element_type, op, [&](auto base_tag) {
    using T = decltype(base_tag);
    odla_ref::DispatchNumeric(exponent->type.element_type, op, [&](auto exponent_tag) {
      using E = decltype(exponent_tag);
      kernel = [out, sa, sb](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        const E* y = static_cast<const E*>(in[1]);
        T* z = static_cast<T*>(res[0]);
        odla_ref::ForEachBroadcast(out, sa, sb, [&](int64_t o, int64_t i, int64_t j) {
          z[o] = static_cast<T>(std::pow(static_cast<double>(x[i]), static_cast<double>(y[j])));
        });
      };
    });
  });
  return odla_ref::AddNode1(op, {base, exponent}, odla_ref::TensorType{base->type.element_type, out}, id, std::move(kernel));
}

template <typename T>
T CheckedDivide(T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    if (b == 0) Fail(ODLA_INVALID_PARAM, "integer division by zero");
  }
  return a / b;
}

template <typename T>
bool IsNegative(T x) {
  if constexpr (std::is_unsigned_v<T>) {
    return false;
  } else {
    return x < 0;
  }
}

template <typename T>
T Modulo(T a, T b, bool fmod) {
  if constexpr (std::is_integral_v<T>) {
    if (b == 0) Fail(ODLA_INVALID_PARAM, "integer modulo by zero");
    T r = a % b;
    // ONNX: with fmod = 0 the result takes the sign of the divisor.
    if (!fmod && r != 0 && (IsNegative(r) != IsNegative(b))) r += b;
    return r;
  } else {
    T r = std::fmod(a, b);
    if (!fmod && r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
  }
}

}  // namespace

#define ODLA_REF_BINARY(NAME, FAMILY, EXPR)                                                            \
  odla_value odla_##NAME(odla_value lhs, odla_value rhs, const odla_value_id value_id) {               \
    return Guard<odla_value>(nullptr, [&] {                                                            \
      return Binary<BinaryFamily::FAMILY>("odla_" #NAME, lhs, rhs, value_id, [](auto a, auto b) { return EXPR; }); \
    });                                                                                                \
  }

#define ODLA_REF_UNARY(NAME, FAMILY, EXPR)                                                                 \
  odla_value odla_##NAME(odla_value input, const odla_value_id value_id) {                                 \
    return Guard<odla_value>(nullptr,                                                                      \
                             [&] { return Unary<UnaryFamily::FAMILY>("odla_" #NAME, input, value_id, [](auto x) { return EXPR; }); }); \
  }

#define ODLA_REF_UNARY_X(NAME, FAMILY, EXPR)                                                               \
  odla_value odla_##NAME(odla_value x, const odla_value_id value_id) {                                     \
    return Guard<odla_value>(nullptr,                                                                      \
                             [&] { return Unary<UnaryFamily::FAMILY>("odla_" #NAME, x, value_id, [](auto x) { return EXPR; }); }); \
  }

extern "C" {

ODLA_REF_BINARY(Add, Arithmetic, a + b)
ODLA_REF_BINARY(Sub, Arithmetic, a - b)
ODLA_REF_BINARY(Mul, Arithmetic, a * b)
ODLA_REF_BINARY(Div, Arithmetic, CheckedDivide(a, b))
ODLA_REF_BINARY(Max, Arithmetic, a > b ? a : b)
ODLA_REF_BINARY(Min, Arithmetic, a < b ? a : b)
ODLA_REF_BINARY(SquaredDifference, Arithmetic, (a - b) * (a - b))

ODLA_REF_UNARY(Abs, Numeric, IsNegative(x) ? -x : x)
ODLA_REF_UNARY(Neg, SignedNumeric, -x)
ODLA_REF_UNARY(Sign, Numeric, x > 0 ? 1 : (IsNegative(x) ? -1 : 0))
ODLA_REF_UNARY(Relu, Numeric, x > 0 ? x : 0)
ODLA_REF_UNARY(Ceil, Float, std::ceil(x))
ODLA_REF_UNARY(Floor, Float, std::floor(x))
ODLA_REF_UNARY(Round, Float, std::nearbyint(x))
ODLA_REF_UNARY(Erf, Float, std::erf(x))
ODLA_REF_UNARY(Exp, Float, std::exp(x))
ODLA_REF_UNARY(Log, Float, std::log(x))
ODLA_REF_UNARY(Sqrt, Float, std::sqrt(x))
ODLA_REF_UNARY(Rsqrt, Float, 1 / std::sqrt(x))
ODLA_REF_UNARY(Reciprocal, Float, 1 / x)
ODLA_REF_UNARY(Sigmoid, Float, 1 / (1 + std::exp(-x)))
ODLA_REF_UNARY(Softplus, Float, x > 20 ? x : std::log1p(std::exp(x)))
ODLA_REF_UNARY(Softsign, Float, x / (1 + std::abs(x)))
ODLA_REF_UNARY_X(ACos, Float, std::acos(x))
ODLA_REF_UNARY_X(ACosh, Float, std::acosh(x))
ODLA_REF_UNARY_X(ASin, Float, std::asin(x))
ODLA_REF_UNARY_X(ASinh, Float, std::asinh(x))
ODLA_REF_UNARY_X(ATan, Float, std::atan(x))
ODLA_REF_UNARY_X(ATanh, Float, std::atanh(x))
ODLA_REF_UNARY_X(Sin, Float, std::sin(x))
ODLA_REF_UNARY_X(Sinh, Float, std::sinh(x))
ODLA_REF_UNARY_X(Cos, Float, std::cos(x))
ODLA_REF_UNARY_X(Cosh, Float, std::cosh(x))
ODLA_REF_UNARY_X(Tan, Float, std::tan(x))
ODLA_REF_UNARY_X(Tanh, Float, std::tanh(x))

odla_value odla_Pow(odla_value base, odla_value exponent, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    odla_ref::CheckInput(base, "odla_Pow", 0);
    odla_ref::CheckInput(exponent, "odla_Pow", 1);
    if (base->type.element_type != exponent->type.element_type) return MixedPow(base, exponent, value_id);
    return Binary<BinaryFamily::Arithmetic>("odla_Pow", base, exponent, value_id, [](auto a, auto b) {
      // PERF: x^2 (LayerNorm's variance as exporters decompose it) is a product, exactly as pow rounds it.
      if constexpr (std::is_floating_point_v<decltype(a)>)
        if (b == 2) return static_cast<decltype(a)>(a * a);
      return static_cast<decltype(a)>(std::pow(static_cast<double>(a), static_cast<double>(b)));
    });
  });
}

odla_value odla_Mod(odla_value lhs, odla_value rhs, odla_int64 fmod, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    bool use_fmod = fmod != 0;
    return Binary<BinaryFamily::Arithmetic>("odla_Mod", lhs, rhs, value_id,
                  [use_fmod](auto a, auto b) { return Modulo(a, b, use_fmod); });
  });
}

odla_value odla_PRelu(odla_value input, odla_value slope, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Binary<BinaryFamily::Arithmetic>("odla_PRelu", input, slope, value_id,
                  [](auto x, auto s) { return IsNegative(x) ? static_cast<decltype(x)>(s * x) : x; });
  });
}

odla_value odla_Mean(odla_values inputs, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    if (inputs.size == 0 || inputs.size > ODLA_MAX_OUTPUTS) Fail(ODLA_INVALID_PARAM, "odla_Mean: no inputs");
    odla_value sum = odla_ref::CheckInput(inputs.values[0], "odla_Mean", 0);
    for (size_t i = 1; i < inputs.size; ++i)
      sum = Binary<BinaryFamily::FloatArithmetic>("odla_Mean", sum, inputs.values[i], nullptr,
                                                 [](auto a, auto b) { return a + b; });
    const double scale = 1.0 / static_cast<double>(inputs.size);
    return Unary<UnaryFamily::Float>("odla_Mean", sum, value_id,
                 [scale](auto x) { return static_cast<decltype(x)>(x * scale); });
  });
}

odla_value odla_Clamp(odla_value input, odla_float32 lo, odla_float32 hi, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Numeric>("odla_Clamp", input, value_id, [lo, hi](auto x) {
      using T = decltype(x);
      // ONNX: min(max(x, lo), hi), so hi wins when lo > hi; NaN stays NaN.
      // PERF: floating types compare in their own type, which vectorizes.
      if constexpr (std::is_floating_point_v<T>) return std::min(std::max(x, static_cast<T>(lo)), static_cast<T>(hi));
      // Integers compare in double: casting an infinite or out-of-range bound to an integer type is undefined.
      const double v = static_cast<double>(x);
      const double r = std::min(std::max(v, static_cast<double>(lo)), static_cast<double>(hi));
      return r == v ? x : static_cast<T>(r);
    });
  });
}

odla_value odla_Elu(odla_value input, odla_float32 alpha, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_Elu", input, value_id,
                 [alpha](auto x) { return x >= 0 ? x : static_cast<decltype(x)>(alpha * (std::exp(x) - 1)); });
  });
}

odla_value odla_Celu(odla_value input, odla_float32 alpha, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_Celu", input, value_id,
                 [alpha](auto x) { return x >= 0 ? x : static_cast<decltype(x)>(alpha * (std::exp(x / alpha) - 1)); });
  });
}

odla_value odla_Selu(odla_value input, odla_float32 alpha, odla_float32 gamma, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_Selu", input, value_id, [alpha, gamma](auto x) {
      return static_cast<decltype(x)>(x > 0 ? gamma * x : gamma * (alpha * std::exp(x) - alpha));
    });
  });
}

odla_value odla_LeakyRelu(odla_value input, odla_float32 alpha, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_LeakyRelu", input, value_id,
                 [alpha](auto x) { return x >= 0 ? x : static_cast<decltype(x)>(alpha * x); });
  });
}

odla_value odla_ThresholdedRelu(odla_value input, odla_float32 alpha, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_ThresholdedRelu", input, value_id,
                 [alpha](auto x) { return x > alpha ? x : 0; });
  });
}

odla_value odla_HardSigmoid(odla_value input, odla_float32 alpha, odla_float32 beta, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_HardSigmoid", input, value_id, [alpha, beta](auto x) {
      using T = decltype(x);
      T y = static_cast<T>(alpha * x + beta);
      return y < 0 ? T(0) : (y > 1 ? T(1) : y);
    });
  });
}

odla_value odla_Shrink(odla_value input, odla_float32 bias, odla_float32 lambd, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return Unary<UnaryFamily::Float>("odla_Shrink", input, value_id, [bias, lambd](auto x) {
      using T = decltype(x);
      return x < -lambd ? static_cast<T>(x + bias) : (x > lambd ? static_cast<T>(x - bias) : T(0));
    });
  });
}

odla_value odla_Gelu(odla_value input, odla_bool use_approx, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    bool approx = use_approx != 0;
    return Unary<UnaryFamily::Float>("odla_Gelu", input, value_id, [approx](auto x) {
      using T = decltype(x);
      if (approx) return static_cast<T>(0.5 * x * (1 + std::tanh(0.7978845608028654 * (x + 0.044715 * x * x * x))));
      return static_cast<T>(0.5 * x * (1 + std::erf(x * 0.7071067811865476)));
    });
  });
}

}  // extern "C"
