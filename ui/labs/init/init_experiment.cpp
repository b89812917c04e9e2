#include "labs/init/init_experiment.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>

#include "autograd/grad_mode.h"
#include "ops/functional.h"
#include "tensor/random.h"

namespace gsui::init {

namespace {
const SchemeInfo kSchemes[] = {
    {"normal1", QT_TRANSLATE_NOOP("InitLab", "N(0, 1)"), "normal", 1.0},
    {"normal001", QT_TRANSLATE_NOOP("InitLab", "N(0, 0.01²)"), "normal", 0.01},
    {"xavier", QT_TRANSLATE_NOOP("InitLab", "Xavier (Glorot)"), "xavier_uniform", 1.0},
    {"he", QT_TRANSLATE_NOOP("InitLab", "He (Kaiming)"), "kaiming_normal", 1.0},
    {"zeros", QT_TRANSLATE_NOOP("InitLab", "Zeros"), "zeros", 1.0},
};

/// Core's statistics of one layer's values: mean, population std (var with unbiased=false).
LayerValues statsOf(const gs::Tensor& t) {
  const gs::Tensor flat = t.detach().flatten();
  LayerValues v;
  v.values = flat.to_vector<double>();
  v.mean = flat.mean().item();
  v.std = gs::var(flat, {0}, false).sqrt().item();
  v.min = flat.min().item();
  v.max = flat.max().item();
  return v;
}

/// The hidden layers' outputs for kBatch N(0, 1) inputs, each retaining its gradient.
std::vector<gs::Tensor> forwardLayers(gs::nn::Sequential& model, const gs::Tensor& x) {
  std::vector<gs::Tensor> outputs;
  gs::Tensor h = x;
  for (std::size_t i = 0; i < model.size(); ++i) {
    h = model[i]->forward(h);
    if (i % 2 == 1) {  // after each activation: Linear, act, Linear, act, …
      if (h.requires_grad()) h.retain_grad();
      outputs.push_back(h);
    }
  }
  return outputs;
}
}  // namespace

const SchemeInfo& info(Scheme scheme) { return kSchemes[static_cast<int>(scheme)]; }

const char* layerType(Activation activation) {
  switch (activation) {
    case Activation::Sigmoid: return "Sigmoid";
    case Activation::Tanh: return "Tanh";
    case Activation::ReLU: return "ReLU";
  }
  return "Tanh";
}

bool schemeFromId(const QString& id, Scheme& out) {
  for (Scheme s : kTrainingSchemes)
    if (id == QLatin1String(info(s).id)) return out = s, true;
  return false;
}

bool activationFromType(const QString& type, Activation& out) {
  for (Activation a : kActivations)
    if (type == QLatin1String(layerType(a))) return out = a, true;
  return false;
}

gs::spec::ModelSpec mlpSpec(Scheme scheme, Activation activation, int inputs, int outputs) {
  gs::spec::ModelSpec spec;
  spec.input_shape = {inputs};
  spec.init = info(scheme).spec_name;
  spec.init_std = info(scheme).std;
  for (int k = 0; k < kDepth; ++k) {
    spec.layers.push_back(gs::spec::make_layer("Linear", {{"out_features", kWidth}}));
    spec.layers.push_back(gs::spec::make_layer(layerType(activation)));
  }
  if (outputs > 0) spec.layers.push_back(gs::spec::make_layer("Linear", {{"out_features", outputs}}));
  return spec;
}

std::int64_t Histogram::total() const {
  std::int64_t n = 0;
  for (auto c : counts) n += c;
  return n;
}

Histogram histogram(const std::vector<double>& values, double low, double high, int bins) {
  Histogram h;
  if (!(high > low)) high = low + 1e-12;  // every value equal: one narrow bin takes them all
  h.low = low;
  h.width = (high - low) / bins;
  h.counts.assign(static_cast<std::size_t>(bins), 0);
  for (double v : values) {
    const double at = std::floor((v - low) / h.width);
    const int bin = std::isfinite(at) ? static_cast<int>(std::clamp(at, 0.0, bins - 1.0)) : (v > 0 ? bins - 1 : 0);
    ++h.counts[static_cast<std::size_t>(bin)];
  }
  return h;
}

double Experiment::activationLow() const { return activation == Activation::Tanh ? -1.0 : 0.0; }

double Experiment::activationHigh() const {
  if (activation != Activation::ReLU) return 1.0;
  // ReLU has no upper bound: one range for all layers, so a layer that shrinks or grows shows it.
  double high = 0;
  for (const LayerValues& l : activations) high = std::max(high, l.max);
  return high > 0 ? high : 1.0;
}

Histogram Experiment::activationHistogram(int layer) const {
  return histogram(activations[static_cast<std::size_t>(layer)].values, activationLow(), activationHigh());
}

Histogram Experiment::gradientHistogram(int layer) const {
  double m = 0;
  for (const LayerValues& l : gradients) m = std::max({m, std::abs(l.min), std::abs(l.max)});
  if (m == 0) m = 1;
  return histogram(gradients[static_cast<std::size_t>(layer)].values, -m, m);
}

Experiment runExperiment(Scheme scheme, Activation activation, std::uint64_t seed) {
  gs::Generator generator(seed);
  auto model = gs::spec::build_model(mlpSpec(scheme, activation), gs::kFloat64, &generator);
  gs::Generator data(seed + 1000);
  const gs::Tensor x = gs::randn({kBatch, kWidth}, {.dtype = gs::kFloat64}, &data);
  const gs::Tensor y = gs::randn({kBatch, kWidth}, {.dtype = gs::kFloat64}, &data);
  const std::vector<gs::Tensor> hidden = forwardLayers(*model, x);
  gs::mse_loss(hidden.back(), y, gs::Reduction::Sum).backward();
  Experiment e;
  e.activation = activation;
  for (const gs::Tensor& h : hidden) {
    e.activations.push_back(statsOf(h));
    const gs::Tensor g = h.grad();
    e.gradients.push_back(statsOf(g.defined() ? g : gs::zeros(h.shape(), {.dtype = gs::kFloat64})));
  }
  return e;
}

std::vector<double> activationStds(Scheme scheme, Activation activation, std::uint64_t seed) {
  gs::Generator generator(seed);
  auto model = gs::spec::build_model(mlpSpec(scheme, activation), gs::kFloat64, &generator);
  gs::Generator data(seed + 1000);
  const gs::Tensor x = gs::randn({kBatch, kWidth}, {.dtype = gs::kFloat64}, &data);
  gs::NoGradGuard no_grad;
  std::vector<double> stds;
  for (const gs::Tensor& h : forwardLayers(*model, x)) stds.push_back(gs::var(h.flatten(), {0}, false).sqrt().item());
  return stds;
}

gs::spec::Scenario trainingScenario(Scheme scheme, Activation activation, std::uint64_t seed) {
  gs::spec::Scenario s = gs::spec::parse_scenario(nlohmann::json::parse(R"({"version": 1,
    "dataset": {"name": "digits", "test_ratio": 0.2, "standardize": true, "seed": 4},
    "model": {"layers": []}, "loss": "CrossEntropyLoss", "optimizer": {"name": "SGD", "lr": 0.1},
    "batch_size": 32, "epochs": 10})"));
  s.model = mlpSpec(scheme, activation, 64, 10);
  s.seed = seed;
  s.config.seed = seed;
  s.lab = "init";
  return s;
}

double unitSpread(gs::nn::Module& model, int layer) {
  const auto params = model.named_parameters();
  const std::string name = std::to_string(2 * layer) + ".weight";
  for (const auto& [key, w] : params) {
    if (key != name) continue;
    gs::NoGradGuard no_grad;
    const gs::Tensor first = w.detach().narrow(0, 0, 1);  // W₀, broadcast against every row
    return (w.detach() - first).abs().max().item();
  }
  return -1;
}

}  // namespace gsui::init
