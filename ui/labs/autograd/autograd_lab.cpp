#include "labs/autograd/autograd_lab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/settings_keys.h"
#include "autograd/gradcheck.h"
#include "autograd/grad_mode.h"
#include "labs/autograd/graph_view.h"
#include "ops/functional.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

struct Example {
  const char* title;  // translated in the AutogradLab context
  const char* source;
  std::vector<std::tuple<const char*, const char*, bool>> leaves;  // name, value, requires_grad
};

const std::vector<Example>& examples() {
  static const std::vector<Example> list = {
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Neuron: z = sigmoid(w*x + b)"), "z = sigmoid(w*x + b)",
       {{"w", "0.5", true}, {"x", "2.0", false}, {"b", "0.1", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Sum of squares: y = (x**2).sum()"), "y = (x**2).sum()", {{"x", "1, 2, 3", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Two-layer neuron with a squared error"),
       "h = tanh(w1*x + b1)\ny = sigmoid(w2*h + b2)\nloss = (y - t)**2",
       {{"w1", "0.8", true}, {"x", "1.0", false}, {"b1", "-0.2", true}, {"w2", "1.5", true}, {"b2", "0.3", true}, {"t", "1.0", false}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Diamond: x and y used twice"), "a = x*y\nb = x + y\nz = a*b",
       {{"x", "2.0", true}, {"y", "3.0", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Mistake: backward() on a non-scalar"), "y = x * 2", {{"x", "1, 2, 3", true}}},
      {QT_TRANSLATE_NOOP("gsui::AutogradLab", "Mistake: nothing requires grad"), "z = w*x + b",
       {{"w", "0.5", false}, {"x", "2.0", false}, {"b", "0.1", false}}},
  };
  return list;
}

/// "0.5" → scalar, "1, 2, 3" → vector; nullopt with `error` naming the bad value.
std::optional<gs::Tensor> parseValue(const QString& name, const QString& text, QString& error) {
  const QStringList parts = text.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts);
  if (parts.isEmpty()) {
    error = AutogradLab::tr("leaf %1 has no value: type a number like 0.5 or a list like 1, 2, 3").arg(name);
    return std::nullopt;
  }
  std::vector<double> v;
  for (const QString& p : parts) {
    bool ok = false;
    const double x = p.toDouble(&ok);
    if (!ok || !std::isfinite(x)) {
      error = AutogradLab::tr("leaf %1: “%2” is not a number").arg(name, p);
      return std::nullopt;
    }
    v.push_back(x);
  }
  if (v.size() > 16) {
    error = AutogradLab::tr("leaf %1: at most 16 values, please").arg(name);
    return std::nullopt;
  }
  return parts.size() == 1 ? gs::scalar_tensor(v[0], {.dtype = gs::kFloat64})
                           : gs::from_vector(v, {static_cast<std::int64_t>(v.size())}, {.dtype = gs::kFloat64});
}

}  // namespace

AutogradLab::AutogradLab(QWidget* parent) : Lab(parent) {
  graph_ = new GraphView(this);
  error_plot_ = makePlot("h", "|error|", this);
  error_plot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
  error_plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  for (QCPAxis* axis : {error_plot_->xAxis, error_plot_->yAxis}) {
    QSharedPointer<QCPAxisTickerLog> log_ticker(new QCPAxisTickerLog);
    log_ticker->setTickCount(axis == error_plot_->yAxis ? 3 : 6);
    axis->setTicker(log_ticker);
    axis->setNumberFormat("eb");
    axis->setNumberPrecision(0);
  }
  addPlotTitle(error_plot_);
  error_ = new QLabel;
  error_->setWordWrap(true);
  error_->setObjectName("error");
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  output_label_ = new QLabel;
  auto* split = new QSplitter(Qt::Vertical);
  auto* top = new QWidget;
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  top_layout->addWidget(output_label_);
  top_layout->addWidget(graph_, 1);
  top_layout->addWidget(error_);
  split->addWidget(top);
  split->addWidget(error_plot_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);

  controls_ = new QWidget;
  auto* cl = new QVBoxLayout(controls_);
  program_box_ = new QGroupBox;
  auto* pl = new QVBoxLayout(program_box_);
  examples_ = new QComboBox;
  examples_->setObjectName("examples");
  examples_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  examples_->setMinimumContentsLength(12);
  for (std::size_t i = 0; i < examples().size(); ++i) examples_->addItem(QString());
  source_ = new QPlainTextEdit;
  source_->setObjectName("program");
  source_->setMaximumHeight(90);
  QFont mono("monospace");
  mono.setStyleHint(QFont::Monospace);
  source_->setFont(mono);
  leaves_table_ = new QTableWidget(0, 3);
  leaves_table_->setObjectName("leaves");
  leaves_table_->verticalHeader()->hide();
  leaves_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  leaves_table_->verticalHeader()->setDefaultSectionSize(leaves_table_->fontMetrics().height() + 8);
  leaves_table_->setMinimumHeight(5 * (leaves_table_->fontMetrics().height() + 8));
  pl->addWidget(examples_);
  pl->addWidget(source_);
  pl->addWidget(leaves_table_);
  cl->addWidget(program_box_);

  run_box_ = new QGroupBox;
  auto* rl = new QGridLayout(run_box_);
  forward_button_ = new QPushButton;
  step_button_ = new QPushButton;
  backward_button_ = new QPushButton;
  zero_button_ = new QPushButton;
  forward_button_->setObjectName("forward");
  step_button_->setObjectName("stepBackward");
  backward_button_->setObjectName("backward");
  zero_button_->setObjectName("zeroGrad");
  rl->addWidget(forward_button_, 0, 0);
  rl->addWidget(backward_button_, 0, 1);
  rl->addWidget(step_button_, 1, 0);
  rl->addWidget(zero_button_, 1, 1);
  cl->addWidget(run_box_);

  mistakes_box_ = new QGroupBox;
  auto* ml = new QVBoxLayout(mistakes_box_);
  zero_before_ = new QCheckBox;
  zero_before_->setObjectName("zeroBefore");
  zero_before_->setChecked(true);
  retain_graph_ = new QCheckBox;
  retain_graph_->setObjectName("retainGraph");
  zero_hint_ = new QLabel;
  zero_hint_->setWordWrap(true);
  retain_hint_ = new QLabel;
  retain_hint_->setWordWrap(true);
  ml->addWidget(zero_before_);
  ml->addWidget(zero_hint_);
  ml->addWidget(retain_graph_);
  ml->addWidget(retain_hint_);
  cl->addWidget(mistakes_box_);

  numeric_box_ = new QGroupBox;
  auto* nl = new QFormLayout(numeric_box_);
  numeric_leaf_ = new QComboBox;
  numeric_leaf_->setToolTip(tr("The leaf to differentiate by"));
  step_size_label_ = new QLabel;
  step_size_ = new QSlider(Qt::Horizontal);
  step_size_->setObjectName("stepSize");
  step_size_->setRange(-14, -1);  // h = 10^v
  step_size_->setValue(-5);
  numeric_result_ = new QLabel;
  numeric_result_->setWordWrap(true);
  nl->addRow(numeric_leaf_);
  nl->addRow(step_size_label_);
  nl->addRow(step_size_);
  nl->addRow(numeric_result_);
  cl->addWidget(numeric_box_);
  cl->addStretch();

  connect(examples_, &QComboBox::activated, this, [this](int i) { chooseExample(i); });
  connect(forward_button_, &QPushButton::clicked, this, [this] { forward(); });
  connect(step_button_, &QPushButton::clicked, this, [this] { step(); });
  connect(backward_button_, &QPushButton::clicked, this, [this] { backwardAll(); });
  connect(zero_button_, &QPushButton::clicked, this, [this] { zeroGrad(); });
  connect(source_, &QPlainTextEdit::textChanged, this, [this] {
    rebuildLeafTable();
    forward();
  });
  connect(leaves_table_, &QTableWidget::itemChanged, this, [this] {
    if (updating_table_) return;
    readLeafTable();
    forward();
  });
  connect(step_size_, &QSlider::valueChanged, this, &AutogradLab::updateNumerical);
  connect(numeric_leaf_, &QComboBox::currentTextChanged, this, &AutogradLab::updateNumerical);
  connect(zero_before_, &QCheckBox::toggled, this, [this] { emit codeChanged(); });
  connect(retain_graph_, &QCheckBox::toggled, this, [this] { emit codeChanged(); });

  retranslate();
  chooseExample(0);
}

QString AutogradLab::labId() const { return labs::kAutograd; }
int AutogradLab::exampleCount() const { return static_cast<int>(examples().size()); }
double AutogradLab::stepSize() const { return std::pow(10.0, step_size_->value()); }
QString AutogradLab::errorText() const { return error_->text(); }
void AutogradLab::setZeroGradBeforeBackward(bool on) { zero_before_->setChecked(on); }
void AutogradLab::setRetainGraph(bool on) { retain_graph_->setChecked(on); }

gs::Tensor AutogradLab::leaf(const QString& name) const {
  auto it = leaf_tensors_.find(name);
  return it == leaf_tensors_.end() ? gs::Tensor() : it->second;
}

void AutogradLab::chooseExample(int index) {
  if (index < 0 || index >= exampleCount()) return;
  const Example& e = examples()[index];
  examples_->setCurrentIndex(index);
  leaf_tensors_.clear();
  leaf_text_.clear();
  leaf_requires_grad_.clear();
  for (const auto& [name, value, rg] : e.leaves) {
    leaf_text_[name] = value;
    leaf_requires_grad_[name] = rg;
  }
  const QSignalBlocker block(source_);
  source_->setPlainText(e.source);
  rebuildLeafTable();
  forward();
}

void AutogradLab::setProgram(const QString& source) { source_->setPlainText(source); }

void AutogradLab::setLeaf(const QString& name, const QString& value, bool requires_grad) {
  leaf_text_[name] = value;
  leaf_requires_grad_[name] = requires_grad;
  rebuildLeafTable();
  forward();
}

void AutogradLab::rebuildLeafTable() {
  std::vector<std::string> names;
  try {
    names = gs::expr::free_variables(source_->toPlainText().toStdString());
  } catch (const gs::Error&) {
    return;  // forward() reports the syntax error; keep the table as it is
  }
  leaf_order_.clear();
  for (const auto& n : names) leaf_order_ << QString::fromStdString(n);
  updating_table_ = true;
  leaves_table_->setRowCount(leaf_order_.size());
  for (int r = 0; r < leaf_order_.size(); ++r) {
    const QString& name = leaf_order_[r];
    if (!leaf_text_.count(name)) leaf_text_[name] = "1.0";
    if (!leaf_requires_grad_.count(name)) leaf_requires_grad_[name] = true;
    auto* n = new QTableWidgetItem(name);
    n->setFlags(Qt::ItemIsEnabled);
    auto* v = new QTableWidgetItem(leaf_text_[name]);
    auto* rg = new QTableWidgetItem;
    rg->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    rg->setCheckState(leaf_requires_grad_[name] ? Qt::Checked : Qt::Unchecked);
    leaves_table_->setItem(r, 0, n);
    leaves_table_->setItem(r, 1, v);
    leaves_table_->setItem(r, 2, rg);
  }
  updating_table_ = false;
  const QString current = numeric_leaf_->currentText();
  const QSignalBlocker block(numeric_leaf_);
  numeric_leaf_->clear();
  for (const QString& n : leaf_order_) numeric_leaf_->addItem(n);
  const int keep = numeric_leaf_->findText(current);
  numeric_leaf_->setCurrentIndex(keep >= 0 ? keep : 0);
}

void AutogradLab::readLeafTable() {
  for (int r = 0; r < leaves_table_->rowCount(); ++r) {
    const QString name = leaves_table_->item(r, 0)->text();
    leaf_text_[name] = leaves_table_->item(r, 1)->text();
    leaf_requires_grad_[name] = leaves_table_->item(r, 2)->checkState() == Qt::Checked;
  }
}

void AutogradLab::showError(const QString& text) {
  error_->setText(text);
  error_->setStyleSheet(text.isEmpty() ? QString() : QString("color: %1; font-weight: bold").arg(Appearance::instance().errorColor().name()));
  if (!text.isEmpty()) emit message(text.section('\n', 0, 0));
}

bool AutogradLab::forward() {
  // Leaves keep their identity across forward passes (so .grad can accumulate, as a model's
  // parameters do); a new value is copied in, a new shape or flag makes a new leaf.
  std::map<std::string, gs::Tensor> values;
  QString error;
  for (const QString& name : leaf_order_) {
    auto parsed = parseValue(name, leaf_text_[name], error);
    if (!parsed) {
      showError(error);
      return false;
    }
    gs::Tensor& t = leaf_tensors_[name];
    const bool rg = leaf_requires_grad_[name];
    if (!t.defined() || t.shape() != parsed->shape() || t.requires_grad() != rg) {
      t = parsed->clone();
      t.set_name(name.toStdString());
      if (rg) t.requires_grad_(true);
    } else {
      gs::NoGradGuard no_grad;
      t.copy_(*parsed);
    }
    values[name.toStdString()] = t;
  }
  pass_.reset();
  node_grads_.clear();
  edge_grads_.clear();
  done_.clear();
  try {
    evaluation_ = gs::expr::evaluate(source_->toPlainText().toStdString(),
                                     std::map<std::string, gs::Tensor>(values.begin(), values.end()));
  } catch (const gs::Error& e) {
    evaluation_ = gs::expr::Evaluation();
    showError(QString::fromUtf8(e.what()));
    graph_->setMessage(tr("The program has an error; fix it to see its graph."));
    emit codeChanged();
    return false;
  }
  showError(QString());
  output_label_->setText(tr("Output %1 = %2   (shape %3)")
                             .arg(QString::fromStdString(evaluation_.output_name), compactTensor(evaluation_.output),
                                  QString::fromStdString(gs::shape_str(evaluation_.output.shape()))));
  updateGraph();
  updateNumerical();
  emit codeChanged();
  return true;
}

void AutogradLab::updateGraph() {
  if (!evaluation_.output.defined()) return;
  if (!evaluation_.output.requires_grad()) {
    graph_->setMessage(tr("No graph was recorded: no leaf has requires_grad=True, so nothing will be differentiated. "
                          "Tick requires_grad for a leaf."));
    return;
  }
  GraphState state;
  state.nodes = gs::graph_nodes(evaluation_.output);
  for (const auto& [node, name] : evaluation_.node_labels) state.labels[node] = QString::fromStdString(name);
  state.values = evaluation_.node_values;
  state.grads = node_grads_;
  state.edge_grads = edge_grads_;
  state.done = done_;
  state.next = pass_ && !pass_->done() ? pass_->next().get() : nullptr;
  graph_->setState(state);
}

void AutogradLab::startBackwardPass() {
  if (zero_before_->isChecked()) zeroGrad();
  node_grads_.clear();
  edge_grads_.clear();
  done_.clear();
  pass_ = std::make_unique<gs::BackwardPass>(evaluation_.output, gs::Tensor(), retain_graph_->isChecked());
  ++backward_calls_;
}

void AutogradLab::step() {
  if (!evaluation_.output.defined()) return;
  // Stepping after a finished pass starts over with a fresh forward pass (a new graph), so Play
  // can loop; the backward() button instead reuses the graph and shows the freed-graph error.
  if (pass_ && pass_->done() && !retain_graph_->isChecked() && !forward()) return;
  try {
    if (!pass_ || pass_->done()) startBackwardPass();
    const gs::BackwardStep s = pass_->step();
    node_grads_[s.node.get()] = s.grad_output;
    for (std::size_t i = 0; i < s.grad_inputs.size(); ++i)
      if (s.grad_inputs[i].defined()) edge_grads_[{s.node.get(), static_cast<int>(i)}] = s.grad_inputs[i];
    done_.insert(s.node.get());
    showError(QString());
    emit message(tr("Backward ran %1").arg(QString::fromStdString(s.node->name())));
  } catch (const gs::Error& e) {
    pass_.reset();
    showError(QString::fromUtf8(e.what()));
  }
  updateGraph();
  rebuildLeafTable();
}

void AutogradLab::backwardAll() {
  if (!evaluation_.output.defined()) return;
  try {
    if (!pass_ || pass_->done()) startBackwardPass();
    while (!pass_->done()) {
      const gs::BackwardStep s = pass_->step();
      node_grads_[s.node.get()] = s.grad_output;
      for (std::size_t i = 0; i < s.grad_inputs.size(); ++i)
        if (s.grad_inputs[i].defined()) edge_grads_[{s.node.get(), static_cast<int>(i)}] = s.grad_inputs[i];
      done_.insert(s.node.get());
    }
    showError(QString());
  } catch (const gs::Error& e) {
    pass_.reset();
    showError(QString::fromUtf8(e.what()));
  }
  updateGraph();
}

void AutogradLab::zeroGrad() {
  for (auto& [name, t] : leaf_tensors_) t.set_grad(gs::Tensor());
  updateGraph();
}

void AutogradLab::reset() {
  pass_.reset();
  backward_calls_ = 0;
  chooseExample(examples_->currentIndex());
}

void AutogradLab::updateNumerical() {
  step_size_label_->setText(tr("Step size h = 1e%1").arg(step_size_->value()));
  error_plot_->clearGraphs();
  const QString leaf_name = numeric_leaf_->currentText();
  if (!evaluation_.output.defined() || leaf_name.isEmpty() || !leaf_tensors_.count(leaf_name)) {
    numeric_result_->clear();
    error_plot_->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  // f(leaves) = sum(output), evaluated afresh: the lab's own graph and .grad stay untouched.
  const std::string source = source_->toPlainText().toStdString();
  std::vector<std::string> names;
  std::vector<gs::Tensor> inputs;
  std::size_t which = 0;
  for (const QString& n : leaf_order_) {
    if (n == leaf_name) which = inputs.size();
    names.push_back(n.toStdString());
    inputs.push_back(leaf_tensors_[n].detach().clone());
  }
  const gs::DifferentiableFn f = [&](const std::vector<gs::Tensor>& v) {
    std::map<std::string, gs::Tensor> m;
    for (std::size_t i = 0; i < v.size(); ++i) m[names[i]] = v[i];
    return gs::sum(gs::expr::evaluate(source, m).output);
  };
  try {
    std::vector<gs::Tensor> probe = inputs;
    probe[which].requires_grad_(true);
    f(probe).backward();
    analytic_ = probe[which].grad().defined() ? probe[which].grad().to_vector<double>()[0] : 0.0;
    numerical_ = gs::central_difference(f, inputs, which, 0, stepSize());
    QVector<double> hs, errs;
    for (int e = -15; e <= -1; ++e) {
      for (double m : {1.0, 3.0}) {
        const double h = m * std::pow(10.0, e);
        const double err = std::abs(gs::central_difference(f, inputs, which, 0, h) - analytic_);
        hs << h;
        errs << std::max(err, 1e-17);
      }
    }
    QCPGraph* g = error_plot_->addGraph();
    g->setPen(seriesPen(0));
    g->setData(hs, errs, true);
    QCPGraph* marker = error_plot_->addGraph();
    marker->setLineStyle(QCPGraph::lsNone);
    marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Appearance::instance().seriesColor(1), 12 * Appearance::instance().scale()));
    marker->addData(stepSize(), std::max(std::abs(numerical_ - analytic_), 1e-17));
    error_plot_->xAxis->setRange(5e-16, 0.5);
    error_plot_->yAxis->setRange(1e-17, 1);
    setPlotTitle(error_plot_, tr("Central difference error vs h: truncation (right) and rounding (left)"));
    numeric_result_->setText(tr("∂(sum %1)/∂%2[0]: analytic %3, numerical %4, error %5")
                                 .arg(QString::fromStdString(evaluation_.output_name), leaf_name)
                                 .arg(analytic_, 0, 'g', 12)
                                 .arg(numerical_, 0, 'g', 12)
                                 .arg(std::abs(numerical_ - analytic_), 0, 'e', 2));
  } catch (const gs::Error& e) {
    numeric_result_->setText(QString::fromUtf8(e.what()).section('\n', 0, 0));
  }
  error_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void AutogradLab::retranslate() {
  program_box_->setTitle(tr("Program and leaves"));
  for (int i = 0; i < exampleCount(); ++i) examples_->setItemText(i, tr(examples()[i].title));
  leaves_table_->setHorizontalHeaderLabels({tr("leaf"), tr("value"), "requires_grad"});
  source_->setToolTip(tr("One assignment per line: + - * / ** and sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean"));
  run_box_->setTitle(tr("Run"));
  forward_button_->setText(tr("Forward"));
  backward_button_->setText(tr("backward()"));
  step_button_->setText(tr("Step backward (→)"));
  zero_button_->setText(tr("zero_grad()"));
  mistakes_box_->setTitle(tr("Common mistakes"));
  zero_before_->setText(tr("zero_grad() before each backward()"));
  zero_hint_->setText(tr("Untick it and run backward() twice: the gradients add up."));
  retain_graph_->setText("retain_graph=True");
  retain_hint_->setText(tr("Leave it off and run backward() twice without Forward: the freed graph raises an error."));
  numeric_box_->setTitle(tr("Numerical vs analytic derivative"));
  updateNumerical();
  if (evaluation_.output.defined()) {
    output_label_->setText(tr("Output %1 = %2   (shape %3)")
                               .arg(QString::fromStdString(evaluation_.output_name), compactTensor(evaluation_.output),
                                    QString::fromStdString(gs::shape_str(evaluation_.output.shape()))));
    updateGraph();
  }
}

void AutogradLab::applyAppearance() {
  stylePlot(error_plot_);
  graph_->redraw();
  updateNumerical();
}

QString AutogradLab::pytorchCode() const {
  QStringList lines = {"import torch", ""};
  for (const QString& n : leaf_order_) {
    const QString text = leaf_text_.count(n) ? leaf_text_.at(n) : "1.0";
    const bool vector = text.contains(',') || text.trimmed().contains(' ');
    const QString value = vector ? "[" + text.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts).join(", ") + "]" : text.trimmed();
    const bool rg = leaf_requires_grad_.count(n) && leaf_requires_grad_.at(n);
    lines << QString("%1 = torch.tensor(%2%3)").arg(n, value, rg ? ", requires_grad=True" : "");
  }
  lines << "";
  QString src = source_->toPlainText();
  src.replace(QRegularExpression("\\b(sigmoid|tanh|relu|exp|log|sqrt|abs|softmax)\\("), "torch.\\1(");
  src.replace(QRegularExpression("\\b(sum|mean)\\("), "torch.\\1(");
  lines << src.split('\n');
  const QString out = QString::fromStdString(evaluation_.output_name.empty() ? "y" : evaluation_.output_name);
  lines << "";
  if (zero_before_->isChecked()) {
    QStringList grads;
    for (const QString& n : leaf_order_)
      if (leaf_requires_grad_.count(n) && leaf_requires_grad_.at(n)) grads << n;
    if (!grads.isEmpty()) lines << QString("for t in (%1,):\n    t.grad = None        # zero_grad()").arg(grads.join(", "));
  } else {
    lines << "# no zero_grad(): each backward() adds to .grad";
  }
  lines << QString("%1.backward(%2)").arg(out, retain_graph_->isChecked() ? "retain_graph=True" : "");
  lines << QString("print(%1.grad_fn)").arg(out);
  for (const QString& n : leaf_order_)
    if (leaf_requires_grad_.count(n) && leaf_requires_grad_.at(n)) lines << QString("print(%1.grad)").arg(n);
  return lines.join('\n') + '\n';
}

QList<QPair<QString, QWidget*>> AutogradLab::exportablePlots() const {
  return {{tr("Computation graph"), graph_}, {tr("Finite-difference error"), error_plot_}};
}

}  // namespace gsui
