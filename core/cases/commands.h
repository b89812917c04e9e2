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

/// `train SCENARIO.json`: emits one JSON object per epoch, then the summary with "done": true.
void run_train(const nlohmann::json& scenario, const std::function<void(const nlohmann::json&)>& emit);

struct BenchResult {
  std::string workload;
  int threads;
  double steps_per_s, samples_per_s;
  std::string device = "cpu";
  std::int64_t batch = 0;
};
/// The training workloads W1 (2-8-8-1 Tanh MLP, batch 10, BCEWithLogits, SGD 0.03), W2
/// (784-256-128-10 ReLU, batch 64, CrossEntropy, Adam 1e-3), W3 (small CNN on 1×28×28, batch 64,
/// SGD 0.01 momentum 0.9): full steps on random data for about `seconds` each.
/// `device` "cuda" runs them on the GPU; `batch` > 0 replaces each workload's batch size (the GPU
/// wins at large batches: W2/W3 at 1024).
std::vector<BenchResult> run_bench(const std::vector<std::string>& workloads, int threads, double seconds,
                                   Device device = Device::CPU, std::int64_t batch_override = 0);

}  // namespace gs::cases
