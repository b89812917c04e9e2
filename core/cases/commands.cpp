#include "cases/commands.h"

#include <chrono>
#include <cmath>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "backend/backend.h"
#include "data/loaders.h"
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

void run_train(const json& scenario, const std::function<void(const json&)>& emit) {
  const auto start = std::chrono::steady_clock::now();
  spec::Scenario s = spec::parse_scenario(scenario);
  auto trainer = spec::make_trainer(s);
  auto round = [](double v) { return std::round(v * 1e6) / 1e6; };
  for (std::int64_t e = 0; e < s.epochs; ++e) {
    if (!trainer->run_epoch()) break;
    const train::Snapshot snap = trainer->snapshot();
    json line = {{"epoch", snap.epoch}, {"train_loss", round(snap.train_loss)}, {"test_loss", round(snap.test_loss)}, {"lr", snap.lr}};
    if (snap.train_accuracy >= 0) {
      line["train_acc"] = round(snap.train_accuracy);
      line["test_acc"] = round(snap.test_accuracy);
    }
    emit(line);
  }
  const train::Snapshot snap = trainer->snapshot();
  json done = {{"done", true}, {"epochs", snap.epoch}, {"steps", snap.step}};
  if (trainer->diverged()) {
    done["diverged"] = true;
    done["diverged_at_step"] = snap.step;
    done["reason"] = snap.reason;
  }
  const train::Evaluation test = trainer->evaluate(trainer->test_set());
  done["test_loss"] = std::isfinite(test.loss) ? json(round(test.loss)) : json(std::isnan(test.loss) ? "nan" : "inf");
  if (test.accuracy >= 0) done["test_acc"] = round(test.accuracy);
  if (!test.scores.empty() && test.scores.size() == test.targets.size()) {
    std::vector<int> labels(test.targets.begin(), test.targets.end());
    bool both = std::count(labels.begin(), labels.end(), 1) > 0 && std::count(labels.begin(), labels.end(), 0) > 0;
    if (both) done["test_auc"] = round(metrics::roc_auc_score(labels, test.scores));
  }
  done["seconds"] = round(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  emit(done);
}

std::vector<BenchResult> run_bench(const std::vector<std::string>& workloads, int threads, double seconds, Device device,
                                   std::int64_t batch_override) {
  GS_CHECK(batch_override >= 0 && batch_override <= 65536, "--batch: expected 1 to 65536, got " + std::to_string(batch_override));
  backend(device);  // throws "CUDA is not available: ..." before any work
  GS_CHECK(threads >= 1 && threads <= 256, "--threads: expected 1 to 256, got " + std::to_string(threads));
  GS_CHECK(seconds > 0 && seconds <= 600, "--seconds: expected a duration in (0, 600], got " + std::to_string(seconds));
  set_num_threads(threads);
  std::vector<BenchResult> results;
  for (const std::string& w : workloads) {
    json model;
    optim::OptimizerOptions opt;
    nn::LossOptions loss;
    std::int64_t batch;
    Shape input;
    int classes;
    if (w == "W1" || w == "W1_playground_mlp") {
      model = json::parse(R"({"input_shape": [2], "layers": [{"type": "Linear", "out_features": 8}, {"type": "Tanh"},
                             {"type": "Linear", "out_features": 8}, {"type": "Tanh"}, {"type": "Linear", "out_features": 1}]})");
      opt = optim::default_optimizer_options(optim::OptimizerKind::SGD, 0.03);
      loss.kind = nn::LossKind::BCEWithLogits;
      batch = 10;
      input = {2};
      classes = 1;
    } else if (w == "W2" || w == "W2_mnist_mlp") {
      model = json::parse(R"({"input_shape": [784], "layers": [{"type": "Linear", "out_features": 256}, {"type": "ReLU"},
                             {"type": "Linear", "out_features": 128}, {"type": "ReLU"}, {"type": "Linear", "out_features": 10}]})");
      opt = optim::default_optimizer_options(optim::OptimizerKind::Adam, 1e-3);
      loss.kind = nn::LossKind::CrossEntropy;
      batch = 64;
      input = {784};
      classes = 10;
    } else if (w == "W3" || w == "W3_small_cnn") {
      model = json::parse(R"({"input_shape": [1, 28, 28], "layers": [
          {"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
          {"type": "Conv2d", "out_channels": 16, "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
          {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})");
      opt = {optim::OptimizerKind::SGD, optim::SGDOptions{.lr = 0.01, .momentum = 0.9}};
      loss.kind = nn::LossKind::CrossEntropy;
      batch = 64;
      input = {1, 28, 28};
      classes = 10;
    } else {
      throw Error("--workload: unknown workload \"" + w + "\" (W1, W2, W3)");
    }
    if (batch_override > 0) batch = batch_override;
    Generator g(0);
    auto net = spec::build_model(spec::parse_model_spec(model), kFloat32, &g);
    net->to(device);
    auto optimizer = optim::make_optimizer(opt, net->parameters());
    const nn::Loss l = nn::make_loss(loss);
    Shape xs{batch};
    xs.insert(xs.end(), input.begin(), input.end());
    const Tensor x = randn(xs, {}, &g).to(device);
    const Tensor y = (classes == 1 ? rand({batch, 1}, {}, &g).clamp(0.0, 1.0) : randint(0, classes, {batch}, &g)).to(device);
    auto one_step = [&] {
      optimizer->zero_grad();
      Tensor loss_value = l.fn(net->forward(x), y);
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
    const std::string full = w.size() == 2 ? (w == "W1" ? "W1_playground_mlp" : w == "W2" ? "W2_mnist_mlp" : "W3_small_cnn") : w;
    results.push_back({full, threads, steps / elapsed, steps * batch / elapsed, to_string(device), batch});
  }
  return results;
}

}  // namespace gs::cases
