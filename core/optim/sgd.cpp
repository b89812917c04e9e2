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

void Optimizer::load_state_from(const Optimizer&) { GS_CHECK(false, "this optimizer cannot take another's state"); }

std::vector<Tensor> Optimizer::copies(const std::vector<Tensor>& state) {
  NoGradGuard no_grad;
  std::vector<Tensor> out;
  out.reserve(state.size());
  for (const Tensor& t : state) out.push_back(t.defined() ? t.clone() : Tensor());
  return out;
}

SGD::SGD(std::vector<Tensor> params, SGDOptions options) : Optimizer(std::move(params)), options_(options) {
  GS_CHECK(options.lr >= 0, "SGD: invalid learning rate: " + std::to_string(options.lr));
  GS_CHECK(options.momentum >= 0, "SGD: invalid momentum value: " + std::to_string(options.momentum));
  GS_CHECK(!options.nesterov || (options.momentum > 0 && options.dampening == 0),
        "SGD: Nesterov momentum requires a momentum and zero dampening");
  buffers_.resize(params_.size());
}

void SGD::load_state_from(const Optimizer& other) {
  const SGD& o = same_kind<SGD>(other);
  std::vector<Tensor> buffers = copies(o.buffers_);
  options_ = o.options_;
  buffers_ = std::move(buffers);
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
