#include "labs/init/init_code.h"

namespace gsui::init {

namespace {
QString initCall(Scheme scheme) {
  switch (scheme) {
    case Scheme::Normal1: return "nn.init.normal_(m.weight, mean=0.0, std=1.0)";
    case Scheme::Normal001: return "nn.init.normal_(m.weight, mean=0.0, std=0.01)";
    case Scheme::Xavier: return "nn.init.xavier_uniform_(m.weight)";
    case Scheme::He: return "nn.init.kaiming_normal_(m.weight, nonlinearity='relu')";
    case Scheme::Zeros: return "nn.init.zeros_(m.weight)";
  }
  return {};
}

QString mlpCode(Activation activation, int inputs, int outputs) {
  QString code = QString("layers = []\nin_features = %1\nfor _ in range(5):\n"
                         "    layers += [nn.Linear(in_features, 100), nn.%2()]\n    in_features = 100\n")
                     .arg(inputs)
                     .arg(layerType(activation));
  if (outputs > 0) code += QString("layers.append(nn.Linear(100, %1))\n").arg(outputs);
  return code + "model = nn.Sequential(*layers)\n";
}
}  // namespace

QString initFunctionCode(Scheme scheme) {
  return "def init_weights(m):\n"
         "    if isinstance(m, nn.Linear):\n"
         "        " + initCall(scheme) + "\n"
         "        nn.init.zeros_(m.bias)\n\n"
         "model.apply(init_weights)\n";
}

QString experimentCode(Scheme scheme, Activation activation, std::uint64_t seed) {
  const QString range = activation == Activation::Sigmoid ? "(0, 1)" : activation == Activation::Tanh ? "(-1, 1)" : "None";
  return "import torch\nimport torch.nn as nn\nimport matplotlib.pyplot as plt\n\n" +
         QString("torch.manual_seed(%1)\n").arg(seed) + mlpCode(activation, 100, 0) + "\n" + initFunctionCode(scheme) +
         "\nx = torch.randn(1000, 100)       # 1,000 inputs, N(0, 1)\n"
         "h, activations = x, []\n"
         "for layer in model:\n"
         "    h = layer(h)\n"
         "    if not isinstance(layer, nn.Linear):\n"
         "        h.retain_grad()          # keep dL/dh of this hidden layer\n"
         "        activations.append(h)\n"
         "loss = nn.MSELoss(reduction='sum')(h, torch.randn(1000, 100))  # random targets\n"
         "loss.backward()\n\n"
         "fig, axes = plt.subplots(2, 5, figsize=(15, 6))\n"
         "for k, a in enumerate(activations):\n"
         "    values = a.detach().flatten()\n"
         "    axes[0, k].hist(values.numpy(), bins=30, range=" + range + ")\n"
         "    axes[0, k].set_title(f'layer {k + 1}: mean {values.mean():.3g}, std {values.std(unbiased=False):.3g}')\n"
         "    axes[1, k].hist(a.grad.flatten().numpy(), bins=30)\n"
         "    axes[1, k].set_title(f'dL/dh{k + 1}: std {a.grad.std(unbiased=False):.3g}')\n"
         "plt.tight_layout()\nplt.show()\n";
}

QString gridCode() {
  return "import torch\nimport torch.nn as nn\n\n"
         "inits = {\n"
         "    'N(0, 1)': lambda w: nn.init.normal_(w, std=1.0),\n"
         "    'N(0, 0.01^2)': lambda w: nn.init.normal_(w, std=0.01),\n"
         "    'Xavier': nn.init.xavier_uniform_,\n"
         "    'He': lambda w: nn.init.kaiming_normal_(w, nonlinearity='relu'),\n"
         "}\n"
         "x = torch.randn(1000, 100)\n"
         "for name, init in inits.items():\n"
         "    for act in (nn.Sigmoid, nn.Tanh, nn.ReLU):\n"
         "        h, stds = x, []\n"
         "        with torch.no_grad():\n"
         "            for _ in range(5):\n"
         "                linear = nn.Linear(100, 100)\n"
         "                init(linear.weight)\n"
         "                nn.init.zeros_(linear.bias)\n"
         "                h = act()(linear(h))\n"
         "                stds.append(h.std(unbiased=False).item())\n"
         "        print(f'{name:14} {act.__name__:8}', ' '.join(f'{s:.3g}' for s in stds))\n";
}

QString trainingCode(Activation activation, int steps) {
  return "import torch\nimport torch.nn as nn\nfrom sklearn.datasets import load_digits\n\n"
         "digits = load_digits()\n"
         "X = torch.tensor(digits.data, dtype=torch.float32)\n"
         "X = (X - X.mean(0)) / (X.std(0) + 1e-8)   # standardized\n"
         "y = torch.tensor(digits.target)\n\n"
         "def make_model(init):\n"
         "    " + mlpCode(activation, 64, 10).replace("\n", "\n    ").trimmed() + "\n"
         "    for m in model:\n"
         "        if isinstance(m, nn.Linear):\n"
         "            init(m.weight)\n"
         "            nn.init.zeros_(m.bias)\n"
         "    return model\n\n"
         "inits = {\n"
         "    'N(0, 1)': lambda w: nn.init.normal_(w, std=1.0),\n"
         "    'N(0, 0.01^2)': lambda w: nn.init.normal_(w, std=0.01),\n"
         "    'Xavier': nn.init.xavier_uniform_,\n"
         "    'He': lambda w: nn.init.kaiming_normal_(w, nonlinearity='relu'),\n"
         "    'zeros': nn.init.zeros_,\n"
         "}\n"
         "curves = {}\n"
         "for name, init in inits.items():\n"
         "    torch.manual_seed(0)\n"
         "    model = make_model(init)\n"
         "    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
         "    loader = torch.utils.data.DataLoader(list(zip(X, y)), batch_size=32, shuffle=True)\n"
         "    curves[name], step = [], 0\n"
         "    while step < " + QString::number(steps) + ":\n"
         "        for xb, yb in loader:\n"
         "            loss = nn.functional.cross_entropy(model(xb), yb)\n"
         "            optimizer.zero_grad()\n"
         "            loss.backward()\n"
         "            optimizer.step()\n"
         "            curves[name].append(loss.item())\n"
         "            step += 1\n"
         "            if step == " + QString::number(steps) + ":\n"
         "                break\n\n"
         "    # every unit of a layer the same? (zeros: yes, forever: the symmetry is never broken)\n"
         "    W = model[0].weight\n"
         "    print(name, 'max |W_i - W_0| =', (W - W[0:1]).abs().max().item())\n";
}

}  // namespace gsui::init
