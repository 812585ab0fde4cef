// Reshape, Transpose, Concat, Stack, Slice, Split, Squeeze, ExpandDims, Pad, Tile, Broadcast, Shape
// (odla_ops_process.h).
#include <cstring>

#include "broadcast.h"
#include "movement.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

odla_value Copy(const char* op, odla_value input, const Dims& out, odla_value_id value_id) {
  CheckInput(input, op, 0);
  TensorType type{input->type.element_type, out};
  if (type.Count() != input->type.Count())
    Fail(ODLA_INVALID_PARAM, std::string(op) + ": cannot reshape " + odla_ref::DimsToString(input->type.dims) + " to " +
                                 odla_ref::DimsToString(out));
  const size_t bytes = type.Bytes();
  return odla_ref::AddNode1(op, {input}, type, value_id,
                            [bytes](const std::vector<const void*>& in, const std::vector<void*>& res) {
                              if (bytes > 0) std::memcpy(res[0], in[0], bytes);
                            });
}

odla_value JoinAlongAxis(const char* op, odla_values inputs, odla_int32 axis, bool stack, odla_value_shape declared,
                         odla_value_id value_id) {
  if (inputs.size == 0 || inputs.size > ODLA_MAX_OUTPUTS) Fail(ODLA_INVALID_PARAM, std::string(op) + ": no inputs");
  std::vector<odla_value> list(inputs.values, inputs.values + inputs.size);
  for (size_t i = 0; i < list.size(); ++i) CheckInput(list[i], op, static_cast<int>(i));
  const Dims first = list[0]->type.dims;
  const size_t rank = first.size() + (stack ? 1 : 0);
  const int64_t a = odla_ref::NormalizeAxis(axis, rank, op);
  Dims out = first;
  if (stack) out.insert(out.begin() + a, 0);
  out[static_cast<size_t>(a)] = 0;
  for (odla_value v : list) {
    Dims d = v->type.dims;
    if (stack) d.insert(d.begin() + a, 1);
    if (v->type.element_type != list[0]->type.element_type || d.size() != rank)
      Fail(ODLA_INVALID_PARAM, std::string(op) + ": inputs differ in type or rank");
    for (size_t k = 0; k < rank; ++k)
      if (k != static_cast<size_t>(a) && d[k] != out[k])
        Fail(ODLA_INVALID_PARAM, std::string(op) + ": input shapes differ outside the axis");
    out[static_cast<size_t>(a)] += d[static_cast<size_t>(a)];
  }
  const size_t element = odla_ref::ElementSize(list[0]->type.element_type);
  std::vector<Dims> shapes;
  for (odla_value v : list) {
    Dims d = v->type.dims;
    if (stack) d.insert(d.begin() + a, 1);
    shapes.push_back(d);
  }
  const Dims out_strides = odla_ref::Strides(out);
  return odla_ref::AddNode1(op, list, TensorType{list[0]->type.element_type, odla_ref::ResolveOutputDims(out, declared, op)},
                            value_id, [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                              int64_t offset = 0;
                              for (size_t i = 0; i < shapes.size(); ++i) {
                                odla_ref::StridedCopy(in[i], 0, odla_ref::Strides(shapes[i]), res[0],
                                                      offset * out_strides[static_cast<size_t>(a)], out_strides, shapes[i],
                                                      element);
                                offset += shapes[i][static_cast<size_t>(a)];
                              }
                            });
}

// A box copy from input to a new output (slice, transpose, broadcast, split part).
odla_value BoxCopy(const char* op, odla_value input, const Dims& out, int64_t src_base, const Dims& src_strides,
                   odla_value_id value_id, const odla_value_ids* ids = nullptr) {
  const size_t element = odla_ref::ElementSize(input->type.element_type);
  const Dims dst_strides = odla_ref::Strides(out);
  odla_ref::Kernel kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
    odla_ref::StridedCopy(in[0], src_base, src_strides, res[0], 0, dst_strides, out, element);
  };
  return odla_ref::AddNode(op, {input}, {TensorType{input->type.element_type, out}}, ids, value_id, std::move(kernel))[0];
}

}  // namespace

extern "C" {

odla_value odla_Reshape(odla_value input, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return Copy("odla_Reshape", input, odla_ref::DimsFromShape(output_dims), value_id); });
}

odla_value odla_ExpandDims(odla_value input, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr,
                           [&] { return Copy("odla_ExpandDims", input, odla_ref::DimsFromShape(output_dims), value_id); });
}

