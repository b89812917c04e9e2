#include "cases/commands.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "backend/backend.h"
#include "data/dataset.h"
#include "data/loaders.h"
#include "io/safetensors.h"
#include "landscape/landscape.h"
#include "metrics/metrics.h"
#include "nn/loss.h"
#include "ops/functional.h"
#include "optim/factory.h"
#include "spec/scenario.h"

namespace gs::cases {

using nlohmann::json;

json run_descent_case(const json& c) {
  if (!c.is_object()) throw Error("case: expected a JSON object");
  for (const auto& [k, v] : c.items())
    if (k != "function" && k != "start" && k != "optimizer" && k != "steps" && k != "scheduler" && k != "description")
      throw Error(k + ": unknown field (expected function, start, optimizer, steps, scheduler)");
  if (!c.contains("function")) throw Error("function: missing, e.g. {\"name\": \"quadratic\", \"a\": 1, \"b\": 10}");
  if (!c.contains("optimizer")) throw Error("optimizer: missing, e.g. {\"name\": \"SGD\", \"lr\": 0.1}");
  const landscape::Function f = landscape::parse_function(c["function"]);
  if (!c.contains("start") || !c["start"].is_array() || c["start"].size() != 2 || !c["start"][0].is_number() || !c["start"][1].is_number())
    throw Error("start: expected [x, y], got " + (c.contains("start") ? c["start"].dump() : std::string("nothing")));
  if (!c.contains("steps") || !c["steps"].is_number_integer() || c["steps"].get<std::int64_t>() < 0 || c["steps"].get<std::int64_t>() > 100000)
    throw Error("steps: expected an integer from 0 to 100000, got " + (c.contains("steps") ? c["steps"].dump() : std::string("nothing")));
  const landscape::Path path = landscape::run_optimizer(f, {c["start"][0].get<double>(), c["start"][1].get<double>()}, c["optimizer"],
                                                        c["steps"].get<int>(), c.value("scheduler", json()));
  json out;
  out["path"] = json::array();
  for (const auto& p : path.points) {
    json point = json::array();
    for (double v : p) point.push_back(std::isfinite(v) ? json(v) : json(std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf"));
    out["path"].push_back(point);
  }
  if (path.diverged_at >= 0) {
    out["diverged_at"] = path.diverged_at;
    out["reason"] = "the value became non-finite at step " + std::to_string(path.diverged_at) +
                    ": the steps overshoot and grow (for a·x², gradient descent needs lr < 1/a)";
  }
  return out;
}

json run_metrics_csv(const std::string& path, double threshold) {
  if (!std::isfinite(threshold)) throw Error("--threshold: expected a finite number, got " + std::to_string(threshold));
  std::ifstream in(path);
  if (!in) throw Error("cannot open \"" + path + "\"");
  std::string line;
  if (!std::getline(in, line)) throw Error(path + ": the file is empty");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line != "label,score") throw Error(path + ":1: expected the header \"label,score\", found \"" + line + "\"");
  std::vector<int> labels;
  std::vector<double> scores;
  int n = 1;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos) throw Error(path + ":" + std::to_string(n) + ": expected \"label,score\", found \"" + line + "\"");
    const std::string l = line.substr(0, comma), s = line.substr(comma + 1);
    if (l != "0" && l != "1") throw Error(path + ":" + std::to_string(n) + ": label \"" + l + "\" must be 0 or 1");
    char* end = nullptr;
    const double score = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0' || !std::isfinite(score))
      throw Error(path + ":" + std::to_string(n) + ": score \"" + s + "\" is not a finite number");
    labels.push_back(l == "1");
    scores.push_back(score);
  }
  if (labels.empty()) throw Error(path + ": no data rows");
  const metrics::BinaryScores b = metrics::binary_scores(labels, scores, threshold);
  const metrics::Curve roc = metrics::roc_curve(labels, scores);
  const metrics::Curve pr = metrics::precision_recall_curve(labels, scores);
  json out;
  out["auc"] = metrics::auc(roc.x, roc.y);
  out["average_precision"] = metrics::average_precision_score(labels, scores);
  out["threshold"] = threshold;
  out["accuracy"] = b.accuracy;
  out["precision"] = b.precision;
  out["recall"] = b.recall;
  out["f1"] = b.f1;
  out["confusion"] = json::array({json::array({b.tn, b.fp}), json::array({b.fn, b.tp})});
  out["roc"] = json::array();
  for (std::size_t i = 0; i < roc.x.size(); ++i) out["roc"].push_back({roc.x[i], roc.y[i], roc.thresholds[i]});
  out["pr"] = json::array();
  for (std::size_t i = 0; i < pr.x.size(); ++i) {
    json point = {pr.y[i], pr.x[i]};  // [precision, recall, threshold]; the final (1, 0) point has no threshold
    if (i < pr.thresholds.size()) point.push_back(pr.thresholds[i]);
    out["pr"].push_back(point);
  }
  return out;
}

