// MaxUnpool and Col2Im: windows written back into an image (Halo extension, odla_ops_halo.h).
#include <ODLA/odla_ops_halo.h>

#include <algorithm>

#include "dispatch.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

extern "C" {

odla_value odla_HaloMaxUnpool(odla_value input, odla_value indices, odla_value_shape index_dims,
                              odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloMaxUnpool";
    CheckInput(input, op, 0);
    CheckInput(indices, op, 1);
    odla_ref::RequireIndexType(indices->type.element_type, op);
    if (!odla_ref::IsDefined(output_dims)) Fail(ODLA_INVALID_PARAM, "odla_HaloMaxUnpool: output_dims is required");
    if (indices->type.dims != input->type.dims) Fail(ODLA_INVALID_PARAM, "odla_HaloMaxUnpool: indices and input differ in shape");
    const TensorType out{input->type.element_type, odla_ref::DimsFromShape(output_dims)};
    const Dims from = odla_ref::IsDefined(index_dims) ? odla_ref::DimsFromShape(index_dims) : out.dims;
    if (from.size() != out.dims.size()) Fail(ODLA_INVALID_PARAM, "odla_HaloMaxUnpool: index_dims and output_dims differ in rank");
    const int64_t count = input->type.Count(), total = out.Count(), index_total = TensorType{ODLA_FLOAT32, from}.Count();
    const Dims out_dims = out.dims, out_strides = odla_ref::Strides(out.dims);
    const odla_element_type index_type = indices->type.element_type;
    odla_ref::Kernel kernel;
    odla_ref::DispatchAll(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
        const T* x = static_cast<const T*>(in[0]);
        T* y = static_cast<T*>(res[0]);
        std::fill(y, y + total, T(0));
        for (int64_t i = 0; i < count; ++i) {
          int64_t rest = odla_ref::ReadIndex(in[1], index_type, i), at = 0;
          if (rest < 0 || rest >= index_total) Fail(ODLA_INVALID_PARAM, "odla_HaloMaxUnpool: index out of range");
          // ONNX: the index addresses the pooled input's shape; the value keeps its coordinates in the output.
          for (size_t d = from.size(); d-- > 0;) {
            const int64_t coordinate = rest % from[d];
            rest /= from[d];
            if (coordinate >= out_dims[d]) Fail(ODLA_INVALID_PARAM, "odla_HaloMaxUnpool: index outside the output");
            at += coordinate * out_strides[d];
          }
          y[at] = x[i];
        }
      };
    });
    return odla_ref::AddNode1(op, {input, indices}, out, value_id, std::move(kernel));
  });
}

odla_value odla_HaloCol2Im(odla_value input, const odla_uint32* block_dims, const odla_uint32* strides,
                           const odla_uint32* dilations, const odla_uint32* paddings_front,
                           const odla_uint32* paddings_back, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloCol2Im";
    CheckInput(input, op, 0);
    if (!odla_ref::IsDefined(output_dims) || output_dims.size < 3 || block_dims == nullptr)
      Fail(ODLA_INVALID_PARAM, "odla_HaloCol2Im: output_dims [N, C, D1..Dk] and block_dims are required");
    const Dims out = odla_ref::DimsFromShape(output_dims), in = input->type.dims;
    const size_t k = out.size() - 2;
    Dims image(out.begin() + 2, out.end()), block, stride, dilation, front, blocks;
    for (size_t d = 0; d < k; ++d) {
      block.push_back(block_dims[d]);
      stride.push_back(strides == nullptr ? 1 : strides[d]);
      dilation.push_back(dilations == nullptr ? 1 : dilations[d]);
      front.push_back(paddings_front == nullptr ? 0 : paddings_front[d]);
      const int64_t back = paddings_back == nullptr ? 0 : paddings_back[d];
      if (stride[d] < 1) Fail(ODLA_INVALID_PARAM, "odla_HaloCol2Im: strides must be positive");
      blocks.push_back((image[d] + front[d] + back - (dilation[d] * (block[d] - 1) + 1)) / stride[d] + 1);
    }
    const int64_t block_size = TensorType{ODLA_FLOAT32, block}.Count(), positions = TensorType{ODLA_FLOAT32, blocks}.Count();
    if (in.size() != 3 || in[0] != out[0] || in[1] != out[1] * block_size || in[2] != positions)
      Fail(ODLA_INVALID_PARAM, "odla_HaloCol2Im: the input is not [N, C * prod(block), L] for this image and block");
    const int64_t planes = out[0] * out[1], plane = TensorType{ODLA_FLOAT32, image}.Count();
    const Dims image_strides = odla_ref::Strides(image), block_strides = odla_ref::Strides(block),
               position_strides = odla_ref::Strides(blocks);
    odla_ref::Kernel kernel;
    odla_ref::DispatchNumeric(input->type.element_type, op, [&](auto tag) {
      using T = decltype(tag);
      kernel = [=](const std::vector<const void*>& ins, const std::vector<void*>& res) {
        T* y = static_cast<T*>(res[0]);
        std::fill(y, y + planes * plane, T(0));
        for (int64_t p = 0; p < planes; ++p)
          for (int64_t b = 0; b < block_size; ++b) {
            const T* x = static_cast<const T*>(ins[0]) + (p * block_size + b) * positions;
            for (int64_t l = 0; l < positions; ++l) {
              int64_t offset = 0;
              bool inside = true;
              for (size_t d = 0; d < k && inside; ++d) {
                const int64_t i = (l / position_strides[d]) % blocks[d] * stride[d] - front[d] +
                                  (b / block_strides[d]) % block[d] * dilation[d];
                inside = i >= 0 && i < image[d];
                offset += i * image_strides[d];
              }
              if (inside) y[p * plane + offset] = static_cast<T>(y[p * plane + offset] + x[l]);
            }
          }
      };
    });
    return odla_ref::AddNode1(op, {input}, TensorType{input->type.element_type, out}, value_id, std::move(kernel));
  });
}

}  // extern "C"
