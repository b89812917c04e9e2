#include "spec/scenario.h"

#include "backend/backend.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "data/features.h"
#include "data/loaders.h"
#include "nn/loss.h"
#include "optim/factory.h"

namespace gs::spec {

using nlohmann::json;

namespace {
void only_fields(const json& j, const std::string& where, const std::set<std::string>& known) {
  for (const auto& [k, v] : j.items()) {
    if (!known.count(k)) {
      std::string list;
      for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
      throw Error(where + (where.empty() ? "" : ".") + k + ": unknown field (expected one of: " + list + ")");
    }
  }
}

std::int64_t positive_int(const json& j, const char* key, std::int64_t fallback, const std::string& where, std::int64_t max) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_number_integer() || j[key].get<std::int64_t>() < 1 || j[key].get<std::int64_t>() > max)
    throw Error(where + key + ": expected an integer from 1 to " + std::to_string(max) + ", got " + j[key].dump());
  return j[key].get<std::int64_t>();
}
}  // namespace

Scenario parse_scenario(const json& j) {
  if (!j.is_object()) throw Error("scenario: expected a JSON object");
  if (!j.contains("version")) throw Error("version: missing (this GradScope reads scenario version " + std::to_string(kScenarioVersion) + ")");
  if (!j["version"].is_number_integer()) throw Error("version: expected an integer, got " + j["version"].dump());
  const int version = j["version"].get<int>();
  if (version > kScenarioVersion)
    throw Error("version: this scenario was written by a newer GradScope (version " + std::to_string(version) +
                "); this one reads version " + std::to_string(kScenarioVersion) + ". Update GradScope to open it.");
  if (version < 1) throw Error("version: " + std::to_string(version) + " is not a scenario version");
  only_fields(j, "", {"version", "dataset", "model", "loss", "optimizer", "scheduler", "batch_size", "drop_last", "epochs", "seed",
                      "regularization", "lab", "view", "title", "description", "device"});
  for (const char* key : {"dataset", "model", "loss", "optimizer"})
    if (!j.contains(key)) throw Error(std::string(key) + ": missing");
  Scenario s;
  s.dataset = j["dataset"];
  if (!s.dataset.is_object() || !s.dataset.contains("name") || !s.dataset["name"].is_string())
    throw Error("dataset.name: missing (e.g. \"spiral\", \"iris\", \"fashion_mnist\", \"csv\")");
  only_fields(s.dataset, "dataset", {"name", "n", "noise", "test_ratio", "standardize", "seed", "path", "classes", "degree", "features"});
  if (s.dataset.contains("features")) {
    const json& f = s.dataset["features"];
    const auto& names = data::playground_datasets();
    if (std::find(names.begin(), names.end(), s.dataset["name"].get<std::string>()) == names.end())
      throw Error("dataset.features: only the Playground's 2-D data sets have input features (circle, xor, ..., line, cubic)");
    if (!f.is_array() || f.empty() || !std::all_of(f.begin(), f.end(), [](const json& v) { return v.is_string(); }))
      throw Error("dataset.features: expected a list of feature names such as [\"x1\", \"x2\", \"x1*x2\"], got " + f.dump());
    (void)data::expand_features(zeros({1, 2}), f.get<std::vector<std::string>>());  // names an unknown feature
  }
  s.model = parse_model_spec(j["model"]);
  (void)nn::make_loss(j["loss"]);
  s.loss = j["loss"];
  s.optimizer = j["optimizer"];
  {
    Tensor probe = zeros({1}, {.requires_grad = true});
    auto opt = optim::make_optimizer(s.optimizer, {probe});  // validates names and values now
    if (j.contains("scheduler") && !j["scheduler"].is_null()) (void)optim::make_scheduler(j["scheduler"], *opt);
  }
  s.scheduler = j.value("scheduler", json());
  s.config.batch_size = positive_int(j, "batch_size", 32, "", 1 << 20);
  if (j.contains("drop_last")) {
    if (!j["drop_last"].is_boolean()) throw Error("drop_last: expected true or false, got " + j["drop_last"].dump());
    s.config.drop_last = j["drop_last"].get<bool>();
  }
  s.epochs = positive_int(j, "epochs", 10, "", 100000);
  if (j.contains("seed")) {
    if (!j["seed"].is_number_integer() || j["seed"].get<std::int64_t>() < 0) throw Error("seed: expected a non-negative integer, got " + j["seed"].dump());
    s.seed = j["seed"].get<std::uint64_t>();
  }
  s.config.seed = s.seed;
  if (j.contains("device")) {
    if (!j["device"].is_string()) throw Error("device: expected \"cpu\" or \"cuda\", got " + j["device"].dump());
    try {
      s.config.device = parse_device(j["device"].get<std::string>());
    } catch (const Error& e) {
      throw Error(std::string("device: ") + e.what());
    }
  }
  if (j.contains("regularization")) {
    const json& r = j["regularization"];
    only_fields(r, "regularization", {"l1", "l2"});
    for (const char* k : {"l1", "l2"})
      if (r.contains(k) && (!r[k].is_number() || r[k].get<double>() < 0))
        throw Error(std::string("regularization.") + k + ": expected a non-negative number, got " + r[k].dump());
    s.config.l1 = r.value("l1", 0.0);
    s.config.l2 = r.value("l2", 0.0);
  }
  return s;
}

