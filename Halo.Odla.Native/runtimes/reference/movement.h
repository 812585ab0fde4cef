// Byte-level copies shared by the data-movement operators.
#ifndef HALO_ODLA_REFERENCE_MOVEMENT_H_
#define HALO_ODLA_REFERENCE_MOVEMENT_H_

#include "runtime.h"

namespace odla_ref {

// Copies a box of `extents` elements: source element at src_base + sum(i_d * src_strides[d]) goes to
// dst_base + sum(i_d * dst_strides[d]) (offsets and strides in elements of element_size bytes).
void StridedCopy(const void* src, int64_t src_base, const Dims& src_strides, void* dst, int64_t dst_base,
                 const Dims& dst_strides, const Dims& extents, size_t element_size);

// Reads a constant integer tensor (int32 or int64) handed to an operator as a value.
std::vector<int64_t> ReadConstantIndices(odla_value value, const char* op);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_MOVEMENT_H_
