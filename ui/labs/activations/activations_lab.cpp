#include "labs/activations/activations_lab.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "nn/activation.h"
#include "nn/diagnostics.h"
#include "ops/functional.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

constexpr int kPoints = 401;
constexpr double kRange = 5.0;
constexpr int kWidth = 32;
constexpr int kBatch = 64;

QString number(double v, int precision = 3) { return QString::number(v, 'f', precision); }

/// f(x) and f'(x) on a grid, computed by the engine: the module's forward, then backward of Σ f(x).
std::pair<QVector<double>, QVector<double>> evaluate(const QString& name, double slope, const gs::Tensor& grid_values) {
  gs::Tensor x = grid_values.detach().clone().requires_grad_(true);
  // Step is the perceptron's function, not a torch.nn module (PyTorch spells it torch.heaviside,
  // with no gradient), so it is this lab's one special case; the rest are the modules a network
  // would use, made by name.
  const gs::Tensor y = name == "Step" ? gs::step(x)
                                      : gs::nn::make_activation(name.toStdString(), {.negative_slope = slope})->forward(x);
  const std::vector<double> values = y.to_vector<double>();
  std::vector<double> grads(values.size(), 0.0);  // step has no gradient: its graph is empty
  if (y.requires_grad()) {
    y.sum().backward();
    grads = x.grad().to_vector<double>();
  }
  return {QVector<double>(values.begin(), values.end()), QVector<double>(grads.begin(), grads.end())};
}

}  // namespace

QStringList ActivationsLab::activationNames() {
  return {"Step", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "GELU", "Softplus"};
}

ActivationsLab::ActivationsLab(QWidget* parent) : Lab(parent) {
  buildPlots();
  buildFunctionControls();
  buildSoftmaxControls();
  buildDepthControls();
  controlsLayout()->addStretch();
  retranslate();
}

void ActivationsLab::buildPlots() {
  // Functions (left), softmax and the gradient per layer (right).
  functions_ = makePlot("x", "f(x)", this);
  functions_->legend->setVisible(true);
  functions_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  addPlotTitle(functions_);
  softmax_ = makePlot(QString(), QString(), this);
  addPlotTitle(softmax_);
  gradients_ = makePlot(QString(), QString(), this);
  gradients_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  {
    QSharedPointer<QCPAxisTickerLog> log_ticker(new QCPAxisTickerLog);
    log_ticker->setTickCount(4);
    gradients_->yAxis->setTicker(log_ticker);
  }
  gradients_->yAxis->setNumberFormat("eb");
  gradients_->yAxis->setNumberPrecision(0);
  // Under the plot, in columns: inside, every corner holds some layer's line (they spread over
  // ten decades from the input to the output).
  placeLegendBelow(gradients_, /*columns=*/true);
  {
    QSharedPointer<QCPAxisTickerFixed> layers(new QCPAxisTickerFixed);
    layers->setTickStep(1);
    layers->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    gradients_->xAxis->setTicker(layers);
  }
  addPlotTitle(gradients_);
  // The functions beside softmax and the gradients when there is room for three readable plots,
  // else above them (they then sit side by side).
  layout_ = new AdaptiveGrid(this,
                             {.places = {{functions_, 0, 0, 2, 1}, {softmax_, 0, 1}, {gradients_, 1, 1}},
                              .column_stretch = {3, 2}, .row_stretch = {1, 1}},
                             {.places = {{functions_, 0, 0, 1, 2}, {softmax_, 1, 0}, {gradients_, 1, 1}},
                              .column_stretch = {1, 1}, .row_stretch = {3, 2}},
                             600);  // (the right column then has 240 px × the scale)
}

void ActivationsLab::buildFunctionControls() {
  functions_box_ = new QGroupBox;
  auto* fl = new QGridLayout(functions_box_);
  const QStringList names = activationNames();
  for (int i = 0; i < names.size(); ++i) {
    auto* box = new QCheckBox(names[i]);
    box->setObjectName("show" + names[i]);
    if (i < 4) box->setProperty("gsPrimary", true);  // the first functions, at the top of the panel
    box->setChecked(names[i] == "Sigmoid" || names[i] == "Tanh" || names[i] == "ReLU");
    shown_[names[i]] = box;
    fl->addWidget(box, i / 2, i % 2);
    connect(box, &QCheckBox::toggled, this, [this] {
      updateFunctions();
      updateDepth();
    });
  }
  derivatives_ = new QCheckBox;
  derivatives_->setChecked(true);
  fl->addWidget(derivatives_, 4, 0, 1, 2);
  connect(derivatives_, &QCheckBox::toggled, this, &ActivationsLab::updateFunctions);
  slope_label_ = new QLabel;
  slope_label_->setWordWrap(true);  // a narrow panel wraps it rather than widening
  slope_ = new QSlider(Qt::Horizontal);
  slope_->setObjectName("negativeSlope");
  slope_->setRange(0, 50);  // negative_slope 0.00 … 0.50
  slope_->setValue(10);
  fl->addWidget(slope_label_, 5, 0, 1, 2);
  fl->addWidget(slope_, 6, 0, 1, 2);
  connect(slope_, &QSlider::valueChanged, this, [this] {
    updateFunctions();
    updateDepth();
  });
  controlsLayout()->addWidget(functions_box_);
}

