#include "labs/losses/mistakes_page.h"

#include <QButtonGroup>
#include <QLabel>
#include <QEvent>
#include <QHBoxLayout>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <cmath>
#include <functional>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/engine_message.h"
#include "ops/functional.h"
#include "optim/sgd.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {

gs::TensorOptions f64() { return {.dtype = gs::kFloat64}; }

/// Four samples, three classes: the logits and the class of each.
gs::Tensor sampleLogits() {
  return gs::from_vector({2.0, 0.5, -1.0, 0.2, 1.5, 0.3, -0.5, 0.1, 2.5, 1.0, 1.2, -0.3}, {4, 3}, f64());
}
const std::vector<double> kClasses{0, 1, 2, 0};
gs::Tensor classIndices() { return gs::from_vector(kClasses, {4}, {.dtype = gs::kInt64}); }
gs::Tensor oneHot(gs::Dtype dtype) {
  std::vector<double> v(12, 0.0);
  for (std::size_t i = 0; i < kClasses.size(); ++i) v[i * 3 + static_cast<std::size_t>(kClasses[i])] = 1.0;
  return gs::from_vector(v, {4, 3}, {.dtype = dtype});
}

/// ‖∂loss/∂z‖ for a loss of leaf logits z, by autograd.
double gradNorm(const std::function<gs::Tensor(const gs::Tensor&)>& loss_of) {
  gs::Tensor z = sampleLogits().requires_grad_(true);
  loss_of(z).backward();
  return gs::sqrt(gs::sum(z.grad() * z.grad())).item();
}

/// Runs `make` and records its value, or the engine's message if core refuses.
MistakesPage::Row attempt(QString code, bool right, QString note, const std::function<double()>& make) {
  MistakesPage::Row row{std::move(code), right, std::nullopt, QString(), QString(), std::move(note)};
  try {
    row.value = make();
  } catch (const gs::Error& e) {
    row.error = engineExplanation(e);
    row.torch = torchMessageLine(e.torch_message());
  } catch (const std::exception& e) {
    row.error = LossesPage::engineMessage(e);
  }
  return row;
}

}  // namespace

