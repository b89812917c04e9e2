#pragma once
// The convolution page's state without widgets: the image, the operation with its numbers, the
// output map core computed for them, and how far the animation has revealed it. Every number on
// screen comes from core: the map from gs::conv2d / max_pool2d / avg_pool2d, the window under
// the highlighted cell from ops/conv_explain.
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "labs/cnn/convolution_images.h"
#include "ops/conv_explain.h"

namespace gsui {

enum class ConvOperation { Convolution, MaxPool, AvgPool };

/// The kernel presets, in the menu's order (Custom: the weights were edited).
enum class KernelPreset { Identity, BoxBlur, Sharpen, SobelHorizontal, SobelVertical, Laplacian, Custom };
inline constexpr int kPresetCount = 6;  ///< the presets before Custom

/// A preset as a size×size kernel: the 3×3 classic centred in the square (cropped for size 1–2),
/// except identity and box blur, which exist at every size.
std::vector<double> presetKernel(KernelPreset preset, int size);

/// Everything the output depends on.
struct ConvolutionSetup {
  ConvolutionImage image;
  ConvOperation operation = ConvOperation::Convolution;
  gs::Tensor weight;  ///< [O, C, k, k] (convolution)
  gs::Tensor bias;    ///< [O] (convolution)
  gs::Conv2dArgs conv;
  gs::Pool2dArgs pool;
  bool pooling() const { return operation != ConvOperation::Convolution; }
  gs::PoolKind poolKind() const { return operation == ConvOperation::MaxPool ? gs::PoolKind::Max : gs::PoolKind::Avg; }
  std::array<std::int64_t, 2> kernelSize() const;
};

/// Why a setup was refused: core's problem code (for the page to word it) and core's message.
struct ConvolutionFailure {
  gs::WindowCheck check;
  std::string what;           ///< core's explanation (English)
  std::string torch_message;  ///< what PyTorch says for the same mistake
};

class ConvolutionModel {
 public:
  /// Computes the whole output of `setup` with core's op. An impossible setup changes nothing
  /// (the previous setup, output and progress stay) and returns why.
  std::optional<ConvolutionFailure> apply(const ConvolutionSetup& setup);
  bool ready() const { return output_.defined(); }
  const ConvolutionSetup& setup() const { return setup_; }
  /// The output map [O, OH, OW], exactly as core's op returned it (batch dimension dropped).
  const gs::Tensor& output() const { return output_; }
  const std::vector<double>& outputValues() const { return output_values_; }
  std::int64_t outputChannels() const { return ready() ? output_.size(0) : 0; }
  std::int64_t outputHeight() const { return ready() ? output_.size(1) : 0; }
  std::int64_t outputWidth() const { return ready() ? output_.size(2) : 0; }
  std::int64_t cellCount() const { return ready() ? output_.numel() : 0; }
  gs::Padding2d padding() const;

  /// Cells revealed so far (in order: channel, row, column); the highlighted cell (−1: none).
  std::int64_t revealed() const { return revealed_; }
  std::int64_t current() const { return current_; }
  bool finished() const { return revealed_ >= cellCount(); }
  bool isRevealed(std::int64_t cell) const { return cell < revealed_; }
  /// Reveals the next cell and highlights it; false when all are revealed already.
  bool step();
  /// Hides every cell.
  void reset();
  /// Highlights [channel, oy, ox], revealing every cell before it; false outside the output.
  bool jumpTo(std::int64_t channel, std::int64_t oy, std::int64_t ox);
  /// [channel, oy, ox] of a cell index.
  std::array<std::int64_t, 3> cellAt(std::int64_t cell) const;

  /// The window behind the highlighted cell (convolution / pooling), from core.
  gs::ConvWindow convWindow() const;
  gs::PoolWindow poolWindow() const;

 private:
  ConvolutionSetup setup_;
  gs::Tensor output_;
  std::vector<double> output_values_;
  std::int64_t revealed_ = 0;
  std::int64_t current_ = -1;
};

}  // namespace gsui
