#include "spec/scenario.h"

#include "backend/backend.h"
#include "optim/factory.h"

namespace gs::spec {

using nlohmann::json;

namespace {

std::int64_t positive_int(const json& j, const char* key, std::int64_t fallback, const std::string& where, std::int64_t max) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_number_integer() || j[key].get<std::int64_t>() < 1 || j[key].get<std::int64_t>() > max)
    throw Error(where + key + ": expected an integer from 1 to " + std::to_string(max) + ", got " + j[key].dump());
  return j[key].get<std::int64_t>();
}

std::string text(const json& j, const char* key) {
  if (!j.contains(key)) return {};
  if (!j[key].is_string()) throw Error(std::string(key) + ": expected a string, got " + j[key].dump());
  return j[key].get<std::string>();
}

}  // namespace

/// "early_stopping": {"monitor": "val_loss", "patience": 10, "min_delta": 0, "restore_best": true}.
train::EarlyStopping parse_early_stopping(const json& j) {
  if (!j.is_object()) throw Error("early_stopping: expected an object such as {\"monitor\": \"val_loss\", \"patience\": 10}, got " + j.dump());
  only_fields(j, "early_stopping", {"monitor", "patience", "min_delta", "restore_best"});
  train::EarlyStopping es;
  if (j.contains("monitor")) {
    const json& m = j["monitor"];
    if (!m.is_string() || (m != "val_loss" && m != "val_accuracy" && m != "train_loss"))
      throw Error("early_stopping.monitor: expected \"val_loss\", \"val_accuracy\" or \"train_loss\", got " + m.dump() +
                  " (the test set is never watched: it must stay unseen until the end)");
    es.monitor = m.get<std::string>();
  }
  es.patience = positive_int(j, "patience", 10, "early_stopping.", 100000);
  if (j.contains("min_delta")) {
    if (!j["min_delta"].is_number() || j["min_delta"].get<double>() < 0)
      throw Error("early_stopping.min_delta: expected a non-negative number, got " + j["min_delta"].dump());
    es.min_delta = j["min_delta"].get<double>();
  }
  if (j.contains("restore_best")) {
    if (!j["restore_best"].is_boolean()) throw Error("early_stopping.restore_best: expected true or false, got " + j["restore_best"].dump());
    es.restore_best = j["restore_best"].get<bool>();
  }
  return es;
}

bool operator==(const Scenario& a, const Scenario& b) {
  return a.dataset == b.dataset && to_json(a.model) == to_json(b.model) && a.loss == b.loss && a.optimizer == b.optimizer &&
         a.scheduler == b.scheduler && a.config == b.config && a.validation == b.validation && a.epochs == b.epochs && a.seed == b.seed && a.lab == b.lab &&
         a.title == b.title && a.description == b.description && a.view == b.view && a.transfer == b.transfer;
}

