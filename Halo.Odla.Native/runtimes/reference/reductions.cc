// Reductions, ArgMax/ArgMin, Softmax/LogSoftmax/Hardmax and CumSum (odla_ops_math.h, odla_ops_nn.h).
#include <algorithm>
#include <cmath>
#include <limits>

#include "dispatch.h"
#include "parallel.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

enum class Reduce { Sum, Mean, Max, Min, Prod, L1, L2, LogSum, LogSumExp, SumSquare };

// Splits dims around one axis: outer x axis x inner.
void AxisExtents(const Dims& dims, int64_t axis, int64_t& outer, int64_t& extent, int64_t& inner) {
  outer = inner = 1;
  for (int64_t d = 0; d < axis; ++d) outer *= dims[d];
  extent = dims[axis];
  for (size_t d = static_cast<size_t>(axis) + 1; d < dims.size(); ++d) inner *= dims[d];
}

odla_value BuildReduce(const char* op, Reduce kind, odla_value input, odla_size_t num_of_axes, const odla_uint32* axes,
                       odla_bool keep_dims, odla_value_shape output_dims, odla_value_id value_id) {
  CheckInput(input, op, 0);
  const Dims& dims = input->type.dims;
  std::vector<bool> reduced(dims.size(), num_of_axes == 0);
  for (size_t i = 0; i < num_of_axes; ++i)
    reduced[static_cast<size_t>(odla_ref::NormalizeAxis(static_cast<odla_int32>(axes[i]), dims.size(), op))] = true;
  Dims out, kept;
  Dims out_strides(dims.size(), 0);
  for (size_t d = 0; d < dims.size(); ++d) {
    if (!reduced[d]) kept.push_back(dims[d]);
    if (reduced[d] && keep_dims) out.push_back(1);
    if (!reduced[d]) out.push_back(dims[d]);
  }
  Dims kept_strides = odla_ref::Strides(kept);
  for (size_t d = 0, k = 0; d < dims.size(); ++d)
    if (!reduced[d]) out_strides[d] = kept_strides[k++];
  const int64_t in_count = input->type.Count(), out_count = TensorType{ODLA_FLOAT32, kept}.Count();
  const int64_t group = out_count == 0 ? 0 : in_count / out_count;
  const bool is_bool = input->type.element_type == ODLA_BOOL;
  odla_ref::Kernel kernel;
  auto build = [&](auto tag) {
    using T = decltype(tag);
    using Acc = std::conditional_t<std::is_integral_v<T>, int64_t, double>;
    kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      T* y = static_cast<T*>(res[0]);
      Acc init = 0;
      if (kind == Reduce::Prod) init = 1;
      // ONNX: the max (min) of an empty set is -inf (+inf) for floating types, the type's bound for integers.
      if constexpr (std::is_integral_v<T>) {
        if (kind == Reduce::Max) init = static_cast<Acc>(std::numeric_limits<T>::lowest());
        if (kind == Reduce::Min) init = static_cast<Acc>(std::numeric_limits<T>::max());
      } else {
        if (kind == Reduce::Max) init = -std::numeric_limits<Acc>::infinity();
        if (kind == Reduce::Min) init = std::numeric_limits<Acc>::infinity();
      }
      std::vector<Acc> acc(static_cast<size_t>(out_count), init);
      Dims counter(dims.size(), 0);
      int64_t o = 0;
      for (int64_t i = 0; i < in_count; ++i) {
        const Acc v = static_cast<Acc>(x[i]);
        Acc& a = acc[static_cast<size_t>(o)];
        switch (kind) {
          case Reduce::Sum: case Reduce::Mean: case Reduce::LogSum: a += v; break;
          case Reduce::Max: a = std::max(a, v); break;
          case Reduce::Min: a = std::min(a, v); break;
          case Reduce::Prod: a *= v; break;
          case Reduce::L1: a += v < 0 ? -v : v; break;
          case Reduce::L2: case Reduce::SumSquare: a += v * v; break;
          case Reduce::LogSumExp: a += static_cast<Acc>(std::exp(static_cast<double>(v))); break;
        }
        for (size_t d = dims.size(); d-- > 0;) {
          o += out_strides[d];
          if (++counter[d] < dims[d]) break;
          o -= out_strides[d] * dims[d];
          counter[d] = 0;
        }
      }
      for (int64_t j = 0; j < out_count; ++j) {
        double a = static_cast<double>(acc[static_cast<size_t>(j)]);
        if (kind == Reduce::Mean) a = group == 0 ? 0 : a / static_cast<double>(group);
        if (kind == Reduce::L2) a = std::sqrt(a);
        if (kind == Reduce::LogSum || kind == Reduce::LogSumExp) a = std::log(a);
        y[j] = std::is_integral_v<T> && kind != Reduce::Mean ? static_cast<T>(acc[static_cast<size_t>(j)]) : static_cast<T>(a);
        if (is_bool) y[j] = static_cast<T>(y[j] != 0);  // the min of no element is true
      }
    };
  };
  if (kind == Reduce::L2 || kind == Reduce::LogSum || kind == Reduce::LogSumExp) {
    odla_ref::DispatchFloat(input->type.element_type, op, build);
  } else if (input->type.element_type == ODLA_BOOL && (kind == Reduce::Max || kind == Reduce::Min)) {
    // ONNX: ReduceMax/ReduceMin (opset 20) take bool: any / all .
    build(uint8_t{});
  } else {
    odla_ref::DispatchNumeric(input->type.element_type, op, build);
  }
  return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                            value_id, std::move(kernel));
}

