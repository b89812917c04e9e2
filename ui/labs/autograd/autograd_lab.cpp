#include "labs/autograd/autograd_lab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/engine_message.h"
#include "app/control_group.h"
#include "autograd/grad_mode.h"
#include "labs/autograd/autograd_examples.h"
#include "labs/autograd/finite_difference_plot.h"
#include "labs/autograd/graph_view.h"
#include "labs/autograd/leaf_table.h"
#include "plots/plot_style.h"

namespace gsui {

AutogradLab::AutogradLab(QWidget* parent) : Lab(parent) {
  buildViews();
  buildRunGroup();  // first: Forward, backward() and the steps are what a teacher presses
  buildProgramGroup();
  buildMistakesGroup();
  buildNumericGroup();
  controlsLayout()->addStretch();
  connectControls();
  retranslate();
  chooseExample(0);
}

void AutogradLab::buildViews() {
  graph_ = new GraphView(this);
  error_plot_ = makeFiniteDifferencePlot(this);
  error_ = new QLabel;
  error_->setWordWrap(true);
  error_->setObjectName("error");
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  torch_error_ = new QLabel;
  torch_error_->setWordWrap(true);
  torch_error_->setObjectName("torchError");
  torch_error_->setProperty("gsVerbatim", true);  // PyTorch's words, in English on purpose
  torch_error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  torch_error_->hide();
  output_label_ = new QLabel;
  auto* split = new QSplitter(Qt::Vertical);
  auto* top = new QWidget;
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  top_layout->addWidget(output_label_);
  top_layout->addWidget(graph_, 1);
  top_layout->addWidget(error_);
  top_layout->addWidget(torch_error_);
  split->addWidget(top);
  split->addWidget(error_plot_);
  split->setChildrenCollapsible(false);
  error_plot_->setMinimumSize(static_cast<int>(170 * Appearance::instance().scale()), readablePlotHeight(error_plot_));
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);
}

void AutogradLab::buildProgramGroup() {
  program_box_ = new ControlGroup(controlsLayout());
  examples_ = new QComboBox;
  examples_->setObjectName("examples");
  examples_->setProperty("gsPrimary", true);
  examples_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  examples_->setMinimumContentsLength(12);
  for (std::size_t i = 0; i < autogradExamples().size(); ++i) examples_->addItem(QString());
  source_ = new QPlainTextEdit;
  source_->setObjectName("program");
  source_->setMaximumHeight(90);
  QFont mono("monospace");
  mono.setStyleHint(QFont::Monospace);
  source_->setFont(mono);
  leaves_table_ = new LeafTable;
  for (QWidget* w : std::initializer_list<QWidget*>{examples_, source_, leaves_table_}) program_box_->addWideRow(w);
}

void AutogradLab::buildRunGroup() {
  run_box_ = new ControlGroup(controlsLayout());
  forward_button_ = new QPushButton;
  step_button_ = new QPushButton;
  backward_button_ = new QPushButton;
  zero_button_ = new QPushButton;
  forward_button_->setObjectName("forward");
  step_button_->setObjectName("stepBackward");
  backward_button_->setObjectName("backward");
  zero_button_->setObjectName("zeroGrad");
  for (QPushButton* b : {forward_button_, step_button_, backward_button_}) b->setProperty("gsPrimary", true);
  run_box_->addWideRow({forward_button_, backward_button_});
  run_box_->addWideRow({step_button_, zero_button_});
}

void AutogradLab::buildMistakesGroup() {
  mistakes_box_ = new ControlGroup(controlsLayout());
  zero_before_ = new QCheckBox;
  zero_before_->setObjectName("zeroBefore");
  zero_before_->setChecked(true);
  retain_graph_ = new QCheckBox;
  retain_graph_->setObjectName("retainGraph");
  zero_hint_ = new QLabel;
  zero_hint_->setWordWrap(true);
  retain_hint_ = new QLabel;
  retain_hint_->setWordWrap(true);
  for (QWidget* w : std::initializer_list<QWidget*>{zero_before_, zero_hint_, retain_graph_, retain_hint_}) mistakes_box_->addWideRow(w);
}

