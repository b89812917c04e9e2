#pragma once
/// The Trainer: runs steps and epochs of any model / loss / optimizer / data, stops on request,
/// detects divergence, and publishes snapshots that another thread (the UI) reads without
/// waiting on training. One Trainer is driven by one thread; snapshot() and request_stop() are
/// safe from any thread.
#include <atomic>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "nn/loss.h"
#include "nn/module.h"
#include "optim/factory.h"

namespace gs::train {

/// Keras-style early stopping (`"early_stopping"` in a scenario): stop when the monitored quantity
/// has not improved by more than min_delta for `patience` epochs, and optionally put back the
/// weights of the best epoch.
struct EarlyStopping {
  std::string monitor = "val_loss";  ///< "val_loss", "val_accuracy" or "train_loss"
  std::int64_t patience = 10;        ///< epochs without improvement before stopping
  double min_delta = 0.0;            ///< a change smaller than this is no improvement
  bool restore_best = true;          ///< load the best epoch's weights when stopping
  bool operator==(const EarlyStopping&) const = default;
};

struct TrainerConfig {
  std::int64_t batch_size = 32;
  std::uint64_t seed = 0;  ///< shuffling
  double l1 = 0.0;         ///< λ₁·Σ|w| added to the loss (weights, not biases)
  double l2 = 0.0;         ///< λ₂·Σw² added to the loss (weights, not biases)
  bool forget_zero_grad = false;  ///< the course's mistake: gradients pile up across steps
  bool drop_last = false;         ///< skip a last batch smaller than batch_size (BatchNorm needs 2+ samples)
  Device device = Device::CPU;    ///< where the model and each batch live (the data set stays on the host)
  bool augment = false;           ///< image batches get data::random_augment's default shifts, turns and contrast (seeded)
  std::optional<EarlyStopping> early_stopping;  ///< none: train for as many epochs as asked
  bool operator==(const TrainerConfig&) const = default;
};

struct Evaluation {
  double loss = 0;
  double accuracy = -1;  ///< −1 for regression
  std::vector<double> scores;      ///< binary tasks: P(class 1) per sample
  std::vector<float> probabilities;  ///< tasks of 3+ classes: softmax per sample, row by row [N × classes]
  std::vector<std::int64_t> predictions, targets;  ///< classification
};

/// What the UI draws; copied out under a short lock.
struct Snapshot {
  std::int64_t step = 0, epoch = 0;
  double last_loss = 0, lr = 0;
  double train_loss = 0, test_loss = 0, train_accuracy = -1, test_accuracy = -1;  ///< at the last epoch end
  double val_loss = 0, val_accuracy = -1;  ///< the validation split's, when the trainer has one
  std::int64_t best_epoch = 0;  ///< early stopping: the epoch with the best monitored value so far
  bool stopped_early = false;   ///< early stopping ended the run (reason says when and why)
  std::vector<double> loss_history;  ///< training loss per step (thinned to ≤ 2000 points)
  bool diverged = false;
  std::string reason;  ///< why training stopped by itself
  std::string reason_code;               ///< the reason's code (core/util/error_codes.h), "" when none
  std::vector<std::string> reason_args;  ///< and the values its sentence quotes
  std::int64_t passes = 0;  ///< passes over the training data completed by step() (the Playground's epoch counter)
};

class Trainer {
 public:
  Trainer(std::shared_ptr<nn::Module> model, nn::Loss loss, std::unique_ptr<optim::Optimizer> optimizer, optim::Scheduler scheduler,
          data::Dataset train, data::Dataset test, TrainerConfig config);

