#pragma once
// The convolution page's side panel: which image, which operation, and the window's numbers
// (kernel size, stride, padding as a number or PyTorch's 'valid' / 'same', dilation, output
// channels). It only holds choices; the page turns them into a setup for the model.
#include <QObject>

#include "labs/cnn/convolution_model.h"

class QBoxLayout;
class QComboBox;
class QLabel;
class QSpinBox;

namespace gsui {

class ControlGroup;

class ConvolutionControls : public QObject {
  Q_OBJECT
 public:
  /// Builds the groups into `panel` (the page's controls layout).
  ConvolutionControls(QBoxLayout* panel, QObject* parent);

  ImageSource source() const;
  int imageIndex() const;
  ConvOperation operation() const;
  KernelPreset preset() const;
  int kernelSize() const;
  int outChannels() const;
  gs::Conv2dArgs convArgs() const;
  gs::Pool2dArgs poolArgs() const;

  /// Shows `preset` without announcing it (the kernel editor changed it).
  void showPreset(KernelPreset preset);
  /// Goes back to `source` without announcing it (the chosen one could not be loaded).
  void showSource(ImageSource source);
  /// The image index's range for the current source (count 0: the source is unavailable).
  void setImageCount(int count);

  void retranslate();

 signals:
  void sourceChanged();
  void imageIndexChanged();
  void operationChanged();
  void presetChosen();
  void kernelSizeChanged();
  void outChannelsChanged();
  /// stride, padding or dilation changed.
  void geometryChanged();

 private:
  void buildInputGroup(QBoxLayout* panel);
  void buildWindowGroup(QBoxLayout* panel);
  void operationSwitched();
  void updateEnabled();

  ControlGroup* input_group_;
  ControlGroup* window_group_;
  QComboBox* source_;
  QSpinBox* index_;
  QComboBox* operation_;
  QComboBox* preset_;
  QSpinBox* size_;
  QSpinBox* stride_;
  QSpinBox* dilation_;
  QComboBox* padding_mode_;
  QSpinBox* padding_;
  QSpinBox* out_channels_;
  QLabel* image_label_;
  QLabel* index_label_;
  QLabel* operation_label_;
  QLabel* kernel_label_;
  QLabel* size_label_;
  QLabel* stride_label_;
  QLabel* dilation_label_;
  QLabel* padding_label_;
  QLabel* padding_size_label_;
  QLabel* channels_label_;
};

}  // namespace gsui
