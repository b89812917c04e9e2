#pragma once
/// (internal to core/train) Eval mode and no grad for a look at the model.
#include "autograd/grad_mode.h"
#include "nn/module.h"

namespace gs::train {

/// Eval mode and no grad while it lives; training mode comes back at the end.
class Inspecting {
 public:
  explicit Inspecting(nn::Module& model) : model_(model) { model_.eval(); }
  ~Inspecting() { model_.train(); }
  Inspecting(const Inspecting&) = delete;
  Inspecting& operator=(const Inspecting&) = delete;

 private:
  nn::Module& model_;
  NoGradGuard no_grad_;
};

}  // namespace gs::train
