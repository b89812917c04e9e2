#pragma once
/// Grad mode: whether operations record the graph. Per thread (the training worker and the UI
/// thread do not disturb each other), as torch.no_grad() is per thread in PyTorch.
namespace gs {

bool is_grad_enabled();
void set_grad_enabled(bool enabled);

/// `{ gs::NoGradGuard no_grad; ... }` is `with torch.no_grad(): ...`.
class NoGradGuard {
 public:
  NoGradGuard() : previous_(is_grad_enabled()) { set_grad_enabled(false); }
  ~NoGradGuard() { set_grad_enabled(previous_); }
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};

}  // namespace gs
