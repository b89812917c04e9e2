#include "optim/sgd.h"

#include "autograd/grad_mode.h"
#include "ops/functional.h"

namespace gs::optim {

void Optimizer::zero_grad(bool set_to_none) {
  for (Tensor& p : params_) {
    if (set_to_none) {
      p.set_grad(Tensor());
    } else if (p.grad().defined()) {
      NoGradGuard no_grad;
      p.grad().zero_();
    }
  }
}

SGD::SGD(std::vector<Tensor> params, SGDOptions options) : Optimizer(std::move(params)), options_(options) {
  GS_CHECK(options.lr >= 0, "SGD: invalid learning rate: " + std::to_string(options.lr));
  GS_CHECK(options.momentum >= 0, "SGD: invalid momentum value: " + std::to_string(options.momentum));
  GS_CHECK(!options.nesterov || (options.momentum > 0 && options.dampening == 0),
        "SGD: Nesterov momentum requires a momentum and zero dampening");
  buffers_.resize(params_.size());
}

void SGD::step() {
  NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    if (!p.grad().defined()) continue;
    Tensor g = p.grad();
    if (options_.weight_decay != 0) g = g + p * options_.weight_decay;
    if (options_.momentum != 0) {
      if (!buffers_[i].defined()) {
        buffers_[i] = g.clone();
      } else {
        buffers_[i].mul_(options_.momentum).add_(g, 1 - options_.dampening);
      }
      g = options_.nesterov ? g + buffers_[i] * options_.momentum : buffers_[i];
    }
    p.add_(g, -options_.lr);
  }
}

}  // namespace gs::optim
