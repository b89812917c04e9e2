#include "labs/metrics/metrics_data.h"

#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>

#include "autograd/grad_mode.h"
#include "nn/loss.h"
#include "ops/functional.h"
#include "optim/factory.h"
#include "spec/model_spec.h"
#include "spec/scenario.h"

namespace gsui::metrics_lab {
namespace {

constexpr std::uint64_t kSeed = 7;

std::unique_ptr<gs::train::Trainer> logisticRegression(const gs::data::Split& split) {
  // The same pieces spec::make_run assembles (it only takes named data sets, and these are a
  // generated set with a chosen class ratio): Linear(F, 1), BCEWithLogitsLoss, Adam.
  const std::int64_t features = split.train.x.size(1);
  const gs::spec::ModelSpec spec = gs::spec::parse_model_spec(
      {{"input_shape", {features}}, {"layers", {{{"type", "Linear"}, {"out_features", 1}}}}});
  gs::Generator g(kSeed);
  auto model = gs::spec::build_model(spec, gs::kFloat32, &g);
  auto optimizer = gs::optim::make_optimizer(nlohmann::json{{"name", "Adam"}, {"lr", 0.05}}, model->parameters());
  gs::train::TrainerConfig config;
  config.batch_size = 32;
  config.seed = kSeed;
  return std::make_unique<gs::train::Trainer>(model, gs::nn::make_loss(nlohmann::json("BCEWithLogitsLoss")), std::move(optimizer),
                                              gs::optim::Scheduler{}, split.train, split.test, config);
}

std::vector<int> toBinary(const gs::Tensor& y, bool flip) {
  std::vector<int> labels;
  for (std::int64_t v : y.to_vector<std::int64_t>()) labels.push_back(flip ? static_cast<int>(v == 0) : static_cast<int>(v));
  return labels;
}

}  // namespace

gs::data::Dataset imbalancedSet(double positive_share, std::uint64_t seed) {
  const gs::data::Dataset all = gs::data::make_classification("gaussian", 2000, 1.0, seed);
  const std::vector<std::int64_t> y = all.y.to_vector<std::int64_t>();
  const std::int64_t negatives = static_cast<std::int64_t>(std::count(y.begin(), y.end(), 0));
  const auto positives_kept = static_cast<std::int64_t>(std::lround(negatives * positive_share / (1 - positive_share)));
  std::vector<std::int64_t> keep;
  std::int64_t positives = 0;
  for (std::size_t i = 0; i < y.size(); ++i)
    if (y[i] == 0 || positives++ < positives_kept) keep.push_back(static_cast<std::int64_t>(i));
  return all.subset(keep);
}

BinaryTask makeBinaryTask(BinarySource source) {
  BinaryTask task;
  if (source == BinarySource::BreastCancer) {
    // sklearn's table: class 0 = malignant, 1 = benign. The lab calls malignant "positive" (what
    // screening looks for), so labels and scores are flipped: P(malignant) = 1 − P(benign).
    gs::spec::Scenario s = gs::spec::parse_scenario(nlohmann::json::parse(R"({"version": 1,
        "dataset": {"name": "breast_cancer", "test_ratio": 0.3, "standardize": true, "seed": 7},
        "model": {"layers": [{"type": "Linear", "out_features": 1}]},
        "loss": "BCEWithLogitsLoss", "optimizer": {"name": "Adam", "lr": 0.01}, "batch_size": 32, "seed": 7})"));
    gs::spec::Run run = gs::spec::make_run(s);
    task.flip = true;
    task.labels = toBinary(run.trainer->test_set().y, true);
    task.features = run.trainer->test_set().x;
    task.trainer = std::move(run.trainer);
    return task;
  }
  const bool spam = source == BinarySource::Spam;
  const gs::data::Split raw = gs::data::train_test_split(imbalancedSet(spam ? kSpamShare : kDiseaseShare, kSeed), 0.3, kSeed);
  task.labels = toBinary(raw.test.y, false);
  if (!spam) {
    // The lazy model: P(sick) = 0 for everyone. Nothing to train.
    task.fixed_scores.assign(task.labels.size(), 0.0);
    task.features = raw.test.x;
    return task;
  }
  const auto standardizer = gs::data::Standardizer::fit(raw.train.x);
  gs::data::Split split = raw;
  split.train.x = standardizer.transform(raw.train.x);
  split.test.x = standardizer.transform(raw.test.x);
  task.features = split.test.x;
  task.trainer = logisticRegression(split);
  return task;
}

QStringList classNames(BinarySource source) {
  switch (source) {
    case BinarySource::BreastCancer: return {QCoreApplication::translate("MetricsData", "benign"), QCoreApplication::translate("MetricsData", "malignant")};
    case BinarySource::Spam: return {QCoreApplication::translate("MetricsData", "mail"), QCoreApplication::translate("MetricsData", "spam")};
    case BinarySource::AlwaysHealthy: return {QCoreApplication::translate("MetricsData", "healthy"), QCoreApplication::translate("MetricsData", "sick")};
    case BinarySource::Csv: return {QCoreApplication::translate("MetricsData", "negative (0)"), QCoreApplication::translate("MetricsData", "positive (1)")};
  }
  return {};
}

QString readScoresCsv(const QString& path, std::vector<int>& labels, std::vector<double>& scores) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return QCoreApplication::translate("MetricsData", "Cannot open \"%1\": %2").arg(path, file.errorString());
  QTextStream in(&file);
  QString line;
  if (!in.readLineInto(&line)) return QCoreApplication::translate("MetricsData", "%1: the file is empty").arg(path);
  if (line.trimmed() != "label,score") return QCoreApplication::translate("MetricsData", "%1, row 1: expected the header \"label,score\", found \"%2\"").arg(path, line);
  std::vector<int> new_labels;
  std::vector<double> new_scores;
  int row = 1;
  while (in.readLineInto(&line)) {
    ++row;
    if (line.trimmed().isEmpty()) continue;
    const QStringList cells = line.split(',');
    if (cells.size() != 2) return QCoreApplication::translate("MetricsData", "%1, row %2: expected two values \"label,score\", found \"%3\"").arg(path).arg(row).arg(line);
    const QString label = cells[0].trimmed(), score_text = cells[1].trimmed();
    if (label != "0" && label != "1") return QCoreApplication::translate("MetricsData", "%1, row %2: the label \"%3\" must be 0 or 1").arg(path).arg(row).arg(label);
    bool ok = false;
    const double score = score_text.toDouble(&ok);
    if (!ok || !std::isfinite(score)) return QCoreApplication::translate("MetricsData", "%1, row %2: the score \"%3\" is not a finite number").arg(path).arg(row).arg(score_text);
    new_labels.push_back(label == "1");
    new_scores.push_back(score);
  }
  if (new_labels.empty()) return QCoreApplication::translate("MetricsData", "%1: no data rows after the header").arg(path);
  const auto positives = std::count(new_labels.begin(), new_labels.end(), 1);
  if (positives == 0 || positives == static_cast<std::int64_t>(new_labels.size()))
    return QCoreApplication::translate("MetricsData", "%1: every row has label %2; ROC and PR curves need both classes").arg(path).arg(positives == 0 ? 0 : 1);
  labels = std::move(new_labels);
  scores = std::move(new_scores);
  return {};
}

