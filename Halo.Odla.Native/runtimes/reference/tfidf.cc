// TFIDFVectorize over integer tokens (odla_ops_nn.h): counts the pool's n-grams, with skips, in each row.
#include <algorithm>
#include <map>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::TensorType;

namespace {

std::vector<int64_t> ConstantInts(odla_value value, const char* op, int index) {
  CheckInput(value, op, index);
  if (value->kind != odla_ref::ValueKind::Constant) Fail(ODLA_UNSUPPORTED_OP, std::string(op) + ": the pool operands must be constants");
  odla_ref::RequireIndexType(value->type.element_type, op);
  std::vector<int64_t> values(static_cast<size_t>(value->type.Count()));
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = odla_ref::ReadIndex(value->constant_data.data(), value->type.element_type, static_cast<int64_t>(i));
  return values;
}

}  // namespace

extern "C" {

odla_value odla_TFIDFVectorize(odla_value input, odla_int32 min_gram_length, odla_int32 max_gram_length,
                               odla_int32 max_skip_count, odla_tf_idf_mode mode, odla_value pool, odla_value gram_counts,
                               odla_value output_indices, odla_value weights, odla_value_shape output_shape,
                               odla_value_id value_id) {
  return odla_ref::Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_TFIDFVectorize";
    CheckInput(input, op, 0);
    odla_ref::RequireIndexType(input->type.element_type, op);
    const std::vector<int64_t> grams = ConstantInts(pool, op, 1), starts = ConstantInts(gram_counts, op, 2),
                               slots = ConstantInts(output_indices, op, 3);
    std::vector<double> weight;
    if (weights != nullptr) {
      CheckInput(weights, op, 4);
      if (weights->kind != odla_ref::ValueKind::Constant || weights->type.element_type != ODLA_FLOAT32)
        Fail(ODLA_UNSUPPORTED_OP, "odla_TFIDFVectorize: the weights must be a float32 constant");
      const float* w = reinterpret_cast<const float*>(weights->constant_data.data());
      weight.assign(w, w + weights->type.Count());
    }
    // ONNX: gram_counts[k] is where the (k + 1)-grams start in the pool; output_indices numbers them in order.
    std::map<std::vector<int64_t>, int64_t> lookup;
    size_t gram = 0;
    for (size_t k = 0; k < starts.size(); ++k) {
      const int64_t end = k + 1 < starts.size() ? starts[k + 1] : static_cast<int64_t>(grams.size());
      const int64_t n = static_cast<int64_t>(k) + 1;
      for (int64_t p = starts[k]; p + n <= end; p += n) {
        if (gram >= slots.size()) Fail(ODLA_INVALID_PARAM, "odla_TFIDFVectorize: fewer output indices than pool n-grams");
        lookup.emplace(std::vector<int64_t>(grams.begin() + p, grams.begin() + p + n), slots[gram++]);
      }
    }
    int64_t size = 0;
    for (int64_t s : slots) size = std::max(size, s + 1);
    const Dims& dims = input->type.dims;
    if (dims.empty() || dims.size() > 2) Fail(ODLA_INVALID_PARAM, "odla_TFIDFVectorize: the input must be 1-D or 2-D");
    const int64_t rows = dims.size() == 1 ? 1 : dims[0], width = dims.back();
    const Dims out = dims.size() == 1 ? Dims{size} : Dims{rows, size};
    const odla_element_type type = input->type.element_type;
    const int64_t min_n = std::max<int64_t>(min_gram_length, 1), max_n = max_gram_length, skips = max_skip_count;
    return odla_ref::AddNode1(
        op, {input}, TensorType{ODLA_FLOAT32, odla_ref::ResolveOutputDims(out, output_shape, op)}, value_id,
        [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
          float* y = static_cast<float*>(res[0]);
          std::fill(y, y + rows * size, 0.0f);
          std::vector<int64_t> key;
          for (int64_t r = 0; r < rows; ++r)
            for (int64_t n = min_n; n <= max_n; ++n)
              for (int64_t skip = 0; skip <= (n == 1 ? 0 : skips); ++skip)
                for (int64_t i = 0; i + (n - 1) * (skip + 1) < width; ++i) {
                  key.clear();
                  for (int64_t j = 0; j < n; ++j) key.push_back(odla_ref::ReadIndex(in[0], type, r * width + i + j * (skip + 1)));
                  auto found = lookup.find(key);
                  if (found != lookup.end()) y[r * size + found->second] += 1;
                }
          for (int64_t i = 0; i < rows * size; ++i) {
            const size_t slot = static_cast<size_t>(i % size);
            const float w = slot < weight.size() ? static_cast<float>(weight[slot]) : 1.0f;
            if (mode == ODLA_TFIDF_IDF) y[i] = y[i] > 0 ? w : 0;
            if (mode == ODLA_TFIDF_TFIDF) y[i] *= w;
          }
        });
  });
}

}  // extern "C"
