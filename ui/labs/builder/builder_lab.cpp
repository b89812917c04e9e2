#include "labs/builder/builder_lab.h"

#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/engine_message.h"
#include "app/settings_keys.h"
#include "app/shared_network.h"
#include "builder/network_builder.h"
#include "io/safetensors.h"
#include "nn/module.h"
#include "spec/blocks.h"
#include "spec/model_spec.h"
#include "tensor/random.h"

namespace gsui {
namespace {

/// A push button whose text wraps onto more lines when the side panel is narrow (a projector at
/// 1024×768, Korean), rather than being cut; text() stays the whole text.
class WrapButton : public QPushButton {
 public:
  WrapButton() {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
  }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override {
    const QRect text = fontMetrics().boundingRect(QRect(0, 0, std::max(1, width - 2 * hMargin()), 100000),
                                                  Qt::AlignCenter | Qt::TextWordWrap, this->text());
    return std::max(QPushButton::sizeHint().height(), text.height() + 2 * vMargin());
  }
  /// As wide as the longest word needs: the layout gives it the panel's width.
  QSize minimumSizeHint() const override {
    int word = 0;
    for (const QString& w : text().split(' ', Qt::SkipEmptyParts)) word = std::max(word, fontMetrics().horizontalAdvance(w));
    return {word + 2 * hMargin(), QPushButton::sizeHint().height()};
  }
  QSize sizeHint() const override {
    const QSize least = minimumSizeHint();
    return {least.width(), heightForWidth(least.width())};
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QStylePainter painter(this);
    QStyleOptionButton option;
    initStyleOption(&option);
    option.text.clear();
    painter.drawControl(QStyle::CE_PushButton, option);
    painter.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::ButtonText));
    painter.drawText(rect().adjusted(hMargin(), vMargin(), -hMargin(), -vMargin()), Qt::AlignCenter | Qt::TextWordWrap, text());
  }

 private:
  int hMargin() const { return style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, this) + fontMetrics().averageCharWidth(); }
  int vMargin() const { return fontMetrics().height() / 4 + 2; }
};

}  // namespace