  /// One optimisation step (zero_grad, forward, loss, backward, step) on the next batch. Starts a
  /// new epoch when the data are exhausted. False when stopped or diverged.
  bool step();
  /// Runs the rest of the current epoch, evaluates on train and test, steps the scheduler.
  /// Returns false if training stopped (request or divergence) before the epoch ended.
  bool run_epoch();
  /// The end of an epoch (run_epoch's last part): evaluates on train and test, steps the
  /// scheduler and counts the epoch. A worker that drives step() itself calls it when
  /// passes() > epoch(), so its epochs match `gradscope-cli train`'s.
  void finish_epoch();
  /// The test set's evaluation at the last epoch end (empty before the first).
  const Evaluation& last_test_evaluation() const { return last_test_; }
  /// A validation split, evaluated at each epoch end (and watched by early stopping). It also
  /// drives a ReduceLROnPlateau scheduler in place of the test set, which should stay unseen.
  void set_validation(data::Dataset validation);
  const data::Dataset& validation_set() const { return validation_; }
  /// Early stopping stopped the run; later step()/run_epoch() calls return false.
  bool stopped_early() const { return stopped_early_; }
  /// Passes over the training data completed by step().
  std::int64_t passes() const { return passes_; }
  Evaluation evaluate(const data::Dataset& d);

  void request_stop() { stop_.store(true); }
  void clear_stop() { stop_.store(false); }
  bool stop_requested() const { return stop_.load(); }
  bool diverged() const { return diverged_; }
  Snapshot snapshot() const;

  nn::Module& model() { return *model_; }
  optim::Optimizer& optimizer() { return *optimizer_; }
  const data::Dataset& train_set() const { return loader_.dataset(); }
  /// Changes that take effect at the next step (the Playground's live controls).
  void set_regularization(double l1, double l2) { config_.l1 = l1; config_.l2 = l2; }
  void set_forget_zero_grad(bool on) { config_.forget_zero_grad = on; }
  /// Trains on with another optimizer and the same weights; its state (momentum, Adam's moments)
  /// starts afresh, as a new torch.optim object's would. Refused while a scheduler drives the old one.
  void set_optimizer(std::unique_ptr<optim::Optimizer> optimizer);
  /// Batches of `batch_size` from the next step on (a new epoch starts there).
  void set_batch_size(std::int64_t batch_size);
  std::int64_t steps_per_epoch() const { return loader_.batches_per_epoch(); }
  const data::Dataset& test_set() const { return test_; }
  std::int64_t epoch() const { return epoch_; }
  /// A fork: this trainer, built from the same run (same model, optimizer, scheduler and data),
  /// takes over `other`'s whole state — weights, gradients, optimizer and scheduler state, the
  /// data order and the position in it, the augmentation's and dropout's random state, the
  /// settings changed since (L1/L2, batch size), the counters, early stopping's memory — so that
  /// both train on bit for bit alike until one is changed. Everything is checked before anything
  /// is copied: a run of another structure is refused and nothing changes. `other` must not be
  /// training meanwhile (call it in its worker, between two steps).
  void copy_state_from(const Trainer& other);

 private:
  Tensor targets_for_loss(const Tensor& y) const;
  void publish(double loss);
  /// Early stopping's bookkeeping after an epoch's evaluations; may stop and restore.
  void watch(double train_loss, const Evaluation& validation);

  std::shared_ptr<nn::Module> model_;
  nn::Loss loss_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  optim::Scheduler scheduler_;
  data::DataLoader loader_;
  data::Dataset test_;
  TrainerConfig config_;
  std::vector<Tensor> penalized_;  ///< weights for L1/L2
  Generator augment_generator_;    ///< the augmentation's draws (seeded by config.seed)
  Evaluation last_test_;
  data::Dataset validation_;
  // Early stopping: the best monitored value, its epoch, the epochs since, and its weights.
  double best_value_ = 0;
  std::int64_t best_epoch_ = 0, since_best_ = 0;
  std::vector<Tensor> best_state_;
  bool stopped_early_ = false;
  std::int64_t step_ = 0, epoch_ = 0, passes_ = 0;
  bool diverged_ = false;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  Snapshot snapshot_;
};

}  // namespace gs::train
