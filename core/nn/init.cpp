#include "nn/init.h"

#include <cmath>
#include <algorithm>
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

const std::vector<std::string>& schemes() {
  static const std::vector<std::string> s = {"default", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "normal", "zeros"};
  return s;
}

void apply_scheme(Module& model, const std::string& scheme, Generator* g, double normal_std) {
  const auto& known = schemes();
  if (std::find(known.begin(), known.end(), scheme) == known.end()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw Error("init: unknown scheme \"" + scheme + "\"; expected one of " + list);
  }
  GS_CHECK(normal_std > 0 && std::isfinite(normal_std), "init: the std of \"normal\" must be a positive number, got " + std::to_string(normal_std));
  if (scheme == "default") return;
  const auto params = model.named_parameters();
  for (auto [name, t] : params) {
    const bool is_bias = name == "bias" || name.ends_with(".bias");
    const bool is_weight = name == "weight" || name.ends_with(".weight");
    if (is_weight && t.dim() >= 2) {
      if (scheme == "xavier_uniform") xavier_uniform_(t, 1.0, g);
      else if (scheme == "xavier_normal") xavier_normal_(t, 1.0, g);
      else if (scheme == "kaiming_uniform") kaiming_uniform_(t, 0.0, "fan_in", "relu", g);
      else if (scheme == "kaiming_normal") kaiming_normal_(t, 0.0, "fan_in", "relu", g);
      else if (scheme == "normal") normal_(t, 0.0, normal_std, g);
      else zeros_(t);
    } else if (is_bias) {
      // The bias of a weight initialised above (BatchNorm's 1-D weight is left alone, and so is its bias).
      const std::string owner = name.substr(0, name.size() - 4) + "weight";
      for (const auto& [other, w] : params)
        if (other == owner && w.dim() >= 2) zeros_(t);
    }
  }
}

}  // namespace gs::nn::init
