#include "labs/metrics/binary_page.h"

#include <QButtonGroup>
#include <QResizeEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/layout_check.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
constexpr int kSliderSteps = 1000;  // positions of the threshold slider over the score range
constexpr int kFrameIntervalMs = 40;

/// The least size of a plot at the current scale.
QSize leastPlotSize() {
  const double scale = Appearance::instance().scale();
  return {static_cast<int>(std::ceil(kMinPlotWidth * scale)) + 2, static_cast<int>(std::ceil(kMinPlotHeight * scale)) + 2};
}

/// The ROC and PR planes keep a 1:1 data rectangle: beside the histogram they need its width
/// again each (and a little for the square's margins); a narrower page shows one at a time.
bool tooNarrowForBothCurves(int page_width) { return page_width < 3 * leastPlotSize().width() + 40; }

}  // namespace

double BinaryPage::presetThreshold(Preset preset) {
  switch (preset) {
    case Preset::CancerScreening: return 0.2;  // low: flag anything suspicious
    case Preset::SpamFiltering: return 0.8;    // high: flag only what is surely spam
    case Preset::ClassImbalance: return 0.5;   // the default; the model is the problem
  }
  return 0.5;
}

BinaryPage::BinaryPage(QWidget* parent) : QWidget(parent), frame_(std::make_shared<const MetricsFrame>()) {
  histogram_ = makePlot(QString(), QString(), this);
  histogram_->setObjectName("histogram");
  roc_ = makePlot(QString(), QString(), this);
  roc_->setObjectName("roc");
  pr_ = makePlot(QString(), QString(), this);
  pr_->setObjectName("pr");
  projection_ = makePlot(QString(), QString(), this);
  projection_->setObjectName("projection");
  for (QCustomPlot* plot : {histogram_, roc_, pr_, projection_}) {
    addPlotTitle(plot);
  }
  // Three views of the same scores at one threshold, side by side under the projection.
  for (QCustomPlot* plot : {histogram_, roc_, pr_}) plot->setProperty("gsSmallMultiple", true);
  for (QCustomPlot* plot : {roc_, pr_}) {
    // 0, 0.5, 1: readable in a narrow plot and in presentation mode.
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(0.5);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setTicker(ticker);
  }
  {
    // 0, 0.5, 1 on the score axis (a CSV of logits gets automatic ticks in scoresChanged()).
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(0.5);
    histogram_->xAxis->setTicker(ticker);
  }
  // The legend gets its own row under the title: inside the axis rectangle it hid the bars and
  // the threshold line in a narrow plot.
  histogram_->axisRect()->insetLayout()->take(histogram_->legend);
  histogram_->plotLayout()->insertRow(1);
  histogram_->plotLayout()->addElement(1, 0, histogram_->legend);
  histogram_->plotLayout()->setRowStretchFactor(1, 0.001);
  histogram_->legend->setFillOrder(QCPLegend::foColumnsFirst);
  histogram_->legend->setBorderPen(Qt::NoPen);
  histogram_->legend->setMargins(QMargins(2, 0, 2, 0));
  // The projection's classes named under it, in a row of their own: the 1:1 view leaves no
  // corner free of points.
  placeLegendBelow(projection_, /*columns=*/true);
  // The input-space view keeps a 1:1 aspect (DESIGN.md, Classroom).
  // The ranges of the data (set by drawProjection) are widened along the axis with room to spare,
  // never narrowed: one axis scaled to the other's ratio cuts off points when the plot is wide.
  connect(projection_, &QCustomPlot::beforeReplot, this, [this] {
    QCPAxis *x = projection_->xAxis, *y = projection_->yAxis;
    const double px = x->axisRect()->width(), py = y->axisRect()->height();
    if (px <= 0 || py <= 0 || projection_data_x_.size() <= 0 || projection_data_y_.size() <= 0) return;
    const double unit = std::max(projection_data_x_.size() / px, projection_data_y_.size() / py);
    x->setRange(projection_data_x_.center(), unit * px, Qt::AlignCenter);
    y->setRange(projection_data_y_.center(), unit * py, Qt::AlignCenter);
  });

  slider_ = new QSlider(Qt::Horizontal);
  slider_->setObjectName("threshold");
  slider_->setProperty("gsPrimary", true);
  slider_->setRange(0, kSliderSteps);
  slider_->setSingleStep(5);
  slider_->setPageStep(50);
  slider_->setValue(kSliderSteps / 2);
  threshold_label_ = new QLabel;
  threshold_label_->setObjectName("thresholdLabel");
  confusion_ = new BinaryConfusionView;
  metrics_ = new QTableWidget(5, 1);
  metrics_->setObjectName("metrics");
  metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  metrics_->setSelectionMode(QAbstractItemView::NoSelection);
  metrics_->setFocusPolicy(Qt::NoFocus);
  metrics_->horizontalHeader()->hide();
  metrics_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  metrics_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  for (int r = 0; r < 5; ++r) {
    auto* item = new QTableWidgetItem;
    item->setTextAlignment(Qt::AlignCenter);
    metrics_->setItem(r, 0, item);
  }

  // The threshold drives every view, so its slider runs across the page (long enough to aim at,
  // even at 1024 px in presentation mode), right above the histogram whose x axis it moves along.
  // The histogram shares the bottom row with the square ROC and PR planes.
  curve_choice_ = new QWidget;
  curve_choice_->setObjectName("curveChoice");
  auto* choice = new QHBoxLayout(curve_choice_);
  choice->setContentsMargins(0, 0, 0, 0);
  show_roc_ = new QPushButton("ROC");  // the curves' names, as in every textbook: not translated
  show_roc_->setObjectName("showRoc");
  show_pr_ = new QPushButton("PR");
  show_pr_->setObjectName("showPr");
  auto* curves = new QButtonGroup(this);
  for (QPushButton* b : {show_roc_, show_pr_}) {
    b->setCheckable(true);
    curves->addButton(b);
    choice->addWidget(b);
  }
  show_roc_->setChecked(true);
  connect(curves, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool on) {
    if (on) fitPlots();
  });
  auto* sliderRow = new QHBoxLayout;
  sliderRow->addWidget(threshold_label_);
  sliderRow->addWidget(slider_, 1);
  sliderRow->addWidget(curve_choice_);
  // The projection beside the confusion matrix and the metrics table: the table under the
  // matrix where three across would leave the projection too narrow to read (1024 px), beside it
  // where they fit (arrangeTop), so that the top row is as tall as the matrix alone and the
  // histogram, ROC and PR under it get the height (a projector's 1280×720).
  matrix_and_table_ = new QBoxLayout(QBoxLayout::TopToBottom);
  matrix_and_table_->addWidget(confusion_, 1);
  matrix_and_table_->addWidget(metrics_, 0, Qt::AlignHCenter);  // its rows' height (fitMetricsWidth sizes it), no more
  auto* top = new QHBoxLayout;
  top->addWidget(projection_, 1);
  top->addLayout(matrix_and_table_, 1);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(histogram_, 4);
  fitPlots();  // the least sizes, before the boxes take theirs from the plots
  roc_box_ = new EqualAspectFrame(roc_);  // a rate against a rate: one unit as long on both axes
  pr_box_ = new EqualAspectFrame(pr_);
  bottom->addWidget(roc_box_, 3);
  bottom->addWidget(pr_box_, 3);
  page_layout_ = new QVBoxLayout(this);
  page_layout_->setContentsMargins(4, 4, 4, 4);
  page_layout_->addLayout(top, 2);
  page_layout_->addLayout(sliderRow);
  page_layout_->addLayout(bottom, 3);
  arrangeTop();

  buildControls();
  connect(slider_, &QSlider::valueChanged, this, [this] {
    thresholdMoved();
    emit thresholdChanged(threshold());
    emit codeChanged();
  });
  connect(confusion_, &BinaryConfusionView::selectedChanged, this, [this] { thresholdMoved(); });
  connect(&session_, &Session::stoppedByItself, this, [this](const QString& reason) {
    emit message(reason);
    emit stoppedPlaying();
  });
  display_.setInterval(20);
  connect(&display_, &QTimer::timeout, this, &BinaryPage::pull);
  display_.start();
  retranslate();
  applyAppearance();
  startTask(true);
}

