#pragma once
/// Scenarios (DESIGN.md): data set + model + loss + optimizer (+ scheduler, regularization) +
/// seed, and the lab that opens them with its view state. Typed in-process; versioned JSON only
/// in files: a file from a newer version, an unknown field or a bad value is refused with a
/// message naming it, and nothing is half-loaded.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "data/dataset.h"
#include "nn/loss.h"
#include "optim/options.h"
#include "spec/dataset_spec.h"
#include "spec/transfer.h"
#include "spec/model_spec.h"
#include "train/trainer.h"

namespace gs::spec {

inline constexpr int kScenarioVersion = 1;

struct Scenario {
  DatasetSpec dataset;
  ModelSpec model;
  nn::LossOptions loss;
  optim::OptimizerOptions optimizer;
  std::optional<optim::SchedulerOptions> scheduler;  ///< none: the lr stays as the optimizer has it
  train::TrainerConfig config;  ///< batch_size (default 32), drop_last, l1/l2 ("regularization"), augment, device, early_stopping
  /// Fraction of the training part held out as a validation split (stratified for classes),
  /// evaluated each epoch and watched by config.early_stopping; 0: none.
  double validation = 0.0;
  std::int64_t epochs = 10;
  std::uint64_t seed = 0;  ///< model initialisation and the batches' shuffling (config.seed follows it)
  std::string lab, title, description;  ///< which lab opens it, and its caption
  nlohmann::json view;                  ///< the lab's own view state, kept as the file has it (opaque to core)
  std::optional<TransferSpec> transfer;  ///< start the first layers from pretrained weights (frozen or not)
};
/// Field by field (the model by its JSON form, which lists every layer argument).
bool operator==(const Scenario& a, const Scenario& b);

/// Reads and validates a scenario file's JSON; errors name the field.
Scenario parse_scenario(const nlohmann::json& j);
/// The scenario as a file has it (version kScenarioVersion): parse_scenario(to_json(s)) == s.
/// Optimizer, scheduler, loss and data set arguments equal to their defaults are left out.
nlohmann::json to_json(const Scenario& s);

/// The data set of a scenario split into train and test, with the pipeline fitted on the train
/// part (features, standardizing), shaped for the model: [N, C, H, W] when model.input_shape has
/// 3 dims, else flat rows.
ScenarioData load_scenario_data(const Scenario& s);

/// Everything a run needs: the trainer (model, loss, optimizer, scheduler, data) and the pipeline
/// its inputs went through, with the raw split (e.g. the Playground's points before features).
struct Run {
  std::unique_ptr<train::Trainer> trainer;
  FeaturePipeline pipeline;
  data::Split raw;
};
/// Builds the run of a scenario. Fills model.input_shape from the data when the spec leaves it
/// out; a model that does not fit the data or the loss is refused naming the fix.
Run make_run(Scenario& s);
/// The same on data prepared elsewhere (a cross-validation fold through fit_split).
Run make_run(Scenario& s, ScenarioData data);
/// make_run(s).trainer.
std::unique_ptr<train::Trainer> make_trainer(Scenario& s);

}  // namespace gs::spec
