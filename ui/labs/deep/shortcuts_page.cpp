#include "labs/deep/shortcuts_page.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "plots/plot_style.h"

namespace gsui {

using shortcuts::kPlain;
using shortcuts::kResidual;

namespace {
/// A gradient norm or a loss as the page prints it: 2 significant digits, scientific below 0.001.
QString number(double value) {
  if (!std::isfinite(value)) return QString::number(value);
  if (value == 0) return "0";
  if (std::abs(value) < 1e-3) return QString::number(value, 'e', 1);
  return QString::number(value, 'g', 2);
}

QString percent(double accuracy) { return QString::number(accuracy * 100, 'f', 1) + "%"; }

/// The series colours: plain and residual keep theirs in both plots.
constexpr int kColour[2] = {1, 0};
}  // namespace

ShortcutsPage::ShortcutsPage(QWidget* parent) : LabPage(parent) {
  network_ = new QComboBox;
  network_->setObjectName("shortcutsNetwork");
  network_->setProperty("gsPrimary", true);
  for (shortcuts::Network n : shortcuts::kNetworks) network_->addItem(QString(), QString(shortcuts::info(n).id));
  epochs_ = new QSpinBox;
  epochs_->setObjectName("shortcutsEpochs");
  epochs_->setRange(1, 500);
  epochs_->setValue(shortcuts::info(shortcuts::Network::Mlp).default_epochs);
  train_ = new QPushButton;
  train_->setObjectName("shortcutsTrain");
  train_->setProperty("gsPrimary", true);
  group_ = new ControlGroup(controlsLayout());
  group_->addWideRow(network_);  // the group's title names it: a label beside it would squeeze its text
  epochs_label_ = group_->addRow(epochs_);
  group_->addWideRow(train_);
  controlsLayout()->addStretch(1);

  formula_ = new QLabel;
  formula_->setObjectName("shortcutsFormula");
  formula_->setWordWrap(true);
  status_ = new QLabel;
  status_->setObjectName("shortcutsStatus");
  status_->setWordWrap(true);
  norms_plot_ = makePlot(QString(), QString());
  norms_plot_->setObjectName("shortcutsGradientNorms");
  norms_plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  norms_plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  norms_plot_->yAxis->setNumberFormat("eb");
  norms_plot_->yAxis->setNumberPrecision(0);
  loss_plot_ = makePlot(QString(), QString());
  loss_plot_->setObjectName("shortcutsLoss");
  for (QCustomPlot* p : {norms_plot_, loss_plot_}) {
    addPlotTitle(p);
    p->legend->setVisible(true);
  }
  placeLegendBelow(norms_plot_, /*columns=*/true);
  placeLegendBelow(loss_plot_, /*columns=*/false);  // one name a line: the narrow plot keeps both whole
  loss_plot_->xAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed));  // whole epochs; step set in redraw()
  norms_plot_->legend->setWrap(2);  // plain, residual; at initialization, after epoch N
  auto* plots = new QHBoxLayout;
  plots->addWidget(norms_plot_, 3);
  plots->addWidget(loss_plot_, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(formula_);
  layout->addLayout(plots, 1);
  layout->addWidget(status_);

  connect(network_, &QComboBox::currentIndexChanged, this, [this] {
    epochs_->setValue(shortcuts::info(network()).default_epochs);
    rebuild();
    emit codeChanged();
  });
  connect(epochs_, &QSpinBox::valueChanged, this, [this] {
    redraw();
    emit codeChanged();
  });
  connect(train_, &QPushButton::clicked, this, [this] { setPlaying(true); });
  connect(&job_, &BackgroundJob::finished, this, &ShortcutsPage::jobFinished);
  applyAppearance();
  rebuild();
}

ShortcutsPage::~ShortcutsPage() {
  if (experiment_) experiment_->requestStop();
  job_.cancel();
}

QString ShortcutsPage::title() const { return tr("Shortcuts"); }

shortcuts::Network ShortcutsPage::network() const {
  shortcuts::Network n = shortcuts::Network::Mlp;
  shortcuts::networkFromId(network_->currentData().toString(), n);
  return n;
}

void ShortcutsPage::setNetwork(shortcuts::Network network) {
  network_->setCurrentIndex(network_->findData(QString(shortcuts::info(network).id)));
}

int ShortcutsPage::epochs() const { return epochs_->value(); }
void ShortcutsPage::setEpochs(int epochs) { epochs_->setValue(epochs); }

