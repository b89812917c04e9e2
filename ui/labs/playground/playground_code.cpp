// The PyTorch code panel of the Playground: the same run written for torch.
#include <sstream>

#include "labs/playground/playground_setup.h"

namespace gsui::playground {
namespace {

/// A number as Python prints a short float: 0.1, 0.003, 1e-05.
std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string penalty(const Setup& s) {
  if (s.regularization == Regularization::None) return "";
  const std::string term = s.regularization == Regularization::L2 ? "(p ** 2).sum()" : "p.abs().sum()";
  return "\n        loss = loss + " + number(s.regularization_rate) + " * sum(" + term +
         " for n, p in model.named_parameters() if 'weight' in n and p.dim() > 1)";
}

}  // namespace

std::string pytorchCode(const Setup& s) {
  const gs::spec::ModelSpec net = networkSpec(s);
  const std::string model = gs::spec::pytorch_code(net);
  auto has = [&net](const char* type) {
    return std::any_of(net.layers.begin(), net.layers.end(), [type](const gs::spec::LayerSpec& l) { return l.type == type; });
  };
  const bool batchnorm = has("BatchNorm1d"), dropout = has("Dropout");
  std::string features;
  for (const auto& f : inputFeatures(s)) features += (features.empty() ? "" : ", ") + f;
  return "# GradScope Playground: " + s.dataset + ", noise " + number(generatorNoise(s)) + "; input features: " + features + "\n" +
         model + "\n" +
         "loss_fn = nn." + gs::nn::loss_name(lossOf(s.problem)) + "()\n" +
         "optimizer = torch.optim." + gs::optim::optimizer_name(s.optimizer) + "(model.parameters(), lr=" + number(s.lr) + ")\n" +
         "loader = torch.utils.data.DataLoader(train_set, batch_size=" + std::to_string(s.batch_size) + ", shuffle=True" +
         (batchnorm ? ", drop_last=True" : "") + ")\n\n" +
         "for epoch in range(100):\n" +
         "    model.train()" + (batchnorm || dropout ? "  # BatchNorm and Dropout behave differently in training" : "") + "\n" +
         "    for x, y in loader:\n" +
         (s.forget_zero_grad ? "        # optimizer.zero_grad() forgotten: gradients pile up across steps!\n" : "        optimizer.zero_grad()\n") +
         "        loss = loss_fn(model(x), y)" + penalty(s) + "\n" +
         "        loss.backward()\n" +
         "        optimizer.step()\n" +
         "    model.eval()  # then measure the test loss with torch.no_grad()\n";
}

}  // namespace gsui::playground
