#include "nn/module.h"

#include "autograd/grad_mode.h"
#include "util/error.h"

namespace gs::nn {

std::string Module::repr(int indent) const {
  std::string s = type_name() + "(";
  if (children_.empty()) return s + extra_repr() + ")";
  const std::string pad(indent + 2, ' ');
  s += "\n";
  for (const auto& [name, child] : children_) s += pad + "(" + name + "): " + child->repr(indent + 2) + "\n";
  return s + std::string(indent, ' ') + ")";
}

std::vector<std::pair<std::string, Tensor>> Module::named_parameters() const {
  auto out = parameters_;
  for (const auto& [name, child] : children_)
    for (auto& [pname, p] : child->named_parameters()) out.emplace_back(name + "." + pname, p);
  return out;
}

std::vector<Tensor> Module::parameters() const {
  std::vector<Tensor> out;
  for (auto& [name, p] : named_parameters()) out.push_back(p);
  return out;
}

std::vector<std::pair<std::string, Tensor>> Module::named_buffers() const {
  auto out = buffers_;
  for (const auto& [name, child] : children_)
    for (auto& [bname, b] : child->named_buffers()) out.emplace_back(name + "." + bname, b);
  return out;
}

void Module::train(bool on) {
  training_ = on;
  for (auto& [name, child] : children_) child->train(on);
}

void Module::zero_grad(bool set_to_none) {
  for (Tensor& p : parameters()) {
    if (set_to_none) {
      p.set_grad(Tensor());
    } else if (p.grad().defined()) {
      NoGradGuard no_grad;
      p.grad().zero_();
    }
  }
}

void Module::check_same_structure(const Module& other, const std::string& path) const {
  const std::string at = path.empty() ? std::string("the model") : path;
  // One parameter-free layer for another (Tanh for ReLU: a fork that changes the activation) keeps
  // the structure; any layer with parameters, buffers or layers of its own must be the same type.
  const bool bare = parameters_.empty() && buffers_.empty() && children_.empty() && other.parameters_.empty() &&
                    other.buffers_.empty() && other.children_.empty();
  GS_CHECK(type_name() == other.type_name() || bare, at + " is a " + other.type_name() + " in the other model, not a " + type_name());
  GS_CHECK(parameters_.size() == other.parameters_.size() && buffers_.size() == other.buffers_.size() &&
               children_.size() == other.children_.size(),
           at + " (" + type_name() + ") has other parameters, buffers or layers in the other model");
  auto same = [&](const auto& a, const auto& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      GS_CHECK(a[i].first == b[i].first && a[i].second.defined() == b[i].second.defined() &&
                   (!a[i].second.defined() || a[i].second.shape() == b[i].second.shape()),
               at + "." + a[i].first + " differs from the other model's");
    }
  };
  same(parameters_, other.parameters_);
  same(buffers_, other.buffers_);
  for (std::size_t i = 0; i < children_.size(); ++i) {
    GS_CHECK(children_[i].first == other.children_[i].first, at + ": the layers are named differently in the other model");
    children_[i].second->check_same_structure(*other.children_[i].second, path.empty() ? children_[i].first : path + "." + children_[i].first);
  }
}

void Module::copy_state_from(const Module& other) {
  NoGradGuard no_grad;
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    Tensor& mine = parameters_[i].second;
    const Tensor& theirs = other.parameters_[i].second;
    if (!mine.defined()) continue;
    mine.copy_(theirs);
    mine.set_grad(theirs.grad().defined() ? theirs.grad().clone() : Tensor());
  }
  for (std::size_t i = 0; i < buffers_.size(); ++i)
    if (buffers_[i].second.defined()) buffers_[i].second.copy_(other.buffers_[i].second);
  training_ = other.training_;
  if (type_name() == other.type_name()) load_extra_state_from(other);
  for (std::size_t i = 0; i < children_.size(); ++i) children_[i].second->copy_state_from(*other.children_[i].second);
}

void Module::load_state_from(const Module& other) {
  if (&other == this) return;
  check_same_structure(other, "");
  copy_state_from(other);
}

void Module::to(Device device) {
  auto move = [device](const Tensor& t) {
    if (!t.defined() || t.device() == device) return;
    const Tensor moved = t.detach().to(device);
    TensorImpl& impl = *t.impl();
    impl.storage = moved.impl()->storage;
    impl.offset = moved.impl()->offset;
    impl.strides = moved.impl()->strides;
    impl.grad.reset();
  };
  for (const auto& [name, p] : named_parameters()) move(p);
  for (const auto& [name, b] : named_buffers()) move(b);
}

void Module::register_parameter(const std::string& name, const Tensor& t) { parameters_.emplace_back(name, t); }
void Module::register_buffer(const std::string& name, const Tensor& t) { buffers_.emplace_back(name, t); }
void Module::register_module(const std::string& name, std::shared_ptr<Module> m) { children_.emplace_back(name, std::move(m)); }

Sequential::Sequential(std::vector<std::shared_ptr<Module>> layers) {
  for (auto& l : layers) push_back(std::move(l));
}

void Sequential::push_back(std::shared_ptr<Module> layer) {
  register_module(std::to_string(children().size()), std::move(layer));
}

Tensor Sequential::forward(const Tensor& x) {
  Tensor h = x;
  for (const auto& [name, child] : children()) h = child->forward(h);
  return h;
}

}  // namespace gs::nn
