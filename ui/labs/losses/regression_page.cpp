#include "labs/losses/regression_page.h"

#include <QComboBox>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
/// How close (in pixels, before presentation scaling) a press must be to grab a point.
constexpr double kGrabRadius = 14;
const QStringList kReductions = {"none", "mean", "sum"};

QString shortName(gs::nn::LossKind kind) {
  switch (kind) {
    case gs::nn::LossKind::MSE: return "MSE";
    case gs::nn::LossKind::L1: return "L1 (MAE)";
    case gs::nn::LossKind::Huber: return "Huber";
    default: return gs::nn::loss_name(kind);
  }
}
}  // namespace

std::vector<SamplePoint> RegressionPage::defaultPoints() {
  return {{1.0, 1.9}, {2.0, 2.4}, {3.0, 3.6}, {4.0, 4.1}, {5.0, 5.2}, {6.0, 5.6}, {7.0, 6.9}, {8.5, 7.6}};
}

RegressionPage::RegressionPage(QWidget* parent) : LossesPage(parent), points_(defaultPoints()) {
  scatter_ = makePlot("x", "y", this);
  scatter_->setObjectName("regressionScatter");
  scatter_->legend->setVisible(true);
  scatter_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  addPlotTitle(scatter_);
  scatter_->installEventFilter(this);
  scatter_->setCursor(Qt::OpenHandCursor);
  bars_ = makePlot(QString(), QString(), this);
  bars_->setObjectName("perSampleBars");
  addPlotTitle(bars_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(scatter_, 3);
  layout->addWidget(bars_, 2);
  buildControls();
  refit();
}

void RegressionPage::buildControls() {
  points_group_ = new ControlGroup(controlsLayout());
  drag_hint_ = new QLabel;
  drag_hint_->setWordWrap(true);
  outlier_ = new QPushButton;
  outlier_->setObjectName("makeOutlier");
  outlier_->setProperty("gsPrimary", true);
  reset_points_ = new QPushButton;
  reset_points_->setObjectName("resetPoints");
  points_group_->addWideRow(drag_hint_);
  points_group_->addWideRow(outlier_);
  points_group_->addWideRow(reset_points_);
  connect(outlier_, &QPushButton::clicked, this, &RegressionPage::makeOutlier);
  connect(reset_points_, &QPushButton::clicked, this, [this] { setPoints(defaultPoints()); });

  huber_group_ = new ControlGroup(controlsLayout());
  delta_ = new QSlider(Qt::Horizontal);
  delta_->setObjectName("huberDelta");
  delta_->setProperty("gsPrimary", true);
  delta_->setRange(1, 50);  // δ = 0.1 … 5.0
  delta_->setValue(10);
  delta_label_ = huber_group_->addRow(delta_);
  fits_summary_ = new QLabel;
  fits_summary_->setObjectName("fitsSummary");
  fits_summary_->setWordWrap(true);
  // Below the group, in the panel's own column: a form row does not grow with a wrapped label's height.
  controlsLayout()->addWidget(fits_summary_);
  connect(delta_, &QSlider::valueChanged, this, &RegressionPage::refit);

  bars_group_ = new ControlGroup(controlsLayout());
  bars_loss_ = new QComboBox;
  bars_loss_->setObjectName("barsLoss");
  for (gs::nn::LossKind kind : kFits) bars_loss_->addItem(gs::nn::loss_name(kind));
  bars_loss_label_ = bars_group_->addRow(bars_loss_);
  reduction_ = new QComboBox;
  reduction_->setObjectName("reduction");
  reduction_->addItems(kReductions);
  reduction_->setCurrentIndex(1);
  reduction_label_ = bars_group_->addRow(reduction_);
  result_ = new QLabel;
  result_->setObjectName("reductionResult");
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  bars_group_->addWideRow(result_);
  connect(bars_loss_, &QComboBox::currentIndexChanged, this, &RegressionPage::redrawBars);
  connect(reduction_, &QComboBox::currentIndexChanged, this, &RegressionPage::redrawBars);
  controlsLayout()->addStretch();
}

QString RegressionPage::title() const { return tr("Regression"); }  // short: four tabs fit a projector's width

double RegressionPage::delta() const { return delta_->value() / 10.0; }
void RegressionPage::setDelta(double delta) { delta_->setValue(static_cast<int>(std::lround(delta * 10))); }
int RegressionPage::barsLoss() const { return bars_loss_->currentIndex(); }
QString RegressionPage::reduction() const { return reduction_->currentText(); }

gs::nn::LossOptions RegressionPage::lossOptions(int i, const QString& reduction) const {
  return {.kind = kFits[static_cast<std::size_t>(i)], .reduction = reduction.toStdString(), .delta = delta()};
}

void RegressionPage::setPoints(const std::vector<SamplePoint>& points) {
  points_ = points;
  refit();
}

void RegressionPage::movePoint(int i, SamplePoint to) {
  if (i < 0 || i >= static_cast<int>(points_.size())) return;
  points_[static_cast<std::size_t>(i)] = {std::clamp(to.x, kXMin, kXMax), std::clamp(to.y, kYMin, kYMax)};
  refit();
}

void RegressionPage::makeOutlier() { movePoint(kOutlierIndex, kOutlierAt); }

void RegressionPage::reset() {
  delta_->setValue(10);
  bars_loss_->setCurrentIndex(0);
  reduction_->setCurrentIndex(1);
  setPoints(defaultPoints());
}

void RegressionPage::refit() {
  delta_label_->setText(tr("Huber δ = %1").arg(number(delta(), 1)));
  for (std::size_t i = 0; i < kFits.size(); ++i) fits_[i] = fitLine(points_, lossOptions(static_cast<int>(i)));
  QStringList lines;
  for (std::size_t i = 0; i < kFits.size(); ++i)
    lines << tr("%1: w = %2, b = %3 (cost %4, %5 Adam steps)")
                 .arg(shortName(kFits[i]), number(fits_[i].w, 3), number(fits_[i].b, 3), number(fits_[i].cost, 3))
                 .arg(fits_[i].steps);
  fits_summary_->setText(lines.join("\n"));
  redrawScatter();
  redrawBars();
}

void RegressionPage::redrawScatter() {
  const Appearance& a = Appearance::instance();
  scatter_->clearGraphs();
  QCPGraph* dots = scatter_->addGraph();
  dots->setName(tr("points (drag them)"));
  dots->setLineStyle(QCPGraph::lsNone);
  // The points the lines are fitted to: filled, as training points are in every lab (app/palette.h:
  // hollow means a test point), with a thin background outline to keep close points apart.
  dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(a.plotBackground(), 1.0 * a.scale()),
                                        QBrush(a.plotForeground()), 9 * a.scale()));
  dots->setPen(QPen(a.plotForeground(), 1.5 * a.scale()));
  QVector<double> xs, ys;
  for (const SamplePoint& p : points_) {
    xs << p.x;
    ys << p.y;
  }
  dots->setData(xs, ys);
  const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DashDotLine};
  for (std::size_t i = 0; i < kFits.size(); ++i) {
    QCPGraph* line = scatter_->addGraph();
    const LineFit& f = fits_[i];
    line->setName(QString("%1: y = %2·x %3 %4")
                      .arg(shortName(kFits[i]), number(f.w, 2), f.b < 0 ? "−" : "+", number(std::abs(f.b), 2)));
    line->setPen(seriesPen(static_cast<int>(i), styles[i]));
    line->setData({kXMin, kXMax}, {f.w * kXMin + f.b, f.w * kXMax + f.b});
  }
  dots->setLayer("overlay");  // points above the lines, where the mouse grabs them
  scatter_->xAxis->setRange(kXMin, kXMax);
  scatter_->yAxis->setRange(kYMin, kYMax);
  scatter_->replot(QCustomPlot::rpQueuedReplot);
}

