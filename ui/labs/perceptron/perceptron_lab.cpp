#include "labs/perceptron/perceptron_lab.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QTableWidget>
#include <string_view>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/palette.h"
#include "autograd/grad_mode.h"
#include "nn/activation.h"
#include "nn/linear.h"
#include "ops/functional.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

constexpr double kLo = -0.5, kHi = 1.5;
constexpr int kGrid = 120;
constexpr int kMlpStepsPerStep = 25;

const double kPoints[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

double gateOutput(const QString& gate, int i) {
  const bool a = kPoints[i][0] > 0.5, b = kPoints[i][1] > 0.5;
  if (gate == "AND") return a && b;
  if (gate == "OR") return a || b;
  if (gate == "NAND") return !(a && b);
  return a != b;
}

QString fmt(double v) { return QString::number(v, 'f', 2); }

/// The input plane's cell centres, kGrid × kGrid, row by row from the bottom: (x₁, x₂) pairs.
std::vector<double> planeGrid() {
  std::vector<double> points;
  for (int iy = 0; iy < kGrid; ++iy)
    for (int ix = 0; ix < kGrid; ++ix) {
      points.push_back(kLo + (kHi - kLo) * (ix + 0.5) / kGrid);
      points.push_back(kLo + (kHi - kLo) * (iy + 0.5) / kGrid);
    }
  return points;
}

}  // namespace

PerceptronLab::PerceptronLab(QWidget* parent) : Lab(parent) {
  buildView();
  buildControls();
  mlp_ = new XorMlp(planeGrid(), this);
  connectControls();
  reset();
  retranslate();
}

void PerceptronLab::buildView() {
  input_plot_ = makePlot("x₁", "x₂", this);
  addPlotTitle(input_plot_);
  region_ = new QCPColorMap(input_plot_->xAxis, input_plot_->yAxis);
  region_->data()->setSize(kGrid, kGrid);
  region_->data()->setRange(QCPRange(kLo, kHi), QCPRange(kLo, kHi));
  region_->setInterpolate(false);
  second_plot_ = makePlot(QString(), QString(), this);
  addPlotTitle(second_plot_);
  table_ = new QTableWidget(4, 5, this);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);  // "w·x+b", "(0.12, 0.98)" whole
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->setMinimumHeight(120);
  // The input plane at a 1:1 aspect; the table and the second plot beside it when there is room
  // for three readable views, else under it, side by side.
  auto* plane = new EqualAspectFrame(input_plot_, this);
  layout_ = new AdaptiveGrid(this,
                             {.places = {{plane, 0, 0, 2, 1}, {table_, 0, 1}, {second_plot_, 1, 1}},
                              .column_stretch = {3, 2}, .row_stretch = {2, 3}},
                             {.places = {{plane, 0, 0, 1, 2}, {table_, 1, 0}, {second_plot_, 1, 1}},
                              .column_stretch = {1, 1}, .row_stretch = {3, 2}},
                             680);  // (the table's five columns want 270 px × the scale)
}