enum class Normalize { Softmax, LogSoftmax, Hardmax };

odla_value BuildSoftmax(const char* op, Normalize kind, odla_value input, odla_int32 axis, odla_value_id value_id) {
  CheckInput(input, op, 0);
  int64_t outer, extent, inner;
  AxisExtents(input->type.dims, odla_ref::NormalizeAxis(axis, input->type.dims.size(), op), outer, extent, inner);
  odla_ref::Kernel kernel;
  odla_ref::DispatchFloat(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      T* y = static_cast<T*>(res[0]);
      odla_ref::ParallelFor(outer * inner, 256, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
          const int64_t base = (t / inner) * extent * inner + t % inner;
          T max = std::numeric_limits<T>::lowest();
          int64_t arg = 0;
          for (int64_t i = 0; i < extent; ++i)
            if (x[base + i * inner] > max) {
              max = x[base + i * inner];
              arg = i;
            }
          if (kind == Normalize::Hardmax) {
            for (int64_t i = 0; i < extent; ++i) y[base + i * inner] = i == arg ? T(1) : T(0);
            continue;
          }
          double sum = 0;
          for (int64_t i = 0; i < extent; ++i) sum += std::exp(static_cast<double>(x[base + i * inner] - max));
          for (int64_t i = 0; i < extent; ++i) {
            double shifted = static_cast<double>(x[base + i * inner] - max);
            y[base + i * inner] =
                static_cast<T>(kind == Normalize::Softmax ? std::exp(shifted) / sum : shifted - std::log(sum));
          }
        }
      });
    };
  });
  return odla_ref::AddNode1(op, {input}, input->type, value_id, std::move(kernel));
}

odla_value BuildArg(const char* op, bool is_max, odla_value input, odla_int32 axis, odla_bool keep_dims,
                    odla_bool return_last_index, odla_value_type output_value_type, odla_value_id value_id) {
  CheckInput(input, op, 0);
  const int64_t a = odla_ref::NormalizeAxis(axis, input->type.dims.size(), op);
  int64_t outer, extent, inner;
  AxisExtents(input->type.dims, a, outer, extent, inner);
  Dims out = input->type.dims;
  if (keep_dims) {
    out[static_cast<size_t>(a)] = 1;
  } else {
    out.erase(out.begin() + a);
  }
  const odla_element_type index_type = output_value_type.element_type == ODLA_INT32 ? ODLA_INT32 : ODLA_INT64;
  const bool last = return_last_index != 0;
  odla_ref::Kernel kernel;
  odla_ref::DispatchNumeric(input->type.element_type, op, [&](auto tag) {
    using T = decltype(tag);
    kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const T* x = static_cast<const T*>(in[0]);
      for (int64_t t = 0; t < outer * inner; ++t) {
        const int64_t base = (t / inner) * extent * inner + t % inner;
        int64_t best = 0;
        for (int64_t i = 1; i < extent; ++i) {
          const T v = x[base + i * inner], b = x[base + best * inner];
          if (is_max ? (v > b || (last && v == b)) : (v < b || (last && v == b))) best = i;
        }
        if (index_type == ODLA_INT32) {
          static_cast<int32_t*>(res[0])[t] = static_cast<int32_t>(best);
        } else {
          static_cast<int64_t*>(res[0])[t] = best;
        }
      }
    };
  });
  return odla_ref::AddNode1(op, {input}, TensorType{index_type, out}, value_id, std::move(kernel));
}

}  // namespace

