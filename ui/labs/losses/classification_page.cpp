#include "labs/losses/classification_page.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "labs/losses/logit_sliders.h"
#include "ops/functional.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

constexpr int kGrid = 197;  // p = 0.01 … 0.99 in steps of 0.005
constexpr int kClasses = 3;
const std::vector<double> kDefaultLogits{2.0, 1.0, 0.1};

gs::TensorOptions f64() { return {.dtype = gs::kFloat64}; }

/// The three losses and their gradients at each probability p of the true class, by the engine:
/// BCELoss(p, 1); CrossEntropyLoss and NLLLoss(LogSoftmax) of logits whose softmax is
/// (p, (1−p)/2, (1−p)/2) with class 0 true.
struct Curves {
  std::vector<double> bce, ce, nll, bce_grad_p, ce_grad_z;
};
Curves evaluate(const gs::Tensor& p) {
  Curves c;
  const std::int64_t n = p.numel();
  gs::Tensor p_in = p.detach().clone().requires_grad_(true);
  const gs::Tensor bce = gs::binary_cross_entropy(p_in, gs::ones({n}, f64()), gs::Reduction::None);
  c.bce = bce.to_vector<double>();
  bce.sum().backward();
  c.bce_grad_p = p_in.grad().to_vector<double>();
  const gs::Tensor rest = gs::log((1.0 - p) / 2.0);
  gs::Tensor z = gs::stack({gs::log(p), rest, rest}, 1).detach().requires_grad_(true);
  const gs::Tensor target = gs::zeros({n}, {.dtype = gs::kInt64});
  const gs::Tensor ce = gs::cross_entropy(z, target, gs::Reduction::None);
  c.ce = ce.to_vector<double>();
  ce.sum().backward();
  c.ce_grad_z = z.grad().select(1, 0).to_vector<double>();
  c.nll = gs::nll_loss(gs::log_softmax(z, 1), target, gs::Reduction::None).to_vector<double>();
  return c;
}

QVector<double> q(const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); }

}  // namespace

ClassificationPage::ClassificationPage(QWidget* parent) : LossesPage(parent) {
  curves_ = makePlot("p", QString(), this);
  curves_->setObjectName("lossCurves");
  curves_->legend->setVisible(true);
  curves_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  addPlotTitle(curves_);
  gradients_ = makePlot("p", QString(), this);
  gradients_->setObjectName("gradientCurves");
  addPlotTitle(gradients_);
  placeLegendBelow(gradients_);  // its entries are formulas, too wide to sit inside a small plot
  softmax_ = makePlot(QString(), QString(), this);
  softmax_->setObjectName("softmaxBars");
  addPlotTitle(softmax_);
  pipelines_label_ = new QLabel;
  pipelines_label_->setObjectName("pipelines");
  pipelines_label_->setWordWrap(true);
  pipelines_label_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  pipelines_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // The pipelines' code lines are long words: in a scroll area they cannot squeeze the plots'
  // column to nothing on a small screen in presentation mode.
  auto* pipelines_scroll = new QScrollArea;
  pipelines_scroll->setWidget(pipelines_label_);
  pipelines_scroll->setWidgetResizable(true);
  pipelines_scroll->setFrameShape(QFrame::NoFrame);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(4, 4, 4, 4);
  grid->addWidget(curves_, 0, 0);
  grid->addWidget(gradients_, 0, 1);
  grid->addWidget(softmax_, 1, 0);
  grid->addWidget(pipelines_scroll, 1, 1);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  buildControls();
  updateCurves();
  updateLogits();
}

