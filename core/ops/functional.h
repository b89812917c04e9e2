#pragma once
/// The differentiable ops, as free functions named after PyTorch's (torch.* and
/// torch.nn.functional.*). Each one's backward sits beside its forward in core/ops/*.cpp.
#include <array>
#include <optional>
#include <string>

#include "tensor/random.h"
#include "tensor/tensor.h"

namespace gs {

// ---- elementwise (broadcasting) — ops/elementwise.cpp
Tensor add(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor sub(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor neg(const Tensor& x);
Tensor pow(const Tensor& x, double exponent);
Tensor pow(const Tensor& x, const Tensor& exponent);
Tensor exp(const Tensor& x);
Tensor log(const Tensor& x);
Tensor sqrt(const Tensor& x);
Tensor abs(const Tensor& x);
Tensor square(const Tensor& x);
/// sin(x); gradient cos(x). (Named sin_of: `sin` would shadow the C library's.)
Tensor sin_of(const Tensor& x);
/// clamp(x, min, max): gradient 1 where min <= x <= max, else 0 (PyTorch's convention).
Tensor clamp(const Tensor& x, std::optional<double> min, std::optional<double> max = std::nullopt);
/// where(condition, a, b): a where condition is nonzero, else b; gradient flows to the chosen one.
Tensor where(const Tensor& condition, const Tensor& a, const Tensor& b);
/// Comparisons give 0/1 in the promoted dtype (PyTorch gives torch.bool) and record no gradient.
Tensor eq(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);

// ---- activations — ops/activation.cpp
Tensor sigmoid(const Tensor& x);
Tensor tanh(const Tensor& x);
Tensor relu(const Tensor& x);
/// leaky_relu(x) = x if x > 0 else negative_slope·x. Default negative_slope 0.01.
Tensor leaky_relu(const Tensor& x, double negative_slope = 0.01);
/// elu(x) = x if x > 0 else alpha·(eᕽ − 1). Default alpha 1.
Tensor elu(const Tensor& x, double alpha = 1.0);
/// gelu(x) = x·Φ(x) ("none") or its tanh approximation ("tanh").
Tensor gelu(const Tensor& x, const std::string& approximate = "none");
/// softplus(x) = log(1 + e^(βx))/β, linear where βx > threshold. Defaults β 1, threshold 20.
Tensor softplus(const Tensor& x, double beta = 1.0, double threshold = 20.0);
/// The perceptron's step: 1 where x > 0 else 0. Not differentiable: the result records no graph
/// (in PyTorch: (x > 0).float()).
Tensor step(const Tensor& x);
/// softmax(x)ᵢ = e^{xᵢ} / Σⱼ e^{xⱼ} along dim (computed with the max subtracted).
Tensor softmax(const Tensor& x, std::int64_t dim);
/// log_softmax(x) = x − logsumexp(x) along dim.
Tensor log_softmax(const Tensor& x, std::int64_t dim);

// ---- reductions — ops/reduce.cpp
Tensor sum(const Tensor& x);
Tensor sum(const Tensor& x, const Shape& dims, bool keepdim = false);
Tensor mean(const Tensor& x);
Tensor mean(const Tensor& x, const Shape& dims, bool keepdim = false);
/// Biased (÷N, unbiased=false) or unbiased (÷N−1) variance over dims.
Tensor var(const Tensor& x, const Shape& dims, bool unbiased = true, bool keepdim = false);
/// max of all elements; the gradient is shared evenly by ties (PyTorch ≥ 1.7).
Tensor max(const Tensor& x);
Tensor min(const Tensor& x);
/// (values, indices) along dim; the gradient goes to the returned index.
std::tuple<Tensor, Tensor> max(const Tensor& x, std::int64_t dim, bool keepdim = false);
std::tuple<Tensor, Tensor> min(const Tensor& x, std::int64_t dim, bool keepdim = false);
Tensor argmax(const Tensor& x);
Tensor argmax(const Tensor& x, std::int64_t dim, bool keepdim = false);

// ---- linear algebra — ops/linalg.cpp
/// [n, m] @ [m, p]. PyTorch: "mat1 and mat2 shapes cannot be multiplied" on mismatch.
Tensor mm(const Tensor& a, const Tensor& b);
/// [B, n, m] @ [B, m, p].
Tensor bmm(const Tensor& a, const Tensor& b);
/// torch.matmul: dot, matrix-vector, matrix-matrix, batched with broadcast batch dims.
Tensor matmul(const Tensor& a, const Tensor& b);
/// y = x Wᵀ + b with weight [out_features, in_features], as nn.Linear.
Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias = Tensor());

// ---- convolution and pooling — ops/conv.cpp
/// 2-D cross-correlation. x [N, C, H, W], weight [O, C, kh, kw], bias [O] (optional).
/// Output size: ⌊(H + 2·padding − dilation·(kh − 1) − 1) / stride⌋ + 1.
Tensor conv2d(const Tensor& x, const Tensor& weight, const Tensor& bias = Tensor(),
              std::array<std::int64_t, 2> stride = {1, 1}, std::array<std::int64_t, 2> padding = {0, 0},
              std::array<std::int64_t, 2> dilation = {1, 1});
/// stride defaults to kernel_size (pass {0, 0}).
Tensor max_pool2d(const Tensor& x, std::array<std::int64_t, 2> kernel_size, std::array<std::int64_t, 2> stride = {0, 0},
                  std::array<std::int64_t, 2> padding = {0, 0}, std::array<std::int64_t, 2> dilation = {1, 1});
Tensor avg_pool2d(const Tensor& x, std::array<std::int64_t, 2> kernel_size, std::array<std::int64_t, 2> stride = {0, 0},
                  std::array<std::int64_t, 2> padding = {0, 0});

// ---- normalisation and regularisation — ops/norm.cpp
/// Batch normalisation over all dims but 1. Training: batch statistics (biased variance) and
/// running stats updated with momentum (unbiased variance); eval: running statistics.
Tensor batch_norm(const Tensor& x, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum = 0.1, double eps = 1e-5);
/// Zeroes each element with probability p and scales the rest by 1/(1−p) when training.
Tensor dropout(const Tensor& x, double p = 0.5, bool training = true, Generator* generator = nullptr);

// ---- losses — ops/loss.cpp
enum class Reduction { None, Mean, Sum };
Reduction parse_reduction(const std::string& name);
Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
Tensor l1_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
/// 0.5·d² where |d| < delta, else delta·(|d| − 0.5·delta). Default delta 1.
Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean, double delta = 1.0);
/// BCELoss: input are probabilities in [0, 1]; log clamped at −100 as in PyTorch.
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
/// BCEWithLogitsLoss: input are logits; softplus(x) − x·t, stable for any x.
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target,
                                        Reduction reduction = Reduction::Mean);
/// input [N, C] log-probabilities, target [N] class indices (int64).
Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
/// CrossEntropyLoss: input [N, C] logits (softmax is inside), target [N] class indices or [N, C]
/// class probabilities.
Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);

}  // namespace gs
