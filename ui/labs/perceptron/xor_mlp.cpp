#include "labs/perceptron/xor_mlp.h"

#include "nn/loss.h"
#include "optim/sgd.h"
#include "spec/model_spec.h"
#include "train/probe.h"

namespace gsui {
namespace {

const std::vector<double> kInputs = {0, 0, 0, 1, 1, 0, 1, 1};

/// What the lab draws, computed in the worker from the model with core's probes: the regions,
/// the hidden layer's view of the four points and the output neuron's line in it.
XorMlpFrame makeFrame(gs::train::Trainer& t, const gs::Tensor& grid) {
  const gs::Tensor x = t.train_set().x;
  XorMlpFrame f;
  f.steps = t.snapshot().step;
  f.loss = t.evaluate(t.train_set()).loss;  // mean BCE over the four points
  f.logits = gs::train::predict(t.model(), x);
  f.region = gs::train::decision_map(t.model(), grid, gs::train::OutputKind::Logit);
  // Columns: the inputs, the hidden layer (after its activation), the output.
  const gs::train::NeuronMaps maps = gs::train::neuron_maps(t.model(), x, 2, gs::train::OutputKind::Logit);
  for (std::size_t i = 0; i < 4; ++i) f.hidden.insert(f.hidden.end(), {maps.layers[1][0][i], maps.layers[1][1][i]});
  const std::vector<double>& w = maps.weights[1];  // the output Linear's weight [1, 2]
  f.out_weight = {w[0], w[1]};
  for (const auto& [name, p] : t.model().named_parameters())
    if (name == "2.bias") f.out_bias = p.item();
  return f;
}

}  // namespace

XorMlp::XorMlp(std::vector<double> grid, QObject* parent) : QObject(parent), grid_(std::move(grid)) {
  display_.setInterval(15);
  connect(&display_, &QTimer::timeout, this, &XorMlp::pull);
}

void XorMlp::restart(const std::vector<double>& targets, const std::string& activation, double lr) {
  const gs::spec::ModelSpec spec{.input_shape = {2},
                                 .layers = {gs::spec::make_layer("Linear", {{"out_features", 2}}), gs::spec::make_layer(activation),
                                            gs::spec::make_layer("Linear", {{"out_features", 1}})}};
  gs::Generator g(kSeed);
  auto model = gs::spec::build_model(spec, gs::kFloat64, &g);
  const gs::TensorOptions f64{.dtype = gs::kFloat64};
  gs::data::Dataset points{gs::from_vector(kInputs, {4, 2}, f64), gs::from_vector(targets, {4, 1}, f64)};
  auto optimizer = std::make_unique<gs::optim::SGD>(model->parameters(), gs::optim::SGDOptions{.lr = lr, .momentum = 0.9});
  // The four points are one batch: every step is a full-batch gradient step.
  auto trainer = std::make_unique<gs::train::Trainer>(model, gs::nn::make_loss("BCEWithLogitsLoss"), std::move(optimizer),
                                                      gs::optim::Scheduler{}, points, gs::data::Dataset{},
                                                      gs::train::TrainerConfig{.batch_size = 4, .seed = kSeed});
  const gs::Tensor grid = gs::from_vector(grid_, {static_cast<std::int64_t>(grid_.size() / 2), 2}, f64);
  session_.start(std::move(trainer), [grid](gs::train::Trainer& t) { return makeFrame(t, grid); });
  seen_version_ = session_.frameVersion();
  frame_ = session_.latestFrame();
  display_.start();
  emit frameChanged();
}

void XorMlp::setLearningRate(double lr) {
  session_.post([lr](gs::train::Trainer& t) { t.optimizer().set_lr(lr); });
}

void XorMlp::pull() {
  const std::uint64_t version = session_.frameVersion();
  if (version == seen_version_) return;  // nothing new: nothing copied
  seen_version_ = version;
  frame_ = session_.latestFrame();
  emit frameChanged();
}

}  // namespace gsui
