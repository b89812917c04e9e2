#include "labs/deep/vgg_page.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "app/appearance.h"
#include "app/control_group.h"
#include "app/layout_check.h"
#include "app/shared_network.h"
#include "labs/deep/vgg_diagram.h"
#include "plots/plot_style.h"

namespace gsui {

namespace {
constexpr std::int64_t kClasses = 10;
constexpr int kDefaultBlocks = 2, kDefaultConvs = 2, kDefaultChannels = 16;
const char* const kDefaultInput = "fashion";
const int kChannelChoices[] = {8, 16, 32, 64};
}  // namespace

const std::vector<std::pair<const char*, gs::Shape>>& VggPage::inputs() {
  static const std::vector<std::pair<const char*, gs::Shape>> list = {
      {"digits", {1, 8, 8}}, {"fashion", {1, 28, 28}}, {"photo", {3, 32, 32}}};
  return list;
}

VggPage::VggPage(QWidget* parent) : LabPage(parent) {
  input_ = new QComboBox;
  input_->setObjectName("vggInput");
  for (const auto& [id, shape] : inputs()) input_->addItem(QString(), QString(id));
  blocks_box_ = new QSpinBox;
  blocks_box_->setObjectName("vggBlocks");
  blocks_box_->setProperty("gsPrimary", true);
  blocks_box_->setRange(1, 5);
  convs_ = new QSpinBox;
  convs_->setObjectName("vggConvs");
  convs_->setRange(1, 3);
  channels_ = new QComboBox;
  channels_->setObjectName("vggChannels");
  for (int c : kChannelChoices) channels_->addItem(QString::number(c), c);
  // The side panel is narrow at 1024 px: the combos do not ask for their longest item's width.
  for (QComboBox* box : {input_, channels_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(6);
  }
  open_ = new QPushButton;
  open_->setObjectName("vggOpenInBuilder");
  group_ = new ControlGroup(controlsLayout());
  // The input on a row of its own under its label: its names are the longest, and the panel is
  // narrow at 1024 px in presentation mode.
  input_label_ = new QLabel;
  input_label_->setBuddy(input_);
  group_->addWideRow(input_label_);
  group_->addWideRow(input_);
  blocks_label_ = group_->addRow(blocks_box_);
  convs_label_ = group_->addRow(convs_);
  channels_label_ = group_->addRow(channels_);
  group_->addWideRow(open_);
  share_ = new QLabel;
  share_->setObjectName("vggShareNote");
  share_->setWordWrap(true);
  group_->addWideRow(share_);
  controlsLayout()->addStretch(1);

  diagram_ = new VggDiagram;
  chart_ = makePlot(QString(), QString());
  chart_->setObjectName("vggParameterChart");
  chart_->setMinimumHeight(static_cast<int>(std::ceil(kMinPlotHeight * Appearance::instance().scale())) + 2);  // a plot alone
  chart_->yAxis->ticker()->setTickCount(4);
  addPlotTitle(chart_);
  caption_ = new QLabel;
  caption_->setObjectName("vggCaption");
  caption_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(diagram_, 3);
  layout->addWidget(chart_, 2);
  layout->addWidget(caption_);

  {
    const QSignalBlocker b1(input_), b2(blocks_box_), b3(convs_), b4(channels_);
    input_->setCurrentIndex(input_->findData(QString(kDefaultInput)));
    blocks_box_->setValue(kDefaultBlocks);
    convs_->setValue(kDefaultConvs);
    channels_->setCurrentIndex(channels_->findData(kDefaultChannels));
  }
  for (QComboBox* box : {input_, channels_}) connect(box, &QComboBox::currentIndexChanged, this, &VggPage::recompute);
  for (QSpinBox* box : {blocks_box_, convs_}) connect(box, &QSpinBox::valueChanged, this, &VggPage::recompute);
  connect(open_, &QPushButton::clicked, this, [this] { SharedNetwork::instance().requestEdit(gs::spec::to_json(spec())); });
  retranslate();  // the combo texts, then recompute() through updateTexts()
  recompute();
}

QString VggPage::title() const { return tr("VGG blocks"); }

gs::spec::ModelSpec VggPage::spec() const {
  gs::Shape shape = inputs().front().second;
  for (const auto& [id, s] : inputs())
    if (input_->currentData().toString() == id) shape = s;
  return gs::spec::vgg_spec(shape, blocks_box_->value(), convs_->value(), channels_->currentData().toInt(), kClasses);
}

bool VggPage::setConfiguration(const QString& input, int blocks, int convs, int channels) {
  const int input_index = input_->findData(input), channel_index = channels_->findData(channels);
  if (input_index < 0 || channel_index < 0 || blocks < blocks_box_->minimum() || blocks > blocks_box_->maximum() ||
      convs < convs_->minimum() || convs > convs_->maximum())
    return false;
  {
    const QSignalBlocker b1(input_), b2(blocks_box_), b3(convs_), b4(channels_);
    input_->setCurrentIndex(input_index);
    blocks_box_->setValue(blocks);
    convs_->setValue(convs);
    channels_->setCurrentIndex(channel_index);
  }
  recompute();
  return true;
}

void VggPage::reset() { setConfiguration(kDefaultInput, kDefaultBlocks, kDefaultConvs, kDefaultChannels); }

void VggPage::recompute() {
  const gs::spec::ModelSpec s = spec();
  blocks_.clear();
  problem_.clear();
  try {
    blocks_ = gs::spec::block_summary(s);
  } catch (const gs::Error& e) {
    problem_ = problemText(e, s);
  }
  if (problem_.isEmpty()) diagram_->setBlocks(s.input_shape, blocks_);
  else diagram_->setProblem(problem_);
  open_->setEnabled(problem_.isEmpty());
  redrawChart();
  updateTexts();
  emit codeChanged();
}

QString VggPage::problemText(const gs::Error& error, const gs::spec::ModelSpec& s) const {
  // Core names the mistake and its values; the sentence is said here, in the learner's language.
  QStringList a;
  for (const std::string& v : error.args()) a << QString::fromStdString(v);
  if (error.code() != "window_too_large" || a.size() < 4) return QString::fromUtf8(error.what());
  const int layer = gs::spec::infer_shapes(s).error_layer;
  const int blocks = blocks_box_->value();
  return tr("Layer %1 (%2): the %3 window does not fit in the %4 feature map. Each block halves the image, so %5 blocks "
            "need an input of at least %6×%6 pixels: choose fewer blocks or a larger input.")
      .arg(layer)
      .arg(a[0], QString(a[1]).replace('x', QChar(0xD7)), QString(a[2]).replace('x', QChar(0xD7)))  // 3x3 → 3×3
      .arg(blocks)
      .arg(1 << blocks);
}

void VggPage::redrawChart() {
  chart_->clearPlottables();
  const Appearance& look = Appearance::instance();
  auto* convs = new QCPBars(chart_->xAxis, chart_->yAxis);
  auto* head = new QCPBars(chart_->xAxis, chart_->yAxis);
  convs->setBrush(look.seriesColor(0));
  head->setBrush(look.seriesColor(1));
  for (QCPBars* b : {convs, head}) {
    b->setPen(Qt::NoPen);
    b->setWidth(0.6);
  }
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  double top = 1;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const double key = static_cast<double>(i + 1);
    const bool is_head = blocks_[i].label == "Head";
    ticker->addTick(key, is_head ? tr("Head") : tr("Block %1").arg(i + 1));
    (is_head ? head : convs)->addData(key, static_cast<double>(blocks_[i].parameters));
    top = std::max(top, static_cast<double>(blocks_[i].parameters));
  }
  chart_->xAxis->setTicker(ticker);
  chart_->xAxis->setRange(0.4, static_cast<double>(std::max<std::size_t>(blocks_.size(), 1)) + 0.6);
  chart_->yAxis->setRange(0, top * 1.1);
  chart_->yAxis->setNumberFormat("gb");
  chart_->replot(QCustomPlot::rpQueuedReplot);
}

void VggPage::updateTexts() {
  setPlotTitle(chart_, tr("Parameters per block"));
  chart_->replot(QCustomPlot::rpQueuedReplot);
  if (blocks_.empty()) {
    share_->setText(tr("No network: the blocks do not fit the input."));
    return;
  }
  std::int64_t total = 0, conv_total = 0;
  for (const auto& b : blocks_) {
    total += b.parameters;
    if (b.label != "Head") conv_total += b.parameters;
  }
  const auto percent = [](std::int64_t part, std::int64_t whole) {
    return QLocale().toString(whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0, 'f', 0);
  };
  const std::int64_t head = blocks_.back().label == "Head" ? blocks_.back().parameters : 0;
  const std::int64_t last_block = blocks_.size() >= 2 ? blocks_[blocks_.size() - 2].parameters : conv_total;
  share_->setText(tr("The head holds %1% of the %2 parameters; the last block holds %3% of the convolutions' parameters. "
                     "A convolution's weights grow with its channels (out × in × 3 × 3), not with the image; the head's "
                     "Linear grows with everything the last block outputs.")
                      .arg(percent(head, total), QLocale().toString(total), percent(last_block, conv_total)));
}

QString VggPage::pytorchCode() const {
  try {
    return QString::fromStdString(gs::spec::pytorch_code(spec()));
  } catch (const gs::Error&) {
    return tr("# This network does not fit its input:\n# %1").arg(QString(problem_).replace('\n', "\n# "));
  }
}

QList<QPair<QString, QWidget*>> VggPage::exportablePlots() const {
  return {{tr("VGG blocks"), diagram_}, {tr("Parameters per block"), chart_}};
}

void VggPage::retranslate() {
  group_->setTitle(tr("VGG network"));
  input_label_->setText(tr("Input"));
  blocks_label_->setText(tr("Blocks"));
  convs_label_->setText(tr("Convs per block"));
  channels_label_->setText(tr("Channels"));
  channels_label_->setToolTip(tr("The first block's out_channels; each later block doubles them"));
  channels_->setToolTip(channels_label_->toolTip());
  const QStringList names = {tr("Digits 1×8×8"), tr("Fashion 1×28×28"), tr("Photo 3×32×32")};
  for (int i = 0; i < input_->count() && i < names.size(); ++i) input_->setItemText(i, names[i]);
  open_->setText(tr("Open in the network builder"));
  caption_->setText(tr("VGG's rule: 3×3 convolutions with padding 1 keep the size, MaxPool2d(2) halves it, and the "
                       "channels double after each pool. VGG16: 13 convolutions in 5 blocks, 64 → 512 channels."));
  if (problem_.isEmpty()) updateTexts();
  else recompute();  // the problem sentence, in the new language
  diagram_->update();
  redrawChart();
}

void VggPage::applyAppearance() {
  stylePlot(chart_);
  // A plot alone: at least its least height at the presentation scale too (the diagram above gives way).
  chart_->setMinimumHeight(static_cast<int>(std::ceil(kMinPlotHeight * Appearance::instance().scale())) + 2);
  redrawChart();
  diagram_->update();
}

nlohmann::json VggPage::sessionState() const {
  return {{"input", input_->currentData().toString().toStdString()},
          {"blocks", blocks_box_->value()},
          {"convs", convs_->value()},
          {"channels", channels_->currentData().toInt()}};
}

QString VggPage::restoreSessionState(const nlohmann::json& state) {
  if (!state.is_object()) return tr("expected an object");
  const nlohmann::json input = state.value("input", nlohmann::json(kDefaultInput));
  if (!input.is_string() || input_->findData(QString::fromStdString(input.get<std::string>())) < 0)
    return tr("input: expected digits, fashion or photo, got %1").arg(QString::fromStdString(input.dump()));
  const auto integer = [&](const char* key, int fallback, int low, int high, int& out) {
    const nlohmann::json v = state.value(key, nlohmann::json(fallback));
    if (!v.is_number_integer() || v.get<std::int64_t>() < low || v.get<std::int64_t>() > high)
      return tr("%1: expected an integer from %2 to %3, got %4").arg(key).arg(low).arg(high).arg(QString::fromStdString(v.dump()));
    out = v.get<int>();
    return QString();
  };
  int blocks = 0, convs = 0, channels = 0;
  QString problem = integer("blocks", kDefaultBlocks, 1, 5, blocks);
  if (problem.isEmpty()) problem = integer("convs", kDefaultConvs, 1, 3, convs);
  if (!problem.isEmpty()) return problem;
  const nlohmann::json c = state.value("channels", nlohmann::json(kDefaultChannels));
  if (!c.is_number_integer() || channels_->findData(c.get<int>()) < 0)
    return tr("channels: expected 8, 16, 32 or 64, got %1").arg(QString::fromStdString(c.dump()));
  channels = c.get<int>();
  setConfiguration(QString::fromStdString(input.get<std::string>()), blocks, convs, channels);
  return {};
}

}  // namespace gsui
