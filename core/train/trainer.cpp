#include "train/trainer.h"

#include <typeinfo>

#include <cmath>
#include <sstream>

#include "autograd/grad_mode.h"
#include "data/augment.h"
#include "ops/functional.h"
#include "util/error_codes.h"

namespace gs::train {

Trainer::Trainer(std::shared_ptr<nn::Module> model, nn::Loss loss, std::unique_ptr<optim::Optimizer> optimizer,
                 optim::Scheduler scheduler, data::Dataset train, data::Dataset test, TrainerConfig config)
    : model_(std::move(model)),
      loss_(std::move(loss)),
      optimizer_(std::move(optimizer)),
      scheduler_(std::move(scheduler)),
      loader_(std::move(train), config.batch_size, /*shuffle=*/true, config.drop_last, config.seed),
      test_(std::move(test)),
      config_(config),
      augment_generator_(config.seed + 1) {
  model_->to(config_.device);  // no-op when the caller built it there (optimizer state is made lazily)
  for (auto& [name, p] : model_->named_parameters())
    if (name.size() >= 6 && name.compare(name.size() - 6, 6, "weight") == 0 && p.dim() >= 2 && p.requires_grad()) penalized_.push_back(p);
  snapshot_.lr = optimizer_->lr();
}

Tensor Trainer::targets_for_loss(const Tensor& y) const {
  if (loss_.takes_class_indices()) return y;
  if (y.dtype() == kInt64) return y.to(kFloat32).reshape({-1, 1});  // class 0/1 as a float column
  return y;
}

void Trainer::copy_state_from(const Trainer& other) {
  if (&other == this) return;
  // What can refuse comes first (the model's structure is checked by load_state_from itself,
  // before it copies): the optimizer's and the scheduler's kinds, the data's size.
  GS_CHECK(typeid(*optimizer_) == typeid(*other.optimizer_), "the other run uses another optimizer");
  GS_CHECK(scheduler_.active() == other.scheduler_.active(), "the other run has another learning-rate scheduler");
  GS_CHECK(loader_.dataset().size() == other.loader_.dataset().size(), "the other run trains on another data set");
  model_->load_state_from(*other.model_);
  optimizer_->load_state_from(*other.optimizer_);
  scheduler_.load_state_from(other.scheduler_);
  loader_ = other.loader_;
  config_ = other.config_;
  augment_generator_ = other.augment_generator_;
  last_test_ = other.last_test_;
  validation_ = other.validation_;
  best_value_ = other.best_value_;
  best_epoch_ = other.best_epoch_;
  since_best_ = other.since_best_;
  {
    NoGradGuard no_grad;
    best_state_.clear();
    for (const Tensor& t : other.best_state_) best_state_.push_back(t.defined() ? t.clone() : Tensor());
  }
  stopped_early_ = other.stopped_early_;
  step_ = other.step_;
  epoch_ = other.epoch_;
  passes_ = other.passes_;
  diverged_ = other.diverged_;
  Snapshot snapshot = other.snapshot();
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(snapshot);
}

void Trainer::set_optimizer(std::unique_ptr<optim::Optimizer> optimizer) {
  GS_CHECK(optimizer != nullptr, "set_optimizer: no optimizer given");
  GS_CHECK(!scheduler_.active(), "set_optimizer: a learning-rate scheduler drives the current optimizer; start a new run instead");
  optimizer_ = std::move(optimizer);
  std::lock_guard lock(mutex_);
  snapshot_.lr = optimizer_->lr();
}

void Trainer::set_batch_size(std::int64_t batch_size) {
  GS_CHECK(batch_size >= 1, "batch_size: expected a positive integer, got " + std::to_string(batch_size));
  config_.batch_size = batch_size;
  loader_ = data::DataLoader(loader_.dataset(), batch_size, /*shuffle=*/true, config_.drop_last, config_.seed + static_cast<std::uint64_t>(step_));
  // (An unfinished pass is left uncounted: the new batches start a fresh one.)
}

bool Trainer::step() {
  if (stop_requested() || diverged_ || stopped_early_) return false;
  Tensor x, y;
  if (!loader_.next(x, y)) {
    loader_.reset();
    loader_.next(x, y);
  }
  if (loader_.exhausted()) ++passes_;  // this step took the epoch's last batch
  if (config_.augment && x.dim() == 4) x = data::random_augment(x, {}, augment_generator_);
  x = x.to(config_.device);
  y = y.to(config_.device);
  model_->train();
  if (!config_.forget_zero_grad) optimizer_->zero_grad();
  Tensor loss = loss_.fn(model_->forward(x), targets_for_loss(y));
  if (config_.l1 > 0 || config_.l2 > 0) {
    for (const Tensor& w : penalized_) {
      if (config_.l1 > 0) loss = loss + sum(abs(w)) * config_.l1;
      if (config_.l2 > 0) loss = loss + sum(w * w) * config_.l2;
    }
  }
  const double value = loss.item();
  ++step_;
  if (!std::isfinite(value)) {
    diverged_ = true;
    const auto number = [](double v) {  // as a stream writes it: "0.5", "nan", "inf"
      std::ostringstream s;
      s << v;
      return s.str();
    };
    std::vector<std::string> args{std::isnan(value) ? "nan" : "inf", std::to_string(step_), std::to_string(epoch_ + 1)};
    // The real cause first: a learning rate that is itself not a number, an adaptive optimizer
    // without its eps, or (only then) updates too large for the learning rate.
    std::string code;
    if (!std::isfinite(optimizer_->lr())) {
      code = "diverged_lr_not_finite";
      args.push_back(number(optimizer_->lr()));
    } else if (optimizer_->eps() == 0 && std::isnan(value)) {
      code = "diverged_eps_zero";
    } else if (optimizer_->lr() == 0) {
      code = "diverged_lr_zero";
    } else {
      code = "diverged_updates_grew";
      args.push_back(number(optimizer_->lr()));
    }
    std::lock_guard lock(mutex_);
    snapshot_.diverged = true;
    snapshot_.reason = format_message(code, args);
    snapshot_.reason_code = code;
    snapshot_.reason_args = args;
    snapshot_.step = step_;
    snapshot_.last_loss = value;
    return false;
  }
  loss.backward();
  optimizer_->step();
  publish(value);
  return true;
}

void Trainer::publish(double loss) {
  std::lock_guard lock(mutex_);
  snapshot_.step = step_;
  snapshot_.epoch = epoch_;
  snapshot_.passes = passes_;
  snapshot_.last_loss = loss;
  snapshot_.lr = optimizer_->lr();
  auto& h = snapshot_.loss_history;
  h.push_back(loss);
  if (h.size() > 2000) {  // keep memory bounded on long runs: halve the resolution
    std::vector<double> thinned;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2) thinned.push_back((h[i] + h[i + 1]) / 2);
    h.swap(thinned);
  }
}

