#include "train/probe.h"

#include "nn/linear.h"
#include "ops/functional.h"
#include "train/inspecting.h"
#include "util/error.h"

namespace gs::train {
namespace {

/// The columns of h [N, K] as K vectors of N values.
std::vector<std::vector<double>> columns(const Tensor& h) {
  std::vector<std::vector<double>> cols(static_cast<std::size_t>(h.size(1)));
  const std::vector<double> v = h.to_vector<double>();
  const std::size_t n = static_cast<std::size_t>(h.size(0)), k = cols.size();
  for (std::size_t c = 0; c < k; ++c) {
    cols[c].resize(n);
    for (std::size_t r = 0; r < n; ++r) cols[c][r] = v[r * k + c];
  }
  return cols;
}

}  // namespace

Tensor plane_grid(int res, double range) {
  std::vector<double> g;
  g.reserve(static_cast<std::size_t>(2 * res * res));
  for (int j = 0; j < res; ++j)
    for (int i = 0; i < res; ++i) g.insert(g.end(), {-range + 2 * range * (i + 0.5) / res, -range + 2 * range * (j + 0.5) / res});
  return from_vector(g, {res * res, 2});
}

std::vector<double> decision_map(nn::Module& model, const Tensor& x, OutputKind kind) {
  Inspecting look(model);
  const Tensor out = model.forward(x);
  const std::int64_t outputs = out.size(1);
  switch (kind) {
    case OutputKind::Value: return clamp((out.reshape({-1}) + 1.0) * 0.5, 0.0, 1.0).to_vector<double>();
    case OutputKind::Logit: return sigmoid(out.reshape({-1})).to_vector<double>();
    case OutputKind::Logits:
      if (outputs == 2) return softmax(out, 1).index({Slice{}, 1}).contiguous().to_vector<double>();
      return (argmax(out, 1).to(kFloat64) / static_cast<double>(outputs - 1)).to_vector<double>();
  }
  return {};
}

std::vector<double> predict(nn::Module& model, const Tensor& x) {
  Inspecting look(model);
  return model.forward(x).reshape({-1}).to_vector<double>();
}

NeuronMaps neuron_maps(nn::Module& model, const Tensor& x, int resolution, OutputKind kind) {
  auto* seq = dynamic_cast<nn::Sequential*>(&model);
  GS_CHECK(seq != nullptr, "neuron_maps: the network picture needs an nn.Sequential, got " + model.type_name());
  Inspecting look(model);
  NeuronMaps maps;
  maps.resolution = resolution;
  maps.layers.push_back(columns(x));
  // Every Linear's input is a column of neurons (the inputs for the first); then the output.
  Tensor h = x;
  bool first_linear = true;
  for (std::size_t i = 0; i < seq->size(); ++i) {
    if (const auto* linear = dynamic_cast<const nn::Linear*>((*seq)[i].get())) {
      if (!first_linear) maps.layers.push_back(columns(h));
      first_linear = false;
      maps.weights.push_back(linear->weight.to_vector<double>());
    }
    h = (*seq)[i]->forward(h);
  }
  maps.layers.push_back(columns(kind == OutputKind::Value ? h : kind == OutputKind::Logit ? sigmoid(h) : softmax(h, 1)));
  return maps;
}

}  // namespace gs::train
