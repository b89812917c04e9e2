#include "nn/perceptron.h"

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs::nn {

Perceptron::Perceptron(std::int64_t in_features, double lr_, Dtype dtype)
    : weight(zeros({in_features}, {.dtype = dtype})), bias(zeros({}, {.dtype = dtype})), lr(lr_) {}

Tensor Perceptron::net_input(const Tensor& x) const { return matmul(x.to(weight.dtype()), weight) + bias; }

Tensor Perceptron::predict(const Tensor& x) const { return step(net_input(x)); }

bool Perceptron::update(const Tensor& x_i, double y_i) {
  NoGradGuard no_grad;
  const Tensor x = x_i.to(weight.dtype()).reshape({1, -1});
  const double error = y_i - predict(x).item();
  if (error == 0) return false;
  weight.add_(x.reshape({-1}), lr * error);
  bias.add_(lr * error);
  return true;
}

std::int64_t Perceptron::errors(const Tensor& x, const Tensor& y) const {
  const Tensor wrong = abs(predict(x) - y.to(weight.dtype()).reshape({-1}));
  return static_cast<std::int64_t>(sum(wrong).item());
}

}  // namespace gs::nn
