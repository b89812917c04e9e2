#include "labs/generalization/cures_page.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
constexpr int kBins = 41;
constexpr double kHistogramRange = 0.4;  ///< weights in [−0.4, 0.4] (outside: the end bins)
}  // namespace

CuresPage::CuresPage(QWidget* parent) : GenPage(parent) {
  buildControls();
  buildView();
  connect(&job_, &BackgroundJob::finished, this, [this](const QString& error) {
    if (!error.isEmpty()) problem_ = error;
    if (playing_) {
      playing_ = false;
      emit stoppedPlaying();
    }
    redraw();
    updateTexts();
  });
  retranslate();
  applyAppearance();
}

CuresPage::~CuresPage() { job_.cancel(); }

void CuresPage::buildControls() {
  cures_group_ = new ControlGroup(controlsLayout());
  auto spin = [](const char* name, int decimals, double low, double high, double step, double value) {
    auto* s = new QDoubleSpinBox;
    s->setObjectName(name);
    s->setDecimals(decimals);
    s->setRange(low, high);
    s->setSingleStep(step);
    s->setValue(value);
    return s;
  };
  auto check = [](const char* name) {
    auto* c = new QCheckBox;
    c->setObjectName(name);
    return c;
  };
  l2_on_ = check("l2On");
  l2_ = spin("l2", 4, 0.0001, 0.1, 0.001, 0.005);
  cures_group_->addWideRow({l2_on_, l2_});
  l1_on_ = check("l1On");
  l1_ = spin("l1", 4, 0.0001, 0.1, 0.001, 0.003);
  cures_group_->addWideRow({l1_on_, l1_});
  dropout_on_ = check("dropoutOn");
  dropout_ = spin("dropout", 2, 0.05, 0.9, 0.05, 0.5);
  cures_group_->addWideRow({dropout_on_, dropout_});
  early_on_ = check("earlyOn");
  patience_ = new QSpinBox;
  patience_->setObjectName("patience");
  patience_->setRange(1, 50);
  patience_->setValue(8);
  cures_group_->addWideRow({early_on_, patience_});
  augment_on_ = check("augmentOn");
  cures_group_->addWideRow(augment_on_);
  batch_norm_on_ = check("batchNormOn");
  cures_group_->addWideRow(batch_norm_on_);
  status_ = new QLabel;
  status_->setObjectName("status");
  status_->setWordWrap(true);
  cures_group_->addWideRow(status_);
  controlsLayout()->addStretch();
  for (QCheckBox* c : {l2_on_, dropout_on_}) c->setProperty("gsPrimary", true);  // the cures a lesson turns on first
  for (QCheckBox* c : {l2_on_, l1_on_, dropout_on_, early_on_, augment_on_, batch_norm_on_})
    connect(c, &QCheckBox::toggled, this, [this] {
      updateTexts();
      emit codeChanged();
    });
  for (QDoubleSpinBox* s : {l2_, l1_, dropout_}) connect(s, &QDoubleSpinBox::valueChanged, this, &CuresPage::codeChanged);
  connect(patience_, &QSpinBox::valueChanged, this, &CuresPage::codeChanged);
}

void CuresPage::buildView() {
  curves_plot_ = makePlot(QString(), QString(), this);
  curves_plot_->setObjectName("curvesPlot");
  addPlotTitle(curves_plot_);
  curves_plot_->legend->setVisible(true);
  curves_plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  weights_plot_ = makePlot(QString(), QString(), this);
  weights_plot_->setObjectName("weightsPlot");
  addPlotTitle(weights_plot_);
  weights_plot_->legend->setVisible(true);
  weights_plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  weights_plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  note_ = new QLabel;
  note_->setObjectName("note");
  note_->setWordWrap(true);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(curves_plot_, 0, 0);
  grid->addWidget(weights_plot_, 0, 1);
  grid->addWidget(note_, 1, 0, 1, 2);
  grid->setRowStretch(0, 1);
  // Equal halves: at 3:2 the weights plot fell under a plot's least width at 1024 px in presentation mode.
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
}

