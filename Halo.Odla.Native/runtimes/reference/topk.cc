// TopK (odla_ops_nn.h).
#include <algorithm>
#include <numeric>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

extern "C" {

odla_values odla_TopK(odla_value input, odla_uint32 K, odla_bool largest, odla_bool sorted, odla_uint32 axis,
                      odla_value_type output_value_type, odla_value_type output_value_index_type,
                      const odla_value_ids value_ids) {
  (void)sorted;         // results are always sorted, which ONNX allows for sorted = 0 too
  (void)output_value_type;  // values keep the input type
  return Guard<odla_values>(odla_ref::EmptyValues(), [&] {
    const char* op = "odla_TopK";
    CheckInput(input, op, 0);
    const Dims& dims = input->type.dims;
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(static_cast<int64_t>(axis), dims.size(), op));
    const int64_t k = K, extent = dims[a];
    if (k > extent) Fail(ODLA_INVALID_PARAM, "odla_TopK: K exceeds the axis extent");
    int64_t outer = 1, inner = 1;
    for (size_t d = 0; d < a; ++d) outer *= dims[d];
    for (size_t d = a + 1; d < dims.size(); ++d) inner *= dims[d];
    Dims out = dims;
    out[a] = k;
    const odla_element_type index_type = output_value_index_type.element_type == ODLA_INT32 ? ODLA_INT32 : ODLA_INT64;
    const bool want_largest = largest != 0;
    odla_ref::Kernel kernel;
    odla_ref::DispatchNumeric(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* values = static_cast<T*>(res[0]);
        std::vector<int64_t> order(static_cast<size_t>(extent));
        for (int64_t o = 0; o < outer; ++o)
          for (int64_t i = 0; i < inner; ++i) {
            const T* line = x + o * extent * inner + i;
            std::iota(order.begin(), order.end(), 0);
            // ONNX: among equal values the lower index comes first.
            std::stable_sort(order.begin(), order.end(), [&](int64_t l, int64_t r) {
              return want_largest ? line[l * inner] > line[r * inner] : line[l * inner] < line[r * inner];
            });
            for (int64_t j = 0; j < k; ++j) {
              const int64_t at = (o * k + j) * inner + i;
              values[at] = line[order[static_cast<size_t>(j)] * inner];
              if (index_type == ODLA_INT32) {
                static_cast<int32_t*>(res[1])[at] = static_cast<int32_t>(order[static_cast<size_t>(j)]);
              } else {
                static_cast<int64_t*>(res[1])[at] = order[static_cast<size_t>(j)];
              }
            }
          }
      };
    });
    auto outputs = odla_ref::AddNode(op, {input}, {TensorType{input->type.element_type, out}, TensorType{index_type, out}},
                                     &value_ids, nullptr, std::move(kernel));
    return odla_ref::ToValues(outputs);
  });
}

}  // extern "C"