void PerceptronLab::buildControls() {
  auto* layout = controlsLayout();
  data_box_ = new QGroupBox;
  auto* dl = new QFormLayout(data_box_);
  gate_box_ = new QComboBox;
  gate_box_->setObjectName("gate");
  gate_box_->setProperty("gsPrimary", true);
  gate_box_->addItems({"AND", "OR", "NAND", "XOR"});
  gate_box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  gate_label_ = new QLabel;
  dl->addRow(gate_label_, gate_box_);
  single_ = new QRadioButton;
  mlp_radio_ = new QRadioButton;
  single_->setChecked(true);
  dl->addRow(single_);
  dl->addRow(mlp_radio_);
  layout->addWidget(data_box_);

  neuron_box_ = new QGroupBox;
  auto* nl = new QVBoxLayout(neuron_box_);
  auto slider = [&](QLabel*& label, QSlider*& s, const char* name, int lo, int hi, int value) {
    label = new QLabel;
    s = new QSlider(Qt::Horizontal);
    s->setObjectName(name);
    s->setProperty("gsPrimary", std::string_view(name) != "learningRate");  // the weights and bias a teacher drags
    s->setRange(lo, hi);
    s->setValue(value);
    nl->addWidget(label);
    nl->addWidget(s);
  };
  slider(w1_label_, w1_, "w1", -30, 30, 10);  // tenths: −3.0 … 3.0
  slider(w2_label_, w2_, "w2", -30, 30, 10);
  slider(b_label_, b_, "b", -30, 30, -5);
  slider(lr_label_, lr_, "learningRate", 1, 10, 10);
  solve_mlp_ = new QPushButton;
  solve_mlp_->setObjectName("solveWithMlp");
  nl->addWidget(solve_mlp_);
  layout->addWidget(neuron_box_);

  mlp_box_ = new QGroupBox;
  auto* ml = new QFormLayout(mlp_box_);
  hidden_act_ = new QComboBox;
  hidden_act_->addItems({"Tanh", "Sigmoid", "ReLU"});
  hidden_act_label_ = new QLabel;
  ml->addRow(hidden_act_label_, hidden_act_);
  mlp_lr_label_ = new QLabel;
  mlp_lr_label_->setWordWrap(true);
  mlp_lr_ = new QSlider(Qt::Horizontal);
  mlp_lr_->setRange(1, 20);  // lr = v / 10
  mlp_lr_->setValue(5);
  ml->addRow(mlp_lr_label_);
  ml->addRow(mlp_lr_);
  mlp_box_->setVisible(false);
  layout->addWidget(mlp_box_);

  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setObjectName("status");
  layout->addWidget(status_);
  layout->addStretch();
}

void PerceptronLab::connectControls() {
  for (QSlider* s : {w1_, w2_, b_}) {
    connect(s, &QSlider::valueChanged, this, [this] {
      perceptron_.weight.copy_(gs::tensor({w1_->value() / 10.0, w2_->value() / 10.0}, gs::TensorOptions{.dtype = gs::kFloat64}));
      perceptron_.bias.fill_(b_->value() / 10.0);
      updateView();
    });
  }
  connect(lr_, &QSlider::valueChanged, this, [this] {
    perceptron_.lr = lr_->value() / 10.0;
    updateView();
  });
  connect(gate_box_, &QComboBox::currentTextChanged, this, [this] { reset(); });
  connect(single_, &QRadioButton::toggled, this, [this](bool on) { setMode(on ? Mode::Perceptron : Mode::Mlp); });
  connect(solve_mlp_, &QPushButton::clicked, this, [this] { setMode(Mode::Mlp); });
  connect(hidden_act_, &QComboBox::currentTextChanged, this, [this] { buildMlp(); });
  connect(mlp_lr_, &QSlider::valueChanged, this, [this] {
    mlp_->setLearningRate(mlp_lr_->value() / 10.0);
    updateView();
  });
  connect(mlp_, &XorMlp::frameChanged, this, [this] {
    if (mode_ == Mode::Mlp) updateView();
  });
}

QString PerceptronLab::gate() const { return gate_box_->currentText(); }
void PerceptronLab::setGate(const QString& g) { gate_box_->setCurrentText(g); }
double PerceptronLab::w1() const { return perceptron_.weight.to_vector<double>()[0]; }
double PerceptronLab::w2() const { return perceptron_.weight.to_vector<double>()[1]; }
double PerceptronLab::bias() const { return perceptron_.bias.item(); }

gs::Tensor PerceptronLab::inputs() const {
  return gs::tensor({{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}}, gs::TensorOptions{.dtype = gs::kFloat64});
}
gs::Tensor PerceptronLab::targets() const {
  std::vector<double> y;
  for (int i = 0; i < 4; ++i) y.push_back(gateOutput(gate(), i));
  return gs::from_vector(y, {4}, {.dtype = gs::kFloat64});
}

