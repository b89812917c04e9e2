#include "labs/deep/shortcuts_experiment.h"

#include <QStringList>
#include <QtGlobal>
#include <algorithm>
#include <numeric>

#include "autograd/grad_mode.h"
#include "nn/diagnostics.h"

namespace gsui::shortcuts {

namespace {
using json = nlohmann::json;

const NetworkInfo kNetworkInfo[] = {
    {"mlp", QT_TRANSLATE_NOOP("gsui::ShortcutsPage", "MLP, 20 layers, spiral"), 60},
    {"cnn", QT_TRANSLATE_NOOP("gsui::ShortcutsPage", "CNN, 19 conv layers, digits"), 5},
};

/// Nine blocks in either network: with the stem and the head, 20 Linear layers (MLP) or 19
/// convolutions and a Linear head (CNN).
constexpr int kBlocks = 9;

// The scenarios without their layers: the data, the loss, the optimizer, the seed.
constexpr const char* kMlpScenario = R"({"version": 1, "lab": "deep",
  "dataset": {"name": "spiral", "n": 400, "noise": 0.1, "seed": 1},
  "model": {"input_shape": [2], "layers": []},
  "loss": "CrossEntropyLoss", "optimizer": {"name": "Adam", "lr": 0.01},
  "batch_size": 32, "epochs": 60, "seed": 0})";
constexpr const char* kCnnScenario = R"({"version": 1, "lab": "deep",
  "dataset": {"name": "digits", "standardize": false, "seed": 4},
  "model": {"input_shape": [1, 8, 8], "layers": []},
  "loss": "CrossEntropyLoss", "optimizer": {"name": "Adam", "lr": 0.003},
  "batch_size": 64, "epochs": 5, "seed": 0})";

json layer(const char* type, json args = json::object()) {
  args["type"] = type;
  return args;
}

/// Linear(16)+ReLU, 9 × [Linear(16), ReLU, Linear(16), ReLU] or 9 × ResidualMLPBlock, Linear(2).
json mlpLayers(bool residual) {
  json layers = {layer("Linear", {{"out_features", 16}}), layer("ReLU")};
  for (int b = 0; b < kBlocks; ++b) {
    if (residual) {
      layers.push_back(layer("ResidualMLPBlock"));
      continue;
    }
    for (int k = 0; k < 2; ++k) {
      layers.push_back(layer("Linear", {{"out_features", 16}}));
      layers.push_back(layer("ReLU"));
    }
  }
  layers.push_back(layer("Linear", {{"out_features", 2}}));
  return layers;
}

/// Conv2d(16, 3, padding 1)+ReLU, 9 × [Conv-BN-ReLU twice] or 9 × ResidualBlock (torchvision's
/// BasicBlock: the same two Conv-BN with the input added before the last ReLU), pool, Linear(10).
json cnnLayers(bool residual) {
  json layers = {layer("Conv2d", {{"out_channels", 16}, {"kernel_size", 3}, {"padding", 1}}), layer("ReLU")};
  for (int b = 0; b < kBlocks; ++b) {
    if (residual) {
      layers.push_back(layer("ResidualBlock"));
      continue;
    }
    for (int k = 0; k < 2; ++k) {
      layers.push_back(layer("Conv2d", {{"out_channels", 16}, {"kernel_size", 3}, {"padding", 1}, {"bias", false}}));
      layers.push_back(layer("BatchNorm2d"));
      layers.push_back(layer("ReLU"));
    }
  }
  layers.push_back(layer("MaxPool2d", {{"kernel_size", 2}}));
  layers.push_back(layer("Flatten"));
  layers.push_back(layer("Linear", {{"out_features", 10}}));
  return layers;
}
}  // namespace

const NetworkInfo& info(Network network) { return kNetworkInfo[static_cast<int>(network)]; }

bool networkFromId(const QString& id, Network& out) {
  for (Network n : kNetworks)
    if (id == QLatin1String(info(n).id)) return out = n, true;
  return false;
}

gs::spec::Scenario scenario(Network network, bool residual) {
  json j = json::parse(network == Network::Mlp ? kMlpScenario : kCnnScenario);
  j["model"]["layers"] = network == Network::Mlp ? mlpLayers(residual) : cnnLayers(residual);
  j["title"] = std::string(network == Network::Mlp ? "Spiral, 20 Linear layers" : "Digits, 19 convolutions") +
               (residual ? ", with shortcuts" : ", plain");
  return gs::spec::parse_scenario(j);
}

