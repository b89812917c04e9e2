#include "labs/metrics/multiclass_page.h"

#include <QComboBox>
#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/control_group.h"
#include "app/language.h"
#include "labs/cnn/cnn_class_views.h"
#include "spec/scenario.h"

namespace gsui {
namespace {
constexpr int kPretrainEpochs = 40;
constexpr int kFrameIntervalMs = 40;

/// The run behind the page: a 16-unit MLP, CrossEntropyLoss, Adam (the iris.json scenario's model).
nlohmann::json scenarioFor(const QString& dataset) {
  auto s = nlohmann::json::parse(R"({"version": 1,
      "dataset": {"test_ratio": 0.3, "standardize": true, "seed": 1},
      "model": {"layers": [{"type": "Linear", "out_features": 16}, {"type": "ReLU"}, {"type": "Linear", "out_features": 3}]},
      "loss": "CrossEntropyLoss", "optimizer": {"name": "Adam", "lr": 0.01}, "batch_size": 16, "seed": 0})");
  s["dataset"]["name"] = dataset.toStdString();
  return s;
}
}  // namespace

MulticlassPage::MulticlassPage(QWidget* parent) : QWidget(parent), frame_(std::make_shared<const MetricsFrame>()) {
  table_ = new QTableWidget(0, 4);
  table_->setObjectName("report");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  // Columns as wide as their header ("support", "재현율") or numbers, never cut.
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // No stretched last section: it came out 1 px longer than the viewport (a scroll bar for
  // nothing); the table is as wide as its columns instead (fitTableWidth()).
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  grid_ = new ConfusionGrid;
  grid_->setObjectName("confusion");
  caption_ = new QLabel;
  caption_->setWordWrap(true);
  cell_note_ = new QLabel;
  cell_note_->setWordWrap(true);
  cell_note_->setObjectName("cellNote");
  auto* right = new QVBoxLayout;
  right->addWidget(grid_, 1);
  right->addWidget(cell_note_);
  auto* row = new QHBoxLayout;
  row->addWidget(table_, 1);
  row->addLayout(right, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(row, 1);
  layout->addWidget(caption_);

  controls_ = new QWidget;
  auto* panel = new QVBoxLayout(controls_);
  panel->setContentsMargins(0, 0, 0, 0);
  group_ = new ControlGroup(panel);
  dataset_box_ = new QComboBox;
  dataset_box_->setObjectName("dataset");
  dataset_box_->setProperty("gsPrimary", true);
  for (const QString& name : kDatasets) dataset_box_->addItem(name, name);
  dataset_label_ = group_->addRow(dataset_box_);
  status_ = new QLabel;
  status_->setWordWrap(true);
  group_->addWideRow(status_);
  panel->addStretch();
  connect(dataset_box_, &QComboBox::activated, this, [this](int index) { setDataset(kDatasets.value(index)); });
  connect(grid_, &ConfusionGrid::cellClicked, this, [this](int t, int p) {
    const auto& m = grid_->matrix();
    cell_note_->setText(withKoreanParticles(tr("%1 test samples of class %2 predicted as %3").arg(m[t][p]).arg(class_names_.value(t), class_names_.value(p))));
  });
  connect(&session_, &Session::stoppedByItself, this, [this](const QString& reason) {
    emit message(reason);
    emit stoppedPlaying();
  });
  display_.setInterval(20);
  connect(&display_, &QTimer::timeout, this, &MulticlassPage::pull);
  display_.start();
  start(true);
  retranslate();
}

MulticlassPage::~MulticlassPage() { session_.stop(); }

QString MulticlassPage::title() const { return tr("Multi-class"); }

bool MulticlassPage::setDataset(const QString& name) {
  if (!kDatasets.contains(name)) return false;
  dataset_ = name;
  dataset_box_->setCurrentIndex(static_cast<int>(kDatasets.indexOf(name)));
  start(true);
  emit codeChanged();
  return true;
}

void MulticlassPage::start(bool pretrain) {
  gs::spec::Scenario s = gs::spec::parse_scenario(scenarioFor(dataset_));
  gs::spec::Run run = gs::spec::make_run(s);
  class_names_.clear();
  for (const std::string& n : run.trainer->test_set().class_names) class_names_ << QString::fromStdString(n);
  grid_->setClassNames(class_names_);
  steps_per_epoch_ = run.trainer->steps_per_epoch();
  seen_version_ = 0;
  cell_note_->clear();
  session_.start(std::move(run.trainer), [](gs::train::Trainer& t) {
    MetricsFrame f;
    f.test = t.evaluate(t.test_set());
    f.step = t.snapshot().step;
    f.epoch = t.passes();
    return f;
  }, kFrameIntervalMs);
  awaited_step_ = pretrain ? kPretrainEpochs * steps_per_epoch_ : 0;
  if (pretrain) session_.step(static_cast<int>(awaited_step_));
  pull();
}

void MulticlassPage::pull() {
  if (!session_.running() || session_.frameVersion() == seen_version_) return;
  seen_version_ = session_.frameVersion();
  frame_ = session_.latestFrame();
  redraw();
}

bool MulticlassPage::busy() const { return session_.running() && frame_->step < awaited_step_; }

void MulticlassPage::redraw() {
  const auto& targets = frame_->test.targets;
  const int classes = static_cast<int>(class_names_.size());
  if (targets.empty() || classes == 0) return;
  const gs::metrics::Matrix m = gs::metrics::confusion_matrix(targets, frame_->test.predictions, classes);
  report_ = gs::metrics::classification_report(m);
  grid_->setMatrix(m);
  // classification_report's rows: each class, then accuracy, then the averages.
  QStringList rows = class_names_;
  rows << tr("accuracy") << tr("micro avg") << tr("macro avg") << tr("weighted avg");
  table_->setRowCount(static_cast<int>(rows.size()));
  table_->setVerticalHeaderLabels(rows);
  auto put = [this](int r, int c, const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignCenter);
    table_->setItem(r, c, item);
  };
  auto putRow = [&](int r, const gs::metrics::ReportRow& row) {
    put(r, 0, QString::number(row.precision, 'f', 2));
    put(r, 1, QString::number(row.recall, 'f', 2));
    put(r, 2, QString::number(row.f1, 'f', 2));
    put(r, 3, QString::number(row.support));
  };
  for (int c = 0; c < classes; ++c) putRow(c, report_.classes[c]);
  put(classes, 0, QString());
  put(classes, 1, QString());
  put(classes, 2, QString::number(report_.accuracy, 'f', 2));
  put(classes, 3, QString::number(report_.micro.support));
  putRow(classes + 1, report_.micro);
  putRow(classes + 2, report_.macro);
  putRow(classes + 3, report_.weighted);
  fitTableWidth();
  status_->setText(tr("%1 test samples; MLP after %2 epochs").arg(targets.size()).arg(frame_->epoch));
  emit viewsUpdated();
}

