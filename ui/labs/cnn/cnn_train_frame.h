#pragma once
// What the Train page draws, built in the training worker from the model (the UI never touches
// the model): the trainer's snapshot, the epochs so far, the first layer's filters, every layer's
// output for the chosen test image, the probabilities of the drawn image and the test set's
// predictions at the last epoch end.
#include <memory>
#include <mutex>
#include <vector>

#include "tensor/tensor.h"
#include "train/inspect.h"
#include "train/trainer.h"

namespace gsui {

/// One finished epoch.
struct CnnEpoch {
  double trainLoss = 0, testLoss = 0, trainAccuracy = 0, testAccuracy = 0;
};

/// The test set's predictions at an epoch end (shared between frames: it changes once an epoch).
struct CnnEvaluation {
  std::int64_t epoch = 0;
  int classes = 0;
  std::vector<std::int64_t> predictions, targets;
  std::vector<float> probabilities;  ///< [N × classes]
};

struct CnnFrame {
  gs::train::Snapshot snapshot;
  std::int64_t stepsPerEpoch = 1;
  std::vector<CnnEpoch> epochs;
  gs::train::Filters filters;
  std::vector<gs::train::LayerOutput> maps;  ///< of the chosen test image
  std::int64_t chosenImage = 0;
  std::vector<float> drawnProbabilities;     ///< of the drawn image (empty: nothing drawn)
  std::shared_ptr<const CnnEvaluation> evaluation;  ///< null before the first epoch end
};

/// The worker's side of the page: what it looks at besides training. Changed only by posted
/// changes and read by the frame function, both in the worker.
class CnnWorkerView {
 public:
  explicit CnnWorkerView(gs::Tensor testImages) : test_images_(std::move(testImages)) {}
  void choose(std::int64_t index) { chosen_ = index; }
  void setDrawing(gs::Tensor image) { drawing_ = std::move(image); }
  /// The frame of the trainer's current state.
  CnnFrame frame(gs::train::Trainer& trainer);

 private:
  gs::Tensor test_images_;  ///< [N, C, H, W]
  std::int64_t chosen_ = 0;
  gs::Tensor drawing_;  ///< [C, H, W] (undefined: nothing drawn)
  std::vector<CnnEpoch> epochs_;
  std::shared_ptr<const CnnEvaluation> evaluation_;
};

}  // namespace gsui