std::vector<double> gradientNorms(gs::nn::Module& model, const gs::nn::Loss& loss, const gs::data::Dataset& batch) {
  // NOTE: in training mode BatchNorm normalizes by the batch's statistics (as training does) and
  // moves its running statistics; they are copied here and put back afterwards.
  std::vector<gs::Tensor> saved;
  const auto buffers = model.named_buffers();
  for (const auto& [name, b] : buffers) saved.push_back(b.detach().clone());
  const bool was_training = model.is_training();
  model.train();
  model.zero_grad();
  loss.fn(model.forward(batch.x), batch.y).backward();
  std::vector<double> norms;
  for (const auto& [name, norm] : gs::nn::weight_gradient_norms(model)) norms.push_back(norm);
  model.zero_grad();
  model.train(was_training);
  gs::NoGradGuard no_grad;
  for (std::size_t i = 0; i < buffers.size(); ++i) gs::Tensor(buffers[i].second).copy_(saved[i]);
  return norms;
}

struct Experiment::Side {
  gs::spec::Scenario scenario;
  gs::spec::Run run;
  gs::nn::Loss loss;
  gs::data::Dataset batch;
};

Experiment::Experiment(Network network) : network_(network) {
  for (int which : {kPlain, kResidual}) {
    auto side = std::make_unique<Side>();
    side->scenario = scenario(network, which == kResidual);
    side->run = gs::spec::make_run(side->scenario);
    side->loss = gs::nn::make_loss(side->scenario.loss);
    gs::train::Trainer& t = *side->run.trainer;
    std::vector<std::int64_t> first(static_cast<std::size_t>(std::min<std::int64_t>(kMeasureSamples, t.train_set().size())));
    std::iota(first.begin(), first.end(), std::int64_t(0));
    side->batch = t.train_set().subset(first);
    Curves& c = curves_[static_cast<std::size_t>(which)];
    c.init_norms = gradientNorms(t.model(), side->loss, side->batch);
    c.losses.push_back(t.evaluate(t.train_set()).loss);
    c.test_accuracy = t.evaluate(t.test_set()).accuracy;
    sides_[static_cast<std::size_t>(which)] = std::move(side);
  }
}

Experiment::~Experiment() = default;

gs::train::Trainer& Experiment::trainer(int which) { return *sides_[static_cast<std::size_t>(which)]->run.trainer; }

void Experiment::requestStop() {
  for (const auto& side : sides_)
    if (side) side->run.trainer->request_stop();
}

bool Experiment::trainEpoch() {
  bool ok = true;
  for (int which : {kPlain, kResidual}) {
    Side& side = *sides_[static_cast<std::size_t>(which)];
    Curves& c = curves_[static_cast<std::size_t>(which)];
    if (c.diverged) continue;
    gs::train::Trainer& t = *side.run.trainer;
    if (!t.run_epoch()) {  // diverged, or requestStop()
      c.diverged = t.diverged();
      ok = false;
      continue;
    }
    const gs::train::Snapshot s = t.snapshot();
    c.losses.push_back(s.train_loss);
    c.test_accuracy = s.test_accuracy;
    c.norms = gradientNorms(t.model(), side.loss, side.batch);
  }
  ++epoch_;
  return ok;
}

}  // namespace gsui::shortcuts

