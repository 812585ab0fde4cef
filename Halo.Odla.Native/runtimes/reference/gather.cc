// Gather, GatherElements, GatherND and OneHot (odla_ops_process.h).
#include <cstring>

#include "dispatch.h"
#include "movement.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// ONNX: negative indices count from the end; anything outside [-extent, extent) is an error.
int64_t CheckedIndex(int64_t index, int64_t extent) {
  if (index < -extent || index >= extent)
    Fail(ODLA_INVALID_PARAM, "index " + std::to_string(index) + " is out of range for extent " + std::to_string(extent));
  return index < 0 ? index + extent : index;
}

// ONNX: OneHot's indices may have any numeric type; fractions are truncated.
int64_t ReadAnyIndex(const void* data, odla_element_type type, int64_t i) {
  int64_t value = 0;
  odla_ref::DispatchNumeric(type, "odla_OneHot", [&](auto tag) {
    using T = decltype(tag);
    value = static_cast<int64_t>(static_cast<const T*>(data)[i]);
  });
  return value;
}

}  // namespace

extern "C" {

odla_value odla_Gather(odla_value input, odla_value indices, odla_int32 axis, odla_value_shape output_dims,
                       const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Gather";
    CheckInput(input, op, 0);
    CheckInput(indices, op, 1);
    odla_ref::RequireIndexType(indices->type.element_type, op);
    const Dims& dims = input->type.dims;
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, dims.size(), op));
    Dims out(dims.begin(), dims.begin() + a);
    out.insert(out.end(), indices->type.dims.begin(), indices->type.dims.end());
    out.insert(out.end(), dims.begin() + a + 1, dims.end());
    int64_t outer = 1, inner = 1;
    for (size_t d = 0; d < a; ++d) outer *= dims[d];
    for (size_t d = a + 1; d < dims.size(); ++d) inner *= dims[d];
    const int64_t extent = dims[a], count = indices->type.Count();
    const size_t block = static_cast<size_t>(inner) * odla_ref::ElementSize(input->type.element_type);
    const odla_element_type index_type = indices->type.element_type;
    return odla_ref::AddNode1(op, {input, indices},
                              TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const char* x = static_cast<const char*>(in[0]);
                                char* y = static_cast<char*>(res[0]);
                                for (int64_t o = 0; o < outer; ++o)
                                  for (int64_t i = 0; i < count; ++i) {
                                    int64_t k = CheckedIndex(odla_ref::ReadIndex(in[1], index_type, i), extent);
                                    std::memcpy(y + (o * count + i) * block, x + (o * extent + k) * block, block);
                                  }
                              });
  });
}

odla_value odla_GatherElements(odla_value input, odla_value indices, odla_int32 axis, odla_value_shape output_dims,
                               const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_GatherElements";
    CheckInput(input, op, 0);
    CheckInput(indices, op, 1);
    odla_ref::RequireIndexType(indices->type.element_type, op);
    const Dims dims = input->type.dims, out = indices->type.dims;
    if (out.size() != dims.size()) Fail(ODLA_INVALID_PARAM, "odla_GatherElements: indices rank differs from input rank");
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, dims.size(), op));
    const Dims in_strides = odla_ref::Strides(dims);
    const size_t element = odla_ref::ElementSize(input->type.element_type);
    const odla_element_type index_type = indices->type.element_type;
    const int64_t count = indices->type.Count();
    return odla_ref::AddNode1(op, {input, indices},
                              TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const char* x = static_cast<const char*>(in[0]);
                                char* y = static_cast<char*>(res[0]);
                                for (int64_t o = 0; o < count; ++o) {
                                  int64_t rest = o, offset = 0;
                                  for (size_t d = out.size(); d-- > 0;) {
                                    int64_t i = rest % out[d];
                                    rest /= out[d];
                                    if (d == a) i = CheckedIndex(odla_ref::ReadIndex(in[1], index_type, o), dims[d]);
                                    offset += i * in_strides[d];
                                  }
                                  std::memcpy(y + o * element, x + offset * element, element);
                                }
                              });
  });
}

