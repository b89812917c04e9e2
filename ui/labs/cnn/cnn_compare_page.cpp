#include "labs/cnn/cnn_compare_page.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "app/control_group.h"
#include "labs/cnn/compare_code.h"
#include "labs/cnn/compare_views.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
constexpr int kDigitsImages = 1797;
constexpr int kFashionImages = 60000;
}  // namespace

CnnComparePage::CnnComparePage(QWidget* parent) : CnnPage(parent) {
  buildControls();
  buildView();
  connect(&job_, &BackgroundJob::finished, this, &CnnComparePage::jobFinished);
  retranslate();
  applyAppearance();
}

CnnComparePage::~CnnComparePage() { job_.cancel(); }  // at most one training step to wait for

void CnnComparePage::buildControls() {
  data_group_ = new ControlGroup(controlsLayout());
  dataset_ = new QComboBox;
  dataset_->setObjectName("dataset");
  dataset_->addItem(QString(), "digits");
  dataset_->addItem(QString(), "fashion_mnist");
  // Not as wide as its longest item: the side panel stays narrow in presentation mode and Korean.
  dataset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  dataset_->setMinimumContentsLength(8);
  dataset_label_ = data_group_->addRow(dataset_);
  subset_ = new QSpinBox;
  subset_->setObjectName("subset");
  subset_->setRange(100, kDigitsImages);
  subset_->setSingleStep(100);
  subset_->setValue(kDigitsImages);
  subset_label_ = data_group_->addRow(subset_);
  epochs_ = new QSpinBox;
  epochs_->setObjectName("epochs");
  epochs_->setRange(1, 50);
  epochs_->setValue(10);
  epochs_label_ = data_group_->addRow(epochs_);
  train_button_ = new QPushButton;
  train_button_->setObjectName("trainBoth");
  data_group_->addWideRow(train_button_);
  status_ = new QLabel;
  status_->setObjectName("status");
  status_->setWordWrap(true);
  data_group_->addWideRow(status_);

  models_group_ = new ControlGroup(controlsLayout());
  for (CompareModel m : kCompareModels) {
    auto* label = new QLabel;
    label->setObjectName(m == CompareModel::Mlp ? "mlpParameters" : "cnnParameters");
    label->setWordWrap(true);
    models_group_->addWideRow(label);
    model_labels_[static_cast<int>(m)] = label;
  }
  controlsLayout()->addStretch();

  connect(train_button_, &QPushButton::clicked, this, [this] { startTraining(settings().epochs, /*fresh=*/true); });
  connect(dataset_, &QComboBox::currentIndexChanged, this, [this] {
    const bool digits = dataset_->currentData().toString() == "digits";
    const QSignalBlocker block(subset_);
    subset_->setRange(digits ? 100 : 1000, digits ? kDigitsImages : kFashionImages);
    subset_->setSingleStep(digits ? 100 : 1000);
    subset_->setValue(digits ? kDigitsImages : 6000);
    dataChanged();
  });
  connect(subset_, &QSpinBox::valueChanged, this, &CnnComparePage::dataChanged);
  connect(epochs_, &QSpinBox::valueChanged, this, [this] {
    updateTexts();
    emit codeChanged();
  });
}

void CnnComparePage::buildView() {
  accuracy_plot_ = makePlot(QString(), QString(), this);
  accuracy_plot_->setObjectName("accuracyPlot");
  addPlotTitle(accuracy_plot_);
  // The legend (long: it names the parameter counts) in a row of its own under the title, so at
  // no size does it cover the early epochs.
  accuracy_plot_->legend->setVisible(true);
  accuracy_plot_->axisRect()->insetLayout()->take(accuracy_plot_->legend);
  accuracy_plot_->axisRect()->insetLayout()->simplify();
  accuracy_plot_->plotLayout()->insertRow(1);
  accuracy_plot_->plotLayout()->addElement(1, 0, accuracy_plot_->legend);
  accuracy_plot_->plotLayout()->setRowStretchFactor(1, 0.001);
  accuracy_plot_->legend->setMargins(QMargins(6, 2, 6, 2));
  shift_plot_ = makePlot(QString(), QString(), this);
  shift_plot_->setObjectName("shiftPlot");
  addPlotTitle(shift_plot_);
  // One row of legend in the free band above 100 %, clear of the bars.
  shift_plot_->legend->setVisible(true);
  shift_plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  shift_plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  conclusion_ = new QLabel;
  conclusion_->setObjectName("conclusion");
  conclusion_->setWordWrap(true);
  examples_heading_ = new QLabel;
  examples_heading_->setWordWrap(true);
  examples_ = new ShiftExamplesView;
  examples_->setObjectName("shiftExamples");
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(accuracy_plot_, 0, 0);
  grid->addWidget(shift_plot_, 0, 1);
  grid->addWidget(conclusion_, 1, 0, 1, 2);
  grid->addWidget(examples_heading_, 2, 0, 1, 2);
  grid->addWidget(examples_, 3, 0, 1, 2);
  grid->setRowStretch(0, 4);
  grid->setRowStretch(3, 1);  // larger windows draw larger images
}