namespace {

double round6(double v) { return std::round(v * 1e6) / 1e6; }
json number_or_text(double v) { return std::isfinite(v) ? json(round6(v)) : json(std::isnan(v) ? "nan" : "inf"); }

/// Trains s's epochs (fewer when the run diverges or stops early), calling `epoch` after each.
void train_epochs(const spec::Scenario& s, train::Trainer& trainer, const std::function<void(const train::Snapshot&)>& epoch) {
  for (std::int64_t e = 0; e < s.epochs; ++e) {
    if (!trainer.run_epoch()) break;
    epoch(trainer.snapshot());
    if (trainer.stopped_early()) break;
  }
}

/// The test set's loss, accuracy and (binary tasks with both classes) ROC AUC, as the summary has them.
void add_test_metrics(train::Trainer& trainer, json& out) {
  const train::Evaluation test = trainer.evaluate(trainer.test_set());
  out["test_loss"] = number_or_text(test.loss);
  if (test.accuracy >= 0) out["test_acc"] = round6(test.accuracy);
  if (!test.scores.empty() && test.scores.size() == test.targets.size()) {
    std::vector<int> labels(test.targets.begin(), test.targets.end());
    bool both = std::count(labels.begin(), labels.end(), 1) > 0 && std::count(labels.begin(), labels.end(), 0) > 0;
    if (both) out["test_auc"] = round6(metrics::roc_auc_score(labels, test.scores));
  }
}

}  // namespace

