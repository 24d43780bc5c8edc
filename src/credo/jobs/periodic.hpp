// Periodic: calls a function every interval on a thread of its own, and once more when stopped, so
// that what it flushes is not lost on a clean shutdown. Used for the access counts (app::AccessWatch).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace credo::jobs {

class Periodic {
 public:
    Periodic(std::function<void()> tick, std::chrono::milliseconds interval);
    ~Periodic();  // Stop()
    Periodic(const Periodic&) = delete;
    Periodic& operator=(const Periodic&) = delete;

    // Wakes the thread, waits for it to end, and ticks a last time. Idempotent.
    void Stop();

 private:
    std::function<void()> tick_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace credo::jobs
