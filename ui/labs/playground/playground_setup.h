#pragma once
// The Playground's setup as typed values, and the mapping between it and a scenario (DESIGN.md:
// "a scenario = dataset + model + loss + optimizer + seed + the lab and its view state"). The lab
// is a mapper: its controls read and write a PlaygroundSetup, toScenario() turns that into the
// scenario core trains (spec::make_run), and fromScenario() reads a preset or a saved setup back.
// Nothing here touches a widget.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "optim/factory.h"
#include "spec/model_spec.h"
#include "spec/scenario.h"
#include "train/probe.h"

namespace gsui::playground {

/// What the network's output means, and so its loss: sigmoid + BCEWithLogitsLoss on one logit,
/// softmax + CrossEntropyLoss on a logit per class, or MSELoss on a value.
enum class Problem { Binary, MultiClass, Regression };
enum class Regularization { None, L1, L2 };

inline constexpr int kSamples = 300;      ///< points generated (half for test by default)
inline constexpr double kRange = 6.0;     ///< the plane shown: [−6, 6]²
inline constexpr int kMaxHiddenLayers = 6;
inline constexpr int kMaxNeurons = 8;     ///< per hidden layer in the simple controls
/// The simple controls' choices (a network outside them is kept as the builder's).
const std::vector<std::string>& activationChoices();
const std::vector<double>& dropoutChoices();
const std::vector<gs::optim::OptimizerKind>& optimizerChoices();

/// The simple controls' MLP: hidden Linear layers of these widths, each followed by [BatchNorm1d],
/// the activation and [Dropout(p)], then the output Linear.
struct Mlp {
  std::vector<int> hidden = {4, 4};
  std::string activation = "Tanh";
  std::string init = "default";  ///< a scheme of nn::init::schemes()
  double dropout = 0;            ///< 0: no Dropout layers
  bool batchnorm = false;
};

/// The learner's own table (Import CSV): the file, the columns that become x₁ (and x₂), and the
/// label column (two classes) or, for regression, the value column.
struct CsvSource {
  std::string path;
  std::vector<std::string> features;  ///< one or two column names (one: regression only, y against x₁)
  std::string target;
  bool regression = false;
  bool operator==(const CsvSource&) const = default;
};
/// Setup::dataset while a table is imported.
inline constexpr char kCsvDataset[] = "csv";
/// The most points of a table the Playground trains on: a longer file gives a seeded sample
/// (dataset.n), so every frame still evaluates the whole set quickly.
inline constexpr int kMaxCsvPoints = 2000;

struct Setup {
  std::string dataset = "circle";  ///< one of data::playground_datasets(), or kCsvDataset with `csv` set
  std::optional<CsvSource> csv;    ///< the imported table (kept while another data set is chosen)
  int noise_percent = 10;          ///< the slider, 0–50 (see generatorNoise())
  int test_percent = 50;           ///< of the points held out for testing
  int seed = 0;                    ///< data, split, initialisation and shuffling
  std::vector<std::string> features = {"x1", "x2"};  ///< chosen, of data::playground_features() (see inputFeatures())
  Problem problem = Problem::Binary;
  Mlp mlp;
  std::optional<gs::spec::ModelSpec> custom;  ///< the builder's network; unset while `mlp` defines it
  gs::optim::OptimizerKind optimizer = gs::optim::OptimizerKind::SGD;
  double lr = 0.1;
  int batch_size = 10;
  Regularization regularization = Regularization::None;
  double regularization_rate = 0.003;
  bool forget_zero_grad = false;   ///< the mistake (trains, but is not written to files)
};

/// Whether the setup trains on an imported table.
bool usesCsv(const Setup& s);
/// Classes of the setup's data set: 2 or 3, or 0 for the regression sets (an imported table: 2
/// for labels, 0 for values).
int classesOf(const Setup& s);
/// The 1-D regression sets ("line", "cubic", a table's single column): y against x₁.
bool oneDimensional(const Setup& s);
/// Whether the data set allows the problem (two classes: binary or multi-class; three: multi-class;
/// numbers: regression).
bool allows(const Setup& s, Problem problem);
/// The problem a data set starts with.
Problem defaultProblem(const Setup& s);
/// The noise handed to the generator: the slider's 0–50 is the regression sets' noise ×100 and
/// the classification sets' ×50 (their points spread over a wider range).
double generatorNoise(const Setup& s);
/// Values per point the output layer gives: one per class (multi-class), else one.
int outputCount(const Setup& s);
gs::nn::LossKind lossOf(Problem problem);
gs::train::OutputKind outputKindOf(Problem problem);
/// The feature choices that exist for the data set (1-D sets have no x₂).
std::vector<std::string> featuresAllowed(const Setup& s);
/// The network's inputs: the chosen features the data set has (a choice with x₂ waits, unused,
/// while the data is 1-D).
std::vector<std::string> inputFeatures(const Setup& s);

/// The network trained: the MLP, or the builder's network fitted to the problem (its input is the
/// chosen features, its last Linear gives outputCount() values).
gs::spec::ModelSpec networkSpec(const Setup& s);
/// The plain MLP `spec` is, with `outputs` values out; nullopt when the simple controls cannot
/// show it (another layer, mixed blocks, a non-default argument, more than kMaxNeurons).
std::optional<Mlp> matchMlp(const gs::spec::ModelSpec& spec, int outputs);
/// The whole setup as a scenario: `gradscope-cli train` on its JSON trains the same model on the
/// same batches. `epochs` is what the file records as trained so far.
gs::spec::Scenario toScenario(const Setup& s, std::int64_t epochs = 1);
/// The PyTorch code for the setup: the model (spec::pytorch_code), loss, optimizer, loader and
/// the training loop with the regularization and the mistake as set. Throws a wrong network's
/// shape error.
std::string pytorchCode(const Setup& s);

/// The table as the Playground learns from it (data::table_to_dataset of its columns, at most two
/// classes), before it is put on the plane. Throws the table's problem (a gs::Error with a csv_…
/// code naming the line), so nothing is changed by a bad file.
gs::data::Dataset readCsv(const CsvSource& csv);

/// Why a valid scenario is still not a Playground setup (the lab says it in the user's language).
enum class NotASetup { OtherLab, OtherDataset };
/// The setup a Playground scenario describes, or why it is none.
std::variant<Setup, NotASetup> fromScenario(const gs::spec::Scenario& scenario);

}  // namespace gsui::playground
