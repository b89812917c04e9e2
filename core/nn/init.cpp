#include "nn/init.h"

#include <cmath>
#include <functional>

#include "autograd/grad_mode.h"

namespace gs::nn::init {

std::pair<double, double> calculate_fan_in_and_fan_out(const Tensor& t) {
  GS_CHECK(t.dim() >= 2, "fan in and fan out can not be computed for a tensor with fewer than 2 dimensions (shape " +
                          shape_str(t.shape()) + ")");
  double receptive = 1;
  for (std::int64_t d = 2; d < t.dim(); ++d) receptive *= static_cast<double>(t.size(d));
  return {static_cast<double>(t.size(1)) * receptive, static_cast<double>(t.size(0)) * receptive};
}

double calculate_gain(const std::string& nonlinearity, double param) {
  if (nonlinearity == "linear" || nonlinearity == "sigmoid" || nonlinearity == "identity" ||
      nonlinearity.rfind("conv", 0) == 0)
    return 1.0;
  if (nonlinearity == "tanh") return 5.0 / 3.0;
  if (nonlinearity == "relu") return std::sqrt(2.0);
  if (nonlinearity == "leaky_relu") return std::sqrt(2.0 / (1 + param * param));
  if (nonlinearity == "selu") return 0.75;
  throw Error("calculate_gain: unsupported nonlinearity \"" + nonlinearity + "\"");
}

namespace {
void fill_with(Tensor& t, const std::function<double()>& draw) {
  std::vector<double> v(t.numel());
  for (auto& x : v) x = draw();
  NoGradGuard no_grad;
  t.copy_(from_vector(v, t.shape(), options_of(t)));
}
double fan(const Tensor& t, const std::string& mode) {
  auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(t);
  if (mode == "fan_in") return fan_in;
  if (mode == "fan_out") return fan_out;
  throw Error("mode \"" + mode + "\" not supported, please use one of fan_in, fan_out");
}
}  // namespace

void uniform_(Tensor& t, double a, double b, Generator* g) {
  Generator& gen = g ? *g : default_generator();
  fill_with(t, [&] { return a + (b - a) * gen.uniform(); });
}
void normal_(Tensor& t, double mean, double std, Generator* g) {
  Generator& gen = g ? *g : default_generator();
  fill_with(t, [&] { return mean + std * gen.normal(); });
}
void constant_(Tensor& t, double value) {
  NoGradGuard no_grad;
  t.fill_(value);
}
void zeros_(Tensor& t) { constant_(t, 0.0); }
void ones_(Tensor& t) { constant_(t, 1.0); }

void xavier_uniform_(Tensor& t, double gain, Generator* g) {
  auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(t);
  const double b = gain * std::sqrt(6.0 / (fan_in + fan_out));
  uniform_(t, -b, b, g);
}
void xavier_normal_(Tensor& t, double gain, Generator* g) {
  auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(t);
  normal_(t, 0.0, gain * std::sqrt(2.0 / (fan_in + fan_out)), g);
}
void kaiming_uniform_(Tensor& t, double a, const std::string& mode, const std::string& nonlinearity, Generator* g) {
  const double b = calculate_gain(nonlinearity, a) * std::sqrt(3.0 / fan(t, mode));
  uniform_(t, -b, b, g);
}
void kaiming_normal_(Tensor& t, double a, const std::string& mode, const std::string& nonlinearity, Generator* g) {
  normal_(t, 0.0, calculate_gain(nonlinearity, a) / std::sqrt(fan(t, mode)), g);
}

}  // namespace gs::nn::init
