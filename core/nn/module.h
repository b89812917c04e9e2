#pragma once
/// nn::Module: named parameters and buffers (PyTorch's names: "0.weight", "3.running_mean"),
/// train/eval mode, zero_grad, and a printable repr.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tensor/tensor.h"

namespace gs::nn {

class Module {
 public:
  virtual ~Module() = default;
  virtual Tensor forward(const Tensor& x) = 0;
  Tensor operator()(const Tensor& x) { return forward(x); }

  /// "Linear", "Conv2d", ... (the PyTorch class name).
  virtual std::string type_name() const = 0;
  /// The arguments shown in repr: "in_features=2, out_features=8, bias=True".
  virtual std::string extra_repr() const { return ""; }
  /// PyTorch's print(model) text.
  std::string repr(int indent = 0) const;

  /// Parameters of this module and its children, in registration order, with dotted names.
  std::vector<std::pair<std::string, Tensor>> named_parameters() const;
  std::vector<Tensor> parameters() const;
  /// Buffers (running statistics), named like parameters.
  std::vector<std::pair<std::string, Tensor>> named_buffers() const;
  const std::vector<std::pair<std::string, std::shared_ptr<Module>>>& children() const { return children_; }

  /// Training mode (dropout active, batch norm uses batch statistics), recursively.
  void train(bool on = true);
  void eval() { train(false); }
  bool is_training() const { return training_; }
  /// Clears every parameter's .grad (set_to_none=true, PyTorch ≥ 2.0's default) or zeroes it.
  void zero_grad(bool set_to_none = true);
  /// Moves every parameter and buffer to `device` in place (module.to("cuda")): the tensors keep
  /// their identity (optimizers built on them still hold them), their gradients are dropped.
  void to(Device device);
  /// Takes over `other`'s state, recursively: parameter and buffer values and gradients (as copies
  /// of their own), the training mode, and what a layer keeps besides tensors (Dropout's random
  /// generator). `other` must have the same structure (types, names, shapes; a parameter-free
  /// layer may be another one, as Tanh for ReLU): that is checked first, and a refusal changes
  /// nothing. A forked run starts bit for bit where the original is.
  void load_state_from(const Module& other);

 protected:
  /// A layer's state besides its parameters and buffers (Dropout: its generator), taken from a
  /// module of the same type; none by default.
  virtual void load_extra_state_from(const Module& /*other*/) {}
  void register_parameter(const std::string& name, const Tensor& t);
  void register_buffer(const std::string& name, const Tensor& t);
  void register_module(const std::string& name, std::shared_ptr<Module> m);
  bool training_ = true;

 private:
  void check_same_structure(const Module& other, const std::string& path) const;
  void copy_state_from(const Module& other);
  std::vector<std::pair<std::string, Tensor>> parameters_;
  std::vector<std::pair<std::string, Tensor>> buffers_;
  std::vector<std::pair<std::string, std::shared_ptr<Module>>> children_;
};

/// Layers run in order; children are named "0", "1", ... as in torch.nn.Sequential.
class Sequential : public Module {
 public:
  Sequential() = default;
  explicit Sequential(std::vector<std::shared_ptr<Module>> layers);
  void push_back(std::shared_ptr<Module> layer);
  Tensor forward(const Tensor& x) override;
  std::string type_name() const override { return "Sequential"; }
  std::size_t size() const { return children().size(); }
  const std::shared_ptr<Module>& operator[](std::size_t i) const { return children()[i].second; }
};

}  // namespace gs::nn
