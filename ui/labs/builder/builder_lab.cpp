#include "labs/builder/builder_lab.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/settings_keys.h"
#include "app/shared_network.h"
#include "builder/network_builder.h"

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
