#include "labs/cnn/convolution_kernel_editor.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace gsui {
namespace {

/// A weight as short as it is exact: "−1", "0.5", "0.111" (three decimals at most), a real minus.
class WeightBox : public QDoubleSpinBox {
 public:
  using QDoubleSpinBox::QDoubleSpinBox;
  QString textFromValue(double value) const override {
    QString s = QString::number(value, 'f', decimals());
    if (s.contains('.')) {
      while (s.endsWith('0')) s.chop(1);
      if (s.endsWith('.')) s.chop(1);
    }
    return s == "-0" ? QStringLiteral("0") : s.replace('-', QChar(0x2212));
  }
  double valueFromText(const QString& text) const override {
    return QDoubleSpinBox::valueFromText(QString(text).replace(QChar(0x2212), '-'));
  }
  QValidator::State validate(QString& text, int& pos) const override {
    QString plain = QString(text).replace(QChar(0x2212), '-');
    return QDoubleSpinBox::validate(plain, pos);
  }
};

}  // namespace

ConvolutionKernelEditor::ConvolutionKernelEditor(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* slice = new QHBoxLayout;
  out_label_ = new QLabel;
  in_label_ = new QLabel;
  out_channel_ = new QSpinBox;
  out_channel_->setObjectName("editOutChannel");
  in_channel_ = new QSpinBox;
  in_channel_->setObjectName("editInChannel");
  for (QWidget* w : std::initializer_list<QWidget*>{out_label_, out_channel_, in_label_, in_channel_}) slice->addWidget(w);
  slice->addStretch();
  layout->addLayout(slice);
  grid_ = new QGridLayout;
  grid_->setSpacing(2);
  for (int y = 0; y < kMaxSize; ++y) {
    for (int x = 0; x < kMaxSize; ++x) {
      auto* cell = new WeightBox;
      cell->setObjectName(QString("weight_%1_%2").arg(y).arg(x));
      cell->setRange(-99.999, 99.999);
      cell->setDecimals(3);
      cell->setButtonSymbols(QAbstractSpinBox::NoButtons);
      cell->setAlignment(Qt::AlignCenter);
      cell->setKeyboardTracking(false);  // one edit per Enter / focus change, not per keystroke
      connect(cell, &QDoubleSpinBox::valueChanged, this, [this, y, x](double v) { weightEdited(y, x, v); });
      cells_[std::size_t(y)][std::size_t(x)] = cell;
      grid_->addWidget(cell, y, x);
    }
  }
  layout->addLayout(grid_);
  auto* bias_row = new QHBoxLayout;
  bias_label_ = new QLabel;
  bias_ = new WeightBox;
  bias_->setObjectName("bias");
  bias_->setRange(-99.999, 99.999);
  bias_->setDecimals(3);
  bias_->setSingleStep(0.1);
  bias_->setKeyboardTracking(false);
  bias_row->addWidget(bias_label_);
  bias_row->addWidget(bias_);
  bias_row->addStretch();
  layout->addLayout(bias_row);
  layout->addStretch();
  connect(bias_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    biases_[std::size_t(editedOutChannel())] = v;
    emit kernelChanged();
  });
  connect(out_channel_, &QSpinBox::valueChanged, this, [this] {
    showSlice();
    emit editedChannelChanged();
  });
  connect(in_channel_, &QSpinBox::valueChanged, this, &ConvolutionKernelEditor::showSlice);
  weights_.assign(offset(1, 0), 0.0);
  biases_.assign(1, 0.0);
  presets_.assign(1, KernelPreset::SobelHorizontal);
  fillPreset(0, KernelPreset::SobelHorizontal);
  setChannels(1, 1);
  applyAppearance();
  retranslate();
}

int ConvolutionKernelEditor::editedOutChannel() const { return std::clamp(out_channel_->value(), 0, out_channels_ - 1); }

void ConvolutionKernelEditor::fillPreset(int o, KernelPreset preset) {
  presets_[std::size_t(o)] = preset;
  if (preset == KernelPreset::Custom) return;
  const std::vector<double> k = presetKernel(preset, size_);
  for (int c = 0; c < in_channels_; ++c) std::copy(k.begin(), k.end(), weights_.begin() + std::ptrdiff_t(offset(o, c)));
}

