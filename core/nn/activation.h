#pragma once
/// Parameter-free layers: activations, Flatten, Identity, Dropout, Softmax, LogSoftmax; and
/// make_activation, the one place an activation module is made from its name.
#include <memory>
#include <string>
#include <vector>

#include "nn/module.h"
#include "ops/functional.h"

namespace gs::nn {

/// The arguments of the activations that take any, with PyTorch's names and defaults; each
/// activation reads only its own (ReLU, Sigmoid, Tanh and Identity read none).
struct ActivationArgs {
  double negative_slope = 0.01;      ///< LeakyReLU: the slope for x < 0
  double alpha = 1.0;                ///< ELU: alpha·(eˣ − 1) for x ≤ 0
  std::string approximate = "none";  ///< GELU: "none" (x·Φ(x)) or "tanh" (the tanh approximation)
  double beta = 1.0;                 ///< Softplus: log(1 + e^(βx))/β
  double threshold = 20.0;           ///< Softplus: linear where βx > threshold
};

/// The elementwise activations make_activation knows, by PyTorch class name: "ReLU", "Sigmoid",
/// "Tanh", "LeakyReLU", "ELU", "GELU", "Softplus", "Identity" (the "no activation" choice).
const std::vector<std::string>& activation_names();

/// The activation module of that class name (a name of activation_names()), reading its
/// arguments from `args`, as `getattr(torch.nn, type)(**args)`; throws naming the known names
/// otherwise.
std::shared_ptr<Module> make_activation(const std::string& type, const ActivationArgs& args = {});

class ReLU : public Module {
 public:
  Tensor forward(const Tensor& x) override { return relu(x); }
  std::string type_name() const override { return "ReLU"; }
};

class Sigmoid : public Module {
 public:
  Tensor forward(const Tensor& x) override { return sigmoid(x); }
  std::string type_name() const override { return "Sigmoid"; }
};

class Tanh : public Module {
 public:
  Tensor forward(const Tensor& x) override { return tanh(x); }
  std::string type_name() const override { return "Tanh"; }
};

class LeakyReLU : public Module {
 public:
  explicit LeakyReLU(double negative_slope = 0.01) : negative_slope_(negative_slope) {}
  Tensor forward(const Tensor& x) override { return leaky_relu(x, negative_slope_); }
  std::string type_name() const override { return "LeakyReLU"; }
  std::string extra_repr() const override { return "negative_slope=" + std::to_string(negative_slope_); }

 private:
  double negative_slope_;
};

class ELU : public Module {
 public:
  explicit ELU(double alpha = 1.0) : alpha_(alpha) {}
  Tensor forward(const Tensor& x) override { return elu(x, alpha_); }
  std::string type_name() const override { return "ELU"; }
  std::string extra_repr() const override { return "alpha=" + std::to_string(alpha_); }

 private:
  double alpha_;
};

class GELU : public Module {
 public:
  explicit GELU(std::string approximate = "none") : approximate_(std::move(approximate)) {}
  Tensor forward(const Tensor& x) override { return gelu(x, approximate_); }
  std::string type_name() const override { return "GELU"; }
  std::string extra_repr() const override { return "approximate='" + approximate_ + "'"; }

 private:
  std::string approximate_;
};

class Softplus : public Module {
 public:
  explicit Softplus(double beta = 1.0, double threshold = 20.0) : beta_(beta), threshold_(threshold) {}
  Tensor forward(const Tensor& x) override { return softplus(x, beta_, threshold_); }
  std::string type_name() const override { return "Softplus"; }
  std::string extra_repr() const override {
    return "beta=" + std::to_string(beta_) + ", threshold=" + std::to_string(threshold_);
  }

 private:
  double beta_, threshold_;
};

class Identity : public Module {
 public:
  Tensor forward(const Tensor& x) override { return x; }
  std::string type_name() const override { return "Identity"; }
};

/// Flattens dims start_dim..end_dim (defaults 1 and −1: everything but the batch).
class Flatten : public Module {
 public:
  explicit Flatten(std::int64_t start_dim = 1, std::int64_t end_dim = -1) : start_dim_(start_dim), end_dim_(end_dim) {}
  Tensor forward(const Tensor& x) override { return x.flatten(start_dim_, end_dim_); }
  std::string type_name() const override { return "Flatten"; }
  std::string extra_repr() const override {
    return "start_dim=" + std::to_string(start_dim_) + ", end_dim=" + std::to_string(end_dim_);
  }

 private:
  std::int64_t start_dim_, end_dim_;
};

/// Dropout with its own generator, seeded from the one given at construction (or the thread's
/// default), so a model keeps no pointer to a generator that may not outlive it.
class Dropout : public Module {
 public:
  explicit Dropout(double p = 0.5, Generator* seed_source = nullptr)
      : p_(p), generator_((seed_source ? *seed_source : default_generator()).engine()()) {
    GS_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got " + std::to_string(p));
  }
  Tensor forward(const Tensor& x) override { return dropout(x, p_, training_, &generator_); }
  std::string type_name() const override { return "Dropout"; }
  std::string extra_repr() const override { return "p=" + std::to_string(p_) + ", inplace=False"; }
  double p() const { return p_; }
  /// As assigning `module.p` in PyTorch: the next forward pass uses it.
  void set_p(double p) {
    GS_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got " + std::to_string(p));
    p_ = p;
  }

 protected:
  void load_extra_state_from(const Module& other) override {
    const auto& o = static_cast<const Dropout&>(other);  // (the same type: checked by load_state_from)
    p_ = o.p_;
    generator_ = o.generator_;
  }

 private:
  double p_;
  Generator generator_;
};

class Softmax : public Module {
 public:
  explicit Softmax(std::int64_t dim) : dim_(dim) {}
  Tensor forward(const Tensor& x) override { return softmax(x, dim_); }
  std::string type_name() const override { return "Softmax"; }
  std::string extra_repr() const override { return "dim=" + std::to_string(dim_); }

 private:
  std::int64_t dim_;
};

class LogSoftmax : public Module {
 public:
  explicit LogSoftmax(std::int64_t dim) : dim_(dim) {}
  Tensor forward(const Tensor& x) override { return log_softmax(x, dim_); }
  std::string type_name() const override { return "LogSoftmax"; }
  std::string extra_repr() const override { return "dim=" + std::to_string(dim_); }

 private:
  std::int64_t dim_;
};

}  // namespace gs::nn