void AutogradLab::buildNumericGroup() {
  numeric_box_ = new ControlGroup(controlsLayout());
  numeric_leaf_ = new QComboBox;
  numeric_leaf_->setToolTip(tr("The leaf to differentiate by"));
  step_size_label_ = new QLabel;
  step_size_ = new QSlider(Qt::Horizontal);
  step_size_->setObjectName("stepSize");
  step_size_->setRange(-14, -1);  // h = 10^v
  step_size_->setValue(-5);
  numeric_result_ = new QLabel;
  numeric_result_->setWordWrap(true);
  for (QWidget* w : std::initializer_list<QWidget*>{numeric_leaf_, step_size_label_, step_size_, numeric_result_}) numeric_box_->addWideRow(w);
}

void AutogradLab::connectControls() {
  connect(examples_, &QComboBox::activated, this, [this](int i) { chooseExample(i); });
  connect(forward_button_, &QPushButton::clicked, this, [this] { forward(); });
  connect(step_button_, &QPushButton::clicked, this, [this] { step(); });
  connect(backward_button_, &QPushButton::clicked, this, [this] { backwardAll(); });
  connect(zero_button_, &QPushButton::clicked, this, [this] { zeroGrad(); });
  connect(source_, &QPlainTextEdit::textChanged, this, [this] {
    rebuildLeafTable();
    forward();
  });
  connect(leaves_table_, &LeafTable::leafEdited, this, [this] {
    leaves_table_->readLeaves(leaf_text_, leaf_requires_grad_);
    forward();
  });
  connect(step_size_, &QSlider::valueChanged, this, &AutogradLab::updateNumerical);
  connect(numeric_leaf_, &QComboBox::currentTextChanged, this, &AutogradLab::updateNumerical);
  connect(zero_before_, &QCheckBox::toggled, this, [this] { emit codeChanged(); });
  connect(retain_graph_, &QCheckBox::toggled, this, [this] {
    updateZeroHint();
    emit codeChanged();
  });
}

int AutogradLab::exampleCount() const { return static_cast<int>(autogradExamples().size()); }
double AutogradLab::stepSize() const { return std::pow(10.0, step_size_->value()); }
QString AutogradLab::errorText() const {
  return torch_error_->text().isEmpty() ? error_->text() : error_->text() + '\n' + torch_error_->text();
}
void AutogradLab::setZeroGradBeforeBackward(bool on) { zero_before_->setChecked(on); }
void AutogradLab::updateZeroHint() {
  // What really happens: without retain_graph the first backward() frees the graph, so a second
  // one on it raises core's (PyTorch's) freed-graph error; the gradients add up over two
  // forward + backward passes (the leaves stay the same tensors), or twice on a kept graph.
  zero_hint_->setText(retain_graph_->isChecked() ? tr("Untick it and run backward() twice: the gradients add up.")
                                                 : tr("Untick it and run Forward, backward(), Forward, backward(): the gradients add up. "
                                                      "(backward() twice on one graph raises an error unless retain_graph=True.)"));
}

QString AutogradLab::zeroGradHint() const { return zero_hint_->text(); }

void AutogradLab::setRetainGraph(bool on) { retain_graph_->setChecked(on); }

gs::Tensor AutogradLab::leaf(const QString& name) const {
  auto it = leaf_tensors_.find(name);
  return it == leaf_tensors_.end() ? gs::Tensor() : it->second;
}

void AutogradLab::chooseExample(int index) {
  if (index < 0 || index >= exampleCount()) return;
  const AutogradExample& e = autogradExamples()[index];
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
  for (const QString& name : leaf_order_) {  // a new leaf starts at 1.0 with requires_grad
    if (!leaf_text_.count(name)) leaf_text_[name] = "1.0";
    if (!leaf_requires_grad_.count(name)) leaf_requires_grad_[name] = true;
  }
  leaves_table_->showLeaves(leaf_order_, leaf_text_, leaf_requires_grad_);
  const QString current = numeric_leaf_->currentText();
  const QSignalBlocker block(numeric_leaf_);
  numeric_leaf_->clear();
  for (const QString& n : leaf_order_) numeric_leaf_->addItem(n);
  const int keep = numeric_leaf_->findText(current);
  numeric_leaf_->setCurrentIndex(keep >= 0 ? keep : 0);
}

