#include "labs/generalization/overfitting_page.h"

#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <algorithm>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "plots/plot_style.h"

namespace gsui {

OverfittingPage::OverfittingPage(QWidget* parent) : GenPage(parent) {
  buildControls();
  buildView();
  truth_ = trueCubic();
  display_.setInterval(33);
  connect(&display_, &QTimer::timeout, this, &OverfittingPage::refresh);
  connect(&session_, &TrainingSessionBase::stoppedByItself, this, [this](const QString& reason) {
    problem_ = reason;
    requested_ = sent_ = shown_.epoch;  // nothing more to wait for
    setPlaying(false);
    emit stoppedPlaying();
    updateTexts();
  });
  restart();
  retranslate();
  applyAppearance();
}

OverfittingPage::~OverfittingPage() { session_.stop(); }

void OverfittingPage::buildControls() {
  const OverfitSettings defaults;
  model_group_ = new ControlGroup(controlsLayout());
  degree_ = new QSlider(Qt::Horizontal);
  degree_->setObjectName("degree");
  degree_->setProperty("gsPrimary", true);
  degree_->setRange(1, kMaxDegree);
  degree_->setValue(defaults.degree);
  degree_value_ = new QLabel;
  degree_label_ = model_group_->addRow({degree_, degree_value_});
  max_epochs_ = new QSpinBox;
  max_epochs_->setObjectName("maxEpochs");
  max_epochs_->setRange(100, 20000);
  max_epochs_->setSingleStep(500);
  max_epochs_->setValue(static_cast<int>(defaults.epochs));
  epochs_label_ = model_group_->addRow(max_epochs_);

  data_group_ = new ControlGroup(controlsLayout());
  points_ = new QSpinBox;
  points_->setObjectName("points");
  points_->setRange(5, 60);
  points_->setValue(static_cast<int>(defaults.points));
  points_label_ = data_group_->addRow(points_);
  noise_ = new QSlider(Qt::Horizontal);
  noise_->setObjectName("noise");
  noise_->setRange(0, 10);  // ×0.05
  noise_->setValue(static_cast<int>(std::lround(defaults.noise / 0.05)));
  noise_value_ = new QLabel;
  noise_label_ = data_group_->addRow({noise_, noise_value_});
  seed_ = new QSpinBox;
  seed_->setObjectName("seed");
  seed_->setRange(0, 9999);
  seed_->setValue(static_cast<int>(defaults.seed));
  seed_label_ = data_group_->addRow(seed_);
  status_ = new QLabel;
  status_->setObjectName("status");
  status_->setWordWrap(true);
  controlsLayout()->addWidget(status_);
  controlsLayout()->addStretch();

  for (QSlider* s : {degree_, noise_}) connect(s, &QSlider::valueChanged, this, &OverfittingPage::restart);
  for (QSpinBox* s : {points_, seed_}) connect(s, &QSpinBox::valueChanged, this, &OverfittingPage::restart);
  connect(max_epochs_, &QSpinBox::valueChanged, this, [this] {
    updateTexts();
    emit codeChanged();
  });
}

void OverfittingPage::buildView() {
  fit_plot_ = makePlot("x", "y", this);
  fit_plot_->setObjectName("fitPlot");
  addPlotTitle(fit_plot_);
  // The legends under the plots, two rows each (the axes of the two stay level): inside, the
  // fit's covered the points and the steep ends of a high-degree curve.
  placeLegendBelow(fit_plot_, /*columns=*/true);
  fit_plot_->legend->setWrap(2);
  loss_plot_ = makePlot(QString(), "MSE", this);
  loss_plot_->setObjectName("lossPlot");
  addPlotTitle(loss_plot_);
  placeLegendBelow(loss_plot_, /*columns=*/false);
  loss_plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  loss_plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  loss_plot_->xAxis->ticker()->setTickCount(3);  // "0 1000 2000 3000": readable in a narrow plot
  note_ = new QLabel;
  note_->setObjectName("note");
  note_->setWordWrap(true);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(fit_plot_, 0, 0);
  grid->addWidget(loss_plot_, 0, 1);
  grid->addWidget(note_, 1, 0, 1, 2);
  grid->setRowStretch(0, 1);
}

OverfitSettings OverfittingPage::settings() const {
  return {.degree = degree_->value(), .points = points_->value(), .noise = noise_->value() * 0.05,
          .seed = static_cast<std::uint64_t>(seed_->value()), .epochs = max_epochs_->value()};
}

void OverfittingPage::setSettings(const OverfitSettings& s) {
  {
    const QSignalBlocker b1(degree_), b2(noise_), b3(points_), b4(seed_), b5(max_epochs_);
    degree_->setValue(s.degree);
    noise_->setValue(static_cast<int>(std::lround(s.noise / 0.05)));
    points_->setValue(static_cast<int>(s.points));
    seed_->setValue(static_cast<int>(s.seed));
    max_epochs_->setValue(static_cast<int>(s.epochs));
  }
  restart();
}

void OverfittingPage::restart() {
  const bool was_playing = playing_;
  problem_.clear();
  run_settings_ = settings();
  epochs_.clear();
  train_losses_.clear();
  val_losses_.clear();
  requested_ = sent_ = 0;
  shown_version_ = 0;
  try {
    auto fit = std::make_shared<OverfitRun>(makeOverfitRun(run_settings_));
    std::unique_ptr<gs::train::Trainer> trainer = std::move(fit->run.trainer);
    run_ = fit;
    session_.setEvaluateEachEpoch(true);  // one full batch is one epoch: both losses every epoch
    session_.start(std::move(trainer), [fit](gs::train::Trainer& t) {
      const gs::train::Snapshot snap = t.snapshot();
      return OverfitFrame{snap.epoch, snap.train_loss, snap.val_loss, fittedCurve(t.model(), *fit)};
    });
  } catch (const gs::Error& e) {
    problem_ = engineExplanation(e);
    session_.stop();
  } catch (const std::exception& e) {
    problem_ = QString::fromStdString(e.what());
    session_.stop();
  }
  shown_ = {};
  refresh();
  if (was_playing) setPlaying(true);
  updateTexts();
  emit codeChanged();
}

void OverfittingPage::step() {
  if (!session_.running()) return;
  requested_ = std::max<std::int64_t>(requested_, shown_.epoch) + kEpochsPerTick;
  sendNextChunk();
  display_.start();
}

// NOTE: the worker publishes a frame when it is idle (or every 33 ms), so steps sent all at
// once would show only a few epochs of the loss curve. One chunk at a time, each sent when
// the previous one is shown, gives the curve a point every kEpochsPerTick epochs.
void OverfittingPage::sendNextChunk() {
  if (shown_.epoch < sent_ || sent_ >= requested_) return;
  sent_ = shown_.epoch + kEpochsPerTick;
  session_.step(kEpochsPerTick);
}

void OverfittingPage::reset() { restart(); }

void OverfittingPage::setPlaying(bool playing) {
  playing_ = playing && session_.running();
  if (playing_) display_.start();
}

void OverfittingPage::setCurrent(bool current) {
  if (!current && playing_) {
    playing_ = false;
    emit stoppedPlaying();
  }
}

bool OverfittingPage::busy() const { return session_.running() && shown_.epoch < requested_; }

void OverfittingPage::refresh() {
  if (session_.running() && session_.frameVersion() != shown_version_) {
    shown_version_ = session_.frameVersion();
    if (const auto frame = session_.latestFrame()) {
      shown_ = *frame;
      // A point per whole chunk: a frame the worker published inside a chunk (a slow or busy
      // machine takes longer than its 33 ms for one) moves the curve, but adds no point.
      const bool chunk_end = shown_.epoch % kEpochsPerTick == 0;
      if (shown_.epoch > 0 && chunk_end && (epochs_.isEmpty() || shown_.epoch > epochs_.back())) {
        epochs_ << static_cast<double>(shown_.epoch);
        train_losses_ << shown_.train_loss;
        val_losses_ << shown_.val_loss;
      }
      redraw();
      updateTexts();
    }
  }
  sendNextChunk();
  // Playing: the next chunk of epochs once the last one is shown (so frames fall on whole chunks).
  if (playing_ && shown_.epoch >= requested_) {
    if (shown_.epoch >= max_epochs_->value()) {
      playing_ = false;
      emit stoppedPlaying();
    } else {
      step();
    }
  }
  if (!playing_ && !busy()) display_.stop();
}

void OverfittingPage::redraw() {
  fit_plot_->clearGraphs();
  const Appearance& look = Appearance::instance();
  const double marker = 7 + 3 * look.scale();
  // The app's marker language (app/palette.h): a training point is filled (a thin background
  // outline keeps neighbours apart); hollow is kept for test points, so the validation points,
  // which are neither, are crosses. The legend names both.
  auto points = [&](const gs::data::Dataset& d, const QString& name, bool training, int colour) {
    QCPGraph* g = fit_plot_->addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsNone);
    const QColor c = look.seriesColor(colour);
    g->setScatterStyle(training ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(look.plotBackground(), look.scale()), QBrush(c), marker)
                                : QCPScatterStyle(QCPScatterStyle::ssCross, QPen(c, look.lineWidth() * 0.8), Qt::NoBrush, marker));
    const std::vector<float> xs = d.x.to_vector<float>(), ys = d.y.to_vector<float>();
    QVector<double> x(xs.begin(), xs.end()), y(ys.begin(), ys.end());
    g->setData(x, y);
  };
  QCPGraph* truth = fit_plot_->addGraph();
  truth->setName(tr("true function"));
  truth->setPen(seriesPen(7, Qt::DashLine));
  truth->setData(QVector<double>(truth_.x.begin(), truth_.x.end()), QVector<double>(truth_.y.begin(), truth_.y.end()), true);
  if (run_) {
    points(run_->validation, tr("validation points"), false, 1);
    points(run_->train, tr("training points"), true, 0);
  }
  QCPGraph* fit = fit_plot_->addGraph();
  fit->setName(tr("degree-%1 fit").arg(run_settings_.degree));
  fit->setPen(seriesPen(2, Qt::SolidLine, 1.3));
  fit->setData(QVector<double>(shown_.fit.x.begin(), shown_.fit.x.end()), QVector<double>(shown_.fit.y.begin(), shown_.fit.y.end()), true);
  fit_plot_->xAxis->setRange(-1.05, 1.05);
  fit_plot_->yAxis->setRange(-0.6, 1.6);
  fit_plot_->replot(QCustomPlot::rpQueuedReplot);

  loss_plot_->clearGraphs();
  QCPGraph* train = loss_plot_->addGraph();
  train->setName(tr("training loss"));
  train->setPen(seriesPen(0));
  train->setData(epochs_, train_losses_, true);
  QCPGraph* val = loss_plot_->addGraph();
  val->setName(tr("validation loss"));
  val->setPen(seriesPen(1));
  val->setData(epochs_, val_losses_, true);
  double low = 1, high = 0.01;
  for (const QVector<double>* v : {&train_losses_, &val_losses_})
    for (double l : *v)
      if (l > 0) {
        low = std::min(low, l);
        high = std::max(high, l);
      }
  loss_plot_->xAxis->setRange(0, std::max<double>(max_epochs_->value(), epochs_.isEmpty() ? 1 : epochs_.back()));
  loss_plot_->yAxis->setRange(std::max(1e-6, low * 0.7), high * 1.5);
  setPlotHint(loss_plot_, epochs_.isEmpty() ? tr("Press Play: the training and validation losses appear here, epoch by epoch.") : QString());
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void OverfittingPage::updateTexts() {
  degree_value_->setText(QString::number(degree_->value()));
  noise_value_->setText(number(noise_->value() * 0.05, 2));
  if (!problem_.isEmpty()) {
    status_->setText(problem_);
    return;
  }
  const std::int64_t parameters = run_settings_.degree + 1;
  QString status = tr("%1 parameters for %2 training points").arg(parameters).arg(run_settings_.points);
  if (shown_.epoch > 0)
    status += "\n" + tr("epoch %1 · training MSE %2 · validation MSE %3")
                         .arg(shown_.epoch)
                         .arg(number(shown_.train_loss, 4), number(shown_.val_loss, 4));
  status_->setText(status);
  QString verdict;
  if (shown_.epoch == 0)
    verdict = tr("Press Play (or Step) to fit the polynomial by gradient descent.");
  else if (shown_.val_loss > 2.0 * shown_.train_loss)
    verdict = tr("Overfitting: the curve follows the noise of the training points, so the validation loss is far above the "
                 "training loss. Lower the degree, add points, or regularize (the Cures page).");
  else if (run_settings_.degree <= 1)
    verdict = tr("Underfitting: a line cannot bend like the cubic; both losses stay high together.");
  else
    verdict = tr("The training and validation losses stay close: the model generalizes.");
  note_->setText(verdict);
}

