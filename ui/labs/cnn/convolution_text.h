#pragma once
// The convolution page's words and numbers: values as cells show them, the products panel, the
// output-size rule with the current numbers, core's problems worded in the learner's language,
// and the PyTorch code of what is on screen.
#include <QCoreApplication>
#include <QString>

#include "labs/cnn/convolution_model.h"

namespace gsui {

/// A value as short as a cell allows: integers plain, else `decimals` decimals (one fewer from 10
/// on); "−∞" for max pooling's padding; a real minus sign (never "−0.0").
QString cellNumber(double value, int decimals = 2);

/// `html` with the numbers, operators and Latin words between CJK words set in the interface's
/// own font: otherwise Qt draws them in the CJK fallback font after a Korean word ("곱의 합 =
/// −2.63") and in the interface font after a Latin one, two fonts in one line. Unchanged when
/// there is no CJK text.
QString inUiFont(const QString& html);

/// A window in words: its values in the kernel's layout, and what they add up to.
struct WindowText {
  QString table;    ///< rich text: one table per input channel
  QString summary;  ///< rich text: the sum (or max / average) and the output cell it fills
};

class ConvolutionText {
  Q_DECLARE_TR_FUNCTIONS(ConvolutionText)

 public:
  /// The highlighted window as rich text: each product "a×w" in the kernel's layout (one table per
  /// input channel), then the sum, the bias and the output cell they fill.
  static WindowText convProducts(const gs::ConvWindow& window, bool has_bias, int in_channels);
  /// The pooling window: its values (the winner marked, for max) and the max or the average.
  static WindowText poolProducts(const gs::PoolWindow& window, bool max);
  /// ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1 with the numbers of `setup` filled in, per axis that differs.
  static QString outputSizeRule(const ConvolutionSetup& setup);
  /// A refused setting in the learner's language, with PyTorch's own message below it.
  static QString problem(const ConvolutionFailure& failure, const ConvolutionSetup& setup);
  /// Runnable PyTorch code computing what is on screen.
  static QString pytorchCode(const ConvolutionSetup& setup, std::int64_t cell_channel, std::int64_t oy, std::int64_t ox);
};

}  // namespace gsui