data::Split load_scenario_data(const Scenario& s) {
  const json& d = s.dataset;
  const std::string name = d["name"].get<std::string>();
  const std::uint64_t seed = d.value("seed", static_cast<std::uint64_t>(0));
  const double test_ratio = d.value("test_ratio", 0.2);
  if (d.contains("noise") && !d["noise"].is_number()) throw Error("dataset.noise: expected a number, got " + d["noise"].dump());
  if (d.contains("n") && (!d["n"].is_number_integer() || d["n"].get<std::int64_t>() < 2))
    throw Error("dataset.n: expected an integer of at least 2, got " + d["n"].dump());
  data::Dataset all;
  bool tabular = true;
  const auto& playground = data::playground_datasets();
  const bool plane = std::find(playground.begin(), playground.end(), name) != playground.end();
  if (name == "circle" || name == "xor" || name == "gaussian" || name == "spiral" || name == "moons" || name == "blobs") {
    all = data::make_classification(name, d.value("n", 200), d.value("noise", 0.0), seed, d.value("classes", 3));
  } else if (plane) {
    all = data::make_playground(name, d.value("n", 200), d.value("noise", 0.0), seed);
  } else if (name == "regression") {
    all = data::make_regression(d.value("n", 100), d.value("noise", 0.1), seed, d.value("degree", 1));
  } else if (name == "csv") {
    if (!d.contains("path") || !d["path"].is_string()) throw Error("dataset.path: a \"csv\" data set needs the path of its file");
    all = data::load_csv(d["path"].get<std::string>());
  } else {
    all = data::load_builtin(name);
    tabular = all.x.dim() == 2;
  }
  if (d.contains("n") && all.size() > d["n"].get<std::int64_t>() && !(name == "circle" || name == "xor" || name == "gaussian" ||
                                                                        name == "spiral" || name == "moons" || name == "blobs" || name == "regression")) {
    // A seeded subset of a large data set (e.g. 5,000 Fashion-MNIST images for a quick run).
    std::vector<std::int64_t> idx(all.size());
    std::iota(idx.begin(), idx.end(), 0);
    Generator g(seed);
    for (std::size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[static_cast<std::size_t>(g.integer(0, static_cast<std::int64_t>(i)))]);
    idx.resize(d["n"].get<std::int64_t>());
    all = all.subset(idx);
  }
  data::Split split = data::train_test_split(all, test_ratio, seed);
  if (plane) {
    // The Playground's input features of each point (x₁ alone for the 1-D sets by default).
    const bool one_d = name == "line" || name == "cubic";
    const std::vector<std::string> features =
        d.value("features", one_d ? std::vector<std::string>{"x1"} : std::vector<std::string>{"x1", "x2"});
    split.train.x = data::expand_features(split.train.x, features);
    split.test.x = data::expand_features(split.test.x, features);
  }
  const bool standardize = d.value("standardize", tabular);
  if (standardize) {
    const data::Standardizer st = data::Standardizer::fit(split.train.x);
    split.train.x = st.transform(split.train.x);
    split.test.x = st.transform(split.test.x);
  }
  const bool images = s.model.input_shape.size() == 3;
  if (!images && split.train.x.dim() > 2) {
    split.train.x = split.train.x.flatten(1);
    split.test.x = split.test.x.flatten(1);
  }
  return split;
}

std::unique_ptr<train::Trainer> make_trainer(Scenario& s) {
  data::Split split = load_scenario_data(s);
  const Shape sample(split.train.x.shape().begin() + 1, split.train.x.shape().end());
  if (s.model.input_shape.empty()) s.model.input_shape = sample;
  if (s.model.input_shape != sample) {
    throw Error("model.input_shape " + shape_str(s.model.input_shape) + " does not match the data set \"" + s.dataset["name"].get<std::string>() +
                "\", whose samples have shape " + shape_str(sample) + (sample.size() == 3 ? " (or " + std::to_string(numel_of(sample)) + " as flat rows)" : ""));
  }
  const ShapeReport report = infer_shapes(s.model);
  if (!report.ok()) throw Error("model: " + report.error);
  nn::Loss loss = nn::make_loss(s.loss);
  const Shape out = report.layers.empty() ? s.model.input_shape : report.layers.back().output;
  if (split.train.is_classification()) {
    const std::int64_t classes = split.train.num_classes();
    if (loss.takes_class_indices() && (out.size() != 1 || out[0] != classes))
      throw Error("model: the last layer gives " + batch_shape_str(out) + " but " + loss.name + " on \"" + s.dataset["name"].get<std::string>() +
                  "\" needs one output per class: [N, " + std::to_string(classes) + "]. Set the last Linear's out_features to " + std::to_string(classes) + ".");
    if (loss.is_binary() && (out.size() != 1 || out[0] != 1 || classes != 2))
      throw Error("model: " + loss.name + " needs a binary task and one output per sample ([N, 1]); this model gives " + batch_shape_str(out) +
                  " for " + std::to_string(classes) + " classes. Use CrossEntropyLoss for more than two classes.");
    if (!loss.takes_class_indices() && !loss.is_binary())
      throw Error("loss: " + loss.name + " is a regression loss; \"" + s.dataset["name"].get<std::string>() + "\" is a classification data set. Use CrossEntropyLoss or BCEWithLogitsLoss.");
  } else if (loss.takes_class_indices() || loss.is_binary()) {
    throw Error("loss: " + loss.name + " needs class labels, but \"" + s.dataset["name"].get<std::string>() + "\" is a regression data set. Use MSELoss, L1Loss or HuberLoss.");
  }
  backend(s.config.device);  // "CUDA is not available: <why>" before any work
  Generator g(s.seed);
  auto model = build_model(s.model, kFloat32, &g);
  model->to(s.config.device);
  auto optimizer = optim::make_optimizer(s.optimizer, model->parameters());
  optim::Scheduler scheduler = optim::make_scheduler(s.scheduler, *optimizer);
  return std::make_unique<train::Trainer>(model, loss, std::move(optimizer), std::move(scheduler), split.train, split.test, s.config);
}

}  // namespace gs::spec
