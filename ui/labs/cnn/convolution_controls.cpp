#include "labs/cnn/convolution_controls.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>

#include "app/control_group.h"

namespace gsui {
namespace {

/// A combo never narrower than its longest item, so no choice is cut mid-word: when the label
/// and the combo do not fit side by side (presentation mode's large font), the form puts the
/// combo on its own line under the label (WrapLongRows), where the whole panel's width is free.
QComboBox* wholeCombo(const char* name) {
  auto* combo = new QComboBox;
  combo->setObjectName(name);
  combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  return combo;
}

}  // namespace

ConvolutionControls::ConvolutionControls(QBoxLayout* panel, QObject* parent) : QObject(parent) {
  buildInputGroup(panel);
  buildWindowGroup(panel);
  // A row too wide for the panel (presentation mode's large font) puts its field under the label.
  for (ControlGroup* group : {input_group_, window_group_}) group->form()->setRowWrapPolicy(QFormLayout::WrapLongRows);
  updateEnabled();
  retranslate();
}

void ConvolutionControls::buildInputGroup(QBoxLayout* panel) {
  input_group_ = new ControlGroup(panel);
  source_ = wholeCombo("imageSource");
  for (ImageSource s : {ImageSource::Digits, ImageSource::FashionMnist, ImageSource::PhotoGray, ImageSource::PhotoColor})
    source_->addItem(QString(), int(s));
  index_ = new QSpinBox;
  index_->setObjectName("imageIndex");
  index_->setRange(0, 1796);
  // One field per row: two side by side do not fit a 300-pixel panel in presentation fonts.
  image_label_ = input_group_->addRow(source_);
  index_label_ = input_group_->addRow(index_);
  connect(source_, &QComboBox::currentIndexChanged, this, &ConvolutionControls::sourceChanged);
  connect(index_, &QSpinBox::valueChanged, this, &ConvolutionControls::imageIndexChanged);
}

void ConvolutionControls::buildWindowGroup(QBoxLayout* panel) {
  window_group_ = new ControlGroup(panel);
  operation_ = wholeCombo("operation");
  for (int i = 0; i < 3; ++i) operation_->addItem(QString());
  operation_label_ = window_group_->addRow(operation_);
  preset_ = wholeCombo("kernelPreset");
  for (int i = 0; i <= kPresetCount; ++i) preset_->addItem(QString());
  preset_->setCurrentIndex(int(KernelPreset::SobelHorizontal));
  size_ = new QSpinBox;
  size_->setObjectName("kernelSize");
  size_->setRange(1, 5);
  size_->setValue(3);
  kernel_label_ = window_group_->addRow(preset_);
  size_label_ = window_group_->addRow(size_);
  stride_ = new QSpinBox;
  stride_->setObjectName("stride");
  stride_->setRange(1, 4);
  dilation_ = new QSpinBox;
  dilation_->setObjectName("dilation");
  dilation_->setRange(1, 3);
  stride_label_ = window_group_->addRow(stride_);
  dilation_label_ = window_group_->addRow(dilation_);
  padding_mode_ = wholeCombo("paddingMode");
  padding_mode_->addItem(QString(), int(gs::PaddingMode::Explicit));
  padding_mode_->addItem("'valid'", int(gs::PaddingMode::Valid));
  padding_mode_->addItem("'same'", int(gs::PaddingMode::Same));
  padding_ = new QSpinBox;
  padding_->setObjectName("padding");
  padding_->setRange(0, 4);
  padding_label_ = window_group_->addRow(padding_mode_);
  padding_size_label_ = window_group_->addRow(padding_);
  out_channels_ = new QSpinBox;
  out_channels_->setObjectName("outChannels");
  out_channels_->setRange(1, 4);
  channels_label_ = window_group_->addRow(out_channels_);

  connect(operation_, &QComboBox::currentIndexChanged, this, &ConvolutionControls::operationSwitched);
  connect(preset_, &QComboBox::currentIndexChanged, this, [this](int i) {
    if (i < kPresetCount) emit presetChosen();
  });
  connect(size_, &QSpinBox::valueChanged, this, &ConvolutionControls::kernelSizeChanged);
  connect(out_channels_, &QSpinBox::valueChanged, this, &ConvolutionControls::outChannelsChanged);
  for (QSpinBox* s : {stride_, dilation_, padding_}) connect(s, &QSpinBox::valueChanged, this, &ConvolutionControls::geometryChanged);
  connect(padding_mode_, &QComboBox::currentIndexChanged, this, [this] {
    updateEnabled();
    emit geometryChanged();
  });
}

/// Pooling starts from PyTorch's usual 2×2 / stride 2, a convolution from 3×3 / stride 1; the
/// page recomputes once for the whole switch.
void ConvolutionControls::operationSwitched() {
  const bool pooling = operation() != ConvOperation::Convolution;
  {
    const QSignalBlocker b1(size_), b2(stride_), b3(padding_), b4(padding_mode_), b5(dilation_);
    size_->setValue(pooling ? 2 : 3);
    stride_->setValue(pooling ? 2 : 1);
    padding_->setValue(0);
    dilation_->setValue(1);
    padding_mode_->setCurrentIndex(0);
  }
  updateEnabled();
  emit operationChanged();
}

void ConvolutionControls::updateEnabled() {
  const bool conv = operation() == ConvOperation::Convolution;
  preset_->setEnabled(conv);
  dilation_->setEnabled(conv);
  out_channels_->setEnabled(conv);
  padding_mode_->setEnabled(conv);
  padding_->setEnabled(padding_mode_->currentIndex() == 0);
}

ImageSource ConvolutionControls::source() const { return ImageSource(source_->currentData().toInt()); }
int ConvolutionControls::imageIndex() const { return index_->value(); }
ConvOperation ConvolutionControls::operation() const { return ConvOperation(operation_->currentIndex()); }
KernelPreset ConvolutionControls::preset() const { return KernelPreset(preset_->currentIndex()); }
int ConvolutionControls::kernelSize() const { return size_->value(); }
int ConvolutionControls::outChannels() const { return out_channels_->value(); }

gs::Conv2dArgs ConvolutionControls::convArgs() const {
  const std::int64_t s = stride_->value(), p = padding_->value(), d = dilation_->value();
  return {.stride = {s, s}, .padding = {p, p}, .dilation = {d, d},
          .padding_mode = gs::PaddingMode(padding_mode_->currentData().toInt())};
}

gs::Pool2dArgs ConvolutionControls::poolArgs() const {
  const std::int64_t k = size_->value(), s = stride_->value(), p = padding_->value();
  return {.kernel_size = {k, k}, .stride = {s, s}, .padding = {p, p}};
}

void ConvolutionControls::showPreset(KernelPreset preset) {
  const QSignalBlocker block(preset_);
  preset_->setCurrentIndex(int(preset));
}

void ConvolutionControls::showSource(ImageSource source) {
  const QSignalBlocker block(source_);
  source_->setCurrentIndex(source_->findData(int(source)));
}

void ConvolutionControls::setImageCount(int count) {
  const QSignalBlocker block(index_);
  index_->setRange(0, std::max(0, count - 1));
}

void ConvolutionControls::retranslate() {
  input_group_->setTitle(tr("Input image"));
  window_group_->setTitle(tr("Operation"));
  source_->setItemText(0, tr("Digits 8×8"));
  source_->setItemText(1, tr("Fashion-MNIST 28×28"));
  source_->setItemText(2, tr("Photo 32×32, gray"));
  source_->setItemText(3, tr("Photo 32×32, 3 channels"));
  index_->setToolTip(tr("Which image of the set"));
  image_label_->setText(tr("Image"));
  index_label_->setText(tr("Image no."));
  operation_->setItemText(0, tr("Convolution"));
  operation_->setItemText(1, tr("Max pooling"));
  operation_->setItemText(2, tr("Average pooling"));
  operation_label_->setText(tr("Apply"));
  const char* presets[] = {QT_TR_NOOP("Identity"), QT_TR_NOOP("Box blur"), QT_TR_NOOP("Sharpen"),
                           QT_TR_NOOP("Sobel y"), QT_TR_NOOP("Sobel x"),
                           QT_TR_NOOP("Laplacian"), QT_TR_NOOP("Custom (edited)")};
  for (int i = 0; i <= kPresetCount; ++i) preset_->setItemText(i, tr(presets[i]));
  // Sobel y is the change from top to bottom: it finds horizontal edges (and Sobel x vertical ones).
  preset_->setItemData(int(KernelPreset::SobelHorizontal), tr("Sobel y: the change from top to bottom, so it finds horizontal edges"),
                       Qt::ToolTipRole);
  preset_->setItemData(int(KernelPreset::SobelVertical), tr("Sobel x: the change from left to right, so it finds vertical edges"),
                       Qt::ToolTipRole);
  preset_->setToolTip(tr("A ready-made kernel; edit its weights below to make your own"));
  kernel_label_->setText(tr("Kernel"));
  size_label_->setText(tr("Kernel size"));
  size_->setToolTip(tr("kernel_size"));
  stride_label_->setText(tr("Stride"));
  dilation_label_->setText(tr("Dilation"));
  stride_->setToolTip(tr("stride: how far the window moves per output cell"));
  dilation_->setToolTip(tr("dilation: gaps between the kernel's taps (1 = none)"));
  padding_label_->setText(tr("Padding"));
  padding_size_label_->setText(tr("Padding P"));
  padding_->setToolTip(tr("padding P: zero rows/columns added on each side"));
  padding_mode_->setItemText(0, tr("explicit (P)"));
  padding_mode_->setToolTip(tr("padding as a number of zero rows/columns on each side, or PyTorch's 'valid' (none) "
                               "and 'same' (output as large as the input)"));
  channels_label_->setText(tr("Output channels"));
  out_channels_->setToolTip(tr("out_channels: one kernel (and one output map) per channel"));
}

}  // namespace gsui