void ClassificationPage::buildControls() {
  point_group_ = new ControlGroup(controlsLayout());
  p_ = new QSlider(Qt::Horizontal);
  p_->setObjectName("trueClassProbability");
  p_->setProperty("gsPrimary", true);
  p_->setRange(1, 99);
  p_->setValue(30);
  p_label_ = point_group_->addRow(p_);
  // "p(true class) = 0.30" is wide in presentation mode: the slider goes below it when need be.
  point_group_->form()->setRowWrapPolicy(QFormLayout::WrapLongRows);
  point_values_ = new QLabel;
  point_values_->setObjectName("pointValues");
  point_values_->setWordWrap(true);
  point_group_->addWideRow(point_values_);
  connect(p_, &QSlider::valueChanged, this, &ClassificationPage::updateCurves);

  logits_group_ = new ControlGroup(controlsLayout());
  logits_hint_ = new QLabel;
  logits_hint_->setWordWrap(true);
  logits_group_->addWideRow(logits_hint_);
  logits_ = new LogitSliders(kDefaultLogits, "logit");
  logits_group_->addWideRow(logits_);
  true_class_ = new QComboBox;
  true_class_->setObjectName("trueClass");
  for (int i = 0; i < kClasses; ++i) true_class_->addItem(QString::number(i));
  true_class_label_ = logits_group_->addRow(true_class_);
  connect(logits_, &LogitSliders::changed, this, &ClassificationPage::updateLogits);
  connect(true_class_, &QComboBox::currentIndexChanged, this, &ClassificationPage::updateLogits);
  controlsLayout()->addStretch();
}

QString ClassificationPage::title() const { return tr("Classification"); }  // short: four tabs fit a projector's width

double ClassificationPage::probability() const { return p_->value() / 100.0; }
void ClassificationPage::setProbability(double p) { p_->setValue(static_cast<int>(std::lround(p * 100))); }

void ClassificationPage::reset() {
  p_->setValue(30);
  true_class_->setCurrentIndex(0);
  logits_->setValues(kDefaultLogits);
}

void ClassificationPage::updateCurves() {
  const double p = probability();
  p_label_->setText(tr("p(true class) = %1").arg(number(p, 2)));
  const gs::Tensor grid = gs::linspace(0.01, 0.99, kGrid, f64());
  const Curves c = evaluate(grid);
  const Curves at = evaluate(gs::from_vector({p}, {1}, f64()));
  at_ = {at.bce[0], at.ce[0], at.nll[0], at.bce_grad_p[0], at.ce_grad_z[0]};
  const QVector<double> ps = q(grid.to_vector<double>());
  const double s = Appearance::instance().scale();

  curves_->clearGraphs();
  const std::vector<std::pair<QString, const std::vector<double>*>> losses = {
      {"BCELoss(p, 1)", &c.bce}, {tr("CE (3 classes)"), &c.ce}, {"NLLLoss(LogSoftmax)", &c.nll}};
  const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
  for (std::size_t i = 0; i < losses.size(); ++i) {
    QCPGraph* g = curves_->addGraph();
    g->setName(losses[i].first);
    g->setPen(seriesPen(static_cast<int>(i), styles[i], i == 0 ? 1.6 : 1.0));
    g->setData(ps, q(*losses[i].second), true);
  }
  QCPGraph* mark = curves_->addGraph();
  mark->removeFromLegend();
  mark->setLineStyle(QCPGraph::lsNone);
  mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Appearance::instance().plotForeground(), 10 * s));
  mark->setData({p}, {at_.bce});
  curves_->xAxis->setRange(0, 1);
  curves_->yAxis->setRange(0, 5);
  curves_->replot(QCustomPlot::rpQueuedReplot);

  gradients_->clearGraphs();
  QCPGraph* dp = gradients_->addGraph();
  dp->setName(tr("∂BCE/∂p = −1/p (of the probability)"));
  dp->setPen(seriesPen(0));
  dp->setData(ps, q(c.bce_grad_p), true);
  QCPGraph* dz = gradients_->addGraph();
  dz->setName(tr("∂CE/∂z_true = p − 1 (of the logit)"));
  dz->setPen(seriesPen(1, Qt::DashLine));
  dz->setData(ps, q(c.ce_grad_z), true);
  QCPGraph* marks = gradients_->addGraph();
  marks->removeFromLegend();
  marks->setLineStyle(QCPGraph::lsNone);
  marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Appearance::instance().plotForeground(), 10 * s));
  marks->setData({p, p}, {at_.bce_grad_p, at_.ce_grad_z});
  gradients_->xAxis->setRange(0, 1);
  gradients_->yAxis->setRange(-8, 0.5);
  gradients_->replot(QCustomPlot::rpQueuedReplot);

  point_values_->setText(tr("BCE = %1, CE = %2, NLL(LogSoftmax) = %3: all −log p.\n∂BCE/∂p = %4, ∂CE/∂z_true = %5.")
                             .arg(number(at_.bce, 3), number(at_.ce, 3), number(at_.nll, 3), number(at_.bce_grad_p, 3),
                                  number(at_.ce_grad_z, 3)));
  emit codeChanged();
}

