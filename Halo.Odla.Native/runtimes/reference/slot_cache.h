// Process-wide spare storage for the slots of execution contexts.
#ifndef HALO_ODLA_REFERENCE_SLOT_CACHE_H_
#define HALO_ODLA_REFERENCE_SLOT_CACHE_H_

#include <cstddef>
#include <vector>

namespace odla_ref {

// A buffer of at least `bytes` bytes: the smallest spare one that is large enough, else a new one.
std::vector<unsigned char> TakeSlotBuffer(size_t bytes);

// Keeps the buffers of a context that is destroyed or re-planned for the next context. Generated code creates a
// context per call; without this every call would map, fault in and unmap its intermediate buffers again.
void ReturnSlotBuffers(std::vector<std::vector<unsigned char>>& buffers);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_SLOT_CACHE_H_
