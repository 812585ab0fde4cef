// PERF: spare buffers are kept up to a bound; the oldest go first when it is exceeded.
#include "slot_cache.h"

#include <deque>
#include <mutex>

namespace odla_ref {
namespace {

constexpr size_t kMaxCachedBytes = size_t{1} << 30;

struct SlotCache {
  std::mutex mutex;
  std::deque<std::vector<unsigned char>> spare;
  size_t bytes = 0;
};

SlotCache& Cache() {
  static SlotCache cache;
  return cache;
}

}  // namespace

std::vector<unsigned char> TakeSlotBuffer(size_t bytes) {
  SlotCache& cache = Cache();
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto best = cache.spare.end();
    for (auto it = cache.spare.begin(); it != cache.spare.end(); ++it)
      if (it->size() >= bytes && (best == cache.spare.end() || it->size() < best->size())) best = it;
    if (best != cache.spare.end()) {
      std::vector<unsigned char> buffer = std::move(*best);
      cache.spare.erase(best);
      cache.bytes -= buffer.size();
      return buffer;
    }
  }
  return std::vector<unsigned char>(bytes);
}

void ReturnSlotBuffers(std::vector<std::vector<unsigned char>>& buffers) {
  SlotCache& cache = Cache();
  std::lock_guard<std::mutex> lock(cache.mutex);
  for (auto& buffer : buffers) {
    if (buffer.empty()) continue;
    cache.bytes += buffer.size();
    cache.spare.push_back(std::move(buffer));
  }
  buffers.clear();
  while (cache.bytes > kMaxCachedBytes && !cache.spare.empty()) {
    cache.bytes -= cache.spare.front().size();
    cache.spare.pop_front();
  }
}

}  // namespace odla_ref