Scenario parse_scenario(const json& j) {
  if (!j.is_object()) throw Error("scenario: expected a JSON object");
  if (!j.contains("version")) throw Error("version: missing (this GradScope reads scenario version " + std::to_string(kScenarioVersion) + ")");
  if (!j["version"].is_number_integer()) throw Error("version: expected an integer, got " + j["version"].dump());
  // Compared as the 64-bit integer the file holds: 4294967297 must not wrap to 1.
  const std::int64_t version = j["version"].is_number_unsigned() && j["version"].get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)
                                   ? INT64_MAX
                                   : j["version"].get<std::int64_t>();
  if (version > kScenarioVersion)
    throw Error("version: this scenario was written by a newer GradScope (version " + std::to_string(version) +
                "); this one reads version " + std::to_string(kScenarioVersion) + ". Update GradScope to open it.");
  if (version < 1) throw Error("version: " + std::to_string(version) + " is not a scenario version");
  only_fields(j, "", {"version", "dataset", "model", "loss", "optimizer", "scheduler", "batch_size", "drop_last", "epochs", "seed",
                      "regularization", "augment", "lab", "view", "title", "description", "device", "validation",
                      "early_stopping", "transfer"});
  for (const char* key : {"dataset", "model", "loss", "optimizer"})
    if (!j.contains(key)) throw Error(std::string(key) + ": missing");
  Scenario s;
  s.dataset = parse_dataset(j["dataset"]);
  s.model = parse_model_spec(j["model"]);
  s.loss = nn::parse_loss(j["loss"]);
  s.optimizer = optim::parse_optimizer(j["optimizer"]);
  if (j.contains("scheduler") && !j["scheduler"].is_null()) s.scheduler = optim::parse_scheduler(j["scheduler"]);
  s.config.batch_size = positive_int(j, "batch_size", 32, "", 1 << 20);
  if (j.contains("drop_last")) {
    if (!j["drop_last"].is_boolean()) throw Error("drop_last: expected true or false, got " + j["drop_last"].dump());
    s.config.drop_last = j["drop_last"].get<bool>();
  }
  if (j.contains("augment")) {
    if (!j["augment"].is_boolean()) throw Error("augment: expected true or false, got " + j["augment"].dump());
    s.config.augment = j["augment"].get<bool>();
  }
  s.epochs = positive_int(j, "epochs", 10, "", 100000);
  if (j.contains("validation")) {
    const json& v = j["validation"];
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() >= 1)
      throw Error("validation: expected the fraction of the training part to hold out, from 0 to below 1 (e.g. 0.2), got " + v.dump());
    s.validation = v.get<double>();
  }
  if (j.contains("early_stopping") && !j["early_stopping"].is_null()) {
    s.config.early_stopping = parse_early_stopping(j["early_stopping"]);
    if (s.config.early_stopping->monitor != "train_loss" && s.validation <= 0)
      throw Error("early_stopping.monitor: \"" + s.config.early_stopping->monitor +
                  "\" needs a validation split: add \"validation\": 0.2 (a fifth of the training part held out)");
  }
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
  s.lab = text(j, "lab");
  s.title = text(j, "title");
  s.description = text(j, "description");
  if (j.contains("view")) s.view = j["view"];
  if (j.contains("transfer") && !j["transfer"].is_null()) {
    s.transfer = parse_transfer(j["transfer"]);
    if (s.transfer->layers >= static_cast<std::int64_t>(s.model.layers.size()))
      throw Error("transfer.layers: " + std::to_string(s.transfer->layers) + " of the model's " + std::to_string(s.model.layers.size()) +
                  " layers take pretrained weights; leave at least the new head out of them");
  }
  return s;
}

json to_json(const Scenario& s) {
  json j = {{"version", kScenarioVersion},
            {"dataset", to_json(s.dataset)},
            {"model", to_json(s.model)},
            {"loss", nn::to_json(s.loss)},
            {"optimizer", optim::to_json(s.optimizer)},
            {"batch_size", s.config.batch_size},
            {"epochs", s.epochs},
            {"seed", s.seed}};
  if (s.scheduler) j["scheduler"] = optim::to_json(*s.scheduler);
  if (s.config.drop_last) j["drop_last"] = true;
  if (s.config.augment) j["augment"] = true;
  if (s.config.l1 > 0 || s.config.l2 > 0) {
    json r = json::object();
    if (s.config.l1 > 0) r["l1"] = s.config.l1;
    if (s.config.l2 > 0) r["l2"] = s.config.l2;
    j["regularization"] = r;
  }
  if (s.config.device != Device::CPU) j["device"] = to_string(s.config.device);
  if (s.validation > 0) j["validation"] = s.validation;
  if (const auto& es = s.config.early_stopping) {
    j["early_stopping"] = {{"monitor", es->monitor}, {"patience", es->patience}, {"restore_best", es->restore_best}};
    if (es->min_delta > 0) j["early_stopping"]["min_delta"] = es->min_delta;
  }
  if (!s.lab.empty()) j["lab"] = s.lab;
  if (!s.title.empty()) j["title"] = s.title;
  if (!s.description.empty()) j["description"] = s.description;
  if (!s.view.is_null()) j["view"] = s.view;
  if (s.transfer) j["transfer"] = to_json(*s.transfer);
  return j;
}

