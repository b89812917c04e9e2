#include "labs/cnn/compare_code.h"

#include "spec/model_spec.h"

namespace gsui {
namespace {

/// "name = nn.Sequential(...)" of a model, without the imports pytorch_code puts first.
QString sequential(CompareModel model, const CompareSettings& settings, const QString& name) {
  const QString code = QString::fromStdString(gs::spec::pytorch_code(compareScenario(model, settings).model));
  const int at = code.indexOf("model = ");
  return name + " = " + code.mid(at + 8);
}

QString loadData(const CompareSettings& settings) {
  if (settings.dataset == "digits")
    return "# Digits: one image per row, 64 gray levels (0-16) then the label, no header.\n"
           "rows = np.loadtxt(gzip.open(\"resources/data/digits.csv.gz\", \"rt\"), delimiter=\",\", dtype=np.float32)\n"
           "X = torch.from_numpy(rows[:, :64] / 16).reshape(-1, 1, 8, 8)  # images [N, 1, 8, 8] in [0, 1]\n"
           "y = torch.from_numpy(rows[:, 64]).long()\n";
  return "# Fashion-MNIST as Debian's dataset-fashion-mnist installs it (gzipped IDX files).\n"
         "def idx(path, header):\n"
         "    return np.frombuffer(gzip.open(path).read(), np.uint8, offset=header)\n"
         "d = \"/usr/share/datasets/fashion-mnist/\"\n"
         "X = torch.from_numpy(idx(d + \"train-images-idx3-ubyte.gz\", 16).reshape(-1, 1, 28, 28) / np.float32(255))\n"
         "y = torch.from_numpy(idx(d + \"train-labels-idx1-ubyte.gz\", 8).astype(np.int64))\n";
}

}  // namespace

QString comparePytorchCode(const CompareSettings& settings) {
  return QString("import gzip\n"
                 "import numpy as np\n"
                 "import torch\n"
                 "import torch.nn as nn\n"
                 "import torch.nn.functional as F\n\n"
                 "%1\n"
                 "# A seeded subset, 20 % held out for testing. (GradScope draws the split and the\n"
                 "# initial weights with its own generator: the numbers differ a little, not the story.)\n"
                 "torch.manual_seed(0)\n"
                 "perm = torch.randperm(len(X))[:%2]\n"
                 "n_test = len(perm) // 5\n"
                 "X_test, y_test = X[perm[:n_test]], y[perm[:n_test]]\n"
                 "X_train, y_train = X[perm[n_test:]], y[perm[n_test:]]\n\n"
                 "%3\n%4\n\n"
                 "def accuracy(model, X):\n"
                 "    model.eval()\n"
                 "    with torch.no_grad():\n"
                 "        return (model(X).argmax(1) == y_test).float().mean().item()\n\n\n"
                 "def train(model, epochs=%5):\n"
                 "    opt = torch.optim.Adam(model.parameters(), lr=1e-3)\n"
                 "    for epoch in range(epochs):\n"
                 "        model.train()\n"
                 "        for batch in torch.randperm(len(X_train)).split(64):\n"
                 "            opt.zero_grad()\n"
                 "            loss = F.cross_entropy(model(X_train[batch]), y_train[batch])\n"
                 "            loss.backward()\n"
                 "            opt.step()\n"
                 "        print(f\"epoch {epoch + 1}: test accuracy {accuracy(model, X_test):.3f}\")\n\n\n"
                 "def shift_right(X, k):\n"
                 "    \"\"\"k pixels to the right; zeros come in on the left (as GradScope's data.affine).\"\"\"\n"
                 "    return F.pad(X, (k, 0))[..., :X.shape[-1]]\n\n\n"
                 "train(mlp)\n"
                 "train(cnn)\n"
                 "for k in range(%6):\n"
                 "    X_k = shift_right(X_test, k)\n"
                 "    print(f\"shift {k}: MLP {accuracy(mlp, X_k):.3f}, CNN {accuracy(cnn, X_k):.3f}\")\n")
      .arg(loadData(settings))
      .arg(settings.subset)
      .arg(sequential(CompareModel::Mlp, settings, "mlp"), sequential(CompareModel::Cnn, settings, "cnn"))
      .arg(settings.epochs)
      .arg(kMaxShift + 1);
}

}  // namespace gsui