void ClassificationPage::updateLogits() {
  const std::vector<double> z_values = logits_->values();
  const int t = true_class_->currentIndex();
  const gs::Tensor z = gs::from_vector(z_values, {1, kClasses}, f64());
  const gs::Tensor target = gs::full({1}, t, {.dtype = gs::kInt64});
  const std::vector<double> p = gs::softmax(z, 1).to_vector<double>();
  const std::vector<double> logp = gs::log_softmax(z, 1).to_vector<double>();
  pipelines_ = {
      {"F.cross_entropy(z, t)", gs::cross_entropy(z, target).item(), true},
      {"F.nll_loss(F.log_softmax(z, 1), t)", gs::nll_loss(gs::log_softmax(z, 1), target).item(), true},
      {"F.cross_entropy(F.softmax(z, 1), t)", gs::cross_entropy(gs::softmax(z, 1), target).item(), false},
      {"F.nll_loss(F.softmax(z, 1), t)", gs::nll_loss(gs::softmax(z, 1), target).item(), false},
      {"F.nll_loss(z, t)", gs::nll_loss(z, target).item(), false},
  };
  const QStringList why = {tr("right: softmax is inside CrossEntropyLoss"), tr("right: the same thing in two steps"),
                           tr("double softmax: squashed, trains slowly"), tr("probabilities, not log-probabilities: −p"),
                           tr("raw logits: −z_true, unbounded below")};
  const Appearance& a = Appearance::instance();
  QStringList logp_text;
  for (double v : logp) logp_text << number(v, 2);
  // One paragraph per pipeline (no table: its columns cannot wrap in a narrow corner), its code
  // free to break after "(" (a zero-width space) as well as after ", ".
  QString html = QString("<p><b>%1</b><br><code>log_softmax(z) = [%2]</code></p>").arg(tr("z → loss: the right and wrong pipelines"), logp_text.join(", "));
  for (std::size_t i = 0; i < pipelines_.size(); ++i) {
    const QColor c = pipelines_[i].right ? a.seriesColor(2) : a.errorColor();
    QString code = pipelines_[i].code.toHtmlEscaped();
    code.replace("(", QString("(") + QChar(0x200B));
    html += QString("<p><span style='color:%1'>%2</span> <code>%3</code> = <b>%4</b><br><span style='color:%6'>%5</span></p>")
                .arg(c.name(), pipelines_[i].right ? "✓" : "✗", code, number(pipelines_[i].value, 3), why[static_cast<qsizetype>(i)],
                     a.mutedColor().name());
  }
  pipelines_label_->setText(html);

  softmax_->clearPlottables();
  auto* bars = new QCPBars(softmax_->xAxis, softmax_->yAxis);
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  QVector<double> keys, values;
  for (int i = 0; i < kClasses; ++i) {
    keys << i;
    values << p[static_cast<std::size_t>(i)];
    ticker->addTick(i, QString("%1%2\nz=%3").arg(i).arg(i == t ? QString("✓") : QString()).arg(number(z_values[static_cast<std::size_t>(i)], 1)));
  }
  bars->setData(keys, values, true);
  bars->setBrush(a.seriesColor(0));
  bars->setPen(Qt::NoPen);
  bars->setWidth(0.6);
  softmax_->xAxis->setTicker(ticker);
  softmax_->xAxis->setRange(-0.6, kClasses - 0.4);
  softmax_->yAxis->setRange(0, 1.05);
  setPlotTitle(softmax_, tr("softmax(z): CE = −log p_true = %1").arg(number(pipelines_[0].value, 3)));
  softmax_->replot(QCustomPlot::rpQueuedReplot);
  emit codeChanged();
}

