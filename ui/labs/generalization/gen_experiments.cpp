#include "labs/generalization/gen_experiments.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "autograd/grad_mode.h"
#include "data/features.h"
#include "ops/functional.h"
#include "util/error_codes.h"

namespace gsui {

using nlohmann::json;

// ---- Overfitting

gs::spec::Scenario overfitScenario(const OverfitSettings& s) {
  const std::int64_t total = s.points + kOverfitValidationPoints;
  return gs::spec::parse_scenario(json{
      {"version", 1},
      {"lab", "generalization"},
      {"dataset", {{"name", "regression"}, {"degree", 3}, {"n", total}, {"noise", s.noise},
                   {"test_ratio", static_cast<double>(kOverfitValidationPoints) / static_cast<double>(total)},
                   {"seed", s.seed}}},
      {"model", {{"input_shape", {s.degree}}, {"layers", json::array({{{"type", "Linear"}, {"out_features", 1}}})}}},
      {"loss", "MSELoss"},
      {"optimizer", {{"name", "Adam"}, {"lr", 0.05}}},
      {"batch_size", s.points},
      {"epochs", s.epochs},
      {"seed", s.seed}});
}

gs::Tensor OverfitRun::inputs(const gs::Tensor& x) const {
  return standardizer.transform(gs::data::polynomial_features(x, degree));
}

OverfitRun makeOverfitRun(const OverfitSettings& settings) {
  gs::spec::Scenario s = overfitScenario(settings);
  const gs::data::Dataset all = gs::spec::load_samples(s.dataset);
  // The scenario's own split: the held-out part is the validation set the curves compare with.
  gs::data::Split raw = gs::data::train_test_split(all, s.dataset.test_ratio, s.dataset.seed);
  OverfitRun fit;
  fit.degree = settings.degree;
  fit.train = raw.train;
  fit.validation = raw.test;
  fit.standardizer = gs::data::Standardizer::fit(gs::data::polynomial_features(raw.train.x, settings.degree));
  gs::spec::ScenarioData data;
  data.raw = {raw.train, gs::data::Dataset{}};
  data.split = {{fit.inputs(raw.train.x), raw.train.y, {}}, gs::data::Dataset{}};
  data.raw_validation = raw.test;
  data.validation = {fit.inputs(raw.test.x), raw.test.y, {}};
  fit.run = gs::spec::make_run(s, std::move(data));
  return fit;
}

Curve trueCubic(std::int64_t samples) {
  const gs::data::Dataset clean = gs::data::make_regression(samples, 0.0, 0, 3);
  const std::vector<float> xs = clean.x.to_vector<float>(), ys = clean.y.to_vector<float>();
  std::vector<std::size_t> order(xs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
  Curve c;
  for (std::size_t i : order) {
    c.x.push_back(xs[i]);
    c.y.push_back(ys[i]);
  }
  return c;
}

Curve fittedCurve(gs::nn::Module& model, const OverfitRun& run, int samples) {
  gs::NoGradGuard no_grad;
  const bool training = model.is_training();
  model.eval();
  const gs::Tensor x = gs::linspace(-1.0, 1.0, samples).reshape({-1, 1});
  const gs::Tensor y = model(run.inputs(x));
  model.train(training);
  Curve c;
  for (float v : x.to_vector<float>()) c.x.push_back(v);
  for (float v : y.to_vector<float>()) c.y.push_back(v);
  return c;
}

// ---- Splits and k-fold

gs::spec::Scenario splitsScenario() {
  return gs::spec::parse_scenario(json::parse(R"({"version": 1, "lab": "generalization",
    "title": "Iris: three species from four measurements",
    "dataset": {"name": "iris", "test_ratio": 0.3, "standardize": true, "seed": 1},
    "model": {"input_shape": [4], "layers": [{"type": "Linear", "out_features": 16}, {"type": "ReLU"}, {"type": "Linear", "out_features": 3}]},
    "loss": "CrossEntropyLoss", "optimizer": {"name": "Adam", "lr": 0.01}, "batch_size": 16, "epochs": 60, "seed": 0})"));
}

std::vector<SampleRole> holdoutRoles(const gs::spec::Scenario& s, double validation) {
  // Each sample tagged with its index: core's own split and hold-out move the tags with the
  // samples, so the tags that come out on each side are the indices it chose.
  const gs::data::Dataset all = gs::spec::load_samples(s.dataset);
  const std::int64_t n = all.size();
  gs::data::Dataset tagged{gs::arange(static_cast<double>(n)).reshape({n, 1}).to(gs::kFloat32), all.y, all.class_names};
  const gs::data::Split split = gs::data::train_test_split(tagged, s.dataset.test_ratio, s.dataset.seed);
  const gs::spec::ScenarioData fitted = gs::spec::fit_split(s.dataset, split, false, validation, true);
  std::vector<SampleRole> roles(static_cast<std::size_t>(n), SampleRole::Train);
  auto mark = [&](const gs::data::Dataset& part, SampleRole role) {
    if (part.size() == 0) return;
    for (float tag : part.x.to_vector<float>()) roles[static_cast<std::size_t>(tag)] = role;
  };
  mark(fitted.raw.test, SampleRole::Test);
  mark(fitted.raw_validation, SampleRole::Validation);
  return roles;
}

FoldPlan planFolds(const gs::spec::Scenario& s, int folds) {
  FoldPlan plan;
  plan.all = gs::spec::load_samples(s.dataset);
  plan.folds = gs::data::stratified_kfold_indices(plan.all, folds, s.dataset.seed);
  return plan;
}

FoldResult trainFold(const gs::spec::Scenario& s, const FoldPlan& plan, int k, const std::function<bool()>& cancelled,
                     const std::function<void(std::int64_t)>& epochDone) {
  // As run_cv (core/cases/commands.cpp): train on the other folds in index order, test on fold k.
  std::vector<std::int64_t> train_idx;
  for (std::size_t f = 0; f < plan.folds.size(); ++f)
    if (static_cast<int>(f) != k) train_idx.insert(train_idx.end(), plan.folds[f].begin(), plan.folds[f].end());
  std::sort(train_idx.begin(), train_idx.end());
  gs::spec::Scenario fold = s;
  const bool images = s.model.input_shape.size() == 3;
  gs::spec::Run run = gs::spec::make_run(
      fold, gs::spec::fit_split(s.dataset, {plan.all.subset(train_idx), plan.all.subset(plan.folds[static_cast<std::size_t>(k)])}, images,
                                s.validation));
  FoldResult r;
  r.fold = -1;
  for (std::int64_t e = 0; e < fold.epochs; ++e) {
    if (cancelled()) return r;
    if (!run.trainer->run_epoch()) break;
    epochDone(e + 1);
    if (run.trainer->stopped_early()) break;
  }
  const gs::train::Evaluation test = run.trainer->evaluate(run.trainer->test_set());
  r.fold = k;
  r.train_size = static_cast<std::int64_t>(train_idx.size());
  r.test_size = static_cast<std::int64_t>(plan.folds[static_cast<std::size_t>(k)].size());
  r.epochs = run.trainer->epoch();
  r.test_loss = test.loss;
  r.test_accuracy = test.accuracy;
  return r;
}

MeanStd meanStd(const std::vector<double>& values) {
  if (values.empty()) return {};
  const gs::Tensor t = gs::from_vector(values, {static_cast<std::int64_t>(values.size())}, {.dtype = gs::kFloat64});
  return {gs::mean(t).item(), std::sqrt(gs::var(t, {0}, /*unbiased=*/false).item())};
}

std::vector<int> bootstrapCounts(std::int64_t n, std::uint64_t seed) {
  std::vector<int> counts(static_cast<std::size_t>(n), 0);
  for (std::int64_t i : gs::data::bootstrap_indices(n, seed).first) ++counts[static_cast<std::size_t>(i)];
  return counts;
}

// ---- Cures

gs::spec::Scenario curesScenario(const Cures& c) {
  json layers = json::array({{{"type", "Flatten"}}, {{"type", "Linear"}, {"out_features", 128}}});
  if (c.batch_norm) layers.push_back({{"type", "BatchNorm1d"}});
  layers.push_back({{"type", "ReLU"}});
  if (c.dropout > 0) layers.push_back({{"type", "Dropout"}, {"p", c.dropout}});
  layers.push_back({{"type", "Linear"}, {"out_features", 10}});
  json j = {{"version", 1},
            {"lab", "generalization"},
            {"dataset", {{"name", "digits"}, {"n", 500}, {"test_ratio", 0.2}, {"standardize", false}, {"seed", 3}}},
            {"model", {{"input_shape", {1, 8, 8}}, {"layers", layers}}},
            {"loss", "CrossEntropyLoss"},
            {"optimizer", {{"name", "SGD"}, {"lr", 0.05}, {"momentum", 0.9}}},
            {"batch_size", 32},
            {"epochs", 80},
            {"validation", 0.25},
            {"seed", 0}};
  if (c.l1 > 0 || c.l2 > 0) {
    json reg = json::object();
    if (c.l1 > 0) reg["l1"] = c.l1;
    if (c.l2 > 0) reg["l2"] = c.l2;
    j["regularization"] = reg;
  }
  if (c.augment) j["augment"] = true;
  if (c.batch_norm) j["drop_last"] = true;  // BatchNorm needs two or more samples in a batch
  if (c.patience > 0) j["early_stopping"] = {{"monitor", "val_loss"}, {"patience", c.patience}, {"restore_best", true}};
  return gs::spec::parse_scenario(j);
}

bool trainCure(gs::spec::Scenario s, CureResult& result, const std::function<bool()>& cancelled,
               const std::function<void(std::int64_t, double, double)>& epochDone) {
  gs::spec::Run run = gs::spec::make_run(s);
  gs::train::Trainer& trainer = *run.trainer;
  for (std::int64_t e = 0; e < s.epochs; ++e) {
    if (cancelled()) return false;
    if (!trainer.run_epoch()) {
      if (trainer.diverged()) {
        // core's code and values travel with the error, so that the page says it in the learner's language
        const gs::train::Snapshot snap = trainer.snapshot();
        if (snap.reason_code.empty()) throw gs::Error(snap.reason);
        throw gs::coded_error(snap.reason_code, snap.reason_args);
      }
      break;
    }
    const gs::train::Snapshot snap = trainer.snapshot();
    result.train_loss.push_back(snap.train_loss);
    result.val_loss.push_back(snap.val_loss);
    result.val_accuracy.push_back(snap.val_accuracy);
    result.best_epoch = snap.best_epoch;
    epochDone(snap.epoch, snap.train_loss, snap.val_loss);
    if (trainer.stopped_early()) break;
  }
  result.stopped_early = trainer.stopped_early();
  result.final_val_loss = trainer.evaluate(trainer.validation_set()).loss;
  result.test_accuracy = trainer.evaluate(trainer.test_set()).accuracy;
  result.weights = firstLinearWeights(trainer.model());
  return true;
}

std::vector<float> firstLinearWeights(gs::nn::Module& model) {
  for (const auto& [name, p] : model.named_parameters())
    if (name.size() > 7 && name.compare(name.size() - 7, 7, ".weight") == 0 && p.dim() == 2) return p.detach().to_vector<float>();
  return {};
}

std::int64_t nearZeroCount(const std::vector<float>& weights, double tolerance) {
  return std::count_if(weights.begin(), weights.end(), [tolerance](float w) { return std::abs(w) < tolerance; });
}

Histogram histogram(const std::vector<float>& values, double low, double high, int bins) {
  Histogram h;
  h.low = low;
  h.width = (high - low) / bins;
  h.counts.assign(static_cast<std::size_t>(bins), 0.0);
  for (float v : values) {
    const int bin = std::clamp(static_cast<int>(std::floor((v - low) / h.width)), 0, bins - 1);
    h.counts[static_cast<std::size_t>(bin)] += 1;
  }
  return h;
}

// ---- Augmentation

gs::Tensor augmentImage(const gs::Tensor& image, AugmentKind kind, const AugmentParams& p) {
  switch (kind) {
    case AugmentKind::Original: return image;
    case AugmentKind::Rotate: return gs::data::affine(image, p.degrees, 0, 0, 1.0);
    case AugmentKind::Shift: return gs::data::affine(image, 0, p.shift, p.shift / 2, 1.0);
    case AugmentKind::Zoom: return gs::data::affine(image, 0, 0, 0, p.zoom);
    case AugmentKind::Flip: return gs::data::hflip(image);
    case AugmentKind::Brightness: return gs::data::brightness_contrast(image, p.brightness, 1.0);
    case AugmentKind::Noise: {
      gs::Generator g(p.seed);
      return gs::data::gaussian_noise(image, p.noise, g);
    }
    case AugmentKind::Blur: return p.blur > 0 ? gs::data::blur(image, p.blur) : image;
  }
  return image;
}

gs::Tensor randomCopies(const gs::Tensor& image, const AugmentParams& p, int copies) {
  gs::data::AugmentOptions o;
  o.max_degrees = std::abs(p.degrees);
  o.max_shift = std::abs(p.shift);
  o.max_scale = std::abs(p.zoom - 1.0);
  o.max_brightness = std::abs(p.brightness);
  o.noise_std = p.noise;
  o.flip_probability = 0.5;
  gs::Generator g(p.seed + 1);
  std::vector<gs::Tensor> same(static_cast<std::size_t>(copies), image);
  return gs::data::random_augment(gs::stack(same), o, g);
}

}  // namespace gsui
