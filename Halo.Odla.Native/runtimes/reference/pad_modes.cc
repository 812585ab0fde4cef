// Halo extension: ONNX Pad's reflect, edge and wrap modes (odla_HaloPad, odla_ops_halo.h).
// PERF: each axis gets a table from output index to input index once, at build time; a run walks the output
// rows and gathers the innermost axis through its table.
#include <ODLA/odla_ops_halo.h>

#include <cstring>

#include "movement.h"
#include "runtime.h"

using odla_ref::CheckInput;
using odla_ref::Dims;
using odla_ref::Fail;
using odla_ref::Guard;
using odla_ref::TensorType;

namespace {

// Input index along an axis of `size` elements for output index `o` with `front` elements padded before it.
int64_t SourceIndex(odla_halo_pad_mode mode, int64_t o, int64_t front, int64_t size) {
  int64_t i = o - front;
  switch (mode) {
    case ODLA_HALO_PAD_EDGE:
      return i < 0 ? 0 : (i >= size ? size - 1 : i);
    case ODLA_HALO_PAD_WRAP:
      return ((i % size) + size) % size;
    case ODLA_HALO_PAD_REFLECT:
    default: {
      // Mirror with period 2 (size - 1): ..., 2, 1, [0, 1, ..., size - 1], size - 2, ...
      if (size == 1) return 0;
      const int64_t period = 2 * (size - 1);
      i = ((i % period) + period) % period;
      return i < size ? i : period - i;
    }
  }
}

template <size_t Bytes>
void GatherRow(const unsigned char* src, const int64_t* index, int64_t count, unsigned char* dst) {
  for (int64_t o = 0; o < count; ++o) std::memcpy(dst + o * Bytes, src + index[o] * Bytes, Bytes);
}

}  // namespace

extern "C" {

odla_value odla_HaloPad(odla_value input, odla_halo_pad_mode mode, const odla_uint32* padding_front,
                        const odla_uint32* padding_back, odla_value_shape output_dims, const odla_value_id value_id) {
  return Guard<odla_value>(nullptr, [&] {
    const char* op = "odla_HaloPad";
    CheckInput(input, op, 0);
    if (mode != ODLA_HALO_PAD_REFLECT && mode != ODLA_HALO_PAD_EDGE && mode != ODLA_HALO_PAD_WRAP)
      Fail(ODLA_INVALID_PARAM, "odla_HaloPad: unknown mode " + std::to_string(static_cast<int>(mode)));
    const Dims dims = input->type.dims;
    Dims out = dims;
    std::vector<std::vector<int64_t>> tables(dims.size());
    for (size_t d = 0; d < dims.size(); ++d) {
      const int64_t front = padding_front ? padding_front[d] : 0, back = padding_back ? padding_back[d] : 0;
      out[d] += front + back;
      if (dims[d] == 0 && out[d] > 0)
        Fail(ODLA_INVALID_PARAM, "odla_HaloPad: axis " + std::to_string(d) + " is empty and cannot be padded from");
      if (mode == ODLA_HALO_PAD_REFLECT && dims[d] == 1 && out[d] > 1)
        Fail(ODLA_INVALID_PARAM, "odla_HaloPad: reflect padding needs at least two elements on axis " + std::to_string(d));
      tables[d].resize(static_cast<size_t>(out[d]));
      for (int64_t o = 0; o < out[d]; ++o) tables[d][static_cast<size_t>(o)] = SourceIndex(mode, o, front, dims[d]);
    }
    odla_ref::ResolveOutputDims(out, output_dims, op);
    const TensorType out_type{input->type.element_type, out};
    const size_t element = odla_ref::ElementSize(input->type.element_type);
    const Dims in_strides = odla_ref::Strides(dims);
    return odla_ref::AddNode1(op, {input}, out_type, value_id,
                              [=](const std::vector<const void*>& in, const std::vector<void*>& res) {
      const size_t rank = out.size();
      const auto* src = static_cast<const unsigned char*>(in[0]);
      auto* dst = static_cast<unsigned char*>(res[0]);
      if (rank == 0) {
        std::memcpy(dst, src, element);
        return;
      }
      const int64_t row = out[rank - 1];
      const int64_t rows = row == 0 ? 0 : out_type.Count() / row;
      const int64_t* inner = tables[rank - 1].data();
      Dims at(rank, 0);
      for (int64_t r = 0; r < rows; ++r) {
        int64_t offset = 0;
        for (size_t d = 0; d + 1 < rank; ++d) offset += tables[d][static_cast<size_t>(at[d])] * in_strides[d];
        const unsigned char* from = src + offset * static_cast<int64_t>(element);
        unsigned char* to = dst + r * row * static_cast<int64_t>(element);
        switch (element) {
          case 1: GatherRow<1>(from, inner, row, to); break;
          case 2: GatherRow<2>(from, inner, row, to); break;
          case 4: GatherRow<4>(from, inner, row, to); break;
          case 8: GatherRow<8>(from, inner, row, to); break;
          default:
            for (int64_t o = 0; o < row; ++o) std::memcpy(to + o * element, from + inner[o] * element, element);
        }
        for (size_t d = rank - 1; d-- > 0;) {
          if (++at[d] < out[d]) break;
          at[d] = 0;
        }
      }
    });
  });
}

}  // extern "C"