void PerceptronLab::setMode(Mode mode) {
  mode_ = mode;
  {
    const QSignalBlocker b1(single_), b2(mlp_radio_);
    single_->setChecked(mode == Mode::Perceptron);
    mlp_radio_->setChecked(mode == Mode::Mlp);
  }
  neuron_box_->setVisible(mode == Mode::Perceptron);
  mlp_box_->setVisible(mode == Mode::Mlp);
  if (mode == Mode::Mlp) buildMlp();
  updateView();
}

void PerceptronLab::buildMlp() {
  mlp_->restart(targets().to_vector<double>(), hidden_act_->currentText().toStdString(), mlp_lr_->value() / 10.0);
}

double PerceptronLab::mlpLoss() const { return mlp_->frame() ? mlp_->frame()->loss : 0.0; }
std::int64_t PerceptronLab::mlpSteps() const { return mlp_->frame() ? mlp_->frame()->steps : 0; }

void PerceptronLab::reset() {
  perceptron_ = gs::nn::Perceptron(2, lr_->value() / 10.0);
  {
    const QSignalBlocker a(w1_), b(w2_), c(b_);
    w1_->setValue(10);
    w2_->setValue(10);
    b_->setValue(-5);
  }
  perceptron_.weight.copy_(gs::tensor({1.0, 1.0}, gs::TensorOptions{.dtype = gs::kFloat64}));
  perceptron_.bias.fill_(-0.5);
  sample_ = epoch_ = updates_in_epoch_ = clean_epochs_ = 0;
  error_history_ = {static_cast<double>(misclassified())};
  if (mode_ == Mode::Mlp) buildMlp();
  updateView();
}

void PerceptronLab::syncSlidersFromPerceptron() {
  const QSignalBlocker a(w1_), b(w2_), c(b_);
  w1_->setValue(static_cast<int>(std::lround(w1() * 10)));
  w2_->setValue(static_cast<int>(std::lround(w2() * 10)));
  b_->setValue(static_cast<int>(std::lround(bias() * 10)));
}

void PerceptronLab::step() {
  if (mode_ == Mode::Mlp) {
    mlp_->train(kMlpStepsPerStep);  // the view follows when the worker publishes
    return;
  }
  // One application of the perceptron rule to the next sample, in order.
  const gs::Tensor x = inputs().index({sample_});
  if (perceptron_.update(x, gateOutput(gate(), sample_))) ++updates_in_epoch_;
  sample_ = (sample_ + 1) % 4;
  if (sample_ == 0) {
    ++epoch_;
    clean_epochs_ = updates_in_epoch_ == 0 ? clean_epochs_ + 1 : 0;
    updates_in_epoch_ = 0;
  }
  error_history_ << misclassified();
  syncSlidersFromPerceptron();
  updateView();
}

int PerceptronLab::misclassified() const {
  if (mode_ == Mode::Mlp && mlp_->frame()) {
    const std::vector<double> y = targets().to_vector<double>();
    int wrong = 0;
    for (int i = 0; i < 4; ++i) wrong += (mlp_->frame()->logits[i] > 0 ? 1.0 : 0.0) != y[i];
    return wrong;
  }
  return static_cast<int>(perceptron_.errors(inputs(), targets()));
}

void PerceptronLab::retranslate() {
  data_box_->setTitle(tr("Data"));
  gate_label_->setText(tr("Logic gate"));
  single_->setText(tr("Single perceptron (step)"));
  mlp_radio_->setText(tr("2-2-1 MLP (hidden layer)"));
  neuron_box_->setTitle(tr("Perceptron ŷ = step(w·x + b)"));
  mlp_box_->setTitle(tr("2-2-1 MLP, backpropagation"));
  hidden_act_label_->setText(tr("Hidden activation"));
  solve_mlp_->setText(tr("Solve with a 2-2-1 MLP"));
  table_->setHorizontalHeaderLabels({"x₁", "x₂", "y", mode_ == Mode::Mlp ? "h₁, h₂" : "w·x+b", "ŷ"});
  updateView();
}

