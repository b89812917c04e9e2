#pragma once
// The initialization experiment (the textbook's: a 5-layer MLP of 100 units fed 1,000 N(0, 1)
// inputs), computed by core: the network is spec::build_model with the scheme's "init", the
// activations and their gradients are a real forward and backward, and every mean and std is a
// core reduction. Only the counting of values into histogram bins happens here, for drawing.
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "nn/module.h"
#include "spec/model_spec.h"
#include "spec/scenario.h"

namespace gsui::init {

/// The weight initialisations compared, in menu order (Zeros only on the Training page).
enum class Scheme { Normal1, Normal001, Xavier, He, Zeros };
/// The hidden layers' activation.
enum class Activation { Sigmoid, Tanh, ReLU };

inline constexpr Scheme kHistogramSchemes[] = {Scheme::Normal1, Scheme::Normal001, Scheme::Xavier, Scheme::He};
inline constexpr Scheme kTrainingSchemes[] = {Scheme::Normal1, Scheme::Normal001, Scheme::Xavier, Scheme::He, Scheme::Zeros};
inline constexpr Activation kActivations[] = {Activation::Sigmoid, Activation::Tanh, Activation::ReLU};

/// One table entry per scheme: its id (session files), its label, and its spec "init".
struct SchemeInfo {
  const char* id;         ///< "normal1", "normal001", "xavier", "he", "zeros"
  const char* label;      ///< (translated in context "InitLab") "N(0, 1)", …
  const char* spec_name;  ///< nn::init::schemes() entry
  double std;             ///< the std of "normal" (1 for the others)
};
const SchemeInfo& info(Scheme scheme);
/// The activation's layer type ("Sigmoid", "Tanh", "ReLU"), also its label.
const char* layerType(Activation activation);
/// Scheme / activation by id or layer type; false when unknown.
bool schemeFromId(const QString& id, Scheme& out);
bool activationFromType(const QString& type, Activation& out);

/// The experiment's size: depth hidden Linear(width, width) + activation, batch inputs N(0, 1).
inline constexpr int kDepth = 5, kWidth = 100, kBatch = 1000, kBins = 30;

/// The spec of the MLP: input_shape [inputs], kDepth × (Linear(kWidth) + activation), then a
/// Linear(outputs) head when outputs > 0; "init" is the scheme's.
gs::spec::ModelSpec mlpSpec(Scheme scheme, Activation activation, int inputs = kWidth, int outputs = 0);

/// Counts of values in equal bins over [low, high]; values outside go to the end bins.
struct Histogram {
  double low = 0, width = 1;
  std::vector<std::int64_t> counts;
  std::int64_t total() const;
};
Histogram histogram(const std::vector<double>& values, double low, double high, int bins = kBins);

/// One layer's values (activations or gradients) and core's statistics of them.
struct LayerValues {
  std::vector<double> values;  ///< kBatch × kWidth, row-major
  double mean = 0, std = 0;    ///< core: mean(x), sqrt(var(x, unbiased=false))
  double min = 0, max = 0;
};
/// The experiment's result: per hidden layer, its activations hₖ and ∂L/∂hₖ.
struct Experiment {
  std::vector<LayerValues> activations, gradients;
  Histogram activationHistogram(int layer) const;  ///< over the activation's natural range
  Histogram gradientHistogram(int layer) const;    ///< over ±max|∂L/∂h| of all layers
  double activationLow() const, activationHigh() const;
  Activation activation = Activation::Tanh;
};
/// Builds the MLP (seeded), feeds kBatch N(0, 1) inputs (seeded), backpropagates
/// L = ½·Σ(out − y)² with random targets y ~ N(0, 1), and keeps each hidden layer's output and
/// its retained gradient.
Experiment runExperiment(Scheme scheme, Activation activation, std::uint64_t seed = 0);
/// Only the per-layer std of the activations (the grid overview), without the backward.
std::vector<double> activationStds(Scheme scheme, Activation activation, std::uint64_t seed = 0);

// ---- Training on the digits

/// The scenario the Training page runs: the digits (8×8, flat, standardized), the MLP with a
/// 10-class head, CrossEntropyLoss, SGD (lr 0.1), batches of 32; the seed is the model's.
gs::spec::Scenario trainingScenario(Scheme scheme, Activation activation, std::uint64_t seed = 0);
/// How different the units of hidden layer `layer` (0-based) are: max over rows i of
/// max|Wᵢ − W₀| of its Linear weight, by core ops. 0: every unit identical (the symmetry problem).
double unitSpread(gs::nn::Module& model, int layer);

}  // namespace gsui::init