void RegressionPage::redrawBars() {
  const int k = barsLoss();
  const QString name = gs::nn::loss_name(kFits[static_cast<std::size_t>(k)]);
  const LineFit& f = fits_[static_cast<std::size_t>(k)];
  per_sample_ = lineLoss(points_, f.w, f.b, lossOptions(k, "none"));
  reduced_mean_ = lineLoss(points_, f.w, f.b, lossOptions(k, "mean")).front();
  reduced_sum_ = lineLoss(points_, f.w, f.b, lossOptions(k, "sum")).front();

  bars_->clearPlottables();
  bars_->clearItems();
  auto* bars = new QCPBars(bars_->xAxis, bars_->yAxis);
  QVector<double> keys, values;
  QStringList shown;
  double top = 0;
  for (std::size_t i = 0; i < per_sample_.size(); ++i) {
    keys << static_cast<double>(i + 1);
    values << per_sample_[i];
    shown << number(per_sample_[i], 4);
    top = std::max(top, per_sample_[i]);
  }
  bars->setData(keys, values, true);
  bars->setBrush(Appearance::instance().seriesColor(k));
  bars->setPen(Qt::NoPen);
  bars->setWidth(0.6);
  auto* mean_line = new QCPItemStraightLine(bars_);
  mean_line->point1->setCoords(0, reduced_mean_);
  mean_line->point2->setCoords(1, reduced_mean_);
  mean_line->setPen(QPen(Appearance::instance().plotForeground(), 1.5 * Appearance::instance().scale(), Qt::DashLine));
  QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
  ticker->setTickStep(1);
  bars_->xAxis->setTicker(ticker);
  bars_->xAxis->setRange(0.4, static_cast<double>(per_sample_.size()) + 0.6);
  bars_->yAxis->setRange(0, std::max(top, reduced_mean_) * 1.15 + 1e-9);
  bars_->xAxis->setLabel(tr("point"));
  bars_->yAxis->setLabel(tr("loss"));
  setPlotTitle(bars_, tr("%1(reduction='none') per point · dashed: the mean = the cost %2 · sum %3")
                          .arg(name, number(reduced_mean_, 3), number(reduced_sum_, 3)));
  bars_->replot(QCustomPlot::rpQueuedReplot);

  const QString r = reduction();
  // U+200B after "(": a place to wrap the call in a narrow panel (presentation mode, 1024 wide).
  const QString call = QString("nn.%1(\u200Breduction='%2')\u200B(w*x + b, y)").arg(name, r);
  QString value;
  if (r == "none") value = tr("tensor([%1])\nshape (%2,): one loss per point").arg(shown.join(", ")).arg(per_sample_.size());
  else if (r == "mean") value = tr("tensor(%1)\nthe cost: the sum divided by N = %2").arg(number(reduced_mean_)).arg(per_sample_.size());
  else value = tr("tensor(%1)\nN = %2 times the mean: the gradient is N times larger too").arg(number(reduced_sum_)).arg(per_sample_.size());
  result_->setText(call + "\n→ " + value);
  emit codeChanged();
}