void PerceptronLab::applyAppearance() {
  stylePlot(input_plot_);
  stylePlot(second_plot_);
  layout_->refresh();
  updateView();
}

void PerceptronLab::updateView() {
  w1_label_->setText(tr("w₁ = %1").arg(fmt(w1())));
  w2_label_->setText(tr("w₂ = %1").arg(fmt(w2())));
  b_label_->setText(tr("b = %1").arg(fmt(bias())));
  lr_label_->setText(tr("Learning rate η = %1").arg(fmt(perceptron_.lr)));
  mlp_lr_label_->setText(tr("Learning rate = %1 (SGD, momentum 0.9)").arg(fmt(mlp_lr_->value() / 10.0)));
  solve_mlp_->setVisible(gate() == "XOR");
  drawRegions();
  drawInputPlot();
  updateStatus();
  updateTable();
  updateSecondPlot();
  emit codeChanged();
}

void PerceptronLab::drawRegions() {
  // Decision regions: the model's own output on a grid over the input plane.
  std::vector<double> out;
  if (mode_ == Mode::Mlp && mlp_->frame()) {
    out = mlp_->frame()->region;
  } else {
    out = perceptron_.predict(gs::from_vector(planeGrid(), {kGrid * kGrid, 2}, {.dtype = gs::kFloat64})).to_vector<double>();
  }
  for (int iy = 0; iy < kGrid; ++iy)
    for (int ix = 0; ix < kGrid; ++ix) region_->data()->setCell(ix, iy, out[iy * kGrid + ix]);
  QCPColorGradient gradient;
  gradient.setColorStopAt(0.0, palette::classTint(0));
  gradient.setColorStopAt(1.0, palette::classTint(1));
  region_->setGradient(gradient);
  region_->setDataRange(QCPRange(0, 1));
}

void PerceptronLab::drawInputPlot() {
  const Appearance& a = Appearance::instance();
  input_plot_->clearGraphs();
  input_plot_->clearItems();
  // The perceptron's decision line w1 x1 + w2 x2 + b = 0.
  if (mode_ == Mode::Perceptron) {
    const double w1v = w1(), w2v = w2(), bv = bias();
    QCPGraph* line = input_plot_->addGraph();
    line->setPen(seriesPen(7, Qt::SolidLine, 1.2));
    if (std::abs(w2v) > 1e-9) {
      line->setData({kLo, kHi}, {-(w1v * kLo + bv) / w2v, -(w1v * kHi + bv) / w2v});
    } else if (std::abs(w1v) > 1e-9) {
      line->setData({-bv / w1v, -bv / w1v}, {kLo, kHi});
    }
  }
  // The four points, all training points so all filled: class 0 an orange circle, class 1 a blue
  // square (palette); wrong ones ringed in red.
  const std::vector<double> y = targets().to_vector<double>();
  std::vector<double> pred;
  if (mode_ == Mode::Mlp && mlp_->frame()) {
    for (double logit : mlp_->frame()->logits) pred.push_back(logit > 0 ? 1.0 : 0.0);
  } else {
    pred = perceptron_.predict(inputs()).to_vector<double>();
  }
  const double s = a.scale();
  for (int cls = 0; cls < 2; ++cls) {
    QCPGraph* g = input_plot_->addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(palette::classPoint(cls, false, (cls == 0 ? 18 : 16) * s));
    for (int i = 0; i < 4; ++i)
      if (static_cast<int>(y[i]) == cls) g->addData(kPoints[i][0], kPoints[i][1]);
  }
  QCPGraph* wrong = input_plot_->addGraph();
  wrong->setLineStyle(QCPGraph::lsNone);
  wrong->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(a.errorColor(), 3 * s), Qt::NoBrush, 34 * s));
  for (int i = 0; i < 4; ++i)
    if (pred[i] != y[i]) wrong->addData(kPoints[i][0], kPoints[i][1]);
  input_plot_->xAxis->setRange(kLo, kHi);
  input_plot_->yAxis->setRange(kLo, kHi);
  const int errors = misclassified();
  setPlotTitle(input_plot_, tr("%1: %2 of 4 points misclassified").arg(gate()).arg(errors));
  input_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PerceptronLab::updateStatus() {
  // What is happening, in words.
  const int errors = misclassified();
  QString status;
  if (mode_ == Mode::Mlp) {
    status = tr("MLP: %1 gradient steps, loss %2, %3 of 4 wrong.").arg(mlpSteps()).arg(QString::number(mlpLoss(), 'f', 4)).arg(errors);
    if (errors == 0 && mlpSteps() > 0) status += " " + tr("The hidden layer bent the space: XOR is solved.");
  } else {
    status = tr("Epoch %1, sample %2 next. %3 of 4 wrong.").arg(epoch_).arg(sample_ + 1).arg(errors);
    if (clean_epochs_ > 0) status += " " + tr("Converged: a whole epoch without a mistake.");
    else if (gate() == "XOR" && epoch_ >= 5)
      status += " " + tr("XOR is not linearly separable: no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other, so the rule never settles.");
  }
  status_->setText(status);
}

