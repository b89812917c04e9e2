#include "labs/builder/builder_lab.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/settings_keys.h"
#include "app/shared_network.h"
#include "builder/network_builder.h"
#include "io/safetensors.h"
#include "nn/module.h"
#include "spec/model_spec.h"
#include "tensor/random.h"

namespace gsui {

BuilderLab::BuilderLab(QWidget* parent) : Lab(parent) {
  builder_ = new NetworkBuilder(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(builder_);
  auto* cl = controlsLayout();
  save_ = new QPushButton;
  load_ = new QPushButton;
  export_ = new QPushButton;
  mistake_ = new QPushButton;
  mistake_->setObjectName("removeFlatten");
  for (QPushButton* b : {mistake_, save_, load_, export_}) cl->addWidget(b);
  cl->addStretch();
  connect(builder_, &NetworkBuilder::specChanged, this, &Lab::codeChanged);
  // Training labs take the network from here ("From the builder" in the CNN lab).
  connect(builder_, &NetworkBuilder::specChanged, this, [this] { SharedNetwork::instance().setSpec(builder_->specJson()); });
  SharedNetwork::instance().setSpec(builder_->specJson());
  connect(save_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save network"), "network.json", tr("Model spec (*.json)"));
    if (!path.isEmpty()) {
      const QString e = builder_->saveSpec(path);
      if (!e.isEmpty()) QMessageBox::warning(this, tr("Save failed"), e);
    }
  });
  connect(load_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open network"), QString(), tr("Model spec (*.json)"));
    if (!path.isEmpty()) {
      const QString e = builder_->loadSpec(path);
      if (!e.isEmpty()) QMessageBox::warning(this, tr("Open failed"), e);
    }
  });
  connect(export_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PyTorch code"), "model.py", tr("Python (*.py)"));
    if (!path.isEmpty()) {
      const QString e = builder_->exportPython(path);
      if (!e.isEmpty()) QMessageBox::warning(this, tr("Export failed"), e);
    }
  });
  connect(mistake_, &QPushButton::clicked, this, [this] {
    // The classic: Linear straight after pooling, without Flatten.
    const auto layers = builder_->specJson()["layers"];
    for (int i = 0; i < static_cast<int>(layers.size()); ++i)
      if (layers[i]["type"] == "Flatten") {
        builder_->removeLayer(i);
        break;
      }
  });
  retranslate();
}

nlohmann::json BuilderLab::sessionState() const { return builder_->specJson(); }
QString BuilderLab::restoreSessionState(const nlohmann::json& state) { return builder_->setSpecJson(state); }
std::shared_ptr<gs::nn::Sequential> BuilderLab::initialisedModel() const {
  gs::Generator generator(kWeightsSeed);
  return gs::spec::build_model(gs::spec::parse_model_spec(builder_->specJson()), gs::kFloat32, &generator);
}

QString BuilderLab::saveWeights(const QString& path) {
  try {
    gs::io::save_weights(path.toStdString(), *initialisedModel(), {{"lab", "builder"}, {"seed", std::to_string(kWeightsSeed)}});
  } catch (const std::exception& e) {
    return tr("The weights were not saved: %1").arg(QString::fromStdString(e.what()));
  }
  emit message(tr("Saved the network's initial weights (seed %1) to %2").arg(kWeightsSeed).arg(path));
  return {};
}

QString BuilderLab::loadWeights(const QString& path) {
  std::size_t tensors = 0;
  try {
    auto model = initialisedModel();
    gs::io::load_weights(path.toStdString(), *model);  // a check: the model is thrown away after
    tensors = gs::io::state_dict(*model).size();
  } catch (const std::exception& e) {
    return tr("The weights do not fit this network: %1").arg(QString::fromStdString(e.what()));
  }
  emit message(tr("All %1 tensors of %2 fit this network (the builder does not train: train it in the Playground or the CNN lab).")
                   .arg(tensors)
                   .arg(path));
  return {};
}

QString BuilderLab::pytorchCode() const { return builder_->pytorchCode(); }
QList<QPair<QString, QWidget*>> BuilderLab::exportablePlots() const { return {{tr("Network"), builder_}}; }
void BuilderLab::applyAppearance() { builder_->selectLayer(builder_->selectedLayer()); }
void BuilderLab::reset() {
  while (builder_->undoStack()->canUndo()) builder_->undoStack()->undo();
}

void BuilderLab::retranslate() {
  save_->setText(tr("Save the network (JSON)…"));
  load_->setText(tr("Open a network…"));
  export_->setText(tr("Export as PyTorch code (.py)…"));
  mistake_->setText(tr("Mistake: remove the Flatten"));
}

}  // namespace gsui