void run_train(const json& scenario, const std::function<void(const json&)>& emit, const WeightFiles& weights) {
  const auto start = std::chrono::steady_clock::now();
  spec::Scenario s = spec::parse_scenario(scenario);
  auto trainer = spec::make_trainer(s);
  if (!weights.load_weights.empty()) io::load_weights(weights.load_weights, trainer->model());
  const bool validation = trainer->validation_set().size() > 0;
  train_epochs(s, *trainer, [&](const train::Snapshot& snap) {
    json line = {{"epoch", snap.epoch}, {"train_loss", round6(snap.train_loss)}, {"test_loss", round6(snap.test_loss)}, {"lr", snap.lr}};
    if (validation) line["val_loss"] = number_or_text(snap.val_loss);
    if (snap.train_accuracy >= 0) {
      line["train_acc"] = round6(snap.train_accuracy);
      line["test_acc"] = round6(snap.test_accuracy);
      if (validation) line["val_acc"] = round6(snap.val_accuracy);
    }
    emit(line);
  });
  const train::Snapshot snap = trainer->snapshot();
  json done = {{"done", true}, {"epochs", snap.epoch}, {"steps", snap.step}};
  if (trainer->diverged()) {
    done["diverged"] = true;
    done["diverged_at_step"] = snap.step;
    done["reason"] = snap.reason;
  }
  if (s.config.early_stopping) {
    done["best_epoch"] = snap.best_epoch;
    done["stopped_early"] = snap.stopped_early;
    if (snap.stopped_early) {
      done["stopped_epoch"] = snap.epoch;
      done["reason"] = snap.reason;
    }
  }
  add_test_metrics(*trainer, done);
  if (s.transfer) {
    const auto [trainable, frozen] = spec::count_trainable_frozen(trainer->model());
    done["trainable_parameters"] = trainable;
    done["frozen_parameters"] = frozen;
  }
  if (!weights.save_weights.empty()) {
    io::save_weights(weights.save_weights, trainer->model(), {{"format", "pt"}, {"producer", "GradScope"}});
    done["weights"] = weights.save_weights;
  }
  done["seconds"] = round6(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  emit(done);
}

void run_cv(const json& scenario, int folds, const std::function<void(const json&)>& emit) {
  spec::Scenario s = spec::parse_scenario(scenario);
  if (s.dataset.split != "random")
    throw Error("dataset.split: cross-validation makes its own folds of all the samples; use \"random\" (not \"" + s.dataset.split + "\")");
  const data::Dataset all = spec::load_samples(s.dataset);
  if (folds < 2 || folds > all.size())
    throw Error("--folds: expected a whole number from 2 to the number of samples (" + std::to_string(all.size()) + "), got " + std::to_string(folds));
  const auto fold_indices = data::stratified_kfold_indices(all, folds, s.dataset.seed);
  const bool images = s.model.input_shape.size() == 3;
  std::map<std::string, std::vector<double>> scores;  // metric → one value per fold
  for (int k = 0; k < folds; ++k) {
    std::vector<std::int64_t> train_idx;
    for (int f = 0; f < folds; ++f)
      if (f != k) train_idx.insert(train_idx.end(), fold_indices[f].begin(), fold_indices[f].end());
    std::sort(train_idx.begin(), train_idx.end());
    spec::Scenario fold = s;  // make_run fills the model's input shape: each fold starts from the file's spec
    spec::Run run = spec::make_run(fold, spec::fit_split(s.dataset, {all.subset(train_idx), all.subset(fold_indices[k])}, images, s.validation));
    train_epochs(fold, *run.trainer, [](const train::Snapshot&) {});
    const train::Snapshot snap = run.trainer->snapshot();
    json line = {{"fold", k + 1}, {"train_size", static_cast<std::int64_t>(train_idx.size())},
                 {"test_size", static_cast<std::int64_t>(fold_indices[k].size())}, {"epochs", snap.epoch}};
    if (snap.stopped_early) line["best_epoch"] = snap.best_epoch;
    add_test_metrics(*run.trainer, line);
    for (const char* key : {"test_loss", "test_acc", "test_auc"})
      if (line.contains(key) && line[key].is_number()) scores[key].push_back(line[key].get<double>());
    emit(line);
  }
  json done = {{"done", true}, {"folds", folds}, {"stratified", all.is_classification()}};
  for (const auto& [key, values] : scores) {
    if (static_cast<int>(values.size()) != folds) continue;  // e.g. a fold whose test part had one class: no AUC
    double mean = 0, var = 0;
    for (double v : values) mean += v;
    mean /= folds;
    for (double v : values) var += (v - mean) * (v - mean);
    // NOTE: the population standard deviation (ddof=0), as numpy's std of cross_val_score's scores.
    done[key] = {{"mean", round6(mean)}, {"std", round6(std::sqrt(var / folds))}};
  }
  emit(done);
}

namespace {

/// The standard workloads: short name, full name, model spec, optimizer, loss, batch.
struct StandardWorkload {
  const char* short_name;
  const char* model;
  const char* optimizer;
  const char* loss;
  std::int64_t batch;
  const char* full_name;
};

const StandardWorkload kStandardWorkloads[] = {
    {"W1",
     R"({"input_shape": [2], "layers": [{"type": "Linear", "out_features": 8}, {"type": "Tanh"},
         {"type": "Linear", "out_features": 8}, {"type": "Tanh"}, {"type": "Linear", "out_features": 1}]})",
     R"({"name": "SGD", "lr": 0.03})", "BCEWithLogitsLoss", 10, "W1_playground_mlp"},
    {"W2",
     R"({"input_shape": [784], "layers": [{"type": "Linear", "out_features": 256}, {"type": "ReLU"},
         {"type": "Linear", "out_features": 128}, {"type": "ReLU"}, {"type": "Linear", "out_features": 10}]})",
     R"({"name": "Adam", "lr": 0.001})", "CrossEntropyLoss", 64, "W2_mnist_mlp"},
    {"W3",
     R"({"input_shape": [1, 28, 28], "layers": [
         {"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
         {"type": "Conv2d", "out_channels": 16, "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
         {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})",
     R"({"name": "SGD", "lr": 0.01, "momentum": 0.9})", "CrossEntropyLoss", 64, "W3_small_cnn"},
    {"W4",
     R"({"input_shape": [1, 28, 28], "layers": [
         {"type": "Conv2d", "out_channels": 16, "kernel_size": 5, "padding": 2}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
         {"type": "Conv2d", "out_channels": 32, "kernel_size": 5, "padding": 2}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
         {"type": "Flatten"}, {"type": "Linear", "out_features": 64}, {"type": "ReLU"}, {"type": "Linear", "out_features": 10}]})",
     R"({"name": "Adam", "lr": 0.001})", "CrossEntropyLoss", 64, "W4_fashion_lenet"},
};

/// "1,28,28" as a shape; an error names --input-shape.
Shape parse_input_shape(const std::string& text) {
  const Error bad("--input-shape: expected 1 to 3 positive integers such as 1,28,28, got \"" + text + "\"");
  Shape shape;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    char* end = nullptr;
    const long long v = std::strtoll(part.c_str(), &end, 10);
    if (part.empty() || *end != '\0' || v < 1 || v > 65536) throw bad;
    shape.push_back(v);
  }
  if (shape.empty() || shape.size() > 3) throw bad;
  return shape;
}

/// One sample's output shape of a workload's model; an error names the workload.
Shape output_shape(const BenchWorkload& w) {
  const spec::ShapeReport report = spec::infer_shapes(spec::parse_model_spec(w.model));
  if (!report.ok()) throw Error(w.name + ": layer " + std::to_string(report.error_layer) + ": " + report.error);
  GS_CHECK(!report.layers.empty(), w.name + ": the model has no layers");
  return report.layers.back().output;
}

