// Thread pool: workers take chunks from one queue; a waiting caller runs queued chunks too, so nested or
// concurrent ParallelFor calls cannot deadlock.
#include "parallel.h"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime.h"

namespace odla_ref {
namespace {

class ThreadPool {
 public:
  explicit ThreadPool(int threads) {
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    for (auto& worker : workers_) worker.join();
  }
  void Push(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }
  bool RunOne() {
    std::function<void()> task;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (tasks_.empty()) return false;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
    return true;
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> tasks_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool stop_ = false;
};

ThreadPool& Pool() {
  static ThreadPool pool(ThreadCount());
  return pool;
}

// Completion state of one ParallelFor call, shared with its queued chunks.
struct Batch {
  std::mutex mutex;
  std::condition_variable done;
  int remaining = 0;
  std::exception_ptr error;
};

}  // namespace

int ThreadCount() {
  static const int count = [] {
    const char* text = std::getenv("ODLA_NUM_THREADS");
    int requested = text != nullptr ? std::atoi(text) : 0;
    if (requested > 0) return std::min(requested, 256);
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }();
  return count;
}

void ParallelFor(int64_t count, int64_t min_chunk, const std::function<void(int64_t, int64_t)>& body) {
  if (count <= 0) return;
  int64_t chunks = std::min<int64_t>(ThreadCount(), std::max<int64_t>(1, count / std::max<int64_t>(1, min_chunk)));
  if (chunks <= 1) {
    body(0, count);
    return;
  }
  auto batch = std::make_shared<Batch>();
  batch->remaining = static_cast<int>(chunks - 1);
  auto range = [count, chunks](int64_t c) { return std::make_pair(count * c / chunks, count * (c + 1) / chunks); };
  for (int64_t c = 1; c < chunks; ++c) {
    auto [begin, end] = range(c);
    Pool().Push([batch, &body, begin, end] {
      std::exception_ptr error;
      try {
        body(begin, end);
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(batch->mutex);
      if (error && !batch->error) batch->error = error;
      if (--batch->remaining == 0) batch->done.notify_all();
    });
  }
  std::exception_ptr first_error;
  try {
    auto [begin, end] = range(0);
    body(begin, end);
  } catch (...) {
    first_error = std::current_exception();
  }
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(batch->mutex);
      if (batch->remaining == 0) break;
    }
    if (!Pool().RunOne()) {
      std::unique_lock<std::mutex> lock(batch->mutex);
      batch->done.wait(lock, [&] { return batch->remaining == 0; });
      break;
    }
  }
  if (first_error) std::rethrow_exception(first_error);
  if (batch->error) std::rethrow_exception(batch->error);
}

}  // namespace odla_ref
