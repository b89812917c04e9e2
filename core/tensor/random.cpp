#include "tensor/random.h"

#include <cmath>

namespace gs {

double Generator::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double u1 = uniform();
  while (u1 <= 0) u1 = uniform();
  const double u2 = uniform();
  const double r = std::sqrt(-2.0 * std::log(u1));
  spare_ = r * std::sin(2 * M_PI * u2);
  has_spare_ = true;
  return r * std::cos(2 * M_PI * u2);
}

std::int64_t Generator::integer(std::int64_t low, std::int64_t high) {
  const auto range = static_cast<std::uint64_t>(high - low);
  return low + static_cast<std::int64_t>(engine_() % range);
}

Generator& default_generator() {
  thread_local Generator generator(0);
  return generator;
}

void manual_seed(std::uint64_t seed) { default_generator().manual_seed(seed); }

}  // namespace gs