CompareSettings CnnComparePage::settings() const {
  return {.dataset = dataset_->currentData().toString().toStdString(), .subset = subset_->value(), .epochs = epochs_->value()};
}

void CnnComparePage::startTraining(std::int64_t target, bool fresh) {
  if (job_.running()) return;
  const CompareSettings wanted = settings();
  if (fresh || !runs_ || !(wanted.dataset == run_settings_.dataset && wanted.subset == run_settings_.subset)) {
    clearResults();
    runs_ = std::make_shared<CompareRuns>();
    run_settings_ = wanted;
  }
  error_.clear();
  auto runs = runs_;
  const std::uint64_t generation = generation_;
  job_.start([this, runs, target, wanted, generation](BackgroundJob& job) {
    bool loaded = static_cast<bool>(runs->runs[0].trainer);
    try {
      if (!loaded) *runs = makeCompareRuns(wanted);  // loads the data: off the UI thread
      loaded = true;
      const bool done = trainBoth(*runs, target, [&job] { return job.cancelled(); },
                                  [this, &job, generation](CompareModel model, std::int64_t epoch, double accuracy) {
                                    job.post([this, generation, model, epoch, accuracy] {
                                      if (generation == generation_) epochDone(model, epoch, accuracy);
                                    });
                                  });
      if (!done) return;
    } catch (const gs::Error& e) {
      if (e.code().empty()) throw;  // (jobFinished() shows it as it is)
      // A mistake core names by code (a data set not installed, a run that diverged): said in the
      // learner's language, in the UI thread.
      job.post([this, generation, error = e, stopped = loaded] {
        if (generation != generation_) return;
        error_ = engineProblem(error.code(), error.args(), engineExplanation(error));
        runs_.reset();  // a half-built or diverged run is not continued
        if (stopped) emit message(tr("Training stopped: %1").arg(error_));
        updateTexts();
      });
      return;
    }
    const ShiftReport report = measureShifts(*runs);
    job.post([this, generation, report] {
      if (generation == generation_) shiftsMeasured(report);
    });
  });
  updateTexts();
}

void CnnComparePage::epochDone(CompareModel model, std::int64_t epoch, double accuracy) {
  QVector<double>& curve = accuracy_[static_cast<int>(model)];
  Q_ASSERT(epoch == curve.size() + 1);
  curve << accuracy;
  redraw();
  updateTexts();
}

void CnnComparePage::shiftsMeasured(const ShiftReport& report) {
  shifts_ = report;
  examples_->setReport(shifts_, classNames());
  redraw();
  updateTexts();
}

void CnnComparePage::jobFinished(const QString& error) {
  if (!error.isEmpty()) {
    error_ = error;
    runs_.reset();  // a half-built or diverged run is not continued
    emit message(tr("Training stopped: %1").arg(error));
  }
  updateTexts();
  if (playing_) {
    playing_ = false;
    emit stoppedPlaying();
  }
  emit trainingFinished();
}

void CnnComparePage::step() {
  if (job_.running()) return;
  const std::int64_t done = std::max(accuracy_[0].size(), accuracy_[1].size());
  startTraining(runs_ ? done + 1 : 1, /*fresh=*/false);
}