#define ODLA_REF_REDUCE(NAME, KIND)                                                                          \
  odla_value odla_##NAME(odla_value input, odla_size_t num_of_axes, const odla_uint32* axes, odla_bool keep_dims, \
                         odla_value_shape output_dims, const odla_value_id value_id) {                      \
    return Guard<odla_value>(nullptr, [&] {                                                                  \
      return BuildReduce("odla_" #NAME, Reduce::KIND, input, num_of_axes, axes, keep_dims, output_dims, value_id); \
    });                                                                                                      \
  }

#define ODLA_REF_REDUCE_EPSILON(NAME, KIND)                                                                  \
  odla_value odla_##NAME(odla_value input, odla_size_t num_of_axes, const odla_uint32* axes, odla_bool keep_dims, \
                         odla_float32 epsilon, odla_value_shape output_dims, const odla_value_id value_id) {  \
    (void)epsilon; /* the norms are not divided by, so no guard against zero is needed */                   \
    return Guard<odla_value>(nullptr, [&] {                                                                  \
      return BuildReduce("odla_" #NAME, Reduce::KIND, input, num_of_axes, axes, keep_dims, output_dims, value_id); \
    });                                                                                                      \
  }

extern "C" {

ODLA_REF_REDUCE(ReduceSum, Sum)
ODLA_REF_REDUCE(ReduceMean, Mean)
ODLA_REF_REDUCE(ReduceMax, Max)
ODLA_REF_REDUCE(ReduceMin, Min)
ODLA_REF_REDUCE(ReduceProd, Prod)
ODLA_REF_REDUCE(ReduceLogSum, LogSum)
ODLA_REF_REDUCE(ReduceLogSumExp, LogSumExp)
ODLA_REF_REDUCE(ReduceSumSquare, SumSquare)
ODLA_REF_REDUCE_EPSILON(ReduceL1, L1)
ODLA_REF_REDUCE_EPSILON(ReduceL2, L2)

odla_value odla_Softmax(odla_value input, odla_int32 axis, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return BuildSoftmax("odla_Softmax", Normalize::Softmax, input, axis, value_id); });
}

odla_value odla_LogSoftmax(odla_value input, odla_int32 axis, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr,
                           [&] { return BuildSoftmax("odla_LogSoftmax", Normalize::LogSoftmax, input, axis, value_id); });
}

odla_value odla_Hardmax(odla_value input, odla_int32 axis, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return BuildSoftmax("odla_Hardmax", Normalize::Hardmax, input, axis, value_id); });
}

odla_value odla_ArgMax(odla_value input, odla_int32 axis, odla_bool keep_dims, odla_bool return_last_index,
                       odla_value_type output_value_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return BuildArg("odla_ArgMax", true, input, axis, keep_dims, return_last_index, output_value_type, value_id);
  });
}

odla_value odla_ArgMin(odla_value input, odla_int32 axis, odla_bool keep_dims, odla_bool return_last_index,
                       odla_value_type output_value_type, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    return BuildArg("odla_ArgMin", false, input, axis, keep_dims, return_last_index, output_value_type, value_id);
  });
}

odla_value odla_CumSum(odla_value input, odla_value axis, odla_bool exclusion, odla_bool reverse,
                       const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_CumSum";
    CheckInput(input, op, 0);
    CheckInput(axis, op, 1);
    if (axis->kind != odla_ref::ValueKind::Constant || axis->type.Count() != 1)
      Fail(ODLA_UNSUPPORTED_OP, "odla_CumSum: the axis must be a constant scalar");
    odla_ref::RequireIndexType(axis->type.element_type, op);
    int64_t a = odla_ref::NormalizeAxis(odla_ref::ReadIndex(axis->constant_data.data(), axis->type.element_type, 0),
                                        input->type.dims.size(), op);
    int64_t outer, extent, inner;
    AxisExtents(input->type.dims, a, outer, extent, inner);
    const bool exclusive = exclusion != 0, backwards = reverse != 0;
    odla_ref::Kernel kernel;
    odla_ref::DispatchNumeric(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        for (int64_t t = 0; t < outer * inner; ++t) {
          const int64_t base = (t / inner) * extent * inner + t % inner;
          T sum = 0;
          for (int64_t s = 0; s < extent; ++s) {
            const int64_t i = backwards ? extent - 1 - s : s;
            const T v = x[base + i * inner];
            if (!exclusive) sum = static_cast<T>(sum + v);
            y[base + i * inner] = sum;
            if (exclusive) sum = static_cast<T>(sum + v);
          }
        }
      };
    });
    return odla_ref::AddNode1(op, {input, axis}, input->type, value_id, std::move(kernel));
  });
}

}  // extern "C"
