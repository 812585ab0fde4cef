// Strided box copies (transpose, slice, concat, pad, broadcast).
#include <cstring>

#include "dispatch.h"
#include "movement.h"

namespace odla_ref {

void StridedCopy(const void* src, int64_t src_base, const Dims& src_strides, void* dst, int64_t dst_base,
                 const Dims& dst_strides, const Dims& extents, size_t element_size) {
  const char* s = static_cast<const char*>(src);
  char* d = static_cast<char*>(dst);
  const size_t rank = extents.size();
  for (int64_t e : extents)
    if (e == 0) return;
  if (rank == 0) {
    std::memcpy(d + dst_base * element_size, s + src_base * element_size, element_size);
    return;
  }
  const int64_t inner = extents[rank - 1], ss = src_strides[rank - 1], ds = dst_strides[rank - 1];
  // PERF: contiguous innermost rows move with one memcpy.
  const bool contiguous = ss == 1 && ds == 1;
  Dims counter(rank, 0);
  int64_t so = src_base, doff = dst_base;
  for (;;) {
    if (contiguous) {
      std::memcpy(d + doff * element_size, s + so * element_size, static_cast<size_t>(inner) * element_size);
    } else if (element_size == 4) {
      const uint32_t* from = reinterpret_cast<const uint32_t*>(s) + so;
      uint32_t* to = reinterpret_cast<uint32_t*>(d) + doff;
      for (int64_t j = 0; j < inner; ++j) std::memcpy(to + j * ds, from + j * ss, 4);
    } else {
      for (int64_t j = 0; j < inner; ++j)
        std::memcpy(d + (doff + j * ds) * element_size, s + (so + j * ss) * element_size, element_size);
    }
    size_t dim = rank - 1;
    for (;;) {
      if (dim == 0) return;
      --dim;
      so += src_strides[dim];
      doff += dst_strides[dim];
      if (++counter[dim] < extents[dim]) break;
      so -= src_strides[dim] * extents[dim];
      doff -= dst_strides[dim] * extents[dim];
      counter[dim] = 0;
    }
  }
}

std::vector<int64_t> ReadConstantIndices(odla_value value, const char* op) {
  CheckInput(value, op, 1);
  if (value->kind != ValueKind::Constant)
    Fail(ODLA_UNSUPPORTED_OP, std::string(op) + ": '" + value->id + "' must be a constant");
  RequireIndexType(value->type.element_type, op);
  std::vector<int64_t> indices;
  for (int64_t i = 0; i < value->type.Count(); ++i)
    indices.push_back(ReadIndex(value->constant_data.data(), value->type.element_type, i));
  return indices;
}

}  // namespace odla_ref
