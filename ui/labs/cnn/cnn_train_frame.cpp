#include "labs/cnn/cnn_train_frame.h"

#include "ops/functional.h"

namespace gsui {

CnnFrame CnnWorkerView::frame(gs::train::Trainer& trainer) {
  CnnFrame f;
  f.snapshot = trainer.snapshot();
  f.stepsPerEpoch = trainer.steps_per_epoch();
  if (static_cast<std::int64_t>(epochs_.size()) < f.snapshot.epoch) {
    // A new epoch end: its evaluation is kept until the next one.
    epochs_.push_back({f.snapshot.train_loss, f.snapshot.test_loss, f.snapshot.train_accuracy, f.snapshot.test_accuracy});
    const gs::train::Evaluation& e = trainer.last_test_evaluation();
    auto evaluation = std::make_shared<CnnEvaluation>();
    evaluation->epoch = f.snapshot.epoch;
    evaluation->predictions = e.predictions;
    evaluation->targets = e.targets;
    evaluation->probabilities = e.probabilities;
    if (evaluation->probabilities.empty() && !e.scores.empty() && e.scores.size() == e.targets.size())
      for (double p1 : e.scores) evaluation->probabilities.insert(evaluation->probabilities.end(), {static_cast<float>(1 - p1), static_cast<float>(p1)});
      // (two classes: core keeps P(class 1) per sample; the views want both columns)
    evaluation->classes = e.targets.empty() ? 0 : static_cast<int>(evaluation->probabilities.size() / e.targets.size());
    evaluation_ = std::move(evaluation);
  }
  f.epochs = epochs_;
  f.evaluation = evaluation_;
  gs::nn::Module& model = trainer.model();
  f.filters = gs::train::first_conv_filters(model);
  if (test_images_.defined() && test_images_.size(0) > 0) {
    f.chosenImage = std::clamp<std::int64_t>(chosen_, 0, test_images_.size(0) - 1);
    f.maps = gs::train::layer_outputs(model, test_images_.select(0, f.chosenImage));
  }
  if (drawing_.defined()) f.drawnProbabilities = gs::train::class_probabilities(model, drawing_.unsqueeze(0));
  return f;
}

}  // namespace gsui
