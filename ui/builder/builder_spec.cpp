// The network builder's spec and its edits: every change (a layer added, removed, moved, an
// argument, the input shape, a whole spec) is one undo step that holds the spec before and after;
// the spec goes to and from files as JSON (version 1) and out as PyTorch code.
#include "builder/network_builder.h"

#include <QSaveFile>
#include <algorithm>
#include <utility>

#include "app/engine_message.h"
#include "app/json_file.h"
#include "spec/layer_table.h"

namespace gsui {

/// One edit of the spec, undoable: the whole spec before and after (specs are small).
class SpecCommand : public QUndoCommand {
 public:
  SpecCommand(NetworkBuilder* b, nlohmann::json before, nlohmann::json after, const QString& text)
      : QUndoCommand(text), b_(b), before_(std::move(before)), after_(std::move(after)) {}
  void undo() override { b_->apply(before_); }
  void redo() override { b_->apply(after_); }

 private:
  NetworkBuilder* b_;
  nlohmann::json before_, after_;
};

nlohmann::json NetworkBuilder::defaultLayer(const QString& type) {
  nlohmann::json l = {{"type", type.toStdString()}};
  if (const gs::spec::LayerKind* kind = gs::spec::find_layer_kind(type.toStdString())) l.update(kind->palette_args);
  return l;
}

int NetworkBuilder::layerCount() const { return static_cast<int>(spec_["layers"].size()); }

void NetworkBuilder::apply(const nlohmann::json& spec) {
  spec_ = spec;
  selected_ = std::min(selected_, layerCount() - 1);
  refresh();
  emit specChanged();
}

void NetworkBuilder::push(const nlohmann::json& after, const QString& what) {
  undo_.push(new SpecCommand(this, spec_, after, what));
}

QString NetworkBuilder::setSpecJson(const nlohmann::json& spec) {
  nlohmann::json j = spec;
  // A spec may leave its input to the data ({"layers": [...]}); the builder then keeps the input
  // it has, so every edge still has a shape.
  if (j.is_object() && !j.contains("input_shape")) j["input_shape"] = spec_["input_shape"];
  try {
    (void)gs::spec::parse_model_spec(j);
  } catch (const gs::Error& e) {
    return engineExplanation(e);
  }
  push(j, tr("load network"));
  return {};
}

void NetworkBuilder::setInputShape(const gs::Shape& shape) {
  nlohmann::json after = spec_;
  after["input_shape"] = shape;
  push(after, tr("input shape"));
}

void NetworkBuilder::addLayer(const QString& type, int at) {
  nlohmann::json after = spec_;
  auto& layers = after["layers"];
  const int pos = at < 0 || at > layerCount() ? layerCount() : at;
  layers.insert(layers.begin() + pos, defaultLayer(type));
  push(after, tr("add %1").arg(type));
  selectLayer(pos);
}

void NetworkBuilder::removeLayer(int index) {
  if (index < 0 || index >= layerCount()) return;
  nlohmann::json after = spec_;
  after["layers"].erase(after["layers"].begin() + index);
  push(after, tr("remove layer %1").arg(index));
}

void NetworkBuilder::moveLayer(int from, int to) {
  if (from < 0 || from >= layerCount() || to < 0 || to >= layerCount() || from == to) return;
  nlohmann::json after = spec_;
  nlohmann::json layer = after["layers"][from];
  after["layers"].erase(after["layers"].begin() + from);
  after["layers"].insert(after["layers"].begin() + to, layer);
  push(after, tr("move layer %1").arg(from));
  selectLayer(to);
}

void NetworkBuilder::setArgument(int index, const QString& name, const nlohmann::json& value) {
  if (index < 0 || index >= layerCount()) return;
  nlohmann::json after = spec_;
  after["layers"][index][name.toStdString()] = value;
  push(after, tr("%1 of layer %2").arg(name).arg(index));
}

QString NetworkBuilder::pytorchCode() const {
  if (!parse_error_.isEmpty() || !report_.ok()) return tr("# The network has an error: %1").arg(errorText());
  return QString::fromStdString(gs::spec::pytorch_code(gs::spec::parse_model_spec(spec_)));
}

QString NetworkBuilder::saveSpec(const QString& path) const {
  nlohmann::json out = spec_;
  out["version"] = 1;
  return writeJsonFile(path, out);
}

QString NetworkBuilder::loadSpec(const QString& path) {
  JsonFile file = readJsonFile(path);
  if (!file.ok()) return file.error;
  return loadSpecJson(std::move(file.json), path);
}

QString NetworkBuilder::loadSpecJson(nlohmann::json j, const QString& path) {
  if (j.contains("version") && (!j["version"].is_number_integer() || j["version"].get<int>() > 1))
    return tr("\"%1\" was written by a newer GradScope (version %2)").arg(path, QString::fromStdString(j["version"].dump()));
  // (Not an object: the spec's own check says what is wrong with it.)
  if (j.is_object()) j.erase("version");
  if (const QString problem = setSpecJson(j); !problem.isEmpty()) return tr("%1: %2").arg(path, problem);
  return {};
}

QString NetworkBuilder::exportPython(const QString& path) const {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(pytorchCode().toUtf8()) < 0 || !f.commit()) return tr("cannot write \"%1\"").arg(path);
  return {};
}

}  // namespace gsui