bool RegressionPage::eventFilter(QObject* watched, QEvent* event) {
  if (watched != scatter_) return LossesPage::eventFilter(watched, event);
  const auto type = event->type();
  if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove && type != QEvent::MouseButtonRelease)
    return LossesPage::eventFilter(watched, event);
  const auto* mouse = static_cast<QMouseEvent*>(event);
  const QPointF at = mouse->position();
  if (type == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton) {
    double best = kGrabRadius * Appearance::instance().scale();
    dragged_ = -1;
    for (std::size_t i = 0; i < points_.size(); ++i) {
      const QPointF p(scatter_->xAxis->coordToPixel(points_[i].x), scatter_->yAxis->coordToPixel(points_[i].y));
      const double d = std::hypot(p.x() - at.x(), p.y() - at.y());
      if (d <= best) {
        best = d;
        dragged_ = static_cast<int>(i);
      }
    }
    if (dragged_ >= 0) scatter_->setCursor(Qt::ClosedHandCursor);
    return dragged_ >= 0;
  }
  if (type == QEvent::MouseMove && dragged_ >= 0) {
    movePoint(dragged_, {scatter_->xAxis->pixelToCoord(at.x()), scatter_->yAxis->pixelToCoord(at.y())});
    return true;
  }
  if (type == QEvent::MouseButtonRelease && dragged_ >= 0) {
    movePoint(dragged_, {scatter_->xAxis->pixelToCoord(at.x()), scatter_->yAxis->pixelToCoord(at.y())});
    dragged_ = -1;
    scatter_->setCursor(Qt::OpenHandCursor);
    return true;
  }
  return LossesPage::eventFilter(watched, event);
}

void RegressionPage::retranslate() {
  points_group_->setTitle(tr("Points"));
  drag_hint_->setText(tr("Drag a point with the mouse: the three lines are refitted by Adam on each loss."));
  outlier_->setText(tr("Make an outlier"));
  reset_points_->setText(tr("Reset points"));
  huber_group_->setTitle(tr("Fits"));
  bars_group_->setTitle(tr("Loss per point vs cost"));
  bars_loss_label_->setText(tr("Loss"));
  reduction_label_->setText(tr("reduction"));
  setPlotTitle(scatter_, tr("y = w·x + b fitted by each loss"));
  refit();
}

