// A small process-wide thread pool for the heavy kernels (Conv, Gemm, ...).
#ifndef HALO_ODLA_REFERENCE_PARALLEL_H_
#define HALO_ODLA_REFERENCE_PARALLEL_H_

#include <cstdint>
#include <functional>

namespace odla_ref {

// Threads used by ParallelFor: ODLA_NUM_THREADS when set to a positive number, else the hardware concurrency.
int ThreadCount();

// Calls body(begin, end) on disjoint ranges covering [0, count), in parallel when count / min_chunk > 1.
// The calling thread takes part; safe to call from several threads at once (separate contexts).
void ParallelFor(int64_t count, int64_t min_chunk, const std::function<void(int64_t, int64_t)>& body);

}  // namespace odla_ref

#endif  // HALO_ODLA_REFERENCE_PARALLEL_H_
