#pragma once
// The kernel's weights, editable: a grid of spin boxes for one [out_channel, in_channel] slice
// (PyTorch's weight[o, c]), a bias per output channel, and a preset per output channel. Holds
// the weights; the page reads them as tensors.
#include <QWidget>
#include <array>
#include <vector>

#include "labs/cnn/convolution_model.h"

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSpinBox;

namespace gsui {

class ConvolutionKernelEditor : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kMaxSize = 5;
  explicit ConvolutionKernelEditor(QWidget* parent = nullptr);

  /// Input and output channels: a new output channel starts from the next preset in the menu
  /// (so two channels of Sobel find both edge directions); every input channel of an output
  /// channel gets its preset.
  void setChannels(int in_channels, int out_channels);
  /// The kernel's size (1–5): presets are rebuilt at that size, edited weights kept centred.
  void setKernelSize(int size);
  /// Sets the preset of the output channel being edited.
  void applyPreset(KernelPreset preset);
  /// The preset of the output channel being edited (Custom once a weight was typed).
  KernelPreset currentPreset() const { return presets_[std::size_t(editedOutChannel())]; }
  int editedOutChannel() const;

  /// weight [O, C, k, k] and bias [O], float32.
  gs::Tensor weight() const;
  gs::Tensor bias() const;
  int kernelSize() const { return size_; }

  void retranslate();
  void applyAppearance();

 protected:
  void changeEvent(QEvent* event) override;

 signals:
  /// A weight, the bias or a preset changed.
  void kernelChanged();
  /// The user switched the output channel being edited (its preset may differ).
  void editedChannelChanged();

 private:
  std::size_t offset(int o, int c) const { return std::size_t((o * in_channels_ + c) * size_ * size_); }
  void fillPreset(int out_channel, KernelPreset preset);
  /// Shows the edited slice's weights in the spin boxes, without echoing them back as edits.
  void showSlice();
  void weightEdited(int y, int x, double value);

  QSpinBox* out_channel_;
  QSpinBox* in_channel_;
  QLabel* in_label_;
  QLabel* out_label_;
  QLabel* bias_label_;
  QDoubleSpinBox* bias_;
  QGridLayout* grid_;
  std::array<std::array<QDoubleSpinBox*, kMaxSize>, kMaxSize> cells_{};

  int in_channels_ = 1, out_channels_ = 1, size_ = 3;
  std::vector<double> weights_;  ///< [O, C, k, k]
  std::vector<double> biases_;   ///< [O]
  std::vector<KernelPreset> presets_;
};

}  // namespace gsui