void RegressionPage::applyAppearance() {
  stylePlot(scatter_);
  stylePlot(bars_);
  redrawScatter();
  redrawBars();
}

QList<QPair<QString, QWidget*>> RegressionPage::exportablePlots() const {
  return {{tr("Line fits"), scatter_}, {tr("Loss per point"), bars_}};
}

nlohmann::json RegressionPage::sessionState() const {
  nlohmann::json points = nlohmann::json::array();
  for (const SamplePoint& p : points_) points.push_back({p.x, p.y});
  return {{"points", points}, {"delta", delta()}, {"bars", barsLoss()}, {"reduction", reduction().toStdString()}};
}

QString RegressionPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("regression: expected an object");
  std::vector<SamplePoint> points;
  const auto& list = state.value("points", nlohmann::json::array());
  if (!list.is_array() || list.size() < 2 || list.size() > 50) return tr("points: expected 2 to 50 [x, y] pairs");
  for (const auto& p : list) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
      return tr("points: expected [x, y] pairs of numbers, got %1").arg(QString::fromStdString(p.dump()));
    points.push_back({std::clamp(p[0].get<double>(), kXMin, kXMax), std::clamp(p[1].get<double>(), kYMin, kYMax)});
  }
  const double delta = state.value("delta", 1.0);
  if (!(delta >= 0.1 && delta <= 5.0)) return tr("delta: expected 0.1 to 5, got %1").arg(delta);
  const int bars = state.value("bars", 0);
  const QString reduction = QString::fromStdString(state.value("reduction", std::string("mean")));
  if (bars < 0 || bars >= static_cast<int>(kFits.size())) return tr("bars: expected 0 to 2, got %1").arg(bars);
  if (!kReductions.contains(reduction)) return tr("reduction: expected none, mean or sum, got %1").arg(reduction);
  setDelta(delta);
  bars_loss_->setCurrentIndex(bars);
  reduction_->setCurrentText(reduction);
  setPoints(points);
  return {};
}

QString RegressionPage::pytorchCode() const {
  QStringList xs, ys;
  for (const SamplePoint& p : points_) {
    xs << number(p.x, 2);
    ys << number(p.y, 2);
  }
  const QString shown = gs::nn::loss_name(kFits[static_cast<std::size_t>(barsLoss())]);
  const QString shown_args = barsLoss() == 2 ? QString("delta=%1, ").arg(number(delta(), 1)) : QString();
  return QString(
             "import torch\n"
             "import torch.nn as nn\n\n"
             "x = torch.tensor([%1], dtype=torch.float64)\n"
             "y = torch.tensor([%2], dtype=torch.float64)\n\n"
             "# The same fitting loop for each loss: only loss_fn changes\n"
             "fits = {}\n"
             "for loss_fn in [nn.MSELoss(), nn.L1Loss(), nn.HuberLoss(delta=%3)]:\n"
             "    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)\n"
             "    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)\n"
             "    optimizer = torch.optim.Adam([w, b], lr=0.1, betas=(0.9, 0.99))\n"
             "    # A decaying lr lets L1 settle: its gradient does not shrink near the minimum\n"
             "    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.993)\n"
             "    xc = x - x.mean()                 # centred x: slope and intercept stop fighting\n"
             "    for step in range(3000):\n"
             "        optimizer.zero_grad()\n"
             "        loss = loss_fn(w * xc + b, y)  # reduction='mean': the cost\n"
             "        loss.backward()\n"
             "        optimizer.step()\n"
             "        scheduler.step()\n"
             "    fits[type(loss_fn).__name__] = (w.item(), (b - w * x.mean()).item())\n\n"
             "# Loss per sample vs cost\n"
             "w, b = fits['%4']\n"
             "per_sample = nn.%4(%5reduction='none')(w * x + b, y)  # shape (%6,)\n"
             "cost = nn.%4(%5reduction='mean')(w * x + b, y)        # per_sample.mean()\n"
             "total = nn.%4(%5reduction='sum')(w * x + b, y)        # per_sample.sum()\n")
      .arg(xs.join(", "), ys.join(", "), number(delta(), 1), shown, shown_args)
      .arg(points_.size());
}

}  // namespace gsui
