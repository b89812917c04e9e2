#include "labs/cnn/compare_training.h"

#include <algorithm>

#include "data/augment.h"
#include "train/inspect.h"
#include "util/error_codes.h"

namespace gsui {
namespace {

using nlohmann::json;

/// Why a trainer stopped by itself, as an error that keeps core's code and values (so that the page
/// says it in the learner's language); core's English when the reason has no code.
gs::Error stopReason(const gs::train::Snapshot& snapshot) {
  if (snapshot.reason_code.empty()) return gs::Error(snapshot.reason);
  return gs::coded_error(snapshot.reason_code, snapshot.reason_args);
}

json mlpLayers() {
  return json::array({{{"type", "Flatten"}},
                      {{"type", "Linear"}, {"out_features", 128}},
                      {{"type", "ReLU"}},
                      {{"type", "Linear"}, {"out_features", 10}}});
}

json cnnLayers() {
  return json::array({{{"type", "Conv2d"}, {"out_channels", 16}, {"kernel_size", 5}, {"padding", 2}},
                      {{"type", "ReLU"}},
                      {{"type", "MaxPool2d"}, {"kernel_size", 2}},
                      {{"type", "Conv2d"}, {"out_channels", 32}, {"kernel_size", 5}, {"padding", 2}},
                      {{"type", "ReLU"}},
                      {{"type", "MaxPool2d"}, {"kernel_size", 2}},
                      {{"type", "Flatten"}},
                      {{"type", "Linear"}, {"out_features", 64}},
                      {{"type", "ReLU"}},
                      {{"type", "Linear"}, {"out_features", 10}}});
}

}  // namespace

std::int64_t imageSide(const std::string& dataset) { return dataset == "digits" ? 8 : 28; }

gs::spec::Scenario compareScenario(CompareModel model, const CompareSettings& settings) {
  const std::int64_t side = imageSide(settings.dataset);
  const bool mlp = model == CompareModel::Mlp;
  // Through the scenario file's JSON, so that the page, a saved file and `gradscope-cli train`
  // read one and the same thing.
  const json file = {
      {"version", gs::spec::kScenarioVersion},
      {"title", mlp ? "MLP vs CNN: the MLP" : "MLP vs CNN: the CNN"},
      {"lab", "cnn"},
      {"dataset", {{"name", settings.dataset}, {"n", settings.subset}, {"standardize", false}, {"seed", 0}}},
      {"model", {{"input_shape", {1, side, side}}, {"layers", mlp ? mlpLayers() : cnnLayers()}}},
      {"loss", "CrossEntropyLoss"},
      {"optimizer", {{"name", "Adam"}, {"lr", 1e-3}}},
      {"batch_size", 64},
      {"epochs", settings.epochs},
      {"seed", 0}};
  return gs::spec::parse_scenario(file);
}

std::int64_t parameterCount(CompareModel model, const CompareSettings& settings) {
  return gs::spec::infer_shapes(compareScenario(model, settings).model).total_parameters;
}

CompareRuns makeCompareRuns(const CompareSettings& settings) {
  CompareRuns runs;
  for (CompareModel m : kCompareModels) {
    gs::spec::Scenario s = compareScenario(m, settings);
    runs.runs[static_cast<int>(m)] = gs::spec::make_run(s);
  }
  return runs;
}

bool trainBoth(CompareRuns& runs, std::int64_t target, const std::function<bool()>& cancelled,
               const std::function<void(CompareModel, std::int64_t, double)>& epochDone) {
  auto& mlp = runs.trainer(CompareModel::Mlp);
  auto& cnn = runs.trainer(CompareModel::Cnn);
  while (std::min(mlp.epoch(), cnn.epoch()) < target) {
    if (cancelled()) return false;
    // The model behind trains next, so the two curves grow together.
    const CompareModel model = mlp.epoch() <= cnn.epoch() ? CompareModel::Mlp : CompareModel::Cnn;
    gs::train::Trainer& t = runs.trainer(model);
    if (!t.step()) throw stopReason(t.snapshot());
    // NOTE: run_epoch is this loop without the cancel check: step() until the pass is complete,
    // then finish_epoch(); the batches and so the numbers are the same.
    if (t.passes() > t.epoch()) {
      t.finish_epoch();
      epochDone(model, t.epoch(), t.snapshot().test_accuracy);
    }
  }
  return true;
}

namespace {

/// The first kExampleCount test images, original and shifted, with each model's prediction for
/// the shifted one.
std::vector<ShiftReport::Example> shiftExamples(CompareRuns& runs) {
  const gs::data::Dataset& test = runs.trainer(CompareModel::Mlp).test_set();
  const std::int64_t count = std::min<std::int64_t>(kExampleCount, test.size());
  if (count == 0) return {};
  const gs::Tensor original = test.x.narrow(0, 0, count).contiguous();
  const gs::Tensor shifted = gs::data::affine(original, 0.0, kExampleShift, 0.0, 1.0).contiguous();
  const std::vector<float> before = original.to_vector<float>(), after = shifted.to_vector<float>();
  const std::vector<std::int64_t> labels = test.y.narrow(0, 0, count).to_vector<std::int64_t>();
  std::array<std::vector<float>, 2> probabilities;
  for (CompareModel m : kCompareModels)
    probabilities[static_cast<int>(m)] = gs::train::class_probabilities(runs.trainer(m).model(), shifted);
  const std::int64_t h = test.x.size(2), w = test.x.size(3), pixels = h * w;
  const std::size_t classes = probabilities[0].size() / static_cast<std::size_t>(count);
  std::vector<ShiftReport::Example> examples(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    ShiftReport::Example& e = examples[static_cast<std::size_t>(i)];
    e.height = h;
    e.width = w;
    e.original.assign(before.begin() + i * pixels, before.begin() + (i + 1) * pixels);
    e.shifted.assign(after.begin() + i * pixels, after.begin() + (i + 1) * pixels);
    e.label = labels[static_cast<std::size_t>(i)];
    for (int m = 0; m < 2; ++m) {
      const auto row = probabilities[m].begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * classes);
      e.predicted[m] = std::max_element(row, row + static_cast<std::ptrdiff_t>(classes)) - row;
    }
  }
  return examples;
}

}  // namespace

ShiftReport measureShifts(CompareRuns& runs) {
  ShiftReport report;
  const gs::data::Dataset& test = runs.trainer(CompareModel::Mlp).test_set();
  for (CompareModel m : kCompareModels)
    for (int shift = 0; shift <= kMaxShift; ++shift)
      report.accuracy[static_cast<int>(m)].push_back(
          gs::train::shifted_accuracy(runs.trainer(m).model(), test, shift, 0.0, /*flat_input=*/false));
  report.examples = shiftExamples(runs);
  report.class_names = test.class_names;
  return report;
}

}  // namespace gsui
