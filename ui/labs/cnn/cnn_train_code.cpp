// The Train page's PyTorch code: the data read from the same files, the model, the DataLoader
// and the training loop, runnable as it is (torch and numpy only; the learner's image folder is
// read with torchvision's ImageFolder, as the course does).
#include <sstream>

#include "labs/cnn/cnn_train_page.h"
#include "spec/model_spec.h"

namespace gsui {
namespace {

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string digitsData() {
  return "# The shipped digits (GradScope's resources/data/digits.csv.gz): 64 gray levels 0-16, then the label\n"
         "rows = np.loadtxt(gzip.open('resources/data/digits.csv.gz', 'rt'), delimiter=',')\n"
         "X = torch.tensor(rows[:, :-1] / 16.0, dtype=torch.float32).reshape(-1, 1, 8, 8)\n"
         "y = torch.tensor(rows[:, -1], dtype=torch.int64)\n"
         "test = torch.randperm(len(X), generator=torch.Generator().manual_seed(4))[: len(X) // 5]\n"
         "is_test = torch.zeros(len(X), dtype=torch.bool); is_test[test] = True\n"
         "X_train, y_train, X_test, y_test = X[~is_test], y[~is_test], X[is_test], y[is_test]\n";
}

std::string fashionData(int subset) {
  return "# Fashion-MNIST as Debian's dataset-fashion-mnist installs it (IDX files)\n"
         "def idx(name):\n"
         "    with gzip.open('/usr/share/datasets/fashion-mnist/' + name) as f:\n"
         "        data = f.read()\n"
         "    if data[2] == 8 and data[3] == 3:  # images: [N, rows, cols] bytes after a 16-byte header\n"
         "        return torch.tensor(np.frombuffer(data, np.uint8, offset=16).copy(), dtype=torch.float32).reshape(-1, 1, 28, 28) / 255\n"
         "    return torch.tensor(np.frombuffer(data, np.uint8, offset=8).copy(), dtype=torch.int64)\n"
         "X_train, y_train = idx('train-images-idx3-ubyte.gz'), idx('train-labels-idx1-ubyte.gz')\n"
         "X_test, y_test = idx('t10k-images-idx3-ubyte.gz'), idx('t10k-labels-idx1-ubyte.gz')\n"
         "n_test = " + std::to_string(subset) + " * 10000 // 70000  # the " + std::to_string(subset) + " images used, split 6 : 1\n"
         "X_train, y_train = X_train[: " + std::to_string(subset) + " - n_test], y_train[: " + std::to_string(subset) + " - n_test]\n"
         "X_test, y_test = X_test[:n_test], y_test[:n_test]\n";
}

/// A string literal of Python for `text` (single-quoted, backslashes and quotes escaped).
std::string pythonString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string folderData(const CnnTrainSetup& s) {
  return "# Your images, one subfolder per class (torchvision's ImageFolder; classes in sorted order)\n"
         "from torchvision import datasets, transforms\n"
         "data = datasets.ImageFolder(" + pythonString(s.folder.toStdString()) + ", transform=transforms.Compose([\n" +
         (s.folderChannels == 1 ? "    transforms.Grayscale(1),\n" : "") +
         "    transforms.Resize((" + std::to_string(s.folderSize) + ", " + std::to_string(s.folderSize) + ")),\n"
         "    transforms.ToTensor()]))\n"
         "X = torch.stack([x for x, _ in data])\n"
         "y = torch.tensor(data.targets)\n"
         "test = torch.randperm(len(X), generator=torch.Generator().manual_seed(4))[: len(X) // 5]\n"
         "is_test = torch.zeros(len(X), dtype=torch.bool); is_test[test] = True\n"
         "X_train, y_train, X_test, y_test = X[~is_test], y[~is_test], X[is_test], y[is_test]\n";
}

std::string augmentation() {
  return "\n"
         "def augment(x):  # a random shift of up to 2 pixels per batch (GradScope also turns and scales)\n"
         "    dx, dy = torch.randint(-2, 3, (2,)).tolist()\n"
         "    return torch.roll(x, shifts=(dy, dx), dims=(2, 3))\n";
}

}  // namespace

QString CnnTrainPage::pytorchCode() const {
  const bool fashion = setup_.dataset == QLatin1String("fashion_mnist");
  std::string model;
  try {
    model = gs::spec::pytorch_code(gs::spec::parse_model_spec(modelOf(setup_)));
  } catch (const std::exception& e) {
    model = "# This network does not run: " + std::string(e.what()) + "\n";
  }
  const double lr = setup_.lrTooHigh ? kTooHighLr : setup_.lr;
  const std::string code =
      "import gzip\nimport numpy as np\nimport torch\nfrom torch import nn\n\n" +
      (setup_.dataset == QLatin1String(kImageFolder) ? folderData(setup_) : fashion ? fashionData(setup_.subset) : digitsData()) +
      (setup_.augment ? augmentation() : "") + "\n" + model + "\n" +
      "optimizer = torch.optim." + gs::optim::optimizer_name(setup_.optimizer) + "(model.parameters(), lr=" + number(lr) + ")\n" +
      "loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_train, y_train), batch_size=" +
      std::to_string(setup_.batchSize) + ", shuffle=True)\n\n" +
      "for epoch in range(" + std::to_string(setup_.epochs) + "):\n" +
      "    model.train()\n" +
      "    for x, y in loader:\n" +
      "        optimizer.zero_grad()\n" +
      "        loss = nn.functional.cross_entropy(model(" + (setup_.augment ? "augment(x)" : "x") + "), y)\n" +
      "        loss.backward()\n" +
      "        optimizer.step()\n" +
      "    model.eval()\n" +
      "    with torch.no_grad():\n" +
      "        accuracy = (model(X_test).argmax(1) == y_test).float().mean().item()\n" +
      "    print(f'epoch {epoch + 1}: test accuracy {accuracy:.3f}')\n";
  return QString::fromStdString(code);
}

}  // namespace gsui