void ClassificationPage::retranslate() {
  point_group_->setTitle(tr("True-class probability"));
  logits_group_->setTitle(tr("Logits into the loss"));
  logits_hint_->setText(tr("CrossEntropyLoss and BCEWithLogitsLoss take logits: the softmax or sigmoid is inside them."));
  true_class_label_->setText(tr("true class t"));
  logits_->setNames({"z0", "z1", "z2"});
  curves_->yAxis->setLabel(tr("loss"));
  gradients_->yAxis->setLabel(tr("gradient"));
  softmax_->xAxis->setLabel(tr("class (✓ = true class)"));
  softmax_->yAxis->setLabel(tr("probability"));
  setPlotTitle(curves_, tr("Loss vs p: all three are −log p"));
  setPlotTitle(gradients_, tr("Gradients by autograd"));
  updateCurves();
  updateLogits();
}

void ClassificationPage::applyAppearance() {
  for (QCustomPlot* plot : {curves_, gradients_, softmax_}) stylePlot(plot);
  updateCurves();
  updateLogits();
}

QList<QPair<QString, QWidget*>> ClassificationPage::exportablePlots() const {
  return {{tr("Loss vs p"), curves_}, {tr("Gradients vs p"), gradients_}, {tr("Softmax of the logits"), softmax_}};
}

nlohmann::json ClassificationPage::sessionState() const {
  return {{"p", probability()}, {"logits", logits_->values()}, {"true_class", true_class_->currentIndex()}};
}

QString ClassificationPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("classification: expected an object");
  const double p = state.value("p", 0.3);
  if (!(p >= 0.01 && p <= 0.99)) return tr("p: expected 0.01 to 0.99, got %1").arg(p);
  const auto& z = state.value("logits", nlohmann::json(kDefaultLogits));
  if (!z.is_array() || z.size() != kClasses) return tr("logits: expected %1 numbers").arg(kClasses);
  std::vector<double> values;
  for (const auto& v : z) {
    if (!v.is_number()) return tr("logits: expected %1 numbers").arg(kClasses);
    values.push_back(v.get<double>());
  }
  const int t = state.value("true_class", 0);
  if (t < 0 || t >= kClasses) return tr("true_class: expected 0 to %1, got %2").arg(kClasses - 1).arg(t);
  setProbability(p);
  true_class_->setCurrentIndex(t);
  logits_->setValues(values);
  return {};
}

QString ClassificationPage::pytorchCode() const {
  QStringList z;
  for (double v : logits_->values()) z << number(v, 1);
  return QString(
             "import torch\n"
             "import torch.nn.functional as F\n\n"
             "# Loss of the true class's probability p: all three are -log(p)\n"
             "p = torch.tensor([%1], requires_grad=True)\n"
             "bce = F.binary_cross_entropy(p, torch.ones(1))   # BCELoss takes probabilities\n"
             "bce.backward()                                     # p.grad = -1/p\n\n"
             "# Logits go into the loss: softmax / sigmoid are inside it\n"
             "z = torch.tensor([[%2]], requires_grad=True)\n"
             "t = torch.tensor([%3])                             # class index, int64\n"
             "ce = F.cross_entropy(z, t)                         # = -log softmax(z)[t]\n"
             "nll = F.nll_loss(F.log_softmax(z, dim=1), t)       # the same number\n"
             "ce.backward()                                      # z.grad = softmax(z) - one_hot(t)\n\n"
             "# Wrong pipelines (no error, wrong numbers):\n"
             "F.cross_entropy(F.softmax(z, dim=1), t)            # double softmax\n"
             "F.nll_loss(F.softmax(z, dim=1), t)                 # -p, not -log p\n\n"
             "# Binary: BCEWithLogitsLoss takes the logit, BCELoss the probability\n"
             "x = torch.tensor([0.8])\n"
             "F.binary_cross_entropy_with_logits(x, torch.ones(1)) == F.binary_cross_entropy(torch.sigmoid(x), torch.ones(1))\n")
      .arg(number(probability(), 2), z.join(", "))
      .arg(true_class_->currentIndex());
}

}  // namespace gsui
