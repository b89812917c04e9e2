// The backend registry: which Backend serves each device (declared in backend.h). The CPU
// backend is built in; other backends register a factory from their own library's static
// initialiser (gpu/cuda_backend.cpp), so core never names them and a build without them still
// links, reporting why the device is missing.
#include <array>
#include <atomic>

#include "backend/backend.h"
#include "backend/cpu_backend.h"
#include "util/error_codes.h"

namespace gs {
namespace {

constexpr std::size_t kDeviceCount = 2;
static_assert(static_cast<std::size_t>(Device::CUDA) + 1 == kDeviceCount, "a new Device needs a registry slot");

// Constant-initialised (before any static initialiser runs), so a backend library may register
// from its own static initialiser whatever the order of initialisation between files. Written
// at start-up, read by every thread afterwards: atomics.
constinit std::array<std::atomic<BackendFactory>, kDeviceCount> factories{};

std::atomic<BackendFactory>& slot(Device device) { return factories[static_cast<std::size_t>(device)]; }

/// "CUDA": the device as the messages name it.
const char* display_name(Device device) { return device == Device::CPU ? "CPU" : "CUDA"; }

}  // namespace

void register_backend(Device device, BackendFactory factory) {
  GS_CHECK(device != Device::CPU, "register_backend: the CPU backend is built into core");
  GS_CHECK(factory != nullptr, "register_backend: no factory given for " + to_string(device));
  BackendFactory none = nullptr;
  GS_CHECK(slot(device).compare_exchange_strong(none, factory),
           "register_backend: " + to_string(device) + " already has a backend (two backend libraries linked?)");
}

DeviceStatus device_status(Device device) {
  DeviceStatus status;
  if (device == Device::CPU) return status;
  const BackendFactory factory = slot(device).load(std::memory_order_acquire);
  if (factory) {
    const Backend& b = factory();
    status.reason = b.unavailable_reason();
    if (!status.reason.empty()) status.code = b.unavailable_code(&status.args);
  } else {
    status.code = "device_not_built";
    status.args = {display_name(device)};
    status.reason = format_message(status.code, status.args);
  }
  status.available = status.reason.empty();
  return status;
}

bool device_available(Device device, std::string* reason) {
  DeviceStatus status = device_status(device);
  if (reason) *reason = std::move(status.reason);
  return status.available;
}

Backend& backend(Device device) {
  if (device == Device::CPU) return cpu::cpu_backend();
  std::string why;
  if (!device_available(device, &why))
    throw Error(std::string(display_name(device)) + " is not available: " + why + ". Use device 'cpu'.",
                "RuntimeError: Torch not compiled with CUDA enabled / No CUDA GPUs are available");
  return slot(device).load(std::memory_order_acquire)();
}

}  // namespace gs