QString OverfittingPage::title() const { return tr("Overfitting"); }

QList<QPair<QString, QWidget*>> OverfittingPage::exportablePlots() const {
  return {{tr("Polynomial fit"), fit_plot_}, {tr("Training and validation loss"), loss_plot_}};
}

void OverfittingPage::retranslate() {
  model_group_->setTitle(tr("Model: polynomial regression"));
  data_group_->setTitle(tr("Data: noisy points of a cubic"));
  degree_label_->setText(tr("Degree"));
  epochs_label_->setText(tr("Epochs"));
  points_label_->setText(tr("Training points"));
  noise_label_->setText(tr("Noise"));
  seed_label_->setText(tr("Seed"));
  setPlotTitle(fit_plot_, tr("Fitted curve (dots: training, crosses: validation)"));
  setPlotTitle(loss_plot_, tr("Loss per epoch"));
  loss_plot_->xAxis->setLabel(tr("epoch"));
  redraw();
  updateTexts();
}

void OverfittingPage::applyAppearance() {
  for (QCustomPlot* p : {fit_plot_, loss_plot_}) stylePlot(p);
  redraw();
}

nlohmann::json OverfittingPage::sessionState() const {
  const OverfitSettings s = settings();
  return {{"degree", s.degree}, {"points", s.points}, {"noise", s.noise}, {"seed", s.seed}, {"epochs", s.epochs}};
}

QString OverfittingPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  OverfitSettings s = settings();
  try {
    s.degree = state.value("degree", s.degree);
    s.points = state.value("points", s.points);
    s.noise = state.value("noise", s.noise);
    s.seed = state.value("seed", s.seed);
    s.epochs = state.value("epochs", s.epochs);
  } catch (const nlohmann::json::exception&) {
    return tr("degree, points, noise, seed, epochs: expected numbers");
  }
  if (s.degree < 1 || s.degree > kMaxDegree) return tr("degree: expected 1 to %1, got %2").arg(kMaxDegree).arg(s.degree);
  if (s.points < 5 || s.points > 60) return tr("points: expected 5 to 60, got %1").arg(s.points);
  if (!(s.noise >= 0 && s.noise <= 0.5)) return tr("noise: expected 0 to 0.5, got %1").arg(s.noise);
  if (s.epochs < 100 || s.epochs > 20000) return tr("epochs: expected 100 to 20000, got %1").arg(s.epochs);
  if (!(s == settings())) setSettings(s);
  return {};
}

}  // namespace gsui
