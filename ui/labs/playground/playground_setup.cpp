#include "labs/playground/playground_setup.h"

#include <algorithm>
#include <cmath>

#include "data/csv_import.h"
#include "data/dataset.h"
#include "data/features.h"
#include "nn/init.h"

namespace gsui::playground {
namespace {

using gs::spec::LayerSpec;
using gs::spec::ModelSpec;

using gs::spec::make_layer;

/// Whether every argument of `l` is PyTorch's default (sizes and Dropout's p aside). Called on
/// Linear, BatchNorm1d and the activation choices, which all parse with no argument but a size.
bool hasDefaultArguments(const LayerSpec& l) {
  nlohmann::json bare = l.type == "Linear" ? make_layer(l.type, {{"out_features", l.args["out_features"]}}).args : make_layer(l.type).args;
  nlohmann::json args = l.args;
  for (const char* free : {"num_features", "in_features", "out_features", "p"}) {
    bare.erase(free);
    args.erase(free);
  }
  return args == bare;
}

}  // namespace

const std::vector<std::string>& activationChoices() {
  static const std::vector<std::string> names = {"Tanh", "ReLU", "Sigmoid", "LeakyReLU", "ELU", "GELU"};
  return names;
}

const std::vector<double>& dropoutChoices() {
  static const std::vector<double> p = {0, 0.1, 0.2, 0.3, 0.5};
  return p;
}

const std::vector<gs::optim::OptimizerKind>& optimizerChoices() {
  using K = gs::optim::OptimizerKind;
  static const std::vector<K> kinds = {K::SGD, K::Adam, K::RMSprop, K::Adagrad, K::AdamW, K::Adadelta, K::Adamax, K::Rprop};
  return kinds;
}

bool usesCsv(const Setup& s) { return s.dataset == kCsvDataset && s.csv.has_value(); }

int classesOf(const Setup& s) {
  if (usesCsv(s)) return s.csv->regression ? 0 : 2;
  const std::string& dataset = s.dataset;
  if (dataset == "plane" || dataset == "multi_gaussian" || dataset == "line" || dataset == "cubic") return 0;
  return dataset == "blobs" ? 3 : 2;
}

bool oneDimensional(const Setup& s) {
  if (usesCsv(s)) return s.csv->features.size() == 1;
  return s.dataset == "line" || s.dataset == "cubic";
}

bool allows(const Setup& s, Problem problem) {
  const int classes = classesOf(s);
  switch (problem) {
    case Problem::Binary: return classes == 2;
    case Problem::MultiClass: return classes >= 2;
    case Problem::Regression: return classes == 0;
  }
  return false;
}

Problem defaultProblem(const Setup& s) {
  const int classes = classesOf(s);
  return classes == 2 ? Problem::Binary : classes > 2 ? Problem::MultiClass : Problem::Regression;
}

double generatorNoise(const Setup& s) {
  if (usesCsv(s)) return 0.0;  // a table's points are as the file has them
  return s.noise_percent / 100.0 * (classesOf(s) == 0 ? 1.0 : 2.0);
}

int outputCount(const Setup& s) { return s.problem == Problem::MultiClass ? classesOf(s) : 1; }

gs::nn::LossKind lossOf(Problem problem) {
  switch (problem) {
    case Problem::Binary: return gs::nn::LossKind::BCEWithLogits;
    case Problem::MultiClass: return gs::nn::LossKind::CrossEntropy;
    case Problem::Regression: return gs::nn::LossKind::MSE;
  }
  return gs::nn::LossKind::MSE;
}

gs::train::OutputKind outputKindOf(Problem problem) {
  switch (problem) {
    case Problem::Binary: return gs::train::OutputKind::Logit;
    case Problem::MultiClass: return gs::train::OutputKind::Logits;
    case Problem::Regression: return gs::train::OutputKind::Value;
  }
  return gs::train::OutputKind::Value;
}

std::vector<std::string> featuresAllowed(const Setup& s) {
  std::vector<std::string> out;
  for (const std::string& f : gs::data::playground_features())
    if (!oneDimensional(s) || f.find("x2") == std::string::npos) out.push_back(f);
  return out;
}

std::vector<std::string> inputFeatures(const Setup& s) {
  const std::vector<std::string> allowed = featuresAllowed(s);
  std::vector<std::string> out;
  for (const std::string& f : s.features)
    if (std::find(allowed.begin(), allowed.end(), f) != allowed.end()) out.push_back(f);
  return out;
}

ModelSpec networkSpec(const Setup& s) {
  const std::int64_t features = static_cast<std::int64_t>(inputFeatures(s).size());
  if (s.custom) {
    ModelSpec spec = *s.custom;
    spec.input_shape = {features};
    spec.layers.back().args["out_features"] = outputCount(s);
    return spec;
  }
  ModelSpec spec;
  spec.input_shape = {features};
  spec.init = s.mlp.init;
  for (int n : s.mlp.hidden) {
    spec.layers.push_back(make_layer("Linear", {{"out_features", n}}));
    if (s.mlp.batchnorm) spec.layers.push_back(make_layer("BatchNorm1d"));
    spec.layers.push_back(make_layer(s.mlp.activation));
    if (s.mlp.dropout > 0) spec.layers.push_back(make_layer("Dropout", {{"p", s.mlp.dropout}}));
  }
  spec.layers.push_back(make_layer("Linear", {{"out_features", outputCount(s)}}));
  return spec;
}

std::optional<Mlp> matchMlp(const ModelSpec& spec, int outputs) {
  // A plain MLP: blocks of Linear(n ≤ 8) [BatchNorm1d] activation [Dropout(p)], all alike, then
  // the output Linear; every other argument at PyTorch's default.
  const auto& L = spec.layers;
  if (L.empty() || L.back().type != "Linear" || L.back().args["out_features"] != outputs || !hasDefaultArguments(L.back())) return std::nullopt;
  const auto& activations = activationChoices();
  const auto& dropouts = dropoutChoices();
  Mlp mlp{.hidden = {}, .activation = "", .init = spec.init};
  int bn = -1;     // −1 not yet known, 0 without, 1 with
  double p = -1;   // the dropout of every block
  std::size_t i = 0;
  while (i + 1 < L.size()) {
    if (L[i].type != "Linear" || !hasDefaultArguments(L[i])) return std::nullopt;
    const int n = L[i].args["out_features"].get<int>();
    if (n > kMaxNeurons) return std::nullopt;
    mlp.hidden.push_back(n);
    ++i;
    const int has_bn = i + 1 < L.size() && L[i].type == "BatchNorm1d" ? 1 : 0;
    if ((has_bn && !hasDefaultArguments(L[i])) || (bn >= 0 && bn != has_bn)) return std::nullopt;
    bn = has_bn;
    i += has_bn;
    if (i + 1 >= L.size() || std::find(activations.begin(), activations.end(), L[i].type) == activations.end() || !hasDefaultArguments(L[i]))
      return std::nullopt;
    if (!mlp.activation.empty() && L[i].type != mlp.activation) return std::nullopt;
    mlp.activation = L[i].type;
    ++i;
    double drop = 0;
    if (i + 1 < L.size() && L[i].type == "Dropout") {
      drop = L[i].args["p"].get<double>();
      if (drop == 0 || std::find(dropouts.begin(), dropouts.end(), drop) == dropouts.end()) return std::nullopt;
      ++i;
    }
    if (p >= 0 && drop != p) return std::nullopt;
    p = drop;
  }
  if (mlp.hidden.size() > static_cast<std::size_t>(kMaxHiddenLayers)) return std::nullopt;
  if (mlp.activation.empty()) mlp.activation = "Tanh";  // no hidden layer: the choice waits for one
  mlp.batchnorm = bn == 1;
  mlp.dropout = std::max(p, 0.0);
  return mlp;
}

gs::spec::Scenario toScenario(const Setup& s, std::int64_t epochs) {
  gs::spec::Scenario sc;
  sc.dataset.name = s.dataset;
  sc.dataset.n = kSamples;
  if (usesCsv(s)) {
    sc.dataset.n = kMaxCsvPoints;  // a longer table: a seeded sample of it
    sc.dataset.path = s.csv->path;
    sc.dataset.columns = s.csv->features;
    sc.dataset.target = s.csv->target;
    sc.dataset.task = s.csv->regression ? "regression" : "classification";
  }
  sc.dataset.noise = generatorNoise(s);
  sc.dataset.test_ratio = s.test_percent / 100.0;
  sc.dataset.seed = static_cast<std::uint64_t>(s.seed);
  sc.dataset.features = inputFeatures(s);
  sc.model = networkSpec(s);
  sc.loss.kind = lossOf(s.problem);
  sc.optimizer = gs::optim::default_optimizer_options(s.optimizer, s.lr);
  sc.config.batch_size = s.batch_size;
  sc.config.seed = static_cast<std::uint64_t>(s.seed);
  sc.config.l1 = s.regularization == Regularization::L1 ? s.regularization_rate : 0.0;
  sc.config.l2 = s.regularization == Regularization::L2 ? s.regularization_rate : 0.0;
  sc.config.forget_zero_grad = s.forget_zero_grad;
  // BatchNorm cannot normalise a last batch of one sample: such batches are dropped.
  sc.config.drop_last = std::any_of(sc.model.layers.begin(), sc.model.layers.end(), [](const LayerSpec& l) { return l.type == "BatchNorm1d"; });
  sc.epochs = std::max<std::int64_t>(1, epochs);
  sc.seed = static_cast<std::uint64_t>(s.seed);
  sc.lab = "playground";
  sc.title = "Playground setup";
  return sc;
}

std::variant<Setup, NotASetup> fromScenario(const gs::spec::Scenario& sc) {
  if (sc.lab != "playground") return NotASetup::OtherLab;
  const auto& names = gs::data::playground_datasets();
  const bool table = sc.dataset.name == kCsvDataset && gs::spec::on_plane(sc.dataset);
  if (!table && std::find(names.begin(), names.end(), sc.dataset.name) == names.end()) return NotASetup::OtherDataset;
  Setup s;
  s.dataset = sc.dataset.name;
  if (table) s.csv = CsvSource{sc.dataset.path, sc.dataset.columns, sc.dataset.target, sc.dataset.task == "regression"};
  if (!table) s.noise_percent = static_cast<int>(std::lround(sc.dataset.noise / (classesOf(s) == 0 ? 1.0 : 2.0) * 100));  // see generatorNoise()
  s.test_percent = static_cast<int>(std::lround(sc.dataset.test_ratio * 100));
  s.seed = static_cast<int>(sc.dataset.seed);
  s.features = sc.dataset.features;
  if (s.features.empty()) {
    // Files written before dataset.features existed kept them in the lab's view state.
    s.features = sc.view.is_object() && sc.view.contains("features") ? sc.view["features"].get<std::vector<std::string>>()
                                                                      : std::vector<std::string>{"x1", "x2"};
  }
  const gs::nn::LossKind loss = sc.loss.kind;
  const Problem wanted = loss == gs::nn::LossKind::MSE ? Problem::Regression
                         : loss == gs::nn::LossKind::CrossEntropy ? Problem::MultiClass
                                                                  : Problem::Binary;
  s.problem = allows(s, wanted) ? wanted : defaultProblem(s);
  if (auto mlp = matchMlp(sc.model, outputCount(s))) s.mlp = *mlp;
  else s.custom = sc.model;
  s.optimizer = sc.optimizer.kind;
  s.lr = sc.optimizer.lr();
  s.batch_size = static_cast<int>(sc.config.batch_size);
  s.regularization = sc.config.l1 > 0 ? Regularization::L1 : sc.config.l2 > 0 ? Regularization::L2 : Regularization::None;
  if (s.regularization != Regularization::None) s.regularization_rate = sc.config.l1 > 0 ? sc.config.l1 : sc.config.l2;
  return s;
}

}  // namespace gsui::playground

namespace gsui::playground {

gs::data::Dataset readCsv(const CsvSource& csv) {
  const gs::data::CsvTable table = gs::data::read_csv_table(csv.path);
  return gs::data::table_to_dataset(table, {.features = csv.features,
                                            .target = csv.target,
                                            .task = csv.regression ? gs::data::CsvTask::Regression : gs::data::CsvTask::Classification,
                                            .max_classes = 2});  // the Playground's classifier is binary
}

}  // namespace gsui::playground