odla_value odla_Squeeze(odla_value input, odla_size_t num_of_axes, const odla_uint32* axes,
                        odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    CheckInput(input, "odla_Squeeze", 0);
    if (odla_ref::IsDefined(output_dims)) return Copy("odla_Squeeze", input, odla_ref::DimsFromShape(output_dims), value_id);
    const Dims& dims = input->type.dims;
    std::vector<bool> drop(dims.size(), false);
    for (size_t i = 0; i < num_of_axes; ++i)
      drop[static_cast<size_t>(odla_ref::NormalizeAxis(static_cast<odla_int32>(axes[i]), dims.size(), "odla_Squeeze"))] = true;
    Dims out;
    for (size_t d = 0; d < dims.size(); ++d)
      if (!(num_of_axes == 0 ? dims[d] == 1 : drop[d])) out.push_back(dims[d]);
    return Copy("odla_Squeeze", input, out, value_id);
  });
}

odla_value odla_Transpose(odla_value input, odla_value_shape permutations, odla_value_shape output_dims,
                          const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Transpose";
    CheckInput(input, op, 0);
    const Dims& dims = input->type.dims;
    Dims perm = permutations.size <= 0 ? Dims() : odla_ref::DimsFromShape(permutations);
    if (perm.empty())  // ONNX: no permutation reverses the axes.
      for (size_t d = dims.size(); d-- > 0;) perm.push_back(static_cast<int64_t>(d));
    if (perm.size() != dims.size()) Fail(ODLA_INVALID_PARAM, "odla_Transpose: permutation rank differs from the input rank");
    const Dims in_strides = odla_ref::Strides(dims);
    Dims out, src_strides;
    for (int64_t p : perm) {
      if (p < 0 || p >= static_cast<int64_t>(dims.size())) Fail(ODLA_INVALID_PARAM, "odla_Transpose: bad permutation");
      out.push_back(dims[static_cast<size_t>(p)]);
      src_strides.push_back(in_strides[static_cast<size_t>(p)]);
    }
    odla_ref::ResolveOutputDims(out, output_dims, op);
    return BoxCopy(op, input, out, 0, src_strides, value_id);
  });
}

odla_value odla_Concat(odla_values inputs, odla_int32 axis, odla_value_shape output_shape, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr,
                           [&] { return JoinAlongAxis("odla_Concat", inputs, axis, false, output_shape, value_id); });
}

odla_value odla_Stack(odla_values inputs, odla_int32 axis, odla_value_shape output_shape, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] { return JoinAlongAxis("odla_Stack", inputs, axis, true, output_shape, value_id); });
}

odla_value odla_Slice(odla_value input, const odla_int32* start, const odla_int32* end, const odla_int32* stride,
                      odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Slice";
    CheckInput(input, op, 0);
    if (start == nullptr || end == nullptr) Fail(ODLA_INVALID_PARAM, "odla_Slice: start and end are required");
    const Dims& dims = input->type.dims;
    const Dims in_strides = odla_ref::Strides(dims);
    Dims out, src_strides;
    int64_t base = 0;
    for (size_t d = 0; d < dims.size(); ++d) {
      const int64_t step = stride == nullptr ? 1 : stride[d];
      if (step == 0) Fail(ODLA_INVALID_PARAM, "odla_Slice: zero stride");
      // ONNX: negative starts/ends count from the end; both are clamped to the valid range for the direction.
      int64_t s = start[d] < 0 ? start[d] + dims[d] : start[d];
      int64_t e = end[d] < 0 && end[d] > INT32_MIN ? end[d] + dims[d] : end[d];
      if (step > 0) {
        s = std::clamp<int64_t>(s, 0, dims[d]);
        e = std::clamp<int64_t>(e, 0, dims[d]);
      } else {
        s = std::clamp<int64_t>(s, -1, dims[d] - 1);
        e = end[d] == INT32_MIN ? -1 : std::clamp<int64_t>(e, -1, dims[d] - 1);
      }
      const int64_t count = step > 0 ? (e - s + step - 1) / step : (s - e + (-step) - 1) / (-step);
      out.push_back(std::max<int64_t>(0, count));
      base += (out.back() > 0 ? s : 0) * in_strides[d];
      src_strides.push_back(step * in_strides[d]);
    }
    odla_ref::ResolveOutputDims(out, output_dims, op);
    return BoxCopy(op, input, out, base, src_strides, value_id);
  });
}

