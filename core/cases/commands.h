#pragma once
/// The headless commands behind gradscope-cli: JSON in, JSON out. Errors are gs::Error naming the
/// field; nothing is printed here.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "tensor/dtype.h"
#include <vector>

namespace gs::cases {

/// `descent CASE.json`: {"function", "start", "optimizer", "steps" [, "scheduler"]} →
/// {"path": [[x, y, f], ...]} (N+1 points) and "diverged_at" when the value became non-finite.
nlohmann::json run_descent_case(const nlohmann::json& c);

/// `metrics SCORES.csv [--threshold T]`: a CSV with header `label,score` → AUC, AP, the scores at
/// the threshold, the confusion [[TN, FP], [FN, TP]], and the ROC and PR curves.
nlohmann::json run_metrics_csv(const std::string& path, double threshold);

/// `train SCENARIO.json`: emits one JSON object per epoch (with "val_loss"/"val_acc" when the
/// scenario holds out "validation"), then the summary with "done": true (and "best_epoch",
/// "stopped_early", "stopped_epoch" under "early_stopping").
/// `load_weights`: a safetensors file the model starts from; `save_weights`: where the trained
/// weights go (PyTorch's state_dict names; see io/safetensors.h). Empty: none.
struct WeightFiles {
  std::string load_weights, save_weights;
};
void run_train(const nlohmann::json& scenario, const std::function<void(const nlohmann::json&)>& emit,
               const WeightFiles& weights = {});

/// `cv SCENARIO.json --folds K`: K-fold cross-validation over all the scenario's samples
/// (stratified for classes; every sample is tested exactly once): the scenario's training run on
/// K−1 folds, tested on the remaining one. Emits one line per fold with its test metrics, then
/// {"done": true, "test_loss"/"test_acc"/"test_auc": {"mean", "std"}}.
void run_cv(const nlohmann::json& scenario, int folds, const std::function<void(const nlohmann::json&)>& emit);

/// One line of `bench`: a workload's throughput.
struct BenchResult {
  std::string workload;
  int threads;
  double steps_per_s, samples_per_s;
  std::string device = "cpu";
  std::int64_t batch = 0;
};

/// A training workload for `bench`: a model spec trained on random data.
struct BenchWorkload {
  std::string name;                       ///< the first word of its result line
  nlohmann::json model;                   ///< a model spec with "input_shape"
  nlohmann::json optimizer;               ///< {"name": "Adam", "lr": 0.001}, as in a scenario
  std::string loss = "CrossEntropyLoss";  ///< random class labels; BCEWithLogitsLoss: random [0, 1] targets
  std::int64_t batch = 64;
};

/// The standard workloads, by short or full name: W1 (2-8-8-1 Tanh MLP, batch 10,
/// BCEWithLogits, SGD 0.03), W2 (784-256-128-10 ReLU, batch 64, CrossEntropy, Adam 1e-3), W3
/// (small CNN on 1×28×28, batch 64, SGD 0.01 momentum 0.9), W4 (LeNet-like CNN on 1×28×28:
/// conv 5×5 16 and 32 channels, Linear 1568-64-10, batch 64, Adam 1e-3).
BenchWorkload bench_workload(const std::string& name);

/// `bench --model SPEC.json [--input-shape C,H,W] [--optimizer JSON]`: the spec trained with
/// CrossEntropyLoss on random labels (as many classes as its outputs), batch 64. `input_shape`
/// ("1,28,28", empty: the spec's own) and `optimizer` (JSON text) are checked here; errors name
/// the flag and the value.
BenchWorkload model_workload(const std::string& name, const nlohmann::json& spec, const std::string& input_shape,
                             const std::string& optimizer);

/// Full training steps (zero_grad, forward, loss, backward, optimizer step) of each workload for
/// about `seconds`. `device` "cuda" runs them on the GPU; `batch` > 0 replaces each workload's
/// batch size (the GPU wins at large batches: W2/W3 at 1024).
std::vector<BenchResult> run_bench(const std::vector<BenchWorkload>& workloads, int threads, double seconds,
                                   Device device = Device::CPU, std::int64_t batch_override = 0);
/// run_bench of the standard workloads named (bench_workload).
std::vector<BenchResult> run_bench(const std::vector<std::string>& workloads, int threads, double seconds,
                                   Device device = Device::CPU, std::int64_t batch_override = 0);

}  // namespace gs::cases
