#pragma once
/// Image augmentation for [C, H, W] or [N, C, H, W] float images (bilinear resampling, zero fill):
/// the Generalization lab's "more data for free". Each op is deterministic given its arguments;
/// random_augment draws them from a seeded generator.
#include "tensor/random.h"
#include "tensor/tensor.h"

namespace gs::data {

/// Rotation by `degrees` about the centre, shift by (dx, dy) pixels and scale about the centre.
Tensor affine(const Tensor& images, double degrees, double dx, double dy, double scale);
/// x·contrast + brightness, clamped to [0, 1] (contrast about the image mean).
Tensor brightness_contrast(const Tensor& images, double brightness, double contrast);
/// Adds N(0, std²) noise, clamped to [0, 1].
Tensor gaussian_noise(const Tensor& images, double std, Generator& generator);
/// 3×3 (radius 1) box blur applied `passes` times.
Tensor blur(const Tensor& images, int passes = 1);
/// Horizontal flip (mirror left ↔ right), torchvision's hflip.
Tensor hflip(const Tensor& images);

struct AugmentOptions {
  double max_degrees = 15, max_shift = 2, max_scale = 0.1, max_brightness = 0.1, max_contrast = 0.2, noise_std = 0.0;
  /// Probability of a horizontal flip (RandomHorizontalFlip(p)); 0 (the default) draws nothing,
  /// so runs without it take exactly the random numbers they took before it existed.
  double flip_probability = 0.0;
};
/// A random combination of the above for each image in a batch [N, C, H, W].
Tensor random_augment(const Tensor& batch, const AugmentOptions& options, Generator& generator);

}  // namespace gs::data