namespace gsui::shortcuts {

namespace {
/// "name = nn.Sequential(...)" with the classes it needs (ResidualMLPBlock, ResidualBlock) but
/// without the imports spec::pytorch_code puts first.
QString sequential(Network network, bool residual, const QString& name) {
  const QString code = QString::fromStdString(gs::spec::pytorch_code(scenario(network, residual).model));
  QStringList kept;
  for (const QString& line : code.split('\n')) {
    if (line.startsWith("import ") || line.startsWith("from ")) continue;
    kept << (line.startsWith("model = ") ? name + " = " + line.mid(8) : line);
  }
  return kept.join('\n').trimmed() + "\n";
}

QString loadData(Network network) {
  if (network == Network::Cnn)
    return "# Digits: one image per row, 64 gray levels (0-16) then the label, no header.\n"
           "rows = np.loadtxt(gzip.open(\"resources/data/digits.csv.gz\", \"rt\"), delimiter=\",\", dtype=np.float32)\n"
           "X = torch.from_numpy(rows[:, :64] / 16).reshape(-1, 1, 8, 8)  # images [N, 1, 8, 8] in [0, 1]\n"
           "y = torch.from_numpy(rows[:, 64]).long()\n";
  return "# Two interleaved spirals, 400 points, noise 0.1 (GradScope's \"spiral\" generator)\n"
         "rng = np.random.default_rng(1)\n"
         "i = np.arange(400)\n"
         "c = i % 2\n"
         "t = (i // 2) / 200 * 1.75 * 2 * np.pi\n"
         "r, a = t / (1.75 * 2 * np.pi) * 5, t + c * np.pi\n"
         "X = torch.tensor(np.stack([r * np.sin(a), r * np.cos(a)], 1) + 0.1 * rng.normal(size=(400, 2)), dtype=torch.float32)\n"
         "y = torch.tensor(c)\n";
}
}  // namespace

QString pytorchCode(Network network, int epochs) {
  const gs::spec::Scenario s = scenario(network, false);
  const bool mlp = network == Network::Mlp;
  return QString("import gzip\n"
                 "import numpy as np\n"
                 "import torch\n"
                 "import torch.nn as nn\n"
                 "import torch.nn.functional as F\n\n"
                 "%1\n"
                 "# 20 % held out for testing%2. (GradScope draws the split and the initial weights with\n"
                 "# its own generator: the numbers differ a little, not the story.)\n"
                 "torch.manual_seed(0)\n"
                 "perm = torch.randperm(len(X))\n"
                 "n_test = len(X) // 5\n"
                 "X_test, y_test = X[perm[:n_test]], y[perm[:n_test]]\n"
                 "X_train, y_train = X[perm[n_test:]], y[perm[n_test:]]\n"
                 "%3\n"
                 "# The same depth twice: the second adds each block's input to its output (y = F(x) + x).\n"
                 "%4\n%5\n\n"
                 "def gradient_norms(model):\n"
                 "    \"\"\"||dL/dW|| of every weight, input side first, on the first %6 training samples.\"\"\"\n"
                 "    model.zero_grad()\n"
                 "    F.cross_entropy(model(X_train[:%6]), y_train[:%6]).backward()\n"
                 "    norms = [p.grad.norm().item() for n, p in model.named_parameters() if p.dim() > 1]\n"
                 "    model.zero_grad()\n"
                 "    return norms\n\n\n"
                 "for name, model in ((\"plain\", plain), (\"residual\", residual)):\n"
                 "    print(name, \"at initialization, first layer:\", gradient_norms(model)[0])\n"
                 "    optimizer = torch.optim.Adam(model.parameters(), lr=%7)\n"
                 "    for epoch in range(%8):\n"
                 "        model.train()\n"
                 "        for batch in torch.randperm(len(X_train)).split(%9):\n"
                 "            optimizer.zero_grad()\n"
                 "            loss = F.cross_entropy(model(X_train[batch]), y_train[batch])\n"
                 "            loss.backward()\n"
                 "            optimizer.step()\n"
                 "        norms = gradient_norms(model)\n"
                 "        model.eval()\n"
                 "        with torch.no_grad():\n"
                 "            train_loss = F.cross_entropy(model(X_train), y_train).item()\n"
                 "            accuracy = (model(X_test).argmax(1) == y_test).float().mean().item()\n"
                 "        print(f\"{name} epoch {epoch + 1}: loss {train_loss:.3f}, test accuracy {accuracy:.3f}, \"\n"
                 "              f\"first layer's gradient {norms[0]:.2e}\")\n")
      .arg(loadData(network))
      .arg(mlp ? "" : ", pixels kept in [0, 1]")
      .arg(mlp ? "mean, std = X_train.mean(0), X_train.std(0)  # standardized with the training part's statistics\n"
                 "X_train, X_test = (X_train - mean) / std, (X_test - mean) / std\n"
               : "")
      .arg(sequential(network, false, "plain"), sequential(network, true, "residual"))
      .arg(kMeasureSamples)
      .arg(s.optimizer.lr())
      .arg(epochs)
      .arg(s.config.batch_size);
}

}  // namespace gsui::shortcuts