void CnnComparePage::setPlaying(bool playing) {
  if (!playing) {
    playing_ = false;
    job_.cancel();  // stops after the current step; the next Play finishes the epoch
    updateTexts();
    return;
  }
  if (job_.running()) return;
  const std::int64_t target = settings().epochs;
  if (runs_ && std::min(accuracy_[0].size(), accuracy_[1].size()) >= target) {
    emit message(tr("Both models have trained %1 epochs: raise Epochs, press Step for one more, or Train both to start again.").arg(target));
    emit stoppedPlaying();
    return;
  }
  playing_ = true;
  startTraining(target, /*fresh=*/false);
}

void CnnComparePage::reset() {
  job_.cancel();
  playing_ = false;
  runs_.reset();
  error_.clear();
  clearResults();
}

void CnnComparePage::dataChanged() {
  if (job_.running()) job_.cancel();
  runs_.reset();
  error_.clear();
  clearResults();
  emit codeChanged();
}

void CnnComparePage::clearResults() {
  ++generation_;  // reports still queued from the runs before are dropped
  accuracy_ = {};
  shifts_ = {};
  examples_->clear();
  redraw();
  updateTexts();
}

QString CnnComparePage::modelName(CompareModel model) const {
  const QString count = QLocale().toString(static_cast<qlonglong>(parameterCount(model, settings())));
  return model == CompareModel::Mlp ? tr("MLP (%1 parameters)").arg(count) : tr("CNN (%1 parameters)").arg(count);
}

QStringList CnnComparePage::classNames() const {
  const bool digits = shifts_.class_names.size() == 10 && shifts_.class_names.front() == "0";
  return CnnPage::classNames(digits ? QStringLiteral("digits") : QStringLiteral("fashion_mnist"));
}

QString CnnComparePage::conclusion() const {
  const auto& a = shifts_.accuracy;
  if (a[0].size() <= static_cast<std::size_t>(kExampleShift) || a[1].size() <= static_cast<std::size_t>(kExampleShift))
    return tr("After training, the test images are shifted 0 to %1 pixels to the right and both models are tested "
              "again: a person still reads a moved image; does the network?")
        .arg(kMaxShift);
  const double mlpDrop = (a[0][0] - a[0][kExampleShift]) * 100, cnnDrop = (a[1][0] - a[1][kExampleShift]) * 100;
  const QLocale locale;
  QString text = mlpDrop >= 0 && cnnDrop >= 0
                     ? tr("Shifted by %1 pixels, the MLP loses %2 points of accuracy and the CNN %3.")
                           .arg(kExampleShift)
                           .arg(locale.toString(mlpDrop, 'f', 1), locale.toString(cnnDrop, 'f', 1))
                     : tr("Shifted by %1 pixels, the MLP's accuracy changes by %2 points and the CNN's by %3.")
                           .arg(kExampleShift)
                           .arg(locale.toString(-mlpDrop, 'f', 1), locale.toString(-cnnDrop, 'f', 1));
  const std::int64_t side = imageSide(run_settings_.dataset);
  text += ' ';
  text += cnnDrop < mlpDrop
              ? tr("The MLP flattened each %1×%1 image into %2 numbers, every weight tied to one pixel position, so a "
                   "moved stroke meets other weights; the CNN's filters slide over the image and pooling forgives "
                   "small moves.")
                    .arg(side)
                    .arg(side * side)
              : tr("Here the CNN held up no better than the MLP: train it more epochs and look again.");
  return text;
}

void CnnComparePage::updateTexts() {
  const std::int64_t done = std::min(accuracy_[0].size(), accuracy_[1].size());
  const auto percent = [](const QVector<double>& v) { return QLocale().toString(v.last() * 100, 'f', 1); };
  QString status;
  if (!error_.isEmpty()) status = tr("Could not train: %1").arg(error_);
  else if (job_.running() && accuracy_[0].isEmpty()) status = tr("Loading the images and building both models…");
  else if (job_.running()) status = tr("Training… epoch %1: MLP %2 %, CNN %3 %").arg(done).arg(percent(accuracy_[0]), accuracy_[1].isEmpty() ? QString("–") : percent(accuracy_[1]));
  else if (done > 0 && shifts_.accuracy[0].empty()) status = tr("Paused after epoch %1: Play continues.").arg(done);
  else if (done > 0) status = tr("After epoch %1: MLP %2 %, CNN %3 % on the test images.").arg(done).arg(percent(accuracy_[0]), percent(accuracy_[1]));
  else status = tr("Press Train both: the MLP and the CNN learn from the same images, with the same optimizer and seed.");
  status_->setText(status);
  examples_heading_->setVisible(!shifts_.examples.empty());
  train_button_->setEnabled(!job_.running());
  conclusion_->setText(conclusion());
  for (CompareModel m : kCompareModels)
    model_labels_[static_cast<int>(m)]->setText(
        (m == CompareModel::Mlp ? tr("<b>%1</b><br>Flatten → Linear 128 → ReLU → Linear 10")
                                : tr("<b>%1</b><br>Conv2d 16 (5×5) → ReLU → MaxPool 2 → Conv2d 32 (5×5) → ReLU → "
                                     "MaxPool 2 → Flatten → Linear 64 → ReLU → Linear 10"))
            .arg(modelName(m).toHtmlEscaped()));
}

