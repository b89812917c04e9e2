#include "train/inspect.h"

#include "data/augment.h"
#include "nn/conv.h"
#include "ops/functional.h"
#include "train/inspecting.h"
#include "util/error.h"

namespace gs::train {
namespace {

Shape without_batch(const Tensor& t) { return Shape(t.shape().begin() + 1, t.shape().end()); }

std::vector<float> values_of(const Tensor& t) { return t.to(Device::CPU).to(kFloat32).contiguous().to_vector<float>(); }

/// The first Conv2d below `m`, depth first (nullptr if none).
const nn::Conv2d* find_conv(const nn::Module& m) {
  if (const auto* conv = dynamic_cast<const nn::Conv2d*>(&m)) return conv;
  for (const auto& [name, child] : m.children())
    if (const nn::Conv2d* c = find_conv(*child)) return c;
  return nullptr;
}

/// Where the model's parameters live (inputs go there too).
Device device_of(nn::Module& model) {
  const auto params = model.parameters();
  return params.empty() ? Device::CPU : params.front().device();
}

}  // namespace

std::vector<LayerOutput> layer_outputs(nn::Module& model, const Tensor& sample) {
  auto* seq = dynamic_cast<nn::Sequential*>(&model);
  GS_CHECK(seq != nullptr, "layer_outputs: the model is a " + model.type_name() + ", not a Sequential");
  Inspecting look(model);
  Tensor h = sample.unsqueeze(0).to(device_of(model));
  std::vector<LayerOutput> out;
  for (std::size_t i = 0; i < seq->size(); ++i) {
    nn::Module& layer = *(*seq)[i];
    h = layer.forward(h);
    out.push_back({layer.type_name(), without_batch(h), values_of(h)});
  }
  return out;
}

Filters first_conv_filters(nn::Module& model) {
  const nn::Conv2d* conv = find_conv(model);
  if (!conv) return {};
  NoGradGuard no_grad;
  return {conv->weight.shape(), values_of(conv->weight)};
}

std::vector<float> class_probabilities(nn::Module& model, const Tensor& x) {
  Inspecting look(model);
  return values_of(softmax(model.forward(x.to(device_of(model))), 1));
}

double shifted_accuracy(nn::Module& model, const data::Dataset& test, double dx, double dy, bool flat_input) {
  GS_CHECK(test.x.dim() == 4, "shifted_accuracy: expects images [N, C, H, W], got " + shape_str(test.x.shape()));
  Inspecting look(model);
  std::vector<std::int64_t> p;
  // In chunks: a whole test set's feature maps at once would take gigabytes.
  for (std::int64_t start = 0; start < test.size(); start += 512) {
    const std::int64_t len = std::min<std::int64_t>(512, test.size() - start);
    Tensor x = data::affine(test.x.narrow(0, start, len), 0.0, dx, dy, 1.0);
    if (flat_input) x = x.flatten(1);
    const std::vector<std::int64_t> chunk = argmax(model.forward(x.to(device_of(model))), 1).to(Device::CPU).to_vector<std::int64_t>();
    p.insert(p.end(), chunk.begin(), chunk.end());
  }
  const std::vector<std::int64_t> t = test.y.to_vector<std::int64_t>();
  std::int64_t correct = 0;
  for (std::size_t i = 0; i < p.size(); ++i) correct += p[i] == t[i];
  return p.empty() ? 0.0 : static_cast<double>(correct) / static_cast<double>(p.size());
}

}  // namespace gs::train