void ActivationsLab::buildSoftmaxControls() {
  softmax_box_ = new QGroupBox;
  auto* sl = new QVBoxLayout(softmax_box_);
  logits_ = new QLineEdit("2.0, 1.0, 0.1");
  logits_->setObjectName("logits");
  sl->addWidget(logits_);
  temperature_label_ = new QLabel;
  temperature_label_->setWordWrap(true);  // a narrow panel wraps it rather than widening
  temperature_ = new QSlider(Qt::Horizontal);
  temperature_->setObjectName("temperature");
  temperature_->setRange(-20, 20);  // T = 10^(v/20): 0.1 … 10, 1 in the middle
  temperature_->setValue(0);
  sl->addWidget(temperature_label_);
  sl->addWidget(temperature_);
  softmax_values_ = new QLabel;
  softmax_values_->setWordWrap(true);  // a narrow panel wraps it rather than widening
  softmax_values_->setWordWrap(true);
  softmax_error_ = new QLabel;
  softmax_error_->setWordWrap(true);  // a narrow panel wraps it rather than widening
  softmax_error_->setWordWrap(true);
  sl->addWidget(softmax_values_);
  sl->addWidget(softmax_error_);
  connect(logits_, &QLineEdit::textChanged, this, &ActivationsLab::updateSoftmax);
  connect(temperature_, &QSlider::valueChanged, this, &ActivationsLab::updateSoftmax);
  controlsLayout()->addWidget(softmax_box_);
}

void ActivationsLab::buildDepthControls() {
  depth_box_ = new QGroupBox;
  auto* dl = new QVBoxLayout(depth_box_);
  depth_label_ = new QLabel;
  depth_label_->setWordWrap(true);  // a narrow panel wraps it rather than widening
  depth_ = new QSlider(Qt::Horizontal);
  depth_->setObjectName("depth");
  depth_->setRange(1, 30);
  depth_->setValue(12);
  dead_ = new QLabel;
  dead_->setWordWrap(true);
  dl->addWidget(depth_label_);
  dl->addWidget(depth_);
  dl->addWidget(dead_);
  connect(depth_, &QSlider::valueChanged, this, &ActivationsLab::updateDepth);
  controlsLayout()->addWidget(depth_box_);
}

double ActivationsLab::negativeSlope() const { return slope_->value() / 100.0; }
double ActivationsLab::temperature() const { return std::pow(10.0, temperature_->value() / 20.0); }

void ActivationsLab::setActivationShown(const QString& name, bool shown) {
  if (shown_.contains(name)) shown_[name]->setChecked(shown);
}

QStringList ActivationsLab::shownActivations() const {
  QStringList out;
  for (const QString& n : activationNames())
    if (shown_[n]->isChecked()) out << n;
  return out;
}

void ActivationsLab::reset() {
  for (const QString& n : activationNames()) shown_[n]->setChecked(n == "Sigmoid" || n == "Tanh" || n == "ReLU");
  derivatives_->setChecked(true);
  slope_->setValue(10);
  logits_->setText("2.0, 1.0, 0.1");
  temperature_->setValue(0);
  depth_->setValue(12);
}

void ActivationsLab::retranslate() {
  functions_box_->setTitle(tr("Activation functions"));
  // The step function is no PyTorch class: its name is said in the learner's language.
  shown_["Step"]->setText(tr("Step function"));
  derivatives_->setText(tr("Derivatives f′(x) (dashed)"));
  softmax_box_->setTitle(tr("Softmax of a vector"));
  logits_->setToolTip(tr("Logits z, separated by commas"));
  depth_box_->setTitle(tr("Deep stack: gradient per layer"));
  functions_->xAxis->setLabel("x");
  functions_->yAxis->setLabel(tr("f(x) and f′(x)"));
  softmax_->xAxis->setLabel(tr("class"));
  softmax_->yAxis->setLabel(tr("probability"));
  gradients_->xAxis->setLabel(tr("layer (1 = input side)"));
  gradients_->yAxis->setLabel(tr("‖∂L/∂W‖"));
  setPlotTitle(functions_, tr("f(x) solid, f′(x) dashed"));
  setPlotTitle(gradients_, tr("Gradient per layer"));
  updateFunctions();
  updateSoftmax();
  updateDepth();
}

