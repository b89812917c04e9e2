#include "labs/cnn/convolution_model.h"

#include <algorithm>

#include "app/engine_message.h"
#include "ops/functional.h"
#include "util/error.h"

namespace gsui {

std::vector<double> presetKernel(KernelPreset preset, int size) {
  std::vector<double> k(std::size_t(size * size), 0.0);
  const int centre = (size - 1) / 2;
  switch (preset) {
    case KernelPreset::Identity:
      k[std::size_t(centre * size + centre)] = 1.0;
      return k;
    case KernelPreset::BoxBlur:
      std::fill(k.begin(), k.end(), 1.0 / (size * size));
      return k;
    case KernelPreset::Custom:
      return k;
    default:
      break;
  }
  static const double classic[][9] = {
      {0, -1, 0, -1, 5, -1, 0, -1, 0},    // sharpen
      {-1, -2, -1, 0, 0, 0, 1, 2, 1},     // Sobel, horizontal edges (a change from top to bottom)
      {-1, 0, 1, -2, 0, 2, -1, 0, 1},     // Sobel, vertical edges (a change from left to right)
      {0, 1, 0, 1, -4, 1, 0, 1, 0},       // Laplacian
  };
  const double* c = classic[int(preset) - int(KernelPreset::Sharpen)];
  // The 3×3 centred in the square: (1, 1) of the classic lands on (centre, centre).
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      const int cy = y - centre + 1, cx = x - centre + 1;
      if (cy >= 0 && cy < 3 && cx >= 0 && cx < 3) k[std::size_t(y * size + x)] = c[cy * 3 + cx];
    }
  return k;
}

std::array<std::int64_t, 2> ConvolutionSetup::kernelSize() const {
  if (pooling()) return pool.kernel_size;
  return {weight.size(2), weight.size(3)};
}

std::optional<ConvolutionFailure> ConvolutionModel::apply(const ConvolutionSetup& setup) {
  const std::array<std::int64_t, 2> in{setup.image.height(), setup.image.width()};
  const gs::Tensor batch = setup.image.pixels.unsqueeze(0);  // [1, C, H, W]
  gs::Tensor out;
  try {
    out = setup.pooling() ? gs::pool2d(batch, setup.poolKind(), setup.pool)
                          : gs::conv2d_with_args(batch, setup.weight, setup.bias, setup.conv);
  } catch (const gs::Error& e) {
    // core's explanation as the learner reads it (its coded sentence in their language).
    return ConvolutionFailure{setup.pooling() ? gs::check_pool2d(in, setup.pool) : gs::check_conv2d(in, setup.kernelSize(), setup.conv),
                              gsui::engineExplanation(e).toStdString(), e.torch_message()};
  }
  setup_ = setup;
  output_ = out.squeeze(0).contiguous();
  output_values_ = output_.to_vector<double>();
  revealed_ = std::min(revealed_, cellCount());
  current_ = std::min(current_, revealed_ - 1);
  return std::nullopt;
}

gs::Padding2d ConvolutionModel::padding() const {
  if (!ready()) return {};
  if (setup_.pooling()) {
    const auto& p = setup_.pool.padding;
    return {p[0], p[0], p[1], p[1]};
  }
  return gs::conv2d_padding(setup_.kernelSize(), setup_.conv);
}

bool ConvolutionModel::step() {
  if (finished()) return false;
  current_ = revealed_++;
  return true;
}

void ConvolutionModel::reset() {
  revealed_ = 0;
  current_ = -1;
}

bool ConvolutionModel::jumpTo(std::int64_t channel, std::int64_t oy, std::int64_t ox) {
  if (!ready() || channel < 0 || channel >= outputChannels() || oy < 0 || oy >= outputHeight() || ox < 0 ||
      ox >= outputWidth())
    return false;
  current_ = (channel * outputHeight() + oy) * outputWidth() + ox;
  revealed_ = std::max(revealed_, current_ + 1);
  return true;
}

std::array<std::int64_t, 3> ConvolutionModel::cellAt(std::int64_t cell) const {
  const std::int64_t plane = outputHeight() * outputWidth();
  return {cell / plane, (cell % plane) / outputWidth(), cell % outputWidth()};
}

gs::ConvWindow ConvolutionModel::convWindow() const {
  const auto [o, y, x] = cellAt(std::max<std::int64_t>(current_, 0));
  return gs::conv2d_window(setup_.image.pixels, setup_.weight, setup_.bias, setup_.conv, o, y, x);
}

gs::PoolWindow ConvolutionModel::poolWindow() const {
  const auto [c, y, x] = cellAt(std::max<std::int64_t>(current_, 0));
  return gs::pool2d_window(setup_.image.pixels, setup_.poolKind(), setup_.pool, c, y, x);
}

}  // namespace gsui