BinaryPage::~BinaryPage() { session_.stop(); }

void BinaryPage::fitPlots() {
  const QSize least = leastPlotSize();
  for (QCustomPlot* plot : {histogram_, roc_, pr_}) plot->setMinimumSize(least);
  projection_->setMinimumWidth(least.width());  // its height: arrangeTop()
  for (QWidget* box : {roc_box_, pr_box_})
    if (box) box->setMinimumSize(least);
  if (!roc_box_) return;
  one_curve_ = tooNarrowForBothCurves(width());
  curve_choice_->setVisible(one_curve_);
  roc_box_->setVisible(!one_curve_ || show_roc_->isChecked());
  pr_box_->setVisible(!one_curve_ || show_pr_->isChecked());
  arrangeTop();
}

void BinaryPage::arrangeTop() {
  if (!matrix_and_table_ || !page_layout_) return;
  const int spacing = std::max(0, matrix_and_table_->spacing());
  const int row = projection_->minimumWidth() + confusion_->minimumSizeHint().width() + metrics_->minimumWidth() + 4 * spacing + 16;
  const bool beside = width() >= row;
  // Beside the matrix, the projection's row is no longer held up by the table: it keeps a
  // readable data area under its title and legend of its own accord.
  const int least = leastPlotSize().height();
  projection_->setMinimumHeight(beside ? std::max(least, readablePlotHeight(projection_)) : least);
  if (beside == (matrix_and_table_->direction() == QBoxLayout::LeftToRight)) return;
  matrix_and_table_->setDirection(beside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
  matrix_and_table_->setAlignment(metrics_, beside ? Qt::AlignVCenter : Qt::AlignHCenter);
  // Under the matrix, the table makes the top row tall and the curves get the larger share of what
  // is left; beside it, an even share: the ROC and PR squares are as wide as they are high.
  page_layout_->setStretch(0, beside ? 1 : 2);
  page_layout_->setStretch(2, beside ? 1 : 3);
}

bool BinaryPage::metricsBesideMatrix() const {
  return matrix_and_table_ && matrix_and_table_->direction() == QBoxLayout::LeftToRight;
}

void BinaryPage::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (tooNarrowForBothCurves(event->size().width()) != one_curve_) fitPlots();
  else arrangeTop();
}

