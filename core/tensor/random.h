#pragma once
/// Seeded random numbers. Every random op takes an optional Generator; without one it uses the
/// calling thread's default generator (gs::manual_seed seeds it), so runs are reproducible.
#include <cstdint>
#include <random>

namespace gs {

class Generator {
 public:
  explicit Generator(std::uint64_t seed = 0) : engine_(seed) {}
  void manual_seed(std::uint64_t seed) { engine_.seed(seed); has_spare_ = false; }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  /// Standard normal (Box–Muller, so identical on every platform).
  double normal();
  /// Uniform integer in [low, high).
  std::int64_t integer(std::int64_t low, std::int64_t high);
  std::mt19937_64& engine() { return engine_; }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

/// The calling thread's default generator.
Generator& default_generator();
/// Seeds the calling thread's default generator (torch.manual_seed).
void manual_seed(std::uint64_t seed);

}  // namespace gs