Cures CuresPage::cures() const {
  Cures c;
  if (l2_on_->isChecked()) c.l2 = l2_->value();
  if (l1_on_->isChecked()) c.l1 = l1_->value();
  if (dropout_on_->isChecked()) c.dropout = dropout_->value();
  if (early_on_->isChecked()) c.patience = patience_->value();
  c.augment = augment_on_->isChecked();
  c.batch_norm = batch_norm_on_->isChecked();
  return c;
}

void CuresPage::setCures(const Cures& c) {
  l2_on_->setChecked(c.l2 > 0);
  if (c.l2 > 0) l2_->setValue(c.l2);
  l1_on_->setChecked(c.l1 > 0);
  if (c.l1 > 0) l1_->setValue(c.l1);
  dropout_on_->setChecked(c.dropout > 0);
  if (c.dropout > 0) dropout_->setValue(c.dropout);
  early_on_->setChecked(c.patience > 0);
  if (c.patience > 0) patience_->setValue(static_cast<int>(c.patience));
  augment_on_->setChecked(c.augment);
  batch_norm_on_->setChecked(c.batch_norm);
}

void CuresPage::train() {
  if (job_.running()) return;
  problem_.clear();
  finished_ = false;
  trained_ = cures();
  const std::uint64_t generation = ++generation_;
  results_[1] = {};
  if (!base_done_) results_[0] = {};
  const bool need_base = !base_done_;
  // No cure ticked: a "cured" run would repeat the base run epoch for epoch, so only the base trains.
  const bool need_cured = trained_.any();
  if (!need_base && !need_cured) {
    redraw();
    updateTexts();
    return;
  }
  job_.start([this, generation, need_base, need_cured, cures = trained_](BackgroundJob& job) {
    try {
      for (int which : {0, 1}) {
        if ((which == 0 && !need_base) || (which == 1 && !need_cured)) continue;
        CureResult result;
        const bool done = trainCure(curesScenario(which == 0 ? Cures{} : cures), result, [&job] { return job.cancelled(); },
                                    [this, &job, generation, which](std::int64_t, double train, double val) {
                                      job.post([this, generation, which, train, val] {
                                        if (generation != generation_) return;
                                        results_[which].train_loss.push_back(train);
                                        results_[which].val_loss.push_back(val);
                                        redraw();
                                        updateTexts();
                                      });
                                    });
        if (!done) return;
        job.post([this, generation, which, result] {
          if (generation != generation_) return;
          results_[which] = result;
          if (which == 0) base_done_ = true;
          else finished_ = true;
          redraw();
          updateTexts();
        });
      }
    } catch (const gs::Error& e) {
      if (e.code().empty()) throw;  // (finished() shows it as core says it)
      // A run that diverged: core's code and values, said in the learner's language in the UI thread.
      job.post([this, generation, error = e] {
        if (generation == generation_) problem_ = engineExplanation(error);
      });
    }
  });
  redraw();
  updateTexts();
}

void CuresPage::step() { train(); }

void CuresPage::reset() {
  job_.cancel();
  ++generation_;
  results_ = {};
  base_done_ = finished_ = false;
  redraw();
  updateTexts();
}

void CuresPage::setPlaying(bool playing) {
  playing_ = playing;
  if (playing) train();
  if (playing && !job_.running()) {
    playing_ = false;
    emit stoppedPlaying();
  }
}