void CnnComparePage::redraw() {
  const QStringList names{modelName(CompareModel::Mlp), modelName(CompareModel::Cnn)};
  std::array<QVector<double>, 2> percent;
  for (int m = 0; m < 2; ++m)
    for (double a : accuracy_[m]) percent[m] << a * 100.0;
  drawAccuracyCurves(accuracy_plot_, percent, names, epochs_->value());
  drawShiftBars(shift_plot_, shifts_, {tr("MLP"), tr("CNN")}, tr("%1 px"));
  setPlotHint(accuracy_plot_, accuracy_[0].isEmpty() ? tr("Press Train both: each epoch adds a point per model here.") : QString());
  setPlotHint(shift_plot_, shifts_.accuracy[0].empty() ? tr("After training, bars show each model's accuracy on images moved right.") : QString());
}

QString CnnComparePage::title() const { return tr("MLP vs CNN"); }

QString CnnComparePage::pytorchCode() const { return comparePytorchCode(settings()); }

QList<QPair<QString, QWidget*>> CnnComparePage::exportablePlots() const {
  return {{tr("MLP vs CNN: accuracy per epoch"), accuracy_plot_},
          {tr("MLP vs CNN: accuracy on shifted images"), shift_plot_},
          {tr("MLP vs CNN: shifted test images"), examples_}};
}

void CnnComparePage::retranslate() {
  data_group_->setTitle(tr("Same images, two networks"));
  models_group_->setTitle(tr("The two models"));
  dataset_label_->setText(tr("Data"));
  // Short names (the side panel is narrow at 1024×768 in presentation mode); the sizes in the tooltips.
  dataset_->setItemText(0, tr("Digits 8×8"));
  dataset_->setItemText(1, tr("Fashion-MNIST"));
  dataset_->setItemData(0, tr("Handwritten digits: 1,797 images of 8×8 pixels"), Qt::ToolTipRole);
  dataset_->setItemData(1, tr("Fashion-MNIST: clothes, 28×28 pixels"), Qt::ToolTipRole);
  subset_label_->setText(tr("Images"));
  subset_->setToolTip(tr("A seeded subset of the data set; 20 % of it is held out for testing"));
  epochs_label_->setText(tr("Epochs"));
  train_button_->setText(tr("Train both"));
  train_button_->setToolTip(tr("Trains the MLP and the CNN from scratch, one epoch each in turn (Play continues, Step adds one epoch)"));
  accuracy_plot_->xAxis->setLabel(tr("epoch"));
  accuracy_plot_->yAxis->setLabel(tr("test accuracy (%)"));
  setPlotTitle(accuracy_plot_, tr("Test accuracy per epoch"));
  shift_plot_->xAxis->setLabel(tr("shift to the right"));
  shift_plot_->yAxis->setLabel(tr("test accuracy (%)"));
  setPlotTitle(shift_plot_, tr("Move the images: who still recognises them?"));
  examples_heading_->setText(tr("Test images, original and shifted %1 pixels right (the black strip is the zero fill); "
                               "✓ = right on the shifted image")
                                .arg(kExampleShift));
  examples_->setModelNames({tr("MLP"), tr("CNN")});
  examples_->setReport(shifts_, classNames());
  redraw();
  updateTexts();
}

void CnnComparePage::applyAppearance() {
  stylePlot(accuracy_plot_);
  stylePlot(shift_plot_);
  QFont bold = conclusion_->font();
  bold.setPointSizeF(Appearance::instance().fontPointSize());
  bold.setBold(true);
  conclusion_->setFont(bold);
  redraw();
}

}  // namespace gsui