BuilderLab::BuilderLab(QWidget* parent) : Lab(parent) {
  builder_ = new NetworkBuilder(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(builder_);
  auto* cl = controlsLayout();
  save_ = new WrapButton;
  load_ = new WrapButton;
  export_ = new WrapButton;
  mistake_ = new WrapButton;
  mistake_->setObjectName("removeFlatten");
  vgg_ = new WrapButton;
  vgg_->setObjectName("addVggBlock");
  for (QPushButton* b : {vgg_, mistake_, save_, load_, export_}) cl->addWidget(b);
  blocks_title_ = new QLabel;
  blocks_title_->setWordWrap(true);
  blocks_ = new QTableWidget(0, 3);
  blocks_->setObjectName("blockSummary");
  blocks_->verticalHeader()->hide();
  blocks_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  blocks_->setSelectionMode(QAbstractItemView::NoSelection);
  blocks_->setFocusPolicy(Qt::NoFocus);
  blocks_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the narrow panel: the block column gives way
  blocks_->setWordWrap(true);  // names and shapes wrap (at spaces and hyphens) rather than widen the panel
  blocks_->setTextElideMode(Qt::ElideNone);
  blocks_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  blocks_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  blocks_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  blocks_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  blocks_note_ = new QLabel;
  blocks_note_->setObjectName("blockSummaryNote");
  blocks_note_->setWordWrap(true);
  cl->addSpacing(8);
  for (QWidget* w : std::initializer_list<QWidget*>{blocks_title_, blocks_, blocks_note_}) cl->addWidget(w);
  cl->addStretch();
  connect(builder_, &NetworkBuilder::specChanged, this, &Lab::codeChanged);
  connect(builder_, &NetworkBuilder::specChanged, this, &BuilderLab::updateBlockTable);
  connect(vgg_, &QPushButton::clicked, this, &BuilderLab::addVggBlock);
  connect(blocks_->horizontalHeader(), &QHeaderView::sectionResized, this, &BuilderLab::fitBlockTable);
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
  // A network another lab asked to open: one taken before this lab existed, and later ones.
  connect(&SharedNetwork::instance(), &SharedNetwork::editRequested, this, &BuilderLab::applyPendingEdit);
  applyPendingEdit();
  retranslate();
}

void BuilderLab::applyPendingEdit() {
  const std::optional<nlohmann::json> edit = SharedNetwork::instance().takePendingEdit();
  if (!edit) return;
  const QString problem = builder_->setSpecJson(*edit);
  if (!problem.isEmpty()) emit message(tr("The network was not opened: %1").arg(problem));
}

void BuilderLab::addVggBlock() {
  nlohmann::json after = builder_->specJson();
  nlohmann::json& layers = after["layers"];
  int at = static_cast<int>(layers.size());
  for (int i = 0; i < static_cast<int>(layers.size()); ++i)
    if (layers[i].value("type", "") == "Flatten") {
      at = i;
      break;
    }
  // VGG doubles the channels after each pool: twice the last convolution's, 16 to start.
  std::int64_t channels = 16;
  for (int i = 0; i < at; ++i)
    if (layers[i].value("type", "") == "Conv2d" && layers[i].contains("out_channels") && layers[i]["out_channels"].is_number_integer())
      channels = 2 * layers[i]["out_channels"].get<std::int64_t>();
  const nlohmann::json conv = {{"type", "Conv2d"}, {"out_channels", channels}, {"kernel_size", 3}, {"padding", 1}};
  const nlohmann::json relu = {{"type", "ReLU"}};
  const nlohmann::json block = {conv, relu, conv, relu, {{"type", "MaxPool2d"}, {"kernel_size", 2}}};
  layers.insert(layers.begin() + at, block.begin(), block.end());
  const QString problem = builder_->setSpecJson(after);  // one undo step for the five layers
  if (!problem.isEmpty()) emit message(problem);
}

void BuilderLab::fitBlockTable() {
  // As tall as its rows, wrapped to the columns' widths (up to eight rows; more scroll), so that
  // the panel does not need a scroll bar of its own.
  blocks_->resizeRowsToContents();
  int height = blocks_->horizontalHeader()->sizeHint().height() + 2 * blocks_->frameWidth();
  for (int r = 0; r < std::min(blocks_->rowCount(), 8); ++r) height += blocks_->rowHeight(r);
  blocks_->setFixedHeight(height);
}

void BuilderLab::updateBlockTable() {
  std::vector<gs::spec::BlockSummary> summary;
  QString problem;
  try {
    summary = gs::spec::block_summary(gs::spec::parse_model_spec(builder_->specJson()));
  } catch (const std::exception&) {
    problem = tr("No block summary while the network has a shape error (the message under the network says which layer).");
  }
  vgg_->setEnabled(builder_->specJson()["input_shape"].size() == 3);  // convolutions need [C, H, W]
  blocks_->setRowCount(static_cast<int>(summary.size()));
  int number = 0;
  for (int r = 0; r < static_cast<int>(summary.size()); ++r) {
    const gs::spec::BlockSummary& b = summary[static_cast<std::size_t>(r)];
    const bool head = b.label == "Head";
    const QString name = head ? tr("Head") : tr("%1: %2").arg(++number).arg(QString::fromStdString(b.label));
    const QStringList cells = {name, QString::fromStdString(gs::spec::batch_shape_str(b.output)), QLocale().toString(b.parameters)};
    for (int c = 0; c < 3; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(tr("Layers %1–%2").arg(b.first_layer).arg(b.last_layer));
      if (c == 2) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      blocks_->setItem(r, c, item);
    }
  }
  blocks_->setVisible(!summary.empty());
  fitBlockTable();
  blocks_note_->setText(problem);
  blocks_note_->setVisible(!problem.isEmpty());
}

QString BuilderLab::openFile(const QString& path, const nlohmann::json& json) { return builder_->loadSpecJson(json, path); }

nlohmann::json BuilderLab::sessionState() const { return builder_->specJson(); }
QString BuilderLab::restoreSessionState(const nlohmann::json& state) { return builder_->setSpecJson(state); }
std::shared_ptr<gs::nn::Sequential> BuilderLab::initialisedModel() const {
  gs::Generator generator(kWeightsSeed);
  return gs::spec::build_model(gs::spec::parse_model_spec(builder_->specJson()), gs::kFloat32, &generator);
}

QString BuilderLab::saveWeights(const QString& path) {
  try {
    gs::io::save_weights(path.toStdString(), *initialisedModel(), {{"lab", "builder"}, {"seed", std::to_string(kWeightsSeed)}});
  } catch (const gs::Error& e) {
    return tr("The weights were not saved: %1").arg(engineExplanation(e));
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
void BuilderLab::applyAppearance() {
  builder_->selectLayer(builder_->selectedLayer());
  updateBlockTable();  // row heights follow the font
}
void BuilderLab::reset() {
  while (builder_->undoStack()->canUndo()) builder_->undoStack()->undo();
}

void BuilderLab::retranslate() {
  save_->setText(tr("Save the network (JSON)…"));
  load_->setText(tr("Open a network…"));
  export_->setText(tr("Export as PyTorch code (.py)…"));
  mistake_->setText(tr("Mistake: remove the Flatten"));
  vgg_->setText(tr("Add a VGG block (Conv-Conv-Pool)"));
  vgg_->setToolTip(tr("Two 3×3 convolutions (padding 1 keeps the size) with twice the channels of the last one, "
                      "then MaxPool2d(2), which halves the size: inserted before the Flatten."));
  blocks_title_->setText(tr("Blocks (each ends at a pooling layer)"));
  blocks_->setHorizontalHeaderLabels({tr("Block"), tr("Output"), tr("Params")});
  blocks_->horizontalHeaderItem(2)->setToolTip(tr("Parameters: the learnable numbers of the block's layers"));
  updateBlockTable();
}

}  // namespace gsui