void CuresPage::redraw() {
  curves_plot_->clearGraphs();
  curves_plot_->clearItems();
  const QString names[2] = {tr("base"), tr("with cures")};
  double high = 0.1;
  std::size_t longest = 0;
  for (int which : {0, 1}) {
    const CureResult& r = results_[static_cast<std::size_t>(which)];
    QVector<double> xs;
    for (std::size_t e = 1; e <= r.val_loss.size(); ++e) xs << static_cast<double>(e);
    longest = std::max(longest, r.val_loss.size());
    const Qt::PenStyle style = which == 0 ? Qt::DashLine : Qt::SolidLine;
    QCPGraph* train = curves_plot_->addGraph();
    train->setName(tr("%1: training").arg(names[which]));
    train->setPen(seriesPen(0, style, which == 0 ? 0.8 : 1.2));
    train->setData(xs, QVector<double>(r.train_loss.begin(), r.train_loss.end()), true);
    QCPGraph* val = curves_plot_->addGraph();
    val->setName(tr("%1: validation").arg(names[which]));
    val->setPen(seriesPen(1, style, which == 0 ? 0.8 : 1.2));
    val->setData(xs, QVector<double>(r.val_loss.begin(), r.val_loss.end()), true);
    if (which == 1 && r.val_loss.empty()) {  // (no legend entries for a run not trained)
      train->removeFromLegend();
      val->removeFromLegend();
    }
    for (double v : r.val_loss) high = std::max(high, std::min(v, 5.0));
  }
  const CureResult& c = results_[1];
  if (trained_.patience > 0 && c.best_epoch > 0 && finished_) {
    auto* line = new QCPItemStraightLine(curves_plot_);
    line->point1->setCoords(static_cast<double>(c.best_epoch), 0);
    line->point2->setCoords(static_cast<double>(c.best_epoch), 1);
    line->setPen(seriesPen(2, Qt::DotLine, 1.2));
    auto* label = new QCPItemText(curves_plot_);
    label->position->setType(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(static_cast<double>(c.best_epoch), high * 0.6);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    label->setColor(Appearance::instance().plotForeground());
    label->setFont(curves_plot_->xAxis->tickLabelFont());
    label->setText(c.stopped_early ? tr(" best epoch %1: weights restored").arg(c.best_epoch) : tr(" best epoch %1").arg(c.best_epoch));
  }
  curves_plot_->xAxis->setRange(0, std::max<double>(curesScenario({}).epochs, static_cast<double>(longest)));
  curves_plot_->yAxis->setRange(0, high * 1.1);
  // Before a run: what will appear.
  setPlotHint(curves_plot_, longest == 0 ? tr("Press Play: the training and validation losses of the base run and of the cured "
                                              "run appear here, epoch by epoch.")
                                         : QString());
  curves_plot_->replot(QCustomPlot::rpQueuedReplot);

  weights_plot_->clearPlottables();
  for (int which : {0, 1}) {
    const CureResult& r = results_[static_cast<std::size_t>(which)];
    if (r.weights.empty()) continue;
    const Histogram h = histogram(r.weights, -kHistogramRange, kHistogramRange, kBins);
    auto* bars = new QCPBars(weights_plot_->xAxis, weights_plot_->yAxis);
    bars->setName(names[which]);
    QColor fill = Appearance::instance().seriesColor(which == 0 ? 7 : 2);
    fill.setAlpha(which == 0 ? 110 : 170);
    bars->setBrush(fill);
    bars->setPen(Qt::NoPen);
    bars->setWidth(h.width * (which == 0 ? 0.9 : 0.5));
    bars->setBaseValue(0.8);  // (a log axis: empty bins stay empty)
    QVector<double> keys, values;
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
      keys << h.low + (static_cast<double>(i) + 0.5) * h.width;
      values << std::max(0.8, h.counts[i]);
    }
    bars->setData(keys, values, true);
  }
  weights_plot_->legend->setVisible(weights_plot_->plottableCount() > 0);  // (no empty legend box before a run)
  weights_plot_->xAxis->setRange(-kHistogramRange, kHistogramRange);
  weights_plot_->yAxis->setRange(0.8, 20000);
  setPlotHint(weights_plot_, weights_plot_->plottableCount() == 0 ? tr("The weights of both runs, after training.") : QString());
  weights_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CuresPage::updateTexts() {
  const bool any = cures().any();
  QString status;
  if (!problem_.isEmpty())
    status = problem_;
  else if (job_.running())
    status = tr("training: base epoch %1, with cures epoch %2").arg(results_[0].val_loss.size()).arg(results_[1].val_loss.size());
  else if (!any && base_done_)
    status = tr("No cure is ticked, so there is nothing to compare: tick one or more cures, then press Play to train the "
                "cured run on the same seed.");
  else if (!any)
    status = tr("No cure is ticked: Play trains the base run only. Tick one or more cures to train a cured run on the same "
                "seed beside it.");
  else
    status = tr("Press Play (or Step) to train the base and the cured run.");
  status_->setText(status);
  QStringList lines;
  auto summary = [&](const CureResult& r, const QString& name) {
    if (r.weights.empty()) return;
    lines << tr("%1: validation loss %2 at the end (lowest %3), test accuracy %4%, |w| < 0.001: %5 of %6 weights")
                 .arg(name, number(r.final_val_loss, 3), number(*std::min_element(r.val_loss.begin(), r.val_loss.end()), 3),
                      number(100 * r.test_accuracy, 1))
                 .arg(nearZeroCount(r.weights)).arg(r.weights.size());
  };
  summary(results_[0], tr("base"));
  summary(results_[1], tr("with cures"));
  const CureResult& c = results_[1];
  if (finished_ && trained_.patience > 0 && c.best_epoch > 0) {
    if (c.stopped_early)
      lines << tr("Early stopping: no better validation loss for %1 epochs after epoch %2, so training stopped at epoch %3 and "
                  "the weights of epoch %2 were restored: validation loss now %4 = epoch %2's %5.")
                   .arg(trained_.patience).arg(c.best_epoch).arg(c.val_loss.size())
                   .arg(number(c.final_val_loss, 4), number(c.val_loss[static_cast<std::size_t>(c.best_epoch - 1)], 4));
    else
      lines << tr("Early stopping never ran out of patience: the best epoch was %1.").arg(c.best_epoch);
  }
  if (lines.isEmpty())
    lines << tr("The base run overfits: its training loss falls towards 0 while its validation loss turns up.");
  note_->setText(lines.join("\n"));
}

QString CuresPage::title() const { return tr("Cures"); }

QList<QPair<QString, QWidget*>> CuresPage::exportablePlots() const {
  return {{tr("Loss curves with and without the cures"), curves_plot_}, {tr("Hidden-layer weights"), weights_plot_}};
}

void CuresPage::retranslate() {
  cures_group_->setTitle(tr("Cures (same seed as the base run)"));
  l2_on_->setText(tr("L2 (weight decay) λ"));
  l1_on_->setText(tr("L1 λ"));
  dropout_on_->setText(tr("Dropout p"));
  early_on_->setText(tr("Early stopping, patience"));
  augment_on_->setText(tr("Data augmentation"));  // (a long label would widen the panel past a 1024-wide window)
  augment_on_->setToolTip(tr("Each epoch, every training image is randomly shifted, rotated and changed in contrast."));
  batch_norm_on_->setText(tr("Batch normalization"));
  setPlotTitle(curves_plot_, tr("Loss per epoch (dashed: base, solid: with cures)"));
  curves_plot_->xAxis->setLabel(tr("epoch"));
  curves_plot_->yAxis->setLabel(tr("cross-entropy"));
  setPlotTitle(weights_plot_, tr("Hidden-layer weights (count, log scale)"));
  weights_plot_->xAxis->setLabel(tr("weight value"));
  redraw();
  updateTexts();
}

void CuresPage::applyAppearance() {
  for (QCustomPlot* p : {curves_plot_, weights_plot_}) stylePlot(p);
  redraw();
}

nlohmann::json CuresPage::sessionState() const {
  const Cures c = cures();
  return {{"l2", c.l2}, {"l1", c.l1}, {"dropout", c.dropout}, {"patience", c.patience}, {"augment", c.augment}, {"batch_norm", c.batch_norm}};
}

QString CuresPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  Cures c;
  try {
    c.l2 = state.value("l2", 0.0);
    c.l1 = state.value("l1", 0.0);
    c.dropout = state.value("dropout", 0.0);
    c.patience = state.value("patience", std::int64_t{0});
    c.augment = state.value("augment", false);
    c.batch_norm = state.value("batch_norm", false);
  } catch (const nlohmann::json::exception&) {
    return tr("l2, l1, dropout, patience: expected numbers; augment, batch_norm: expected true or false");
  }
  if (c.l2 < 0 || c.l2 > 0.1 || c.l1 < 0 || c.l1 > 0.1) return tr("l1, l2: expected 0 to 0.1");
  if (c.dropout < 0 || c.dropout > 0.9) return tr("dropout: expected 0 to 0.9, got %1").arg(c.dropout);
  if (c.patience < 0 || c.patience > 50) return tr("patience: expected 0 to 50, got %1").arg(c.patience);
  setCures(c);
  return {};
}

}  // namespace gsui
