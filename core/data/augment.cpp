#include "data/augment.h"

#include <cmath>

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs::data {
namespace {

Tensor as_batch(const Tensor& images) {
  GS_CHECK(images.dim() == 3 || images.dim() == 4, "augmentation expects images [C, H, W] or [N, C, H, W], got " + shape_str(images.shape()));
  return (images.dim() == 3 ? images.unsqueeze(0) : images).to(kFloat32).contiguous();
}

Tensor restore(const Tensor& batch, const Tensor& original) { return original.dim() == 3 ? batch.squeeze(0) : batch; }

}  // namespace

Tensor affine(const Tensor& images, double degrees, double dx, double dy, double scale) {
  GS_CHECK(scale > 0.05 && scale < 20, "augmentation scale must be between 0.05 and 20, got " + std::to_string(scale));
  NoGradGuard no_grad;
  const Tensor in = as_batch(images);
  const std::int64_t planes = in.size(0) * in.size(1), h = in.size(2), w = in.size(3);
  Tensor out = zeros(in.shape());
  const float* src = in.data_ptr<float>();
  float* dst = out.data_ptr<float>();
  const double a = degrees * M_PI / 180.0, c = std::cos(a), s = std::sin(a);
  const double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
  for (std::int64_t p = 0; p < planes; ++p) {
    for (std::int64_t y = 0; y < h; ++y)
      for (std::int64_t x = 0; x < w; ++x) {
        // Inverse map: output pixel → source position.
        const double ux = (x - cx - dx) / scale, uy = (y - cy - dy) / scale;
        const double sx = c * ux + s * uy + cx, sy = -s * ux + c * uy + cy;
        const auto x0 = static_cast<std::int64_t>(std::floor(sx)), y0 = static_cast<std::int64_t>(std::floor(sy));
        const double fx = sx - x0, fy = sy - y0;
        double v = 0;
        for (int k = 0; k < 4; ++k) {
          const std::int64_t xx = x0 + (k & 1), yy = y0 + (k >> 1);
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          v += ((k & 1) ? fx : 1 - fx) * ((k >> 1) ? fy : 1 - fy) * src[p * h * w + yy * w + xx];
        }
        dst[p * h * w + y * w + x] = static_cast<float>(v);
      }
  }
  return restore(out, images);
}

Tensor brightness_contrast(const Tensor& images, double brightness, double contrast) {
  NoGradGuard no_grad;
  const Tensor in = as_batch(images);
  const Tensor m = mean(in, {1, 2, 3}, true);
  return restore(clamp((in - m) * contrast + m + brightness, 0.0, 1.0), images);
}

Tensor gaussian_noise(const Tensor& images, double std, Generator& generator) {
  NoGradGuard no_grad;
  const Tensor in = as_batch(images);
  return restore(clamp(in + randn(in.shape(), options_of(in), &generator) * std, 0.0, 1.0), images);
}

Tensor blur(const Tensor& images, int passes) {
  NoGradGuard no_grad;
  Tensor x = as_batch(images);
  const std::int64_t c = x.size(1);
  // A depthwise 3×3 mean filter as a conv2d on each channel plane.
  const Tensor kernel = full({1, 1, 3, 3}, 1.0 / 9.0);
  for (int i = 0; i < passes; ++i) {
    const Tensor planes = x.reshape({-1, 1, x.size(2), x.size(3)});
    x = conv2d(planes, kernel, Tensor(), {1, 1}, {1, 1}).reshape({-1, c, x.size(2), x.size(3)});
  }
  return restore(x, images);
}

Tensor hflip(const Tensor& images) {
  NoGradGuard no_grad;
  const Tensor in = as_batch(images);
  Tensor out = zeros(in.shape());
  const std::int64_t rows = in.size(0) * in.size(1) * in.size(2), w = in.size(3);
  const float* src = in.data_ptr<float>();
  float* dst = out.data_ptr<float>();
  for (std::int64_t r = 0; r < rows; ++r)
    for (std::int64_t x = 0; x < w; ++x) dst[r * w + x] = src[r * w + (w - 1 - x)];
  return restore(out, images);
}

Tensor random_augment(const Tensor& batch, const AugmentOptions& o, Generator& g) {
  GS_CHECK(batch.dim() == 4, "random_augment expects a batch [N, C, H, W], got " + shape_str(batch.shape()));
  std::vector<Tensor> out;
  auto u = [&](double r) { return (2 * g.uniform() - 1) * r; };
  for (std::int64_t i = 0; i < batch.size(0); ++i) {
    Tensor img = affine(batch.index({i}), u(o.max_degrees), u(o.max_shift), u(o.max_shift), 1 + u(o.max_scale));
    img = brightness_contrast(img, u(o.max_brightness), 1 + u(o.max_contrast));
    if (o.noise_std > 0) img = gaussian_noise(img, o.noise_std, g);
    if (o.flip_probability > 0 && g.uniform() < o.flip_probability) img = hflip(img);
    out.push_back(img);
  }
  return stack(out);
}

}  // namespace gs::data