/// Steps per second of full training steps (zero_grad, forward, loss, backward, step) for about
/// `seconds`, after five warm-up steps.
BenchResult time_training(const BenchWorkload& w, int threads, double seconds, Device device) {
  Generator g(0);
  const spec::ModelSpec model_spec = spec::parse_model_spec(w.model);
  auto net = spec::build_model(model_spec, kFloat32, &g);
  net->to(device);
  auto optimizer = optim::make_optimizer(optim::parse_optimizer(w.optimizer, "--optimizer"), net->parameters());
  const nn::Loss loss = nn::make_loss(json(w.loss));
  const Shape out = output_shape(w);
  Shape xs{w.batch};
  xs.insert(xs.end(), model_spec.input_shape.begin(), model_spec.input_shape.end());
  const Tensor x = randn(xs, {}, &g).to(device);
  // Random targets: class indices for CrossEntropyLoss (as many classes as the model's outputs),
  // probabilities in [0, 1] for BCEWithLogitsLoss.
  Shape ys{w.batch};
  ys.insert(ys.end(), out.begin(), out.end());
  const Tensor y = (loss.kind == nn::LossKind::CrossEntropy ? randint(0, out.back(), {w.batch}, &g) : rand(ys, {}, &g)).to(device);
  auto one_step = [&] {
    optimizer->zero_grad();
    Tensor loss_value = loss.fn(net->forward(x), y);
    loss_value.backward();
    optimizer->step();
  };
  for (int i = 0; i < 5; ++i) one_step();  // warm-up
  std::int64_t steps = 0;
  const auto t0 = std::chrono::steady_clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 10; ++i) one_step();
    steps += 10;
    if (device == Device::CUDA) (void)net->parameters().front().sum().item();  // wait for the GPU
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return {w.name, threads, steps / elapsed, steps * w.batch / elapsed, to_string(device), w.batch};
}

}  // namespace

BenchWorkload bench_workload(const std::string& name) {
  for (const StandardWorkload& s : kStandardWorkloads) {
    if (name == s.short_name || name == s.full_name)
      return {s.full_name, json::parse(s.model), json::parse(s.optimizer), s.loss, s.batch};
  }
  throw Error("--workload: unknown workload \"" + name + "\" (W1, W2, W3, W4)");
}

BenchWorkload model_workload(const std::string& name, const json& spec, const std::string& input_shape,
                             const std::string& optimizer) {
  BenchWorkload w{name, spec, json::object(), "CrossEntropyLoss", 64};
  if (!spec.is_object()) throw Error("--model " + name + ": expected a model spec (a JSON object with \"layers\")");
  if (!input_shape.empty()) w.model["input_shape"] = parse_input_shape(input_shape);
  if (!w.model.contains("input_shape"))
    throw Error("--input-shape: the spec " + name + " has no \"input_shape\"; give one, e.g. --input-shape 1,28,28");
  try {
    w.optimizer = json::parse(optimizer);
  } catch (const json::parse_error&) {
    throw Error("--optimizer: expected JSON such as {\"name\": \"Adam\", \"lr\": 0.001}, got " + optimizer);
  }
  (void)optim::parse_optimizer(w.optimizer, "--optimizer");  // refuse a bad optimizer before any work
  const Shape out = output_shape(w);
  if (out.size() != 1)
    throw Error("--model " + name + ": the output per sample is " + shape_str(out) +
                "; CrossEntropyLoss needs [classes] (end the model with Flatten and Linear)");
  return w;
}

std::vector<BenchResult> run_bench(const std::vector<BenchWorkload>& workloads, int threads, double seconds, Device device,
                                   std::int64_t batch_override) {
  GS_CHECK(batch_override >= 0 && batch_override <= 65536, "--batch: expected 1 to 65536, got " + std::to_string(batch_override));
  backend(device);  // throws "CUDA is not available: ..." before any work
  GS_CHECK(threads >= 1 && threads <= 256, "--threads: expected 1 to 256, got " + std::to_string(threads));
  GS_CHECK(seconds > 0 && seconds <= 600, "--seconds: expected a duration in (0, 600], got " + std::to_string(seconds));
  set_num_threads(threads);
  std::vector<BenchResult> results;
  for (BenchWorkload w : workloads) {
    if (batch_override > 0) w.batch = batch_override;
    results.push_back(time_training(w, threads, seconds, device));
  }
  return results;
}

std::vector<BenchResult> run_bench(const std::vector<std::string>& workloads, int threads, double seconds, Device device,
                                   std::int64_t batch_override) {
  std::vector<BenchWorkload> list;
  for (const std::string& name : workloads) list.push_back(bench_workload(name));
  return run_bench(list, threads, seconds, device, batch_override);
}

}  // namespace gs::cases