void BinaryPage::buildControls() {
  controls_ = new QWidget;
  auto* panel = new QVBoxLayout(controls_);
  panel->setContentsMargins(0, 0, 0, 0);
  data_group_ = new ControlGroup(panel);
  source_box_ = new QComboBox;
  source_box_->setObjectName("source");
  source_box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  source_box_->setMinimumContentsLength(14);
  for (int i = 0; i < 4; ++i) source_box_->addItem(QString());
  // The menu gets the panel's whole width under its label (its items name the data; the status
  // line below names the model).
  source_label_ = new QLabel;
  data_group_->addWideRow(source_label_);
  data_group_->addWideRow(source_box_);
  csv_button_ = new QPushButton;
  csv_button_->setObjectName("loadCsv");
  data_group_->addWideRow(csv_button_);
  status_ = new QLabel;
  status_->setObjectName("status");
  status_->setWordWrap(true);
  data_group_->addWideRow(status_);
  preset_group_ = new ControlGroup(panel);
  for (int i = 0; i < 3; ++i) {
    preset_buttons_[i] = new QPushButton;
    preset_buttons_[i]->setObjectName(QString("preset%1").arg(i));
    preset_group_->addWideRow(preset_buttons_[i]);
    connect(preset_buttons_[i], &QPushButton::clicked, this, [this, i] { applyPreset(static_cast<Preset>(i)); });
  }
  note_ = new QLabel;
  note_->setObjectName("presetNote");
  note_->setWordWrap(true);
  preset_group_->addWideRow(note_);
  panel->addStretch();
  connect(source_box_, &QComboBox::activated, this, [this](int index) {
    if (static_cast<Source>(index) == Source::Csv) {
      csv_button_->click();
      source_box_->setCurrentIndex(static_cast<int>(source_));
    } else {
      setSource(static_cast<Source>(index));
    }
  });
  connect(csv_button_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Scores file (label,score)"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    const QString problem = loadCsv(path);
    if (!problem.isEmpty()) emit message(problem);
  });
}

QString BinaryPage::title() const { return tr("Threshold"); }

void BinaryPage::setSource(Source source) {
  if (source == Source::Csv) return;
  source_ = source;
  csv_path_.clear();
  note_preset_ = -1;
  source_box_->setCurrentIndex(static_cast<int>(source));
  startTask(true);
  retranslate();
  emit codeChanged();
}

void BinaryPage::startTask(bool pretrain) {
  session_.stop();
  confusion_->setSelected(BinaryConfusionView::None);
  task_ = metrics_lab::makeBinaryTask(source_);
  scores_.clear();  // (until the new model's first frame)
  labels_ = task_.labels;
  const gs::Tensor pc = metrics_lab::principalComponents(task_.features);
  projected_x_ = pc.select(1, 0).contiguous().to_vector<double>();
  projected_y_ = pc.select(1, 1).contiguous().to_vector<double>();
  awaited_step_ = 0;
  seen_version_ = 0;
  if (task_.trainer) {
    steps_per_epoch_ = task_.trainer->steps_per_epoch();
    session_.start(std::move(task_.trainer), [](gs::train::Trainer& t) {
      MetricsFrame f;
      f.test = t.evaluate(t.test_set());
      const gs::train::Snapshot s = t.snapshot();
      f.step = s.step;
      f.epoch = t.passes();
      return f;
    }, kFrameIntervalMs);
    if (pretrain) {
      awaited_step_ = metrics_lab::kPretrainEpochs * steps_per_epoch_;
      session_.step(static_cast<int>(awaited_step_));
    }
    pull();
  } else {
    frame_ = std::make_shared<const MetricsFrame>();
    scores_ = task_.fixed_scores;
    scoresChanged();
  }
  drawProjection();
  updateStatus();
}

