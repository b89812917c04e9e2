#pragma once
/// Scenarios (DESIGN.md): data set + model + loss + optimizer (+ scheduler, regularization) +
/// seed, versioned JSON. A file from a newer version, an unknown field or a bad value is refused
/// with a message naming it; nothing is half-loaded.
#include <nlohmann/json.hpp>
#include <string>

#include "data/dataset.h"
#include "spec/model_spec.h"
#include "train/trainer.h"

namespace gs::spec {

inline constexpr int kScenarioVersion = 1;

struct Scenario {
  nlohmann::json dataset;  ///< {"name", "n", "noise", "test_ratio", "standardize", "seed", "path", ...}
  ModelSpec model;
  nlohmann::json loss;
  nlohmann::json optimizer;
  nlohmann::json scheduler;  ///< null when none
  train::TrainerConfig config;
  std::int64_t epochs = 10;
  std::uint64_t seed = 0;  ///< model initialisation
};

Scenario parse_scenario(const nlohmann::json& j);
/// The data set of a scenario, split into train and test (standardized on the train part when
/// asked), shaped for the model: [N, C, H, W] when model.input_shape has 3 dims, else flat rows.
data::Split load_scenario_data(const Scenario& s);
/// Model, loss, optimizer, scheduler and data, ready to train. Fills model.input_shape from the
/// data when the spec leaves it out.
std::unique_ptr<train::Trainer> make_trainer(Scenario& s);

}  // namespace gs::spec