void PerceptronLab::updateTable() {
  table_->setHorizontalHeaderLabels({"x₁", "x₂", "y", mode_ == Mode::Mlp ? "h₁, h₂" : "w·x+b", "ŷ"});
  const std::vector<double> y = targets().to_vector<double>();
  std::vector<double> middle, pred;
  if (mode_ == Mode::Mlp && mlp_->frame()) {
    middle = mlp_->frame()->hidden;
    for (double logit : mlp_->frame()->logits) pred.push_back(logit > 0 ? 1.0 : 0.0);
  } else {
    middle = perceptron_.net_input(inputs()).to_vector<double>();
    pred = perceptron_.predict(inputs()).to_vector<double>();
  }
  for (int i = 0; i < 4; ++i) {
    const QString mid = mode_ == Mode::Mlp ? QString("%1, %2").arg(fmt(middle[2 * i]), fmt(middle[2 * i + 1])) : fmt(middle[i]);
    const QStringList cells = {QString::number(kPoints[i][0]), QString::number(kPoints[i][1]), QString::number(y[i]), mid,
                               QString::number(pred[i])};
    for (int c = 0; c < 5; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setTextAlignment(Qt::AlignCenter);
      if (c == 4 && pred[i] != y[i]) item->setForeground(Appearance::instance().errorColor());
      table_->setItem(i, c, item);
    }
  }
}