void ActivationsLab::applyAppearance() {
  for (QCustomPlot* p : {functions_, softmax_, gradients_}) stylePlot(p);
  layout_->refresh();
  updateFunctions();
  updateSoftmax();
  updateDepth();
}

void ActivationsLab::updateFunctions() {
  slope_label_->setText(tr("LeakyReLU negative_slope = %1").arg(number(negativeSlope(), 2)));
  functions_->clearGraphs();
  const gs::Tensor grid = gs::linspace(-kRange, kRange, kPoints, {.dtype = gs::kFloat64});
  const std::vector<double> xs_std = grid.to_vector<double>();
  const QVector<double> xs(xs_std.begin(), xs_std.end());
  const QStringList names = activationNames();
  for (int i = 0; i < names.size(); ++i) {
    if (!shown_[names[i]]->isChecked()) continue;
    auto [ys, dys] = evaluate(names[i], negativeSlope(), grid);
    QCPGraph* g = functions_->addGraph();
    g->setName(names[i] == "LeakyReLU" ? QString("LeakyReLU(%1)").arg(number(negativeSlope(), 2)) : names[i]);
    g->setPen(seriesPen(i));
    g->setData(xs, ys, true);
    if (derivatives_->isChecked()) {
      QCPGraph* d = functions_->addGraph();
      d->setPen(seriesPen(i, Qt::DashLine, 0.8));
      d->setData(xs, dys, true);
      d->removeFromLegend();
    }
  }
  functions_->xAxis->setRange(-kRange, kRange);
  functions_->yAxis->setRange(-1.5, 3.0);
  functions_->replot(QCustomPlot::rpQueuedReplot);
  emit codeChanged();
}

void ActivationsLab::updateSoftmax() {
  temperature_label_->setText(tr("Temperature T = %1").arg(number(temperature(), 2)));
  // Parse "2, 1, 0.1"; on a bad value say which, and keep showing the last valid vector.
  std::vector<double> z;
  const QStringList parts = logits_->text().split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts);
  for (int i = 0; i < parts.size(); ++i) {
    bool ok = false;
    const double v = parts[i].toDouble(&ok);
    if (!ok || !std::isfinite(v) || std::abs(v) > 1e6) {
      softmax_error_->setText(tr("“%1” (value %2) is not a number; showing the last valid vector.").arg(parts[i]).arg(i + 1));
      softmax_error_->setStyleSheet(QString("color: %1").arg(Appearance::instance().errorColor().name()));
      z.clear();
      break;
    }
    z.push_back(v);
  }
  if (!z.empty() && z.size() > 12) {
    softmax_error_->setText(tr("At most 12 values, please (got %1).").arg(z.size()));
    z.clear();
  } else if (!z.empty()) {
    softmax_error_->clear();
    last_logits_ = z;
  } else if (parts.isEmpty()) {
    softmax_error_->setText(tr("Type some logits, e.g. 2.0, 1.0, 0.1"));
  }
  const gs::Tensor logits = gs::from_vector(last_logits_, {static_cast<std::int64_t>(last_logits_.size())}, {.dtype = gs::kFloat64});
  const std::vector<double> p = gs::softmax(logits / temperature(), 0).to_vector<double>();
  softmax_->clearPlottables();
  auto* bars = new QCPBars(softmax_->xAxis, softmax_->yAxis);
  QVector<double> keys, values;
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  QStringList shown;
  for (std::size_t i = 0; i < p.size(); ++i) {
    keys << static_cast<double>(i);
    values << p[i];
    ticker->addTick(static_cast<double>(i), QString("z%1=%2").arg(i + 1).arg(last_logits_[i]));
    shown << number(p[i]);
  }
  bars->setData(keys, values, true);
  bars->setBrush(Appearance::instance().seriesColor(0));
  bars->setPen(Qt::NoPen);
  bars->setWidth(0.6);
  softmax_->xAxis->setTicker(ticker);
  softmax_->xAxis->setRange(-0.6, static_cast<double>(p.size()) - 0.4);
  softmax_->yAxis->setRange(0, 1.05);
  setPlotTitle(softmax_, tr("softmax(z / T), T = %1").arg(number(temperature(), 2)));
  softmax_values_->setText(tr("p = [%1]  (sum = 1)").arg(shown.join(", ")));
  softmax_->replot(QCustomPlot::rpQueuedReplot);
  emit codeChanged();
}