gs::Tensor principalComponents(const gs::Tensor& x) {
  gs::NoGradGuard no_grad;
  const gs::Tensor rows = x.to(gs::kFloat64).reshape({x.size(0), -1});
  const std::int64_t n = rows.size(0), f = rows.size(1);
  const gs::Tensor centred = rows.sub(rows.mean({0}, true));
  const gs::Tensor covariance = centred.t().mm(centred).div(gs::scalar_tensor(std::max<std::int64_t>(n - 1, 1), {.dtype = gs::kFloat64}));
  // Power iteration: v ← C v / ‖C v‖ converges to the top eigenvector; deflating C by λ v vᵀ
  // gives the next one. A fixed count of iterations keeps the projection deterministic.
  gs::Tensor c = covariance;
  std::vector<gs::Tensor> components;
  for (int k = 0; k < std::min<std::int64_t>(2, f); ++k) {
    gs::Tensor v = gs::ones({f, 1}, {.dtype = gs::kFloat64}).add(gs::arange(static_cast<double>(f), gs::TensorOptions{.dtype = gs::kFloat64}).reshape({f, 1}), 0.01);
    for (int i = 0; i < 200; ++i) {
      const gs::Tensor w = c.mm(v);
      const double norm = std::sqrt(w.mul(w).sum().item());
      if (norm < 1e-12) break;
      v = w.div(gs::scalar_tensor(norm, {.dtype = gs::kFloat64}));
    }
    const gs::Tensor lambda = v.t().mm(c).mm(v);
    c = c.sub(v.mm(v.t()).mul(lambda));
    components.push_back(v);
  }
  gs::Tensor projected = centred.mm(components[0]);
  const gs::Tensor second = components.size() > 1 ? centred.mm(components[1]) : gs::zeros({n, 1}, {.dtype = gs::kFloat64});
  return gs::cat({projected, second}, 1);
}

}  // namespace gsui::metrics_lab