void ConvolutionKernelEditor::setChannels(int in_channels, int out_channels) {
  const std::vector<double> old = weights_;
  const int old_in = in_channels_, old_out = out_channels_;
  in_channels_ = in_channels;
  out_channels_ = out_channels;
  weights_.assign(offset(out_channels, 0), 0.0);
  biases_.resize(std::size_t(out_channels), 0.0);
  const KernelPreset first = presets_.front();
  presets_.resize(std::size_t(out_channels), KernelPreset::Custom);
  for (int o = 0; o < out_channels; ++o) {
    if (o >= old_out) presets_[std::size_t(o)] = KernelPreset((int(first == KernelPreset::Custom ? KernelPreset::Identity : first) + o) % kPresetCount);
    if (presets_[std::size_t(o)] != KernelPreset::Custom) {
      fillPreset(o, presets_[std::size_t(o)]);
      continue;
    }
    // An edited kernel keeps its slices; a new input channel copies the first one.
    for (int c = 0; c < in_channels; ++c) {
      const std::size_t from = std::size_t((o * old_in + std::min(c, old_in - 1)) * size_ * size_);
      std::copy_n(old.begin() + std::ptrdiff_t(from), size_ * size_, weights_.begin() + std::ptrdiff_t(offset(o, c)));
    }
  }
  const QSignalBlocker b1(out_channel_), b2(in_channel_);
  out_channel_->setRange(0, out_channels - 1);
  in_channel_->setRange(0, in_channels - 1);
  const bool several = in_channels > 1 || out_channels > 1;
  for (QWidget* w : std::initializer_list<QWidget*>{out_label_, out_channel_, in_label_, in_channel_}) w->setVisible(several);
  showSlice();
}

void ConvolutionKernelEditor::setKernelSize(int size) {
  if (size == size_) return;
  const std::vector<double> old = weights_;
  const int old_size = size_;
  size_ = size;
  weights_.assign(offset(out_channels_, 0), 0.0);
  // Edited weights stay centred: cell (y, x) of the old kernel lands on (y + shift, x + shift).
  const int shift = (size - 1) / 2 - (old_size - 1) / 2;
  for (int o = 0; o < out_channels_; ++o) {
    if (presets_[std::size_t(o)] != KernelPreset::Custom) {
      fillPreset(o, presets_[std::size_t(o)]);
      continue;
    }
    for (int c = 0; c < in_channels_; ++c)
      for (int y = 0; y < old_size; ++y)
        for (int x = 0; x < old_size; ++x) {
          const int ny = y + shift, nx = x + shift;
          if (ny >= 0 && ny < size && nx >= 0 && nx < size)
            weights_[offset(o, c) + std::size_t(ny * size + nx)] =
                old[std::size_t((o * in_channels_ + c) * old_size * old_size + y * old_size + x)];
        }
  }
  showSlice();
}

void ConvolutionKernelEditor::applyPreset(KernelPreset preset) {
  fillPreset(editedOutChannel(), preset);
  showSlice();
  emit kernelChanged();
}

void ConvolutionKernelEditor::showSlice() {
  const int o = editedOutChannel(), c = std::clamp(in_channel_->value(), 0, in_channels_ - 1);
  for (int y = 0; y < kMaxSize; ++y) {
    for (int x = 0; x < kMaxSize; ++x) {
      QDoubleSpinBox* cell = cells_[std::size_t(y)][std::size_t(x)];
      const bool used = y < size_ && x < size_;
      cell->setVisible(used);
      if (!used) continue;
      const QSignalBlocker block(cell);
      cell->setValue(weights_[offset(o, c) + std::size_t(y * size_ + x)]);
    }
  }
  const QSignalBlocker block(bias_);
  bias_->setValue(biases_[std::size_t(o)]);
}

void ConvolutionKernelEditor::weightEdited(int y, int x, double value) {
  const int o = editedOutChannel(), c = std::clamp(in_channel_->value(), 0, in_channels_ - 1);
  weights_[offset(o, c) + std::size_t(y * size_ + x)] = value;
  presets_[std::size_t(o)] = KernelPreset::Custom;
  emit kernelChanged();
}

gs::Tensor ConvolutionKernelEditor::weight() const {
  return gs::from_vector(weights_, {out_channels_, in_channels_, size_, size_});
}

gs::Tensor ConvolutionKernelEditor::bias() const { return gs::from_vector(biases_, {out_channels_}); }

void ConvolutionKernelEditor::retranslate() {
  for (auto& row : cells_)
    for (QDoubleSpinBox* cell : row) cell->setToolTip(tr("A weight of the kernel: type a number, then Enter"));
  out_label_->setText(tr("output channel"));
  in_label_->setText(tr("input channel"));
  bias_label_->setText(tr("bias"));
  out_channel_->setToolTip(tr("Which output channel's kernel you edit: weight[o, c]"));
  in_channel_->setToolTip(tr("Which input channel's slice you edit: weight[o, c]"));
}

void ConvolutionKernelEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange) applyAppearance();
  QWidget::changeEvent(event);
}

void ConvolutionKernelEditor::applyAppearance() {
  const int width = fontMetrics().horizontalAdvance(QStringLiteral("−0.000")) + 12;
  for (auto& row : cells_)
    for (QDoubleSpinBox* cell : row) cell->setFixedWidth(width);
}

}  // namespace gsui
