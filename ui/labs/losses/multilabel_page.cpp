#include "labs/losses/multilabel_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <numeric>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "labs/losses/logit_sliders.h"
#include "ops/functional.h"
#include "plots/plot_style.h"

namespace gsui {
namespace {
const std::vector<double> kDefaultLogits{2.0, 1.5, -1.0, 0.5};
gs::TensorOptions f64() { return {.dtype = gs::kFloat64}; }
}  // namespace

MultiLabelPage::MultiLabelPage(QWidget* parent) : LossesPage(parent) {
  plot_ = makePlot(QString(), QString(), this);
  plot_->setObjectName("multiLabelBars");
  plot_->legend->setVisible(true);
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  addPlotTitle(plot_);
  summary_ = new QLabel;
  summary_->setObjectName("multiLabelSummary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(plot_, 1);
  layout->addWidget(summary_);

  logits_group_ = new ControlGroup(controlsLayout());
  logits_ = new LogitSliders(kDefaultLogits, "tagLogit");
  logits_group_->addWideRow(logits_);
  target_group_ = new ControlGroup(controlsLayout());
  tags_label_ = new QLabel;
  tags_label_->setWordWrap(true);
  target_group_->addWideRow(tags_label_);
  auto* tags = new QWidget;
  // Two by two: four tags in a row would widen the panel past a small screen in presentation mode.
  auto* tags_layout = new QGridLayout(tags);
  tags_layout->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < kClasses; ++i) {
    auto* box = new QCheckBox;
    box->setObjectName(QString("tag%1").arg(i));
    box->setChecked(i == 0 || i == 3);
    tags_layout->addWidget(box, i / 2, i % 2);
    tags_.push_back(box);
    connect(box, &QCheckBox::toggled, this, &MultiLabelPage::update);
  }
  target_group_->addWideRow(tags);
  single_ = new QComboBox;
  single_->setObjectName("singleClass");
  // Its items are named in retranslate(): room for the longest ("3 (outdoors)") from the start.
  single_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  single_->setMinimumContentsLength(12);
  for (int i = 0; i < kClasses; ++i) single_->addItem(QString());
  target_group_->form()->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow panel: the combo under its label
  single_label_ = target_group_->addRow(single_);
  controlsLayout()->addStretch();
  connect(logits_, &LogitSliders::changed, this, &MultiLabelPage::update);
  connect(single_, &QComboBox::currentIndexChanged, this, &MultiLabelPage::update);
  update();
}

QString MultiLabelPage::title() const { return tr("Multi-label"); }  // short: four tabs fit a projector's width

QStringList MultiLabelPage::classNames() const { return {tr("cat"), tr("dog"), tr("car"), tr("outdoors")}; }

void MultiLabelPage::reset() {
  for (int i = 0; i < kClasses; ++i) tags_[static_cast<std::size_t>(i)]->setChecked(i == 0 || i == 3);
  single_->setCurrentIndex(0);
  logits_->setValues(kDefaultLogits);
}

void MultiLabelPage::update() {
  const std::vector<double> z_values = logits_->values();
  const gs::Tensor z = gs::from_vector(z_values, {1, kClasses}, f64());
  sigmoid_ = gs::sigmoid(z).to_vector<double>();
  softmax_ = gs::softmax(z, 1).to_vector<double>();
  std::vector<double> multi_hot;
  for (QCheckBox* box : tags_) multi_hot.push_back(box->isChecked() ? 1.0 : 0.0);
  bce_ = gs::binary_cross_entropy_with_logits(z, gs::from_vector(multi_hot, {1, kClasses}, f64())).item();
  ce_ = gs::cross_entropy(z, gs::full({1}, single_->currentIndex(), {.dtype = gs::kInt64})).item();

  plot_->clearPlottables();
  const Appearance& a = Appearance::instance();
  auto* sig = new QCPBars(plot_->xAxis, plot_->yAxis);
  auto* soft = new QCPBars(plot_->xAxis, plot_->yAxis);
  const double sum_sig = std::accumulate(sigmoid_.begin(), sigmoid_.end(), 0.0);
  const double sum_soft = std::accumulate(softmax_.begin(), softmax_.end(), 0.0);
  sig->setName(tr("sigmoid(z): independent, sum = %1").arg(number(sum_sig, 2)));
  soft->setName(tr("softmax(z): compete, sum = %1").arg(number(sum_soft, 2)));
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  const QStringList names = classNames();
  for (int i = 0; i < kClasses; ++i) {
    sig->addData(i - 0.18, sigmoid_[static_cast<std::size_t>(i)]);
    soft->addData(i + 0.18, softmax_[static_cast<std::size_t>(i)]);
    ticker->addTick(i, QString("%1\nz = %2").arg(names[i], number(z_values[static_cast<std::size_t>(i)], 1)));
  }
  sig->setBrush(a.seriesColor(0));
  soft->setBrush(a.seriesColor(1));
  for (QCPBars* b : {sig, soft}) {
    b->setPen(Qt::NoPen);
    b->setWidth(0.34);
  }
  plot_->xAxis->setTicker(ticker);
  plot_->xAxis->setRange(-0.6, kClasses - 0.4);
  plot_->yAxis->setRange(0, 1.3);
  plot_->replot(QCustomPlot::rpQueuedReplot);

  QStringList hot;
  for (double v : multi_hot) hot << QString::number(static_cast<int>(v));
  // Each call a whole: the line breaks before it, not inside "[1, 0, 0, 1]" or before "= 0.65".
  // (no-break spaces, and a word joiner between ")(")
  const QChar nbsp(0x00A0), join(0x2060);
  const QString bce = QString("nn.BCEWithLogitsLoss()%4(z,%1[%2])%1=%1%3").arg(nbsp).arg(hot.join(QString(",") + nbsp), number(bce_, 4)).arg(join);
  const QString ce = QString("nn.CrossEntropyLoss()%4(z,%1[%2])%1=%1%3").arg(nbsp).arg(single_->currentIndex()).arg(number(ce_, 4)).arg(join);
  summary_->setText(tr("Multi-label (a photo can be cat AND outdoors): %1").arg(bce) + "\n" + tr("Multi-class (exactly one class): %1").arg(ce));
  emit codeChanged();
}

void MultiLabelPage::retranslate() {
  logits_group_->setTitle(tr("Logits"));  // the plot's title says both use the same
  target_group_->setTitle(tr("Targets"));
  tags_label_->setText(tr("Multi-label target (tick every tag that applies):"));
  single_label_->setText(tr("Multi-class target"));
  const QStringList names = classNames();
  logits_->setNames(names);
  for (int i = 0; i < kClasses; ++i) {
    tags_[static_cast<std::size_t>(i)]->setText(names[i]);
    single_->setItemText(i, QString("%1 (%2)").arg(i).arg(names[i]));
  }
  plot_->yAxis->setLabel(tr("probability"));
  setPlotTitle(plot_, tr("The same logits: sigmoid per class vs softmax over classes"));
  update();
}

void MultiLabelPage::applyAppearance() {
  stylePlot(plot_);
  update();
}

QList<QPair<QString, QWidget*>> MultiLabelPage::exportablePlots() const { return {{tr("Sigmoid vs softmax"), plot_}}; }

nlohmann::json MultiLabelPage::sessionState() const {
  std::vector<bool> tags;
  for (QCheckBox* box : tags_) tags.push_back(box->isChecked());
  return {{"logits", logits_->values()}, {"tags", tags}, {"class", single_->currentIndex()}};
}

QString MultiLabelPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("multilabel: expected an object");
  const auto& z = state.value("logits", nlohmann::json(kDefaultLogits));
  const auto& tags = state.value("tags", nlohmann::json::array({true, false, false, true}));
  if (!z.is_array() || z.size() != kClasses || !tags.is_array() || tags.size() != kClasses)
    return tr("multilabel: expected %1 logits and %1 tags").arg(kClasses);
  std::vector<double> values;
  for (std::size_t i = 0; i < kClasses; ++i) {
    if (!z[i].is_number() || !tags[i].is_boolean()) return tr("multilabel: expected %1 logits and %1 tags").arg(kClasses);
    values.push_back(z[i].get<double>());
  }
  const int c = state.value("class", 0);
  if (c < 0 || c >= kClasses) return tr("class: expected 0 to %1").arg(kClasses - 1);
  for (std::size_t i = 0; i < kClasses; ++i) tags_[i]->setChecked(tags[i].get<bool>());
  single_->setCurrentIndex(c);
  logits_->setValues(values);
  return {};
}

QString MultiLabelPage::pytorchCode() const {
  QStringList z, hot;
  for (double v : logits_->values()) z << number(v, 1);
  for (QCheckBox* box : tags_) hot << (box->isChecked() ? "1.0" : "0.0");
  return QString(
             "import torch\n"
             "import torch.nn as nn\n\n"
             "z = torch.tensor([[%1]])  # one logit per class: cat, dog, car, outdoors\n\n"
             "# Multi-label: each class is its own yes/no question\n"
             "torch.sigmoid(z)                        # independent, any sum\n"
             "nn.BCEWithLogitsLoss()(z, torch.tensor([[%2]]))\n\n"
             "# Multi-class: exactly one class is right\n"
             "torch.softmax(z, dim=1)                 # sums to 1\n"
             "nn.CrossEntropyLoss()(z, torch.tensor([%3]))\n")
      .arg(z.join(", "), hot.join(", "))
      .arg(single_->currentIndex());
}

}  // namespace gsui