void ActivationsLab::updateDepth() {
  depth_label_->setText(tr("Depth: %1 layers of Linear(%2, %2) + activation").arg(depth_->value()).arg(kWidth));
  gradients_->clearGraphs();
  const QStringList names = activationNames();
  QStringList dead_lines;
  double lo = 1e300, hi = 0;
  for (int i = 0; i < names.size(); ++i) {
    if (!shown_[names[i]]->isChecked() || names[i] == "Step") continue;
    const QString name = names[i];
    const gs::nn::DepthProbe probe = gs::nn::probe_depth(name.toStdString(), depth_->value(), kWidth, kBatch, /*seed=*/1);
    QVector<double> layers, norms;
    for (std::size_t k = 0; k < probe.grad_norms.size(); ++k) {
      const double v = std::max(probe.grad_norms[k], 1e-30);
      layers << static_cast<double>(k + 1);
      norms << v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    QCPGraph* g = gradients_->addGraph();
    g->setName(name);
    g->setPen(seriesPen(i));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4 * Appearance::instance().scale()));
    g->setData(layers, norms, true);
    if (name == "ReLU" || name == "LeakyReLU") {
      std::int64_t dead = 0;
      for (auto d : probe.dead_units) dead += d;
      dead_lines << tr("%1: %2 of %3 units dead (never active on a batch of %4)")
                        .arg(name)
                        .arg(dead)
                        .arg(probe.units_per_layer * depth_->value())
                        .arg(kBatch);
    }
  }
  if (names.contains("Step") && shown_["Step"]->isChecked())
    dead_lines << tr("Step has no gradient at all: it cannot be trained by backpropagation.");
  dead_->setText(dead_lines.isEmpty() ? tr("Tick ReLU to count dead units.") : dead_lines.join("\n"));
  gradients_->xAxis->setRange(0.5, depth_->value() + 0.5);
  if (hi > 0) gradients_->yAxis->setRange(lo / 3, hi * 3);
  gradients_->replot(QCustomPlot::rpQueuedReplot);
  emit codeChanged();
}

QString ActivationsLab::pytorchCode() const {
  QStringList fns;
  for (const QString& n : shownActivations()) {
    if (n == "Step") fns << "    'Step': lambda x: (x > 0).float(),  # no gradient";
    else if (n == "LeakyReLU") fns << QString("    'LeakyReLU': lambda x: F.leaky_relu(x, negative_slope=%1),").arg(number(negativeSlope(), 2));
    else fns << QString("    '%1': F.%2,").arg(n, n.toLower());  // F.sigmoid, F.tanh, F.relu, F.elu, F.gelu, F.softplus
  }
  QStringList z;
  for (double v : last_logits_) z << QString::number(v);
  return QString(
             "import torch\n"
             "import torch.nn.functional as F\n\n"
             "# Each activation and its derivative, by autograd\n"
             "functions = {\n%1\n}\n"
             "for name, f in functions.items():\n"
             "    x = torch.linspace(-5, 5, 401, requires_grad=True)\n"
             "    y = f(x)\n"
             "    if y.requires_grad:\n"
             "        y.sum().backward()        # x.grad[i] = f'(x[i])\n\n"
             "# Softmax with temperature\n"
             "z = torch.tensor([%2])\n"
             "p = F.softmax(z / %3, dim=0)\n\n"
             "# Gradient reaching each layer of a deep stack\n"
             "layers = []\n"
             "for _ in range(%4):\n"
             "    layers += [torch.nn.Linear(32, 32), torch.nn.ReLU()]\n"
             "net = torch.nn.Sequential(*layers)\n"
             "out = net(torch.randn(64, 32))\n"
             "(out ** 2).mean().backward()\n"
             "norms = [m.weight.grad.norm().item() for m in net if isinstance(m, torch.nn.Linear)]\n")
      .arg(fns.join("\n"), z.join(", "), number(temperature(), 2))
      .arg(depth_->value());
}

QList<QPair<QString, QWidget*>> ActivationsLab::exportablePlots() const {
  return {{tr("Activation functions"), functions_}, {tr("Softmax"), softmax_}, {tr("Gradient per layer"), gradients_}};
}

}  // namespace gsui
