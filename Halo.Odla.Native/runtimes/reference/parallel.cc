// Thread pool: workers take helper tasks from one queue. A ParallelFor caller claims chunks itself and only waits
// for helpers that are running one, so nested or concurrent ParallelFor calls cannot deadlock.
#include "parallel.h"

#include <algorithm>
#include <atomic>
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

// State of one ParallelFor call, shared with its helper tasks. Chunks are claimed through `next`, so whoever
// runs takes work: a helper that wakes late finds less (or nothing) left and the caller never waits on a
// queued task, only on helpers already inside a chunk. After `closed` no helper touches the caller's body.
struct Batch {
  std::mutex mutex;
  std::condition_variable done;
  std::atomic<int64_t> next{0};
  int64_t chunks = 0, count = 0;
  int active = 0;
  bool closed = false;
  std::exception_ptr error;

  std::pair<int64_t, int64_t> Range(int64_t c) const { return {count * c / chunks, count * (c + 1) / chunks}; }

  // Runs claimed chunks until none is left; the first exception stops this runner and is kept.
  void Drain(const std::function<void(int64_t, int64_t)>& body) {
    try {
      for (int64_t c = next.fetch_add(1); c < chunks; c = next.fetch_add(1)) {
        auto [begin, end] = Range(c);
        body(begin, end);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
      next.store(chunks);
    }
  }
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
  const int64_t threads = ThreadCount();
  const int64_t most = std::max<int64_t>(1, count / std::max<int64_t>(1, min_chunk));
  if (threads <= 1 || most <= 1) {
    body(0, count);
    return;
  }
  // PERF: a few chunks per thread balance uneven work and late wake-ups without much claiming overhead.
  auto batch = std::make_shared<Batch>();
  batch->count = count;
  batch->chunks = std::min(most, threads * 4);
  const int64_t helpers = std::min(threads, batch->chunks) - 1;
  for (int64_t h = 0; h < helpers; ++h) {
    Pool().Push([batch, &body] {
      {
        std::lock_guard<std::mutex> lock(batch->mutex);
        if (batch->closed) return;
        ++batch->active;
      }
      batch->Drain(body);
      std::lock_guard<std::mutex> lock(batch->mutex);
      if (--batch->active == 0 && batch->closed) batch->done.notify_all();
    });
  }
  batch->Drain(body);
  {
    std::unique_lock<std::mutex> lock(batch->mutex);
    batch->closed = true;
    batch->done.wait(lock, [&] { return batch->active == 0; });
  }
  if (batch->error) std::rethrow_exception(batch->error);
}

}  // namespace odla_ref