void ShortcutsPage::rebuild() {
  if (experiment_) experiment_->requestStop();  // a CNN epoch would otherwise finish first
  job_.cancel();
  ++run_;
  experiment_.reset();
  curves_ = {};
  epoch_ = 0;
  pending_ = 0;
  problem_.clear();
  if (playing_) {
    playing_ = false;
    emit stoppedPlaying();
  }
  if (network() == shortcuts::Network::Mlp) {
    // The MLP is built and measured within a frame: the page shows its gradients at once.
    try {
      experiment_ = std::make_shared<shortcuts::Experiment>(shortcuts::Network::Mlp);
      curves_ = experiment_->curves();
    } catch (const gs::Error& e) {
      problem_ = engineExplanation(e);
    } catch (const std::exception& e) {
      problem_ = QString::fromUtf8(e.what());
    }
  } else {
    startJob(0);
  }
  redraw();
  updateTexts();
}

void ShortcutsPage::startJob(int epochs) {
  pause_ = false;
  train_->setEnabled(false);
  const std::uint64_t run = run_;
  const shortcuts::Network network = this->network();
  job_.start([this, run, network, epochs, experiment = experiment_](BackgroundJob& job) mutable {
    auto publish = [this, run, &job, &experiment] {
      job.post([this, run, experiment, curves = experiment->curves(), epoch = experiment->epoch()] {
        if (run != run_) return;  // an experiment reset since
        experiment_ = experiment;
        curves_ = curves;
        epoch_ = epoch;
        redraw();
        updateTexts();
      });
    };
    try {
      if (!experiment) {
        experiment = std::make_shared<shortcuts::Experiment>(network);
        publish();
      }
      for (int e = 0; e < epochs && !job.cancelled() && !pause_; ++e) {
        const bool ok = experiment->trainEpoch();
        publish();
        if (!ok) break;
      }
    } catch (const gs::Error& e) {
      if (e.code().empty()) throw;  // (jobFinished() shows it as core says it)
      // A mistake core names by code: said in the learner's language, in the UI thread.
      job.post([this, run, error = e] {
        if (run == run_) problem_ = engineExplanation(error);
      });
    }
  });
  updateTexts();
}

void ShortcutsPage::jobFinished(const QString& error) {
  if (!error.isEmpty()) problem_ = error;
  train_->setEnabled(true);
  if (pending_ > 0 && problem_.isEmpty()) {
    const int more = pending_;
    pending_ = 0;
    startJob(more);
    return;
  }
  pending_ = 0;
  if (playing_) {
    playing_ = false;
    emit stoppedPlaying();
  }
  redraw();
  updateTexts();
}

void ShortcutsPage::step() {
  if (job_.running()) {
    ++pending_;
    return;
  }
  if (!experiment_) return;  // it could not be built (problem_ says why)
  startJob(1);
}

void ShortcutsPage::reset() { rebuild(); }

void ShortcutsPage::setPlaying(bool playing) {
  if (!playing) {
    pause_ = true;  // the job stops after the current epoch, then jobFinished
    pending_ = 0;
    return;
  }
  if (job_.running()) {
    playing_ = true;
    pending_ = std::max(pending_, epochs_->value() - epoch_);
    return;
  }
  if (epoch_ >= epochs_->value()) rebuild();  // trained as far as asked: train again from initialization
  if (!experiment_ && !job_.running()) return;
  playing_ = true;
  if (job_.running())
    pending_ = epochs_->value();  // the CNN is being built: train once it is there
  else
    startJob(epochs_->value() - epoch_);
}