bool Trainer::run_epoch() {
  // From an epoch boundary: a fresh loader's first shuffle is used as it is, so epochs run here
  // take the same batches as the same number of step() calls (the Playground's worker).
  if (!loader_.at_epoch_start()) loader_.reset();
  Tensor x, y;
  const std::int64_t batches = loader_.batches_per_epoch();
  for (std::int64_t b = 0; b < batches; ++b)
    if (!step()) return false;
  finish_epoch();
  return true;
}

void Trainer::finish_epoch() {
  ++epoch_;
  const Evaluation train_eval = evaluate(loader_.dataset());
  last_test_ = test_.size() > 0 ? evaluate(test_) : Evaluation{};
  const Evaluation val = validation_.size() > 0 ? evaluate(validation_) : Evaluation{};
  scheduler_.step(validation_.size() > 0 ? val.loss : test_.size() > 0 ? last_test_.loss : train_eval.loss);
  {
    std::lock_guard lock(mutex_);
    snapshot_.epoch = epoch_;
    snapshot_.train_loss = train_eval.loss;
    snapshot_.test_loss = last_test_.loss;
    snapshot_.train_accuracy = train_eval.accuracy;
    snapshot_.test_accuracy = last_test_.accuracy;
    snapshot_.val_loss = val.loss;
    snapshot_.val_accuracy = validation_.size() > 0 ? val.accuracy : -1;
    snapshot_.lr = optimizer_->lr();
  }
  if (config_.early_stopping) watch(train_eval.loss, val);
}

void Trainer::set_validation(data::Dataset validation) { validation_ = std::move(validation); }

