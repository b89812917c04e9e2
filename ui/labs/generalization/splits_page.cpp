#include "labs/generalization/splits_page.h"

#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "labs/generalization/sample_strip.h"
#include "plots/plot_style.h"

namespace gsui {

SplitsPage::SplitsPage(QWidget* parent) : GenPage(parent), scenario_(splitsScenario()) {
  buildControls();
  buildView();
  connect(&job_, &BackgroundJob::finished, this, [this](const QString& error) {
    running_fold_ = -1;
    if (!error.isEmpty()) {
      problem_ = error;
      queued_steps_ = 0;
      playing_ = false;
      emit stoppedPlaying();
    } else if ((playing_ || queued_steps_ > 0) && results_.size() < plan_.folds.size()) {
      queued_steps_ = std::max(0, queued_steps_ - 1);
      startFold();
    } else if (playing_) {
      playing_ = false;
      emit stoppedPlaying();
    }
    redraw();
    updateTexts();
  });
  const std::vector<std::int64_t> labels = gs::spec::load_samples(scenario_.dataset).y.to_vector<std::int64_t>();
  strip_->setClasses(labels);
  replan();
  updateHoldout();
  setBootstrapSeed(0);
  retranslate();
  applyAppearance();
}

SplitsPage::~SplitsPage() { job_.cancel(); }

void SplitsPage::buildControls() {
  holdout_group_ = new ControlGroup(controlsLayout());
  test_ratio_ = new QSlider(Qt::Horizontal);
  test_ratio_->setObjectName("testRatio");
  test_ratio_->setProperty("gsPrimary", true);
  test_ratio_->setRange(1, 5);  // ×0.1
  test_ratio_->setValue(static_cast<int>(std::lround(scenario_.dataset.test_ratio * 10)));
  test_value_ = new QLabel;
  test_label_ = holdout_group_->addRow({test_ratio_, test_value_});
  validation_ = new QSlider(Qt::Horizontal);
  validation_->setObjectName("validation");
  validation_->setRange(0, 5);  // ×0.1 of the rest
  validation_->setValue(2);
  validation_value_ = new QLabel;
  validation_label_ = holdout_group_->addRow({validation_, validation_value_});
  holdout_note_ = new QLabel;
  holdout_note_->setWordWrap(true);
  holdout_group_->addWideRow(holdout_note_);

  kfold_group_ = new ControlGroup(controlsLayout());
  folds_ = new QSpinBox;
  folds_->setObjectName("folds");
  folds_->setRange(2, 10);
  folds_->setValue(5);
  folds_label_ = kfold_group_->addRow(folds_);
  kfold_status_ = new QLabel;
  kfold_status_->setObjectName("kfoldStatus");
  kfold_status_->setWordWrap(true);
  kfold_group_->addWideRow(kfold_status_);

  bootstrap_group_ = new ControlGroup(controlsLayout());
  bootstrap_seed_ = new QSpinBox;
  bootstrap_seed_->setObjectName("bootstrapSeed");
  bootstrap_seed_->setRange(0, 9999);
  seed_label_ = bootstrap_group_->addRow(bootstrap_seed_);
  bootstrap_note_ = new QLabel;
  bootstrap_note_->setWordWrap(true);
  bootstrap_group_->addWideRow(bootstrap_note_);
  controlsLayout()->addStretch();

  for (QSlider* s : {test_ratio_, validation_}) connect(s, &QSlider::valueChanged, this, &SplitsPage::updateHoldout);
  connect(folds_, &QSpinBox::valueChanged, this, &SplitsPage::replan);
  connect(bootstrap_seed_, &QSpinBox::valueChanged, this, &SplitsPage::setBootstrapSeed);
}

void SplitsPage::buildView() {
  strip_ = new SampleStrip;
  strip_->setObjectName("sampleStrip");
  scores_plot_ = makePlot(QString(), QString(), this);
  scores_plot_->setObjectName("foldScores");
  addPlotTitle(scores_plot_);
  summary_ = new QLabel;
  summary_->setObjectName("cvSummary");
  summary_->setWordWrap(true);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(strip_, 0, 0);
  grid->addWidget(scores_plot_, 1, 0);
  grid->addWidget(summary_, 2, 0);
  grid->setRowStretch(1, 1);
}

int SplitsPage::folds() const { return folds_->value(); }

void SplitsPage::setFolds(int folds) { folds_->setValue(folds); }

void SplitsPage::replan() {
  job_.cancel();
  ++generation_;
  running_fold_ = -1;
  queued_steps_ = 0;
  results_.clear();
  problem_.clear();
  try {
    plan_ = planFolds(scenario_, folds_->value());
  } catch (const gs::Error& e) {
    problem_ = engineExplanation(e);
    plan_.folds.clear();
  } catch (const std::exception& e) {
    problem_ = QString::fromStdString(e.what());
    plan_.folds.clear();
  }
  if (playing_) startFold();
  redraw();
  updateTexts();
  emit codeChanged();
}

void SplitsPage::updateHoldout() {
  scenario_.dataset.test_ratio = test_ratio_->value() / 10.0;
  try {
    holdout_ = holdoutRoles(scenario_, validation_->value() / 10.0);
  } catch (const gs::Error& e) {
    holdout_.clear();
    problem_ = engineExplanation(e);
  } catch (const std::exception& e) {
    holdout_.clear();
    problem_ = QString::fromStdString(e.what());
  }
  strip_->setHoldout(holdout_);
  updateTexts();
  emit codeChanged();
}

void SplitsPage::setBootstrapSeed(int seed) {
  if (bootstrap_seed_->value() != seed) {
    bootstrap_seed_->setValue(seed);  // (comes back here)
    return;
  }
  bootstrap_ = bootstrapCounts(static_cast<std::int64_t>(plan_.all.size()), static_cast<std::uint64_t>(seed));
  strip_->setBootstrap(bootstrap_);
  updateTexts();
}

void SplitsPage::startFold() {
  if (job_.running() || results_.size() >= plan_.folds.size()) return;
  const int k = static_cast<int>(results_.size());
  running_fold_ = k;
  running_epoch_ = 0;
  const std::uint64_t generation = generation_;
  // The job gets its own copies: the page may change its plan while the job runs.
  job_.start([this, k, generation, scenario = scenario_, plan = plan_](BackgroundJob& job) {
    const FoldResult r = trainFold(scenario, plan, k, [&job] { return job.cancelled(); }, [this, &job, generation](std::int64_t epoch) {
      job.post([this, generation, epoch] {
        if (generation != generation_) return;
        running_epoch_ = epoch;
        updateTexts();
      });
    });
    if (r.fold < 0) return;
    job.post([this, generation, r] {
      if (generation != generation_) return;
      results_.push_back(r);
      redraw();
      updateTexts();
    });
  });
  redraw();
  updateTexts();
}

void SplitsPage::step() {
  if (job_.running()) {
    if (static_cast<std::size_t>(queued_steps_) + results_.size() + 1 < plan_.folds.size()) ++queued_steps_;
    return;
  }
  if (results_.size() >= plan_.folds.size()) return;
  startFold();
}

void SplitsPage::reset() { replan(); }

void SplitsPage::setPlaying(bool playing) {
  playing_ = playing;
  if (!playing) return;
  if (results_.size() >= plan_.folds.size()) replan();  // all done: Play runs them again
  startFold();
}

void SplitsPage::setCurrent(bool current) {
  if (!current) playing_ = false;
}

MeanStd SplitsPage::accuracy() const {
  std::vector<double> v;
  for (const FoldResult& r : results_) v.push_back(r.test_accuracy);
  return meanStd(v);
}

MeanStd SplitsPage::loss() const {
  std::vector<double> v;
  for (const FoldResult& r : results_) v.push_back(r.test_loss);
  return meanStd(v);
}

void SplitsPage::redraw() {
  QStringList scores;
  for (const FoldResult& r : results_) scores << QString("%1%").arg(number(100 * r.test_accuracy, 1));
  strip_->setFolds(plan_.folds, running_fold_ >= 0 ? running_fold_ : static_cast<int>(results_.size()) < static_cast<int>(plan_.folds.size()) ? static_cast<int>(results_.size()) : -1, scores);

  QCustomPlot* plot = scores_plot_;
  plot->clearPlottables();
  plot->clearItems();
  const int k = static_cast<int>(plan_.folds.size());
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  for (int f = 0; f < k; ++f) ticker->addTick(f + 1, tr("fold %1").arg(f + 1));
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setRange(0.4, k + 0.6);
  plot->xAxis->grid()->setVisible(false);
  auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
  bars->setName(tr("test accuracy of each fold"));
  bars->setBrush(Appearance::instance().seriesColor(1));
  bars->setPen(Qt::NoPen);
  bars->setWidth(0.6);
  QVector<double> keys, values;
  double low = 100;
  for (const FoldResult& r : results_) {
    keys << r.fold + 1;
    values << 100 * r.test_accuracy;
    low = std::min(low, 100 * r.test_accuracy);
  }
  bars->setData(keys, values, true);
  const double bottom = std::max(0.0, std::floor((low - 15) / 10) * 10);
  plot->yAxis->setRange(bottom, 104);
  if (!results_.empty()) {
    const MeanStd m = accuracy();
    auto* band = new QCPItemRect(plot);
    band->topLeft->setCoords(0.4, 100 * (m.mean + m.std));
    band->bottomRight->setCoords(k + 0.6, 100 * (m.mean - m.std));
    QColor fill = Appearance::instance().seriesColor(0);
    fill.setAlpha(50);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    auto* mean = new QCPItemStraightLine(plot);
    mean->point1->setCoords(0, 100 * m.mean);
    mean->point2->setCoords(1, 100 * m.mean);
    mean->setPen(seriesPen(0, Qt::DashLine));
  }
  setPlotHint(plot, results_.empty() ? tr("Step trains one fold: its test accuracy appears here as a bar.") : QString());
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void SplitsPage::updateTexts() {
  test_value_->setText(QString("%1%").arg(test_ratio_->value() * 10));
  validation_value_->setText(QString("%1%").arg(validation_->value() * 10));
  const auto count = [&](SampleRole role) { return std::count(holdout_.begin(), holdout_.end(), role); };
  holdout_note_->setText(tr("train %1 · validation %2 · test %3 (each class in proportion)")
                             .arg(count(SampleRole::Train)).arg(count(SampleRole::Validation)).arg(count(SampleRole::Test)));
  const int k = static_cast<int>(plan_.folds.size());
  QString status;
  if (!problem_.isEmpty())
    status = problem_;
  else if (running_fold_ >= 0)
    status = tr("fold %1 of %2: training on the other %3 folds, epoch %4 of %5")
                 .arg(running_fold_ + 1).arg(k).arg(k - 1).arg(running_epoch_).arg(scenario_.epochs);
  else if (static_cast<int>(results_.size()) < k)
    status = tr("%1 of %2 folds done. Step trains the next fold, Play all of them.").arg(results_.size()).arg(k);
  else
    status = tr("All %1 folds done: every sample was tested exactly once.").arg(k);
  kfold_status_->setText(status);
  const std::int64_t out = std::count(bootstrap_.begin(), bootstrap_.end(), 0);
  const int most = bootstrap_.empty() ? 0 : *std::max_element(bootstrap_.begin(), bootstrap_.end());
  bootstrap_note_->setText(tr("%1 draws with replacement: %2 samples never drawn (out of bag, %3%; about 1/e = 36.8%), "
                              "one drawn %4 times")
                               .arg(bootstrap_.size()).arg(out).arg(number(100.0 * out / std::max<std::size_t>(1, bootstrap_.size()), 1)).arg(most));
  if (results_.empty()) {
    summary_->setText(tr("Each fold row of the strip is one run: its test part (hollow) holds 1/%1 of every class. "
                         "Train the folds to see each one's score and their mean ± std.").arg(k));
  } else {
    const MeanStd acc = accuracy(), l = loss();
    summary_->setText(tr("Accuracy %1% ± %2% · loss %3 ± %4 over %5 of %6 folds (mean ± population std, as gradscope-cli cv prints them)")
                          .arg(number(100 * acc.mean, 1), number(100 * acc.std, 1), number(l.mean, 4), number(l.std, 4))
                          .arg(results_.size()).arg(k));
  }
}

QString SplitsPage::title() const { return tr("Splits and k-fold"); }

QList<QPair<QString, QWidget*>> SplitsPage::exportablePlots() const {
  return {{tr("Samples and folds"), strip_}, {tr("Fold scores"), scores_plot_}};
}

void SplitsPage::retranslate() {
  holdout_group_->setTitle(tr("Hold-out split"));
  kfold_group_->setTitle(tr("k-fold cross-validation"));
  bootstrap_group_->setTitle(tr("Bootstrap"));
  test_label_->setText(tr("Test"));
  validation_label_->setText(tr("Validation"));
  folds_label_->setText(tr("Folds (k)"));
  seed_label_->setText(tr("Resample seed"));
  strip_->setTexts({tr("class"), tr("hold-out"), tr("fold %1"), tr("bootstrap"), tr("train"), tr("validation"), tr("test"),
                    tr("out of bag")});
  setPlotTitle(scores_plot_, tr("Test accuracy (%) of each fold; dashed: the mean, band: ± one std"));
  redraw();
  updateTexts();
}

void SplitsPage::applyAppearance() {
  stylePlot(scores_plot_);
  QFont f = font();
  f.setPointSizeF(Appearance::instance().fontPointSize());
  strip_->setFont(f);
  redraw();
}

nlohmann::json SplitsPage::sessionState() const {
  return {{"folds", folds_->value()}, {"test_ratio", test_ratio_->value() / 10.0}, {"validation", validation_->value() / 10.0},
          {"bootstrap_seed", bootstrap_seed_->value()}};
}

QString SplitsPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  int folds = folds_->value(), seed = bootstrap_seed_->value();
  double test = test_ratio_->value() / 10.0, validation = validation_->value() / 10.0;
  try {
    folds = state.value("folds", folds);
    seed = state.value("bootstrap_seed", seed);
    test = state.value("test_ratio", test);
    validation = state.value("validation", validation);
  } catch (const nlohmann::json::exception&) {
    return tr("folds, bootstrap_seed, test_ratio, validation: expected numbers");
  }
  if (folds < 2 || folds > 10) return tr("folds: expected 2 to 10, got %1").arg(folds);
  if (!(test >= 0.1 && test <= 0.5)) return tr("test_ratio: expected 0.1 to 0.5, got %1").arg(test);
  if (!(validation >= 0 && validation <= 0.5)) return tr("validation: expected 0 to 0.5, got %1").arg(validation);
  if (seed < 0 || seed > 9999) return tr("bootstrap_seed: expected 0 to 9999, got %1").arg(seed);
  test_ratio_->setValue(static_cast<int>(std::lround(test * 10)));
  validation_->setValue(static_cast<int>(std::lround(validation * 10)));
  bootstrap_seed_->setValue(seed);
  if (folds != folds_->value()) folds_->setValue(folds);
  return {};
}

}  // namespace gsui