void BinaryPage::pull() {
  if (!session_.running() || session_.frameVersion() == seen_version_) return;
  seen_version_ = session_.frameVersion();
  frame_ = session_.latestFrame();
  if (!frame_ || frame_->test.scores.size() != labels_.size()) return;
  scores_ = frame_->test.scores;
  if (task_.flip)
    for (double& s : scores_) s = 1 - s;  // P(malignant) = 1 − P(benign)
  scoresChanged();
  updateStatus();
}

bool BinaryPage::busy() const { return session_.running() && frame_->step < awaited_step_; }

QString BinaryPage::loadCsv(const QString& path) {
  std::vector<int> labels;
  std::vector<double> scores;
  const QString problem = metrics_lab::readScoresCsv(path, labels, scores);
  if (!problem.isEmpty()) return problem;
  session_.stop();
  confusion_->setSelected(BinaryConfusionView::None);
  source_ = Source::Csv;
  csv_path_ = path;
  note_preset_ = -1;
  source_box_->setCurrentIndex(static_cast<int>(Source::Csv));
  task_ = {};
  frame_ = std::make_shared<const MetricsFrame>();
  awaited_step_ = 0;
  labels_ = std::move(labels);
  scores_ = std::move(scores);
  projected_x_.clear();
  projected_y_.clear();
  scoresChanged();
  drawProjection();
  retranslate();
  emit codeChanged();
  return {};
}

double BinaryPage::threshold() const { return lo_ + (hi_ - lo_) * slider_->value() / kSliderSteps; }

void BinaryPage::setThreshold(double t) {
  slider_->setValue(static_cast<int>(std::lround((t - lo_) / (hi_ - lo_) * kSliderSteps)));
}

void BinaryPage::applyPreset(Preset preset) {
  const Source wanted = preset == Preset::CancerScreening ? Source::BreastCancer
                        : preset == Preset::SpamFiltering ? Source::Spam
                                                          : Source::AlwaysHealthy;
  if (source_ != wanted) setSource(wanted);
  note_preset_ = static_cast<int>(preset);
  setThreshold(presetThreshold(preset));
  thresholdMoved();
  retranslate();
}

void BinaryPage::setPlaying(bool playing) {
  if (!session_.running()) {
    if (playing) emit stoppedPlaying();  // fixed scores: nothing to train
    return;
  }
  session_.setPlaying(playing);
}

void BinaryPage::step() {
  if (!session_.running()) return;
  awaited_step_ = std::max(awaited_step_, frame_->step) + steps_per_epoch_;
  session_.step(static_cast<int>(steps_per_epoch_));
}

void BinaryPage::reset() {
  // An untrained model: Play or Step and watch the two histograms pull apart.
  if (source_ == Source::Csv) return;
  startTask(false);
}

void BinaryPage::scoresChanged() {
  if (labels_.empty() || scores_.size() != labels_.size()) return;
  const double keep = threshold();
  const auto [lo, hi] = std::minmax_element(scores_.begin(), scores_.end());
  // Probabilities keep the slider on [0, 1]; other scores (a CSV of logits) span their range.
  const bool probabilities = *lo >= 0 && *hi <= 1;
  const double new_lo = probabilities ? 0.0 : *lo, new_hi = probabilities ? 1.0 : (*hi > *lo ? *hi : *lo + 1);
  if (auto ticker = histogram_->xAxis->ticker().dynamicCast<QCPAxisTickerFixed>())
    ticker->setScaleStrategy(probabilities ? QCPAxisTickerFixed::ssNone : QCPAxisTickerFixed::ssMultiples);
  if (new_lo != lo_ || new_hi != hi_) {
    lo_ = new_lo;
    hi_ = new_hi;
    const QSignalBlocker block(slider_);
    setThreshold(std::clamp(keep, lo_, hi_));
  }
  drawHistogram();
  drawCurves();
  thresholdMoved();
}

void BinaryPage::updateStatus() {
  if (source_ == Source::Csv) {
    status_->setText(tr("%1 samples from %2").arg(labels_.size()).arg(QFileInfo(csv_path_).fileName()));
  } else if (source_ == Source::AlwaysHealthy) {
    status_->setText(tr("%1 test samples; the model answers \"healthy\" for everyone").arg(labels_.size()));
  } else {
    status_->setText(tr("%1 test samples; logistic regression after %2 epochs").arg(labels_.size()).arg(frame_ ? frame_->epoch : 0));
  }
}

}  // namespace gsui
