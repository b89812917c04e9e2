#include "nn/diagnostics.h"

#include <cmath>

#include "nn/activation.h"
#include "nn/linear.h"

namespace gs::nn {

DepthProbe probe_depth(const std::string& activation, int depth, int width, int batch, std::uint64_t seed) {
  GS_CHECK(depth >= 1 && depth <= 200, "depth must be between 1 and 200, got " + std::to_string(depth));
  Generator g(seed);
  std::vector<std::shared_ptr<Linear>> linears;
  std::vector<std::shared_ptr<Module>> acts;
  for (int i = 0; i < depth; ++i) {
    linears.push_back(std::make_shared<Linear>(LinearOptions{.in_features = width, .out_features = width}, kFloat64, &g));
    acts.push_back(make_activation(activation));
  }
  Tensor h = randn({batch, width}, {.dtype = kFloat64}, &g);
  DepthProbe probe;
  probe.units_per_layer = width;
  for (int i = 0; i < depth; ++i) {
    h = acts[i]->forward(linears[i]->forward(h));
    // A unit is dead on this batch when no sample activates it (max over the batch ≤ 0).
    const Tensor alive = gt(std::get<0>(h.detach().max(0)), zeros({width}, {.dtype = kFloat64}));
    probe.dead_units.push_back(width - static_cast<std::int64_t>(alive.sum().item()));
  }
  (h * h).mean().backward();
  for (const auto& l : linears) {
    const Tensor gw = l->weight.grad();
    probe.grad_norms.push_back(gw.defined() ? std::sqrt((gw * gw).sum().item()) : 0.0);
  }
  return probe;
}

std::vector<std::pair<std::string, double>> weight_gradient_norms(const Module& model) {
  std::vector<std::pair<std::string, double>> norms;
  for (const auto& [name, p] : model.named_parameters()) {
    if (p.dim() < 2) continue;
    const Tensor g = p.grad();
    // NOTE: summed in float64 so a float32 model's tiny norms (1e-9 in a deep plain net) keep their digits.
    const Tensor g64 = g.defined() ? g.detach().to(kFloat64) : Tensor();
    norms.emplace_back(name, g64.defined() ? std::sqrt((g64 * g64).sum().item()) : 0.0);
  }
  return norms;
}

}  // namespace gs::nn
