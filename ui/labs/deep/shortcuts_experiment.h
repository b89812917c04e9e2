#pragma once
// The shortcuts experiment of the Deep networks lab, without widgets: the same depth with and
// without identity shortcuts (ResNet's idea). A block computes y = F(x) + x, so
// ∂y/∂x = F'(x) + 1: the gradient has a path that skips F and reaches the first layers
// undiminished, where a plain stack multiplies it by every F' on the way down.
//
// Everything is core's: the scenarios are parsed by spec::parse_scenario and run by the Trainer,
// the gradient norms are a real forward, loss and backward on a fixed batch followed by
// nn::weight_gradient_norms. An Experiment lives in one thread at a time (the page's worker while
// it trains); the page draws copies of its Curves.
#include <QString>
#include <array>
#include <memory>
#include <vector>

#include "spec/scenario.h"

namespace gsui::shortcuts {

/// The two networks compared, in menu order.
enum class Network { Mlp, Cnn };
inline constexpr Network kNetworks[] = {Network::Mlp, Network::Cnn};

/// One table entry per network.
struct NetworkInfo {
  const char* id;      ///< "mlp", "cnn" (session files)
  const char* label;   ///< (translated in context "gsui::ShortcutsPage") the menu's text
  int default_epochs;  ///< what the epochs box starts at
};
const NetworkInfo& info(Network network);
/// The network of an id; false when unknown.
bool networkFromId(const QString& id, Network& out);

/// The samples (the first of the training set) on which the gradient norms are measured.
inline constexpr int kMeasureSamples = 256;
/// Plain (index 0) and residual (index 1).
inline constexpr int kPlain = 0, kResidual = 1;

/// The scenario of one network, plain or with shortcuts (version 1, lab "deep"): same data, same
/// depth, same optimizer and seed; the residual one differs only by the "+ x".
gs::spec::Scenario scenario(Network network, bool residual);

/// ‖∂L/∂W‖ of every weight of `model` (nn::weight_gradient_norms, input side first) on `batch`:
/// forward in training mode, the loss, backward, the norms, then the gradients cleared. The
/// BatchNorm running statistics the forward moved are put back, so measuring does not change
/// the training run.
std::vector<double> gradientNorms(gs::nn::Module& model, const gs::nn::Loss& loss, const gs::data::Dataset& batch);

/// What the page draws of one network (copied to the UI thread).
struct Curves {
  std::vector<double> init_norms;  ///< ‖∂L/∂W‖ per weight at initialization
  std::vector<double> norms;       ///< the same after the latest epoch (empty before the first)
  std::vector<double> losses;      ///< training loss (over the whole training set) per epoch; [0]: at initialization
  double test_accuracy = -1;       ///< after the latest epoch (at initialization before the first)
  bool diverged = false;
};

/// Both networks of one choice, built from their scenarios (seeded), measured at initialization.
class Experiment {
 public:
  /// Loads the data, builds both runs and measures them (the CNN's takes a moment: run it in a job).
  explicit Experiment(Network network);
  ~Experiment();
  /// One more epoch of each network, then both measured again. False when a run stopped
  /// (diverged); the other still trained.
  bool trainEpoch();
  Network network() const { return network_; }
  /// Epochs trained so far.
  int epoch() const { return epoch_; }
  const std::array<Curves, 2>& curves() const { return curves_; }
  /// Asks both trainers to stop at their next step (from any thread): the experiment is
  /// abandoned (reset), and trainEpoch() returns false at once.
  void requestStop();
  /// The trainer of plain (kPlain) or residual (kResidual): for tests, never while a job runs.
  gs::train::Trainer& trainer(int which);

 private:
  struct Side;
  Network network_;
  int epoch_ = 0;
  std::array<std::unique_ptr<Side>, 2> sides_;
  std::array<Curves, 2> curves_;
};

/// The PyTorch code of the experiment: the data, both networks (spec::pytorch_code), the
/// training loop for `epochs` epochs and the per-layer gradient norms on the fixed batch.
QString pytorchCode(Network network, int epochs);

}  // namespace gsui::shortcuts