MistakesPage::MistakesPage(QWidget* parent) : LossesPage(parent) {
  plot_ = makePlot(QString(), QString(), this);
  plot_->setObjectName("mistakePlot");
  plot_->legend->setVisible(true);
  addPlotTitle(plot_);
  details_ = new QLabel;
  details_->setObjectName("mistakeDetails");
  details_->setWordWrap(true);
  details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* scroll = new QScrollArea;
  scroll->setWidget(details_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(plot_, 1);
  layout->addWidget(scroll, 1);

  group_ = new ControlGroup(controlsLayout());
  intro_ = new QLabel;
  intro_->setWordWrap(true);
  group_->addWideRow(intro_);
  buttons_ = new QButtonGroup(this);
  const char* names[] = {"doubleSoftmax", "bceOnLogits", "oneHotTarget", "columnTarget"};
  // Each choice is a radio button and a wrapped label beside it: a radio button's own text does
  // not wrap, and the longest would widen the panel past a small screen in presentation mode.
  for (int i = 0; i < kMistakes; ++i) {
    auto* b = new QRadioButton;
    b->setObjectName(names[i]);
    buttons_->addButton(b, i);
    auto* text = new QLabel;
    text->setWordWrap(true);
    text->installEventFilter(this);
    choice_labels_.push_back(text);
    auto* row = new QWidget;
    auto* row_layout = new QHBoxLayout(row);
    row_layout->setContentsMargins(0, 0, 0, 0);
    row_layout->addWidget(b, 0, Qt::AlignTop);
    row_layout->addWidget(text, 1);
    group_->addWideRow(row);
  }
  buttons_->button(0)->setChecked(true);
  connect(buttons_, &QButtonGroup::idClicked, this, [this](int id) { setMistake(static_cast<Mistake>(id)); });
  controlsLayout()->addStretch();
  update();
}

QString MistakesPage::title() const { return tr("Mistakes"); }  // short: four tabs fit a projector's width

void MistakesPage::setMistake(Mistake mistake) {
  mistake_ = mistake;
  buttons_->button(static_cast<int>(mistake))->setChecked(true);
  update();
}

void MistakesPage::reset() { setMistake(Mistake::DoubleSoftmax); }

void MistakesPage::buildRows() {
  using gs::Reduction;
  const gs::Tensor z = sampleLogits();
  const gs::Tensor t = classIndices();
  rows_.clear();
  switch (mistake_) {
    case Mistake::DoubleSoftmax: {
      auto right = [&](const gs::Tensor& x) { return gs::cross_entropy(x, t); };
      auto wrong = [&](const gs::Tensor& x) { return gs::cross_entropy(gs::softmax(x, 1), t); };
      rows_.push_back(attempt("F.cross_entropy(z, t)", true, tr("loss"), [&] { return right(z).item(); }));
      rows_.push_back(attempt("F.cross_entropy(F.softmax(z, 1), t)", false, tr("loss"), [&] { return wrong(z).item(); }));
      rows_.push_back(attempt("z.grad.norm()", true, tr("gradient norm, right pipeline"), [&] { return gradNorm(right); }));
      rows_.push_back(attempt("z.grad.norm()", false, tr("gradient norm after double softmax"), [&] { return gradNorm(wrong); }));
      // A perfectly confident right answer: the double softmax still charges log(1 + (C−1)/e).
      const gs::Tensor sure = gs::from_vector({30.0, -30.0, -30.0}, {1, 3}, f64());
      const gs::Tensor zero = gs::zeros({1}, {.dtype = gs::kInt64});
      rows_.push_back(attempt("F.cross_entropy([[30, -30, -30]], [0])", true, tr("a confident right answer"),
                              [&] { return gs::cross_entropy(sure, zero).item(); }));
      rows_.push_back(attempt("F.cross_entropy(F.softmax([[30, -30, -30]], 1), [0])", false, tr("never below log(1 + 2/e)"),
                              [&] { return gs::cross_entropy(gs::softmax(sure, 1), zero).item(); }));
      // The race: SGD on the logits themselves, each pipeline, scored by the true cross-entropy.
      for (auto* curve : {&race_right_, &race_wrong_}) {
        curve->clear();
        gs::Tensor param = sampleLogits().requires_grad_(true);
        gs::optim::SGD sgd({param}, {.lr = 0.5});
        for (int s = 0; s <= kRaceSteps; ++s) {
          curve->push_back(right(param.detach()).item());
          sgd.zero_grad();
          (curve == &race_right_ ? right(param) : wrong(param)).backward();
          sgd.step();
        }
      }
      break;
    }
    case Mistake::BceOnLogits: {
      const gs::Tensor x = gs::from_vector({2.0, -1.0, 0.5, 3.0}, {4}, f64());
      const gs::Tensor small = gs::from_vector({0.9, 0.1, 0.6, 0.8}, {4}, f64());
      const gs::Tensor y = gs::from_vector({1, 0, 1, 1}, {4}, f64());
      rows_.push_back(attempt("F.binary_cross_entropy_with_logits(x, y)", true, tr("x = [2, −1, 0.5, 3]"),
                              [&] { return gs::binary_cross_entropy_with_logits(x, y).item(); }));
      rows_.push_back(attempt("F.binary_cross_entropy(x, y)", false, tr("x = [2, −1, 0.5, 3]: logits outside [0, 1]"),
                              [&] { return gs::binary_cross_entropy(x, y).item(); }));
      rows_.push_back(attempt("F.binary_cross_entropy_with_logits(x, y)", true, tr("x = [0.9, 0.1, 0.6, 0.8]"),
                              [&] { return gs::binary_cross_entropy_with_logits(small, y).item(); }));
      rows_.push_back(attempt("F.binary_cross_entropy(x, y)", false, tr("x = [0.9, 0.1, 0.6, 0.8]: logits that look like probabilities"),
                              [&] { return gs::binary_cross_entropy(small, y).item(); }));
      break;
    }
    case Mistake::OneHotTarget: {
      rows_.push_back(attempt("F.cross_entropy(z, t)", true, tr("t = [0, 1, 2, 0], int64: class indices"),
                              [&] { return gs::cross_entropy(z, t).item(); }));
      rows_.push_back(attempt("F.cross_entropy(z, one_hot.float())", true, tr("a float [N, C] target is read as class probabilities"),
                              [&] { return gs::cross_entropy(z, oneHot(gs::kFloat64)).item(); }));
      rows_.push_back(attempt("F.cross_entropy(z, one_hot)", false, tr("one-hot as int64 [N, C]"),
                              [&] { return gs::cross_entropy(z, oneHot(gs::kInt64)).item(); }));
      rows_.push_back(attempt("F.cross_entropy(z, t.float())", false, tr("class indices as float"),
                              [&] { return gs::cross_entropy(z, t.to(gs::kFloat64)).item(); }));
      rows_.push_back(attempt("F.nll_loss(F.log_softmax(z, 1), one_hot.float())", false, tr("NLLLoss takes indices only"),
                              [&] { return gs::nll_loss(gs::log_softmax(z, 1), oneHot(gs::kFloat64)).item(); }));
      break;
    }
    case Mistake::ColumnTarget: {
      const gs::Tensor pred = gs::from_vector({1.1, 1.9, 3.2, 3.8}, {4, 1}, f64());
      const gs::Tensor y = gs::from_vector({1, 2, 3, 4}, {4}, f64());
      rows_.push_back(attempt("F.mse_loss(pred.squeeze(1), y)", true, tr("(4,) vs (4,): element by element"),
                              [&] { return gs::mse_loss(pred.squeeze(1), y).item(); }));
      rows_.push_back(attempt("F.mse_loss(pred, y)", false, tr("(4, 1) vs (4,): core refuses"),
                              [&] { return gs::mse_loss(pred, y).item(); }));
      // What PyTorch returns with only a warning: (pred − y) broadcasts to (4, 4), every
      // prediction against every target, and the mean runs over all 16.
      rows_.push_back(attempt("((pred - y) ** 2).mean()", false, tr("what PyTorch silently returns: the mean over a (4, 4) grid"),
                              [&] { return gs::mean(gs::square(pred - y)).item(); }));
      break;
    }
  }
}

void MistakesPage::update() {
  buildRows();
  const QString titles[] = {tr("Double softmax: a squashed loss, smaller gradients, slower training"), tr("BCELoss takes probabilities, not logits"),
                            tr("CrossEntropyLoss targets: class indices (int64) or probabilities"),
                            tr("MSELoss with a (N, 1) prediction and a (N,) target")};
  setPlotTitle(plot_, titles[static_cast<int>(mistake_)]);
  if (mistake_ == Mistake::DoubleSoftmax) drawRace();
  else drawBars();
  const Appearance& a = Appearance::instance();
  QString html = "<table cellspacing='2' cellpadding='3'>";
  for (const Row& row : rows_) {
    const QString mark = QString("<span style='color:%1'>%2</span>").arg((row.right ? a.seriesColor(2) : a.errorColor()).name(), row.right ? "✓" : "✗");
    const QString result = row.value ? QString("<b>%1</b>").arg(number(*row.value, 4))
                                     : QString("<span style='color:%1'><b>%2</b><br>%3</span>%4")
                                           .arg(a.errorColor().name(), tr("The engine refuses:"), row.error.toHtmlEscaped().replace("\n", "<br>"),
                                                // PyTorch's words stay as PyTorch says them, as code
                                                row.torch.isEmpty() ? QString() : "<br><code>" + row.torch.toHtmlEscaped() + "</code>");
    // (the note at the text's own size, muted: <small> was 12 px under a projector's 20)
    html += QString("<tr><td>%1</td><td><code>%2</code><br><span style='color:%5'>%3</span></td><td>%4</td></tr>")
                .arg(mark, row.code.toHtmlEscaped(), row.note.toHtmlEscaped(), result, a.mutedColor().name());
  }
  html += "</table>";
  details_->setText(html);
  emit codeChanged();
}

void MistakesPage::drawBars() {
  plot_->clearPlottables();
  plot_->legend->setVisible(false);
  const Appearance& a = Appearance::instance();
  auto* right = new QCPBars(plot_->xAxis, plot_->yAxis);
  auto* wrong = new QCPBars(plot_->xAxis, plot_->yAxis);
  right->setBrush(a.seriesColor(2));
  wrong->setBrush(a.errorColor());
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  double top = 0.1;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& row = rows_[i];
    const double key = static_cast<double>(i + 1);
    ticker->addTick(key, QString("%1 %2").arg(row.right ? "✓" : "✗").arg(row.value ? number(*row.value, 3) : tr("error")));
    if (!row.value) continue;
    (row.right ? right : wrong)->addData(key, *row.value);
    top = std::max(top, *row.value);
  }
  for (QCPBars* b : {right, wrong}) {
    b->setPen(Qt::NoPen);
    b->setWidth(0.6);
  }
  plot_->xAxis->setTicker(ticker);
  plot_->xAxis->setRange(0.4, static_cast<double>(rows_.size()) + 0.6);
  plot_->yAxis->setRange(0, top * 1.15);
  plot_->xAxis->setLabel(tr("pipeline (rows below, in order)"));
  plot_->yAxis->setLabel(tr("loss"));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void MistakesPage::drawRace() {
  plot_->clearPlottables();
  plot_->legend->setVisible(true);
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  QVector<double> steps;
  for (int s = 0; s <= kRaceSteps; ++s) steps << s;
  QCPGraph* right = plot_->addGraph();
  right->setName(tr("✓ trained with F.cross_entropy(z, t)"));
  right->setPen(seriesPen(2));
  right->setData(steps, QVector<double>(race_right_.begin(), race_right_.end()), true);
  QCPGraph* wrong = plot_->addGraph();
  wrong->setName(tr("✗ trained with F.cross_entropy(F.softmax(z), t)"));
  wrong->setPen(seriesPen(1, Qt::DashLine));
  wrong->setData(steps, QVector<double>(race_wrong_.begin(), race_wrong_.end()), true);
  plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  plot_->xAxis->setRange(0, kRaceSteps);
  plot_->yAxis->setRange(0, std::max(race_right_.front(), race_wrong_.front()) * 1.1);
  plot_->xAxis->setLabel(tr("SGD step (lr = 0.5)"));
  plot_->yAxis->setLabel(tr("true cross-entropy"));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool MistakesPage::eventFilter(QObject* watched, QEvent* event) {
  // A click on a choice's label picks it, as a click on a radio button's own text would.
  if (event->type() == QEvent::MouseButtonRelease)
    for (std::size_t i = 0; i < choice_labels_.size(); ++i)
      if (watched == choice_labels_[i]) buttons_->button(static_cast<int>(i))->click();
  return LossesPage::eventFilter(watched, event);
}

void MistakesPage::retranslate() {
  group_->setTitle(tr("Make the mistake"));
  intro_->setText(tr("Each mistake runs through the engine beside the right pipeline."));
  const QString choices[kMistakes] = {tr("Softmax before CrossEntropyLoss"), tr("BCELoss on logits"),
                                      tr("One-hot vs class indices"), tr("(N, 1) vs (N,) target")};
  for (int i = 0; i < kMistakes; ++i) {
    choice_labels_[static_cast<std::size_t>(i)]->setText(choices[i]);
    buttons_->button(i)->setAccessibleName(choices[i]);
  }
  buildRows();  // the engine's messages again, in the new language
  update();
}

void MistakesPage::applyAppearance() {
  stylePlot(plot_);
  update();
}

QList<QPair<QString, QWidget*>> MistakesPage::exportablePlots() const { return {{tr("Mistake"), plot_}}; }

nlohmann::json MistakesPage::sessionState() const { return {{"mistake", static_cast<int>(mistake_)}}; }

QString MistakesPage::restoreSessionState(const nlohmann::json& state) {
  const int m = state.is_object() ? state.value("mistake", 0) : -1;
  if (m < 0 || m >= kMistakes) return tr("mistake: expected 0 to %1").arg(kMistakes - 1);
  setMistake(static_cast<Mistake>(m));
  return {};
}

QString MistakesPage::pytorchCode() const {
  const QString head = "import torch\nimport torch.nn.functional as F\n\n";
  switch (mistake_) {
    case Mistake::DoubleSoftmax:
      return head + "z = torch.tensor([[2.0, 0.5, -1.0], [0.2, 1.5, 0.3], [-0.5, 0.1, 2.5], [1.0, 1.2, -0.3]], requires_grad=True)\n"
                    "t = torch.tensor([0, 1, 2, 0])\n\n"
                    "right = F.cross_entropy(z, t)                  # softmax is inside\n"
                    "wrong = F.cross_entropy(F.softmax(z, dim=1), t)  # softmax twice: squashed loss, tiny gradients\n"
                    "# Fix: drop the nn.Softmax at the end of the model, or use NLLLoss on LogSoftmax\n";
    case Mistake::BceOnLogits:
      return head + "x = torch.tensor([2.0, -1.0, 0.5, 3.0])  # logits: the model has no Sigmoid at the end\n"
                    "y = torch.tensor([1.0, 0.0, 1.0, 1.0])\n\n"
                    "F.binary_cross_entropy_with_logits(x, y)   # right: sigmoid inside, numerically stable\n"
                    "F.binary_cross_entropy(x, y)               # RuntimeError: all elements of input should be between 0 and 1\n"
                    "F.binary_cross_entropy(torch.sigmoid(x), y)  # right too, less stable\n";
    case Mistake::OneHotTarget:
      return head + "z = torch.randn(4, 3)\n"
                    "t = torch.tensor([0, 1, 2, 0])            # class indices, int64: what CrossEntropyLoss expects\n"
                    "one_hot = F.one_hot(t, num_classes=3)\n\n"
                    "F.cross_entropy(z, t)\n"
                    "F.cross_entropy(z, one_hot.float())        # read as class probabilities: same value\n"
                    "F.cross_entropy(z, one_hot)                # error: int64 [N, C] is not a target\n"
                    "F.cross_entropy(z, t.float())              # error: expected scalar type Long\n"
                    "one_hot.argmax(dim=1)                      # one-hot back to indices\n";
    case Mistake::ColumnTarget:
      return head + "pred = torch.tensor([[1.1], [1.9], [3.2], [3.8]])  # model output (N, 1)\n"
                    "y = torch.tensor([1.0, 2.0, 3.0, 4.0])              # target (N,)\n\n"
                    "F.mse_loss(pred, y)            # UserWarning only: broadcasts to (N, N), wrong value\n"
                    "F.mse_loss(pred.squeeze(1), y)  # right\n"
                    "F.mse_loss(pred, y.view(-1, 1)) # right too\n";
  }
  return head;
}

}  // namespace gsui
