// Clock: the one source of "now". Injected everywhere time matters, so that tests and the
// re-evaluation of a past date are exact. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace credo {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
    Timestamp Now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
};

// A clock that stands still until moved; for tests and demo data.
class ManualClock final : public Clock {
 public:
    explicit ManualClock(Timestamp start) : now_(start.time_since_epoch().count()) {}
    Timestamp Now() const override { return Timestamp(std::chrono::milliseconds(now_.load())); }
    void Set(Timestamp t) { now_ = t.time_since_epoch().count(); }
    void Advance(std::chrono::milliseconds d) { now_ += d.count(); }

 private:
    std::atomic<std::int64_t> now_;
};

}  // namespace credo
