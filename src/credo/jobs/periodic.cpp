#include "credo/jobs/periodic.hpp"

namespace credo::jobs {

Periodic::Periodic(std::function<void()> tick, std::chrono::milliseconds interval) : tick_(std::move(tick)) {
    thread_ = std::thread([this, interval] {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, interval, [&] { return stopping_; })) {
            lock.unlock();
            tick_();
            lock.lock();
        }
    });
}

Periodic::~Periodic() { Stop(); }

void Periodic::Stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    tick_();
}

}  // namespace credo::jobs