odla_values odla_Split(odla_value input, odla_value split_dim, odla_int32 num_split, const odla_value_ids value_ids) {
  return Guard<odla_values>(odla_ref::EmptyValues(), [&] {
    const char* op = "odla_Split";
    CheckInput(input, op, 0);
    std::vector<int64_t> axis_value = odla_ref::ReadConstantIndices(split_dim, op);
    if (axis_value.size() != 1) Fail(ODLA_INVALID_PARAM, "odla_Split: split_dim must be a scalar");
    const Dims& dims = input->type.dims;
    const size_t a = static_cast<size_t>(odla_ref::NormalizeAxis(axis_value[0], dims.size(), op));
    if (num_split <= 0 || num_split > ODLA_MAX_OUTPUTS || dims[a] % num_split != 0)
      Fail(ODLA_INVALID_PARAM, "odla_Split: dimension " + std::to_string(dims[a]) + " does not split into " +
                                   std::to_string(num_split) + " equal parts");
    const Dims in_strides = odla_ref::Strides(dims);
    Dims part = dims;
    part[a] = dims[a] / num_split;
    std::vector<odla_value> outputs;
    for (int32_t i = 0; i < num_split; ++i) {
      odla_value_id id = static_cast<size_t>(i) < value_ids.size ? value_ids.value_ids[i] : nullptr;
      outputs.push_back(BoxCopy(op, input, part, i * part[a] * in_strides[a], in_strides, id));
    }
    return odla_ref::ToValues(outputs);
  });
}

odla_value odla_Pad(odla_value input, const odla_uint32* padding_front, const odla_uint32* padding_back,
                    odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Pad";
    CheckInput(input, op, 0);
    const Dims& dims = input->type.dims;
    Dims out = dims;
    int64_t base = 0;
    for (size_t d = 0; d < dims.size(); ++d) out[d] += (padding_front ? padding_front[d] : 0) + (padding_back ? padding_back[d] : 0);
    const Dims out_strides = odla_ref::Strides(out);
    for (size_t d = 0; d < dims.size(); ++d) base += (padding_front ? padding_front[d] : 0) * out_strides[d];
    odla_ref::ResolveOutputDims(out, output_dims, op);
    const size_t element = odla_ref::ElementSize(input->type.element_type);
    const TensorType out_type{input->type.element_type, out};
    const size_t bytes = out_type.Bytes();
    const Dims in_strides = odla_ref::Strides(dims);
    // ODLA's Pad has no mode or value: constant zero padding.
    return odla_ref::AddNode1(op, {input}, out_type, value_id,
                              [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                std::memset(res[0], 0, bytes);
                                odla_ref::StridedCopy(in[0], 0, in_strides, res[0], base, out_strides, dims, element);
                              });
  });
}

odla_value odla_Broadcast(const odla_value input, odla_value_shape output_shape, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Broadcast";
    CheckInput(input, op, 0);
    Dims out = odla_ref::BroadcastDims(input->type.dims, odla_ref::DimsFromShape(output_shape), op);
    return BoxCopy(op, input, out, 0, odla_ref::BroadcastStrides(input->type.dims, out), value_id);
  });
}

odla_value odla_Tile(odla_value input, const odla_uint32* repeat, odla_value_shape output_dims,
                     const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_Tile";
    CheckInput(input, op, 0);
    if (repeat == nullptr) Fail(ODLA_INVALID_PARAM, "odla_Tile: repeat is null");
    const Dims dims = input->type.dims;
    Dims out = dims;
    for (size_t d = 0; d < dims.size(); ++d) out[d] *= repeat[d];
    odla_ref::ResolveOutputDims(out, output_dims, op);
    const size_t element = odla_ref::ElementSize(input->type.element_type);
    const Dims in_strides = odla_ref::Strides(dims);
    const int64_t count = TensorType{ODLA_FLOAT32, out}.Count();
    return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, out}, value_id,
                              [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
                                const char* s = static_cast<const char*>(in[0]);
                                char* t = static_cast<char*>(res[0]);
                                for (int64_t o = 0; o < count; ++o) {
                                  int64_t rest = o, offset = 0;
                                  for (size_t d = out.size(); d-- > 0;) {
                                    offset += ((rest % out[d]) % dims[d]) * in_strides[d];
                                    rest /= out[d];
                                  }
                                  std::memcpy(t + o * element, s + offset * element, element);
                                }
                              });
  });
}

odla_value odla_Shape(odla_value input, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    CheckInput(input, "odla_Shape", 0);
    const Dims dims = input->type.dims;
    Dims out{static_cast<int64_t>(dims.size())};
    odla_ref::ResolveOutputDims(out, output_dims, "odla_Shape");
    return odla_ref::AddNode1("odla_Shape", {input}, TensorType{ODLA_INT64, out}, value_id,
                              [dims](const std::vector<const void*>&, const std::vector<void*>& res) {
                                std::copy(dims.begin(), dims.end(), static_cast<int64_t*>(res[0]));
                              });
  });
}

}  // extern "C"