void ShortcutsPage::redraw() {
  norms_plot_->clearGraphs();
  double low = 1e300, high = 0;
  std::size_t layers = 1;
  // Graphs 0, 1: plain and residual at initialization; 2, 3: after the latest epoch. The legend
  // has keys instead (graphs 4–7, without data): a colour per network, a style per moment, so
  // that it stays two short rows.
  const double width = seriesPen(0).widthF();
  auto style = [width](bool initial, const QColor& colour) {
    // Squares on dashes at initialization, discs on a solid line after training: both filled, as
    // a hollow marker means a test point in every lab (app/palette.h); the legend names each.
    return initial ? QCPScatterStyle(QCPScatterStyle::ssSquare, colour, colour, 2 + 2 * width)
                   : QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 3 + 2 * width);
  };
  for (bool initial : {true, false}) {
    for (int which : {kPlain, kResidual}) {
      const shortcuts::Curves& c = curves_[static_cast<std::size_t>(which)];
      const std::vector<double>& norms = initial ? c.init_norms : c.norms;
      QCPGraph* g = norms_plot_->addGraph();
      g->setPen(seriesPen(kColour[which], initial ? Qt::DashLine : Qt::SolidLine));
      g->setScatterStyle(style(initial, seriesPen(kColour[which]).color()));
      g->removeFromLegend();
      QVector<double> keys, values;
      for (std::size_t k = 0; k < norms.size(); ++k) {
        if (!(norms[k] > 0) || !std::isfinite(norms[k])) continue;  // a log scale has no 0
        keys << static_cast<double>(k + 1);
        values << norms[k];
        low = std::min(low, norms[k]);
        high = std::max(high, norms[k]);
      }
      layers = std::max(layers, norms.size());
      g->setData(keys, values, true);
    }
  }
  for (int which : {kPlain, kResidual}) norms_plot_->addGraph()->setPen(seriesPen(kColour[which]));
  const QColor neutral = Appearance::instance().plotForeground();
  for (bool initial : {true, false}) {
    QCPGraph* key = norms_plot_->addGraph();
    key->setPen(QPen(neutral, width, initial ? Qt::DashLine : Qt::SolidLine));
    key->setScatterStyle(style(initial, neutral));
    if (!initial && epoch_ == 0) key->removeFromLegend();  // nothing trained yet
  }
  if (!(high > 0)) low = 1e-3, high = 1;
  norms_plot_->xAxis->setRange(0.5, static_cast<double>(layers) + 0.5);
  norms_plot_->yAxis->setRange(low / 3, high * 3);

  loss_plot_->clearGraphs();
  double top = 0.5;
  for (int which : {kPlain, kResidual}) {
    const shortcuts::Curves& c = curves_[static_cast<std::size_t>(which)];
    QCPGraph* g = loss_plot_->addGraph();
    g->setPen(seriesPen(kColour[which]));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesPen(kColour[which]).color(), 2 + 2 * seriesPen(0).widthF()));
    QVector<double> keys, values;
    for (std::size_t e = 0; e < c.losses.size(); ++e) {
      if (!std::isfinite(c.losses[e])) continue;
      keys << static_cast<double>(e);
      values << c.losses[e];
      top = std::max(top, std::min(c.losses[e], 10.0));
    }
    g->setData(keys, values, true);
  }
  const int last = std::max(epochs_->value(), epoch_);
  // Three or four labels (the plot is narrow), on whole epochs: 1, 2, 5, 10, 20, 25, 50, …
  double tick = 1;
  for (double base = 1; tick * 4 < last; base *= 10)
    for (double m : {1.0, 2.0, 2.5, 5.0})
      if (tick * 4 < last) tick = std::max(tick, m * base);
  qSharedPointerCast<QCPAxisTickerFixed>(loss_plot_->xAxis->ticker())->setTickStep(tick);
  loss_plot_->xAxis->setRange(-0.03 * last, last);  // (epoch 0's markers whole, not half under the axis)
  loss_plot_->yAxis->setRange(0, top * 1.05);
  setPlotHint(loss_plot_, epoch_ == 0 ? tr("Train both: each epoch adds both networks' training loss here.") : QString());
  updateTexts();  // the legends name the graphs just made
}