void PerceptronLab::updateSecondPlot() {
  second_plot_->clearGraphs();
  second_plot_->clearItems();
  const Appearance& a = Appearance::instance();
  if (mode_ == Mode::Mlp && mlp_->frame()) {
    // The hidden layer's view: the four points in (h1, h2) space, and the output neuron's line.
    setPlotTitle(second_plot_, tr("Hidden layer view (h₁, h₂)"));
    second_plot_->xAxis->setLabel("h₁");
    second_plot_->yAxis->setLabel("h₂");
    const std::vector<double>& h = mlp_->frame()->hidden;
    const std::vector<double> y = targets().to_vector<double>();
    double lo = 1e9, hi = -1e9;
    for (double v : h) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    const double pad = std::max(0.2, 0.15 * (hi - lo));
    lo -= pad;
    hi += pad;
    const auto& w = mlp_->frame()->out_weight;
    const double b = mlp_->frame()->out_bias;
    QCPGraph* line = second_plot_->addGraph();
    line->setPen(seriesPen(7, Qt::SolidLine, 1.2));
    if (std::abs(w[1]) > 1e-9) line->setData({lo, hi}, {-(w[0] * lo + b) / w[1], -(w[0] * hi + b) / w[1]});
    const double s = a.scale();
    for (int cls = 0; cls < 2; ++cls) {
      QCPGraph* g = second_plot_->addGraph();
      g->setLineStyle(QCPGraph::lsNone);
      g->setScatterStyle(palette::classPoint(cls, false, (cls == 0 ? 14 : 12) * s));
      for (int i = 0; i < 4; ++i)
        if (static_cast<int>(y[i]) == cls) g->addData(h[2 * i], h[2 * i + 1]);
    }
    second_plot_->xAxis->setRange(lo, hi);
    second_plot_->yAxis->setRange(lo, hi);
  } else {
    setPlotTitle(second_plot_, tr("Errors after each update"));
    second_plot_->xAxis->setLabel(tr("samples seen"));
    second_plot_->yAxis->setLabel(tr("misclassified"));
    QCPGraph* g = second_plot_->addGraph();
    g->setPen(seriesPen(7));
    g->setLineStyle(QCPGraph::lsStepLeft);
    // A dot on every count, so that the start (one count, no line yet) shows too.
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, a.plotForeground(), 7 * a.scale()));
    for (int i = 0; i < error_history_.size(); ++i) g->addData(i, error_history_[i]);
    second_plot_->xAxis->setRange(-0.5, std::max<int>(8, error_history_.size()));  // (the first dot whole, off the axis)
    second_plot_->yAxis->setRange(-0.2, 4.2);
    // Step 0: say what the plot will show (above the counts: at most 4 of 4).
    setPlotHint(second_plot_, error_history_.size() <= 1 ? tr("Press Step: each update of the rule adds the count of misclassified points")
                                                         : QString())
        ->position->setCoords(0.5, 0.3);
  }
  second_plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString PerceptronLab::pytorchCode() const {
  const QString g = gate();
  QString y = "[";
  for (int i = 0; i < 4; ++i) y += QString::number(gateOutput(g, i)) + (i < 3 ? ", " : "]");
  if (mode_ == Mode::Mlp) {
    return QString(
               "import torch\n\n"
               "X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])\n"
               "y = torch.tensor(%1).float().view(-1, 1)   # %2\n\n"
               "torch.manual_seed(%3)\n"
               "model = torch.nn.Sequential(\n"
               "    torch.nn.Linear(2, 2),\n"
               "    torch.nn.%4(),\n"
               "    torch.nn.Linear(2, 1),   # logits: the sigmoid is inside the loss\n"
               ")\n"
               "loss_fn = torch.nn.BCEWithLogitsLoss()\n"
               "optimizer = torch.optim.SGD(model.parameters(), lr=%5, momentum=0.9)\n\n"
               "for step in range(%6):\n"
               "    optimizer.zero_grad()\n"
               "    loss = loss_fn(model(X), y)\n"
               "    loss.backward()\n"
               "    optimizer.step()\n")
        .arg(y, g)
        .arg(XorMlp::kSeed)
        .arg(hidden_act_->currentText(), fmt(mlp_lr_->value() / 10.0))
        .arg(std::max<std::int64_t>(mlpSteps(), kMlpStepsPerStep));
  }
  return QString(
             "import torch\n\n"
             "X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])\n"
             "y = torch.tensor(%1).float()   # %2\n"
             "w = torch.tensor([%3, %4])\n"
             "b = torch.tensor(%5)\n"
             "lr = %6\n\n"
             "def predict(x):\n"
             "    return (x @ w + b > 0).float()   # step activation\n\n"
             "# The perceptron rule, one sample at a time\n"
             "for epoch in range(10):\n"
             "    for xi, yi in zip(X, y):\n"
             "        error = yi - predict(xi)\n"
             "        w += lr * error * xi\n"
             "        b += lr * error\n")
      .arg(y, g, fmt(w1()), fmt(w2()), fmt(bias()), fmt(perceptron_.lr));
}

QList<QPair<QString, QWidget*>> PerceptronLab::exportablePlots() const {
  return {{tr("Input space"), input_plot_}, {tr("Second plot"), second_plot_}};
}

}  // namespace gsui