void AutogradLab::showError(const QString& text, const QString& torch) {
  shown_error_.reset();
  error_->setText(text);
  error_->setStyleSheet(text.isEmpty() ? QString() : QString("color: %1; font-weight: bold").arg(Appearance::instance().errorColor().name()));
  torch_error_->setText(torch);
  torch_error_->setVisible(!torch.isEmpty());
  if (!text.isEmpty()) emit message(text.section('\n', 0, 0));
}

void AutogradLab::showError(const gs::Error& error) {
  showError(engineExplanation(error), torchMessageLine(error.torch_message()));
  shown_error_ = error;
}

void AutogradLab::showOutput() {
  output_label_->setText(tr("Output %1 = %2   (shape %3)")
                             .arg(QString::fromStdString(evaluation_.output_name), compactTensor(evaluation_.output),
                                  QString::fromStdString(gs::shape_str(evaluation_.output.shape()))));
}

bool AutogradLab::updateLeafTensors() {
  // Leaves keep their identity across forward passes (so .grad can accumulate, as a model's
  // parameters do); a new value is copied in, a new shape or flag makes a new leaf.
  QString error;
  for (const QString& name : leaf_order_) {
    auto parsed = parseLeafValue(name, leaf_text_[name], error);
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
  }
  return true;
}