odla_value odla_GatherND(odla_value input, odla_value indices, odla_int32 num_batch_dims, odla_value_shape output_dims,
                         const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_GatherND";
    CheckInput(input, op, 0);
    CheckInput(indices, op, 1);
    odla_ref::RequireIndexType(indices->type.element_type, op);
    const Dims dims = input->type.dims, idx = indices->type.dims;
    const size_t b = static_cast<size_t>(num_batch_dims);
    if (idx.empty() || b >= idx.size() || b > dims.size()) Fail(ODLA_INVALID_PARAM, "odla_GatherND: bad batch dims");
    const size_t k = static_cast<size_t>(idx.back());
    if (b + k > dims.size()) Fail(ODLA_INVALID_PARAM, "odla_GatherND: index tuples are longer than the input rank");
    // ONNX: output = indices.shape[:-1] + input.shape[batch_dims + k:].
    Dims out(idx.begin(), idx.end() - 1);
    out.insert(out.end(), dims.begin() + static_cast<int64_t>(b + k), dims.end());
    int64_t batches = 1, inner = 1;
    for (size_t d = 0; d < b; ++d) batches *= dims[d];
    for (size_t d = b + k; d < dims.size(); ++d) inner *= dims[d];
    const int64_t tuples = indices->type.Count() / static_cast<int64_t>(k == 0 ? 1 : k) / batches;
    const int64_t batch_extent = TensorType{ODLA_FLOAT32, Dims(dims.begin() + static_cast<int64_t>(b), dims.end())}.Count();
    const Dims in_strides = odla_ref::Strides(dims);
    const size_t block = static_cast<size_t>(inner) * odla_ref::ElementSize(input->type.element_type);
    const odla_element_type index_type = indices->type.element_type;
    const int64_t tuple_width = static_cast<int64_t>(k);
    const int64_t element = static_cast<int64_t>(odla_ref::ElementSize(input->type.element_type));
    return odla_ref::AddNode1(op, {input, indices},
                              TensorType{input->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const char* x = static_cast<const char*>(in[0]);
                                char* y = static_cast<char*>(res[0]);
                                for (int64_t n = 0; n < batches; ++n)
                                  for (int64_t t = 0; t < tuples; ++t) {
                                    int64_t offset = n * batch_extent;
                                    for (int64_t j = 0; j < tuple_width; ++j) {
                                      const size_t d = b + static_cast<size_t>(j);
                                      int64_t i = odla_ref::ReadIndex(in[1], index_type, (n * tuples + t) * tuple_width + j);
                                      offset += CheckedIndex(i, dims[d]) * in_strides[d];
                                    }
                                    std::memcpy(y + (n * tuples + t) * block, x + offset * element, block);
                                  }
                              });
  });
}

odla_value odla_OneHot(odla_value indices, odla_int32 depth, odla_value values, odla_int32 axis,
                       odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_OneHot";
    CheckInput(indices, op, 0);
    CheckInput(values, op, 1);
    odla_ref::DispatchNumeric(indices->type.element_type, op, [](auto) {});  // rejects bool and strings here
    if (values->type.Count() != 2) Fail(ODLA_INVALID_PARAM, "odla_OneHot: values must hold [off, on]");
    const Dims idx = indices->type.dims;
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis, idx.size() + 1, op));
    Dims out = idx;
    out.insert(out.begin() + static_cast<int64_t>(a), depth);
    int64_t outer = 1, inner = 1;
    for (size_t d = 0; d < a; ++d) outer *= idx[d];
    for (size_t d = a; d < idx.size(); ++d) inner *= idx[d];
    const size_t element = odla_ref::ElementSize(values->type.element_type);
    const odla_element_type index_type = indices->type.element_type;
    const int64_t extent = depth;
    return odla_ref::AddNode1(op, {indices, values},
                              TensorType{values->type.element_type, odla_ref::ResolveOutputDims(out, output_dims, op)},
                              value_id, [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const char* v = static_cast<const char*>(in[1]);
                                char* y = static_cast<char*>(res[0]);
                                for (int64_t o = 0; o < outer; ++o)
                                  for (int64_t d = 0; d < extent; ++d)
                                    for (int64_t i = 0; i < inner; ++i) {
                                      int64_t k = ReadAnyIndex(in[0], index_type, o * inner + i);
                                      if (k < 0) k += extent;  // ONNX: negative indices count from the end
                                      std::memcpy(y + ((o * extent + d) * inner + i) * element, v + (k == d ? element : 0), element);
                                    }
                              });
  });
}

}  // extern "C"
