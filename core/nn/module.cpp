#include "nn/module.h"

#include "autograd/grad_mode.h"

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