bool AutogradLab::forward() {
  if (!updateLeafTensors()) return false;
  std::map<std::string, gs::Tensor> values;
  for (const QString& name : leaf_order_) values[name.toStdString()] = leaf_tensors_[name];
  pass_.reset();
  node_grads_.clear();
  edge_grads_.clear();
  done_.clear();
  try {
    evaluation_ = gs::expr::evaluate(source_->toPlainText().toStdString(), values);
  } catch (const gs::Error& e) {
    evaluation_ = gs::expr::Evaluation();
    showError(e);
    graph_->setMessage(tr("The program has an error; fix it to see its graph."));
    emit codeChanged();
    return false;
  }
  showError(QString());
  showOutput();
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

void AutogradLab::recordBackwardStep(const gs::BackwardStep& s) {
  node_grads_[s.node.get()] = s.grad_output;
  for (std::size_t i = 0; i < s.grad_inputs.size(); ++i)
    if (s.grad_inputs[i].defined()) edge_grads_[{s.node.get(), static_cast<int>(i)}] = s.grad_inputs[i];
  done_.insert(s.node.get());
}

void AutogradLab::step() {
  if (!evaluation_.output.defined()) return;
  // Stepping after a finished pass starts over with a fresh forward pass (a new graph), so Play
  // can loop; the backward() button instead reuses the graph and shows the freed-graph error.
  if (pass_ && pass_->done() && !retain_graph_->isChecked() && !forward()) return;
  try {
    if (!pass_ || pass_->done()) startBackwardPass();
    const gs::BackwardStep s = pass_->step();
    recordBackwardStep(s);
    showError(QString());
    emit message(tr("Backward ran %1").arg(QString::fromStdString(s.node->name())));
  } catch (const gs::Error& e) {
    pass_.reset();
    showError(e);
  }
  updateGraph();
  rebuildLeafTable();
}

void AutogradLab::backwardAll() {
  if (!evaluation_.output.defined()) return;
  try {
    if (!pass_ || pass_->done()) startBackwardPass();
    while (!pass_->done()) recordBackwardStep(pass_->step());
    showError(QString());
  } catch (const gs::Error& e) {
    pass_.reset();
    showError(e);
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
  error_plot_->yAxis->setLabel(tr("|error|"));
  error_plot_->clearGraphs();
  const QString leaf_name = numeric_leaf_->currentText();
  if (!evaluation_.output.defined() || leaf_name.isEmpty() || !leaf_tensors_.count(leaf_name)) {
    numeric_result_->clear();
  } else {
    try {
      compareDerivatives(leaf_name);
    } catch (const gs::Error& e) {
      numeric_result_->setText(engineExplanation(e));
    }
  }
  error_plot_->replot(QCustomPlot::rpQueuedReplot);
}

void AutogradLab::compareDerivatives(const QString& leaf_name) {
  const SumOfOutput s = sumOfOutput(source_->toPlainText().toStdString(), leaf_order_, leaf_tensors_, leaf_name);
  std::vector<gs::Tensor> probe = s.inputs;
  probe[s.which].requires_grad_(true);
  s.f(probe).backward();
  analytic_ = probe[s.which].grad().defined() ? probe[s.which].grad().to_vector<double>()[0] : 0.0;
  numerical_ = gs::central_difference(s.f, s.inputs, s.which, 0, stepSize());
  plotFiniteDifferenceErrors(error_plot_, s, analytic_, stepSize(), std::abs(numerical_ - analytic_));
  setPlotTitle(error_plot_, tr("Central difference error vs h: truncation (right) and rounding (left)"));
  numeric_result_->setText(tr("∂(sum %1)/∂%2[0]: analytic %3, numerical %4, error %5")
                               .arg(QString::fromStdString(evaluation_.output_name), leaf_name)
                               .arg(analytic_, 0, 'g', 12)
                               .arg(numerical_, 0, 'g', 12)
                               .arg(std::abs(numerical_ - analytic_), 0, 'e', 2));
}

void AutogradLab::retranslate() {
  program_box_->setTitle(tr("Program and leaves"));
  for (int i = 0; i < exampleCount(); ++i) examples_->setItemText(i, tr(autogradExamples()[i].title));
  leaves_table_->setHorizontalHeaderLabels({tr("leaf"), tr("value"), "requires_grad"});
  source_->setToolTip(tr("One assignment per line: + - * / ** and sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean"));
  run_box_->setTitle(tr("Run"));
  forward_button_->setText(tr("Forward"));
  backward_button_->setText(tr("backward()"));
  step_button_->setText(tr("Step backward (→)"));
  zero_button_->setText(tr("zero_grad()"));
  mistakes_box_->setTitle(tr("Common mistakes"));
  zero_before_->setText(tr("zero_grad() before backward()"));
  updateZeroHint();
  retain_graph_->setText("retain_graph=True");
  retain_hint_->setText(tr("Leave it off and run backward() twice without Forward: the freed graph raises an error."));
  numeric_box_->setTitle(tr("Numerical vs analytic derivative"));
  if (shown_error_) showError(gs::Error(*shown_error_));
  updateNumerical();
  if (evaluation_.output.defined()) {
    showOutput();
    updateGraph();
  }
}

void AutogradLab::applyAppearance() {
  stylePlot(error_plot_);
  error_plot_->setMinimumSize(static_cast<int>(170 * Appearance::instance().scale()), readablePlotHeight(error_plot_));
  graph_->redraw();
  updateNumerical();
}

QString AutogradLab::pytorchCode() const {
  QStringList lines = {"import torch", ""};
  auto requires_grad = [this](const QString& n) { return leaf_requires_grad_.count(n) && leaf_requires_grad_.at(n); };
  for (const QString& n : leaf_order_) {
    const QString value = leafValueAsPython(leaf_text_.count(n) ? leaf_text_.at(n) : "1.0");
    lines << QString("%1 = torch.tensor(%2%3)").arg(n, value, requires_grad(n) ? ", requires_grad=True" : "");
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
      if (requires_grad(n)) grads << n;
    if (!grads.isEmpty()) lines << QString("for t in (%1,):\n    t.grad = None        # zero_grad()").arg(grads.join(", "));
  } else {
    lines << "# no zero_grad(): each backward() adds to .grad";
  }
  lines << QString("%1.backward(%2)").arg(out, retain_graph_->isChecked() ? "retain_graph=True" : "");
  lines << QString("print(%1.grad_fn)").arg(out);
  for (const QString& n : leaf_order_)
    if (requires_grad(n)) lines << QString("print(%1.grad)").arg(n);
  return lines.join('\n') + '\n';
}

QList<QPair<QString, QWidget*>> AutogradLab::exportablePlots() const {
  return {{tr("Computation graph"), graph_}, {tr("Finite-difference error"), error_plot_}};
}

}  // namespace gsui
