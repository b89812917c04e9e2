#pragma once
// The MLP-vs-CNN experiment of the CNN lab, without widgets: the two scenarios (so each run is
// exactly what `gradscope-cli train` does with the same file), training both epoch for epoch in a
// worker, and the shift test that shows what flattening an image costs. Core builds and trains
// everything; this file only decides which scenarios, in which order, and what to report.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "spec/scenario.h"

namespace gsui {

enum class CompareModel { Mlp = 0, Cnn = 1 };
inline constexpr std::array<CompareModel, 2> kCompareModels{CompareModel::Mlp, CompareModel::Cnn};

/// What the learner chose: the data set ("digits" or "fashion_mnist"), how many images (a seeded
/// subset; more than the set has means all of it) and how many epochs to train.
struct CompareSettings {
  std::string dataset = "digits";
  std::int64_t subset = 1797;
  std::int64_t epochs = 10;
  bool operator==(const CompareSettings&) const = default;
};

/// Shifts of the shift test, in pixels to the right (0 is the unshifted test set).
inline constexpr int kMaxShift = 3;
/// The shift the conclusion and the example images use.
inline constexpr int kExampleShift = 2;
/// How many test images are drawn, original beside shifted.
inline constexpr int kExampleCount = 5;

/// One image's side length: 8 for digits, 28 for Fashion-MNIST.
std::int64_t imageSide(const std::string& dataset);
/// The scenario of one model: the data set (80/20 split, seed 0, not standardized), the model
/// spec (MLP: Flatten, Linear 128, ReLU, Linear 10; CNN: two Conv2d 5×5 pad 2 + ReLU + MaxPool2d 2
/// blocks of 16 and 32 channels, Flatten, Linear 64, ReLU, Linear 10), CrossEntropyLoss, Adam
/// lr 1e-3, batch 64, seed 0. Both take images [1, H, W], so the MLP's Flatten is in its spec.
gs::spec::Scenario compareScenario(CompareModel model, const CompareSettings& settings);
/// The learnable numbers of a model, by core's shape inference.
std::int64_t parameterCount(CompareModel model, const CompareSettings& settings);

/// Both runs (index: CompareModel). Owned by the page; touched only by the job while one runs.
struct CompareRuns {
  std::array<gs::spec::Run, 2> runs;
  gs::train::Trainer& trainer(CompareModel model) { return *runs[static_cast<int>(model)].trainer; }
};
/// Builds both runs (loads the data set: slow for Fashion-MNIST, so in the worker). Throws core's
/// message when the data set is missing.
CompareRuns makeCompareRuns(const CompareSettings& settings);

/// Trains the model that is behind (the MLP on ties) one step at a time until both have `target`
/// epochs. `cancelled` is asked before every step, so a cancel waits for one step at most; an
/// interrupted epoch is finished by the next call (Trainer::finish_epoch when passes() > epoch(),
/// which takes the same batches as run_epoch). `epochDone` gets each model's test accuracy at each
/// epoch end. False when cancelled; throws the reason when a model diverged.
bool trainBoth(CompareRuns& runs, std::int64_t target, const std::function<bool()>& cancelled,
               const std::function<void(CompareModel, std::int64_t epoch, double accuracy)>& epochDone);

/// The shift test's numbers and a few of its images.
struct ShiftReport {
  struct Example {
    std::int64_t height = 0, width = 0;
    std::vector<float> original, shifted;  ///< [H × W] in [0, 1], row by row
    std::int64_t label = 0;
    std::array<std::int64_t, 2> predicted{};  ///< each model's class for the shifted image
  };
  std::array<std::vector<double>, 2> accuracy;  ///< [model][shift 0..kMaxShift]
  std::vector<Example> examples;                ///< the first kExampleCount test images
  std::vector<std::string> class_names;
};
/// Each model's test accuracy with the images shifted 0…kMaxShift pixels right (zero fill, core's
/// shifted_accuracy), and the first test images shifted by kExampleShift with both predictions.
ShiftReport measureShifts(CompareRuns& runs);

}  // namespace gsui