void ShortcutsPage::updateTexts() {
  group_->setTitle(tr("Network, plain and residual"));
  epochs_label_->setText(tr("Epochs"));
  train_->setText(tr("Train both"));
  for (shortcuts::Network n : shortcuts::kNetworks)
    network_->setItemText(static_cast<int>(n), tr(shortcuts::info(n).label));
  formula_->setText(tr("A residual block adds its input to its output: <b>y = F(x) + x</b>, so <b>∂y/∂x = F′(x) + 1</b>. "
                       "Through the + 1 the gradient skips F and reaches the first layers undiminished; "
                       "in the plain network every layer's F′ multiplies it on the way down."));
  setPlotTitle(norms_plot_, tr("Gradient norm ‖∂L/∂W‖ per layer (%1 training samples)").arg(shortcuts::kMeasureSamples));
  norms_plot_->xAxis->setLabel(tr("weight layer (input side first)"));
  norms_plot_->yAxis->setLabel(tr("‖∂L/∂W‖ (log scale)"));
  setPlotTitle(loss_plot_, tr("Training loss per epoch"));
  loss_plot_->xAxis->setLabel(tr("epoch"));
  loss_plot_->yAxis->setLabel(tr("loss"));
  const QString names[2] = {tr("plain"), tr("residual")};
  if (norms_plot_->graphCount() == 8) {
    for (int which : {kPlain, kResidual}) norms_plot_->graph(4 + which)->setName(names[which]);
    norms_plot_->graph(6)->setName(tr("at initialization"));
    norms_plot_->graph(7)->setName(tr("after epoch %1").arg(epoch_));
  }
  if (loss_plot_->graphCount() == 2)
    for (int which : {kPlain, kResidual}) loss_plot_->graph(which)->setName(names[which]);

  QString status;
  const shortcuts::Curves &plain = curves_[kPlain], &residual = curves_[kResidual];
  if (!problem_.isEmpty()) {
    status = problem_;
  } else if (plain.init_norms.empty() || residual.init_norms.empty()) {
    status = tr("Building both networks and measuring their gradients…");
  } else {
    status = tr("First layer's gradient at initialization: plain %1, residual %2.")
                 .arg(number(plain.init_norms.front()), number(residual.init_norms.front()));
    if (epoch_ == 0) {
      status += " " + tr("Press Train both (or Step) to train them from the same seed.");
    } else {
      status += " " + tr("After epoch %1: first layer's gradient plain %2, residual %3; training loss plain %4, residual %5; "
                         "test accuracy plain %6, residual %7.")
                          .arg(epoch_)
                          .arg(number(plain.norms.empty() ? 0.0 : plain.norms.front()),
                               number(residual.norms.empty() ? 0.0 : residual.norms.front()),
                               number(plain.losses.back()), number(residual.losses.back()), percent(plain.test_accuracy),
                               percent(residual.test_accuracy));
      if (network() == shortcuts::Network::Cnn)
        status += " " + tr("BatchNorm keeps the plain CNN's gradients from vanishing, yet it trains worse: "
                           "the shortcuts also make a deep network easier to optimize.");
      for (int which : {kPlain, kResidual})
        if (curves_[static_cast<std::size_t>(which)].diverged) status += " " + tr("The %1 network diverged.").arg(names[which]);
    }
    if (job_.running()) status += " " + tr("Training…");
  }
  status_->setText(status);
  norms_plot_->replot(QCustomPlot::rpQueuedReplot);
  loss_plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString ShortcutsPage::pytorchCode() const { return shortcuts::pytorchCode(network(), epochs_->value()); }

QList<QPair<QString, QWidget*>> ShortcutsPage::exportablePlots() const {
  return {{tr("Gradient norm per layer"), norms_plot_}, {tr("Training loss per epoch"), loss_plot_}};
}

void ShortcutsPage::retranslate() { updateTexts(); }

void ShortcutsPage::applyAppearance() {
  for (QCustomPlot* p : {norms_plot_, loss_plot_}) {
    stylePlot(p);
    // Readable at any scale (layout_check's kMinPlotWidth × kMinPlotHeight).
    p->setMinimumSize(qRound(160 * Appearance::instance().scale()), qRound(110 * Appearance::instance().scale()));
  }
  redraw();
}

nlohmann::json ShortcutsPage::sessionState() const {
  return {{"network", shortcuts::info(network()).id}, {"epochs", epochs_->value()}};
}

QString ShortcutsPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  const nlohmann::json id = state.value("network", nlohmann::json("mlp"));
  shortcuts::Network n = shortcuts::Network::Mlp;
  if (!id.is_string() || !shortcuts::networkFromId(QString::fromStdString(id.get<std::string>()), n))
    return tr("network: expected \"mlp\" or \"cnn\", got %1").arg(QString::fromStdString(id.dump()));
  const nlohmann::json epochs = state.value("epochs", nlohmann::json(shortcuts::info(n).default_epochs));
  if (!epochs.is_number_integer() || epochs.get<int>() < epochs_->minimum() || epochs.get<int>() > epochs_->maximum())
    return tr("epochs: expected an integer from %1 to %2, got %3")
        .arg(epochs_->minimum())
        .arg(epochs_->maximum())
        .arg(QString::fromStdString(epochs.dump()));
  setNetwork(n);
  epochs_->setValue(epochs.get<int>());
  return {};
}

}  // namespace gsui