ScenarioData load_scenario_data(const Scenario& s) {
  return load_dataset(s.dataset, s.model.input_shape.size() == 3, s.validation);
}

Run make_run(Scenario& s) { return make_run(s, load_scenario_data(s)); }

Run make_run(Scenario& s, ScenarioData data) {
  const data::Split& split = data.split;
  const std::string& set = s.dataset.name;
  const Shape sample(split.train.x.shape().begin() + 1, split.train.x.shape().end());
  if (s.model.input_shape.empty()) s.model.input_shape = sample;
  if (s.model.input_shape != sample) {
    throw Error("model.input_shape " + shape_str(s.model.input_shape) + " does not match the data set \"" + set +
                "\", whose samples have shape " + shape_str(sample) + (sample.size() == 3 ? " (or " + std::to_string(numel_of(sample)) + " as flat rows)" : ""));
  }
  const ShapeReport report = infer_shapes(s.model);
  if (!report.ok()) throw Error("model: " + report.error);
  nn::Loss loss = nn::make_loss(s.loss);
  const Shape out = report.layers.empty() ? s.model.input_shape : report.layers.back().output;
  if (split.train.is_classification()) {
    const std::int64_t classes = split.train.num_classes();
    if (loss.takes_class_indices() && (out.size() != 1 || out[0] != classes))
      throw Error("model: the last layer gives " + batch_shape_str(out) + " but " + loss.name + " on \"" + set +
                  "\" needs one output per class: [N, " + std::to_string(classes) + "]. Set the last Linear's out_features to " + std::to_string(classes) + ".");
    if (loss.is_binary() && (out.size() != 1 || out[0] != 1 || classes != 2))
      throw Error("model: " + loss.name + " needs a binary task and one output per sample ([N, 1]); this model gives " + batch_shape_str(out) +
                  " for " + std::to_string(classes) + " classes. Use CrossEntropyLoss for more than two classes.");
    if (!loss.takes_class_indices() && !loss.is_binary())
      throw Error("loss: " + loss.name + " is a regression loss; \"" + set + "\" is a classification data set. Use CrossEntropyLoss or BCEWithLogitsLoss.");
  } else if (loss.takes_class_indices() || loss.is_binary()) {
    throw Error("loss: " + loss.name + " needs class labels, but \"" + set + "\" is a regression data set. Use MSELoss, L1Loss or HuberLoss.");
  }
  backend(s.config.device);  // "CUDA is not available: <why>" before any work
  Generator g(s.seed);
  auto model = build_model(s.model, kFloat32, &g);
  model->to(s.config.device);
  if (s.transfer) apply_transfer(*model, *s.transfer, static_cast<std::int64_t>(s.model.layers.size()));
  // Only what learns goes to the optimizer, as PyTorch's recipe filters on requires_grad.
  std::vector<Tensor> trainable;
  for (const Tensor& p : model->parameters())
    if (p.requires_grad()) trainable.push_back(p);
  if (trainable.empty())
    throw Error("transfer.layers: every parameter of the model is frozen, so nothing would learn; leave a layer with weights (the head) out of them");
  auto optimizer = optim::make_optimizer(s.optimizer, trainable);
  optim::Scheduler scheduler = s.scheduler ? optim::make_scheduler(*s.scheduler, *optimizer) : optim::Scheduler{};
  train::TrainerConfig config = s.config;
  config.seed = s.seed;
  Run run;
  run.trainer = std::make_unique<train::Trainer>(model, loss, std::move(optimizer), std::move(scheduler), split.train, split.test, config);
  if (data.validation.size() > 0) run.trainer->set_validation(data.validation);
  run.pipeline = std::move(data.pipeline);
  run.raw = std::move(data.raw);
  return run;
}

std::unique_ptr<train::Trainer> make_trainer(Scenario& s) { return make_run(s).trainer; }

}  // namespace gs::spec
