// The *Dynamic variants whose shape operands are values: supported when those values are constants (the shapes
// are then static); otherwise they report ODLA_UNSUPPORTED_OP (odla_ops_process.h).
#include <climits>
#include <cmath>

#include "movement.h"

using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;

namespace {

std::vector<int64_t> Constant(odla_value value, const char* op) {
  odla_ref::CheckInput(value, op, 1);
  if (value->kind != odla_ref::ValueKind::Constant)
    Fail(ODLA_UNSUPPORTED_OP, std::string(op) + ": '" + value->id +
                                  "' is computed at run time; the reference runtime needs static shapes (a constant)");
  return odla_ref::ReadConstantIndices(value, op);
}

}  // namespace

extern "C" {

odla_value odla_ReshapeDynamic(odla_value input, odla_value output_shape, const odla_value_id value_id) {
  odla_value_shape shape{};
  bool ok = Guard<bool>(false, [&] {
    odla_ref::CheckInput(input, "odla_ReshapeDynamic", 0);
    std::vector<int64_t> dims = Constant(output_shape, "odla_ReshapeDynamic");
    // ONNX Reshape: 0 copies the input extent, -1 is inferred from the remaining elements.
    int64_t known = 1, infer = -1;
    for (size_t i = 0; i < dims.size(); ++i) {
      if (dims[i] == 0 && i < input->type.dims.size()) dims[i] = input->type.dims[i];
      if (dims[i] == -1) {
        infer = static_cast<int64_t>(i);
      } else {
        known *= dims[i];
      }
    }
    if (infer >= 0) dims[static_cast<size_t>(infer)] = known == 0 ? 0 : input->type.Count() / known;
    shape = odla_ref::ShapeFromDims(dims);
    return true;
  });
  return ok ? odla_Reshape(input, shape, value_id) : nullptr;
}

odla_value odla_SliceDynamic(odla_value input, odla_value start, odla_value size, odla_value stride,
                             odla_value_shape output_dims, const odla_value_id value_id) {
  std::vector<odla_int32> begin, end, step;
  bool ok = Guard<bool>(false, [&] {
    odla_ref::CheckInput(input, "odla_SliceDynamic", 0);
    std::vector<int64_t> starts = Constant(start, "odla_SliceDynamic"), sizes = Constant(size, "odla_SliceDynamic");
    std::vector<int64_t> strides = stride != nullptr ? Constant(stride, "odla_SliceDynamic") : std::vector<int64_t>(starts.size(), 1);
    const size_t rank = input->type.dims.size();
    if (starts.size() != rank || sizes.size() != rank || strides.size() != rank)
      Fail(ODLA_INVALID_PARAM, "odla_SliceDynamic: start, size and stride need one value per dimension");
    for (size_t d = 0; d < rank; ++d) {
      // A size of -1 takes everything to the end of the dimension (in the stride's direction).
      const int64_t s = starts[d] < 0 ? starts[d] + input->type.dims[d] : starts[d];
      begin.push_back(static_cast<odla_int32>(s));
      end.push_back(sizes[d] < 0 ? (strides[d] > 0 ? INT32_MAX : INT32_MIN)
                                 : static_cast<odla_int32>(s + sizes[d] * strides[d]));
      step.push_back(static_cast<odla_int32>(strides[d]));
    }
    return true;
  });
  return ok ? odla_Slice(input, begin.data(), end.data(), step.data(), output_dims, value_id) : nullptr;
}

odla_value odla_TileDynamic(odla_value input, odla_value repeat, odla_value_shape output_dims,
                            const odla_value_id value_id) {
  std::vector<odla_uint32> repeats;
  bool ok = Guard<bool>(false, [&] {
    odla_ref::CheckInput(input, "odla_TileDynamic", 0);
    for (int64_t r : Constant(repeat, "odla_TileDynamic")) {
      if (r < 0) Fail(ODLA_INVALID_PARAM, "odla_TileDynamic: negative repeat");
      repeats.push_back(static_cast<odla_uint32>(r));
    }
    if (repeats.size() != input->type.dims.size())
      Fail(ODLA_INVALID_PARAM, "odla_TileDynamic: repeat needs one value per dimension");
    return true;
  });
  return ok ? odla_Tile(input, repeats.data(), output_dims, value_id) : nullptr;
}

}  // extern "C"

extern "C" {

odla_value odla_ResizeDynamic(odla_value input, odla_value scales, odla_value sizes,
                              odla_interpolation_mode interpolation, odla_resize_coordinate_mode mode,
                              odla_value_shape output_dims, const odla_value_id value_id) {
  odla_value_shape shape = output_dims;
  bool ok = Guard<bool>(false, [&] {
    const char* op = "odla_ResizeDynamic";
    odla_ref::CheckInput(input, op, 0);
    if (odla_ref::IsDefined(shape)) return true;
    const Dims& in = input->type.dims;
    Dims out;
    if (sizes != nullptr) {
      for (int64_t s : Constant(sizes, op)) out.push_back(s);
    } else {
      // ONNX: output extent = floor(input extent * scale); scales are float32 constants.
      odla_ref::CheckInput(scales, op, 1);
      if (scales->kind != odla_ref::ValueKind::Constant || scales->type.element_type != ODLA_FLOAT32)
        Fail(ODLA_UNSUPPORTED_OP, "odla_ResizeDynamic: scales must be a float32 constant");
      const float* factors = reinterpret_cast<const float*>(scales->constant_data.data());
      for (int64_t d = 0; d < scales->type.Count(); ++d)
        out.push_back(static_cast<int64_t>(std::floor(static_cast<double>(in[static_cast<size_t>(d)]) * factors[d])));
    }
    if (out.size() != in.size()) Fail(ODLA_INVALID_PARAM, "odla_ResizeDynamic: one size or scale per dimension is needed");
    shape = odla_ref::ShapeFromDims(out);
    return true;
  });
  return ok ? odla_Resize(input, interpolation, mode, 0, shape, value_id) : nullptr;
}

}  // extern "C"
