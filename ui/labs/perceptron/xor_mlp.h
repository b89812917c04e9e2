#pragma once
// The Perceptron lab's 2-2-1 MLP on the four points of a gate, trained by core's Trainer in a
// TrainingSession worker (full batch, BCEWithLogitsLoss, SGD with momentum 0.9). The worker
// publishes what the lab draws: the decision regions over the input plane, the hidden layer's
// view of the four points and the output neuron's line in it.
#include <QObject>
#include <QTimer>
#include <memory>
#include <string>
#include <vector>

#include "app/training_session.h"

namespace gsui {

/// One published state of the MLP (immutable once published).
struct XorMlpFrame {
  std::int64_t steps = 0;
  double loss = 0;                  ///< mean BCE on the four points
  std::vector<double> region;       ///< σ(output) on the lab's grid, row by row from the bottom
  std::vector<double> hidden;       ///< (h₁, h₂) of each of the four points
  std::vector<double> logits;       ///< the output of each point (> 0: class 1)
  std::array<double, 2> out_weight{};  ///< the output neuron: w·h + b = 0 is its line in h-space
  double out_bias = 0;
};

class XorMlp : public QObject {
  Q_OBJECT
 public:
  static constexpr std::uint64_t kSeed = 3;  ///< the initialisation (torch.manual_seed in the code panel)

  /// `grid` is the [G², 2] set of plane points the regions are drawn at.
  explicit XorMlp(std::vector<double> grid, QObject* parent = nullptr);

  /// A fresh network (the hidden activation: "Tanh", "Sigmoid" or "ReLU") for these four targets.
  void restart(const std::vector<double>& targets, const std::string& activation, double lr);
  /// Trains `steps` more steps in the worker; frameChanged() follows.
  void train(int steps) { session_.step(steps); }
  void setLearningRate(double lr);
  /// The latest state (null before restart()).
  std::shared_ptr<const XorMlpFrame> frame() const { return frame_; }

 signals:
  /// A new frame arrived (checked on a display timer, in the UI thread).
  void frameChanged();

 private:
  void pull();

  std::vector<double> grid_;
  TrainingSession<XorMlpFrame> session_;
  QTimer display_;
  std::uint64_t seen_version_ = 0;
  std::shared_ptr<const XorMlpFrame> frame_;
};

}  // namespace gsui