void MulticlassPage::fitTableWidth() {
  // The whole report stays in view (no horizontal scroll bar): the table is at least as wide as
  // its row names and its columns' headers and numbers, in the font it has now.
  table_->verticalHeader()->resizeSections(QHeaderView::ResizeToContents);
  int width = std::max(table_->verticalHeader()->sizeHint().width(), table_->verticalHeader()->width()) + 2 * table_->frameWidth() + 8;
  for (int c = 0; c < table_->columnCount(); ++c)
    width += std::max({table_->horizontalHeader()->sectionSizeHint(c), static_cast<const QAbstractItemView*>(table_)->sizeHintForColumn(c)});
  if (table_->verticalScrollBar()->isVisible()) width += table_->verticalScrollBar()->width();
  table_->setMinimumWidth(width);
  table_->setMaximumWidth(width);  // no empty band on the right: the confusion grid takes the rest
}

void MulticlassPage::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange) fitTableWidth();  // presentation mode's bigger font
}

void MulticlassPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  fitTableWidth();
}

void MulticlassPage::setPlaying(bool playing) { session_.setPlaying(playing); }

void MulticlassPage::step() {
  awaited_step_ = std::max(awaited_step_, frame_->step) + steps_per_epoch_;
  session_.step(static_cast<int>(steps_per_epoch_));
}

void MulticlassPage::reset() { start(false); }

void MulticlassPage::retranslate() {
  group_->setTitle(tr("Data and model"));
  dataset_label_->setText(tr("Data set"));
  table_->setHorizontalHeaderLabels({tr("precision"), tr("recall"), tr("F1"), tr("support")});
  grid_->setAxisTitles(tr("actual"), tr("predicted"));
  caption_->setText(tr("Macro averages the classes equally; weighted averages them by support; micro pools every "
                       "sample's decision, which for one label per sample equals accuracy."));
  redraw();
}

void MulticlassPage::applyAppearance() { grid_->update(); }

QList<QPair<QString, QWidget*>> MulticlassPage::exportablePlots() const { return {{tr("Multi-class confusion matrix"), grid_}}; }

}  // namespace gsui