void Trainer::watch(double train_loss, const Evaluation& validation) {
  const EarlyStopping& es = *config_.early_stopping;
  const bool accuracy = es.monitor == "val_accuracy";
  GS_CHECK(es.monitor == "train_loss" || validation_.size() > 0,
           "early_stopping.monitor \"" + es.monitor + "\" needs a validation split: set \"validation\" (e.g. 0.2)");
  const double value = es.monitor == "train_loss" ? train_loss : accuracy ? validation.accuracy : validation.loss;
  const bool improved = best_epoch_ == 0 || (accuracy ? value > best_value_ + es.min_delta : value < best_value_ - es.min_delta);
  if (improved) {
    best_value_ = value;
    best_epoch_ = epoch_;
    since_best_ = 0;
    if (es.restore_best) {
      best_state_.clear();
      for (const auto& [name, p] : model_->named_parameters()) best_state_.push_back(p.detach().clone());
      for (const auto& [name, b] : model_->named_buffers()) best_state_.push_back(b.detach().clone());
    }
  } else {
    ++since_best_;
  }
  std::string why_code;
  std::vector<std::string> why_args;
  if (!improved && since_best_ >= es.patience) {
    stopped_early_ = true;
    why_code = "early_stopping";
    why_args = {std::to_string(epoch_), es.monitor, std::to_string(es.patience), std::to_string(best_epoch_)};
    if (es.restore_best && !best_state_.empty()) {
      NoGradGuard no_grad;
      std::size_t i = 0;
      for (auto& [name, p] : model_->named_parameters()) Tensor(p).copy_(best_state_[i++]);
      for (auto& [name, b] : model_->named_buffers()) Tensor(b).copy_(best_state_[i++]);
      why_code = "early_stopping_restored";
    }
  }
  std::lock_guard lock(mutex_);
  snapshot_.best_epoch = best_epoch_;
  if (stopped_early_) {
    snapshot_.stopped_early = true;
    snapshot_.reason = format_message(why_code, why_args);
    snapshot_.reason_code = why_code;
    snapshot_.reason_args = why_args;
  }
}

Evaluation Trainer::evaluate(const data::Dataset& d) {
  NoGradGuard no_grad;
  model_->eval();
  Evaluation e;
  const std::int64_t n = d.size(), chunk = 2048;
  double total = 0;
  std::int64_t correct = 0;
  for (std::int64_t start = 0; start < n; start += chunk) {
    const std::int64_t len = std::min(chunk, n - start);
    const Tensor x = d.x.narrow(0, start, len).to(config_.device), y = d.y.narrow(0, start, len);
    const Tensor out_dev = model_->forward(x);
    total += loss_.fn(out_dev, targets_for_loss(y.to(config_.device))).item() * static_cast<double>(len);
    const Tensor out = out_dev.to(Device::CPU);  // scores and predictions are read on the host
    if (!d.is_classification()) continue;
    const std::vector<std::int64_t> t = y.to_vector<std::int64_t>();
    std::vector<std::int64_t> pred;
    if (out.size(-1) == 1) {
      // One output: logits (BCEWithLogitsLoss) or probabilities (BCELoss).
      const Tensor p = loss_.kind == nn::LossKind::BCE ? out.reshape({-1}) : sigmoid(out.reshape({-1}));
      for (double s : p.to_vector<double>()) {
        e.scores.push_back(s);
        pred.push_back(s >= 0.5 ? 1 : 0);
      }
    } else {
      pred = argmax(out, 1).to_vector<std::int64_t>();
      const Tensor p = loss_.kind == nn::LossKind::NLL ? exp(out) : softmax(out, 1);
      if (out.size(-1) == 2) {
        for (double s : p.index({Slice{}, 1}).to_vector<double>()) e.scores.push_back(s);
      } else {
        const std::vector<float> rows = p.to(kFloat32).contiguous().to_vector<float>();
        e.probabilities.insert(e.probabilities.end(), rows.begin(), rows.end());
      }
    }
    for (std::size_t i = 0; i < t.size(); ++i) correct += pred[i] == t[i];
    e.predictions.insert(e.predictions.end(), pred.begin(), pred.end());
    e.targets.insert(e.targets.end(), t.begin(), t.end());
  }
  e.loss = total / static_cast<double>(std::max<std::int64_t>(n, 1));
  if (d.is_classification()) e.accuracy = static_cast<double>(correct) / static_cast<double>(std::max<std::int64_t>(n, 1));
  model_->train();
  return e;
}

Snapshot Trainer::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

}  // namespace gs::train
