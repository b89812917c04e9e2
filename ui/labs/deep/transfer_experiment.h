#pragma once
// The Transfer page's experiment, without widgets: the shipped fine-tuning scenario
// (resources/scenarios/fashion_transfer.json, whose base is fashion_base.safetensors, a CNN
// pretrained on Fashion-MNIST's classes 0–4) in its three recipes, and what the page draws of the
// network. Every number comes from core (spec::make_run, spec::apply_transfer).
#include <QString>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spec/scenario.h"

namespace gsui::transfer {

enum class Recipe {
  Frozen,       ///< the base's convolutions frozen, a new head trained (the classic recipe)
  FineTuneAll,  ///< the base's convolutions as the start, everything trained
  Scratch,      ///< the same network from random weights
};
inline constexpr std::array<Recipe, 3> kRecipes = {Recipe::Frozen, Recipe::FineTuneAll, Recipe::Scratch};
inline constexpr int kDefaultPerClass = 10;
inline constexpr int kDefaultEpochs = 20;
/// The choices of "images per class".
inline constexpr std::array<int, 6> kPerClassChoices = {1, 2, 5, 10, 20, 50};

/// The folder of the shipped scenarios (beside the data folder: resources/scenarios in the source
/// tree, share/gradscope/scenarios installed).
std::string scenariosDir();
/// The shipped fine-tuning scenario as the CLI reads it (its weights path made absolute).
/// Throws gs::Error naming the file when it is missing or wrong.
nlohmann::json shippedScenario();
/// The scenario of one recipe with `per_class` training images of each new class and `epochs`.
gs::spec::Scenario scenarioFor(Recipe recipe, int per_class, int epochs);

/// One layer as the page draws it.
struct LayerBox {
  std::string type;         ///< PyTorch's class name
  std::string detail;       ///< "1→8, 5×5", "784→5", "" (ReLU)
  std::int64_t parameters = 0;
  bool pretrained = false;  ///< among the transfer's layers (taken from the file)
};
/// The network's layers, from the scenario's spec (core's shape inference).
std::vector<LayerBox> layerBoxes(const gs::spec::Scenario& s);

/// The new classes' names in the order of their labels, as core has them (Sandal, Shirt, …).
std::vector<int> newClasses();

}  // namespace gsui::transfer
