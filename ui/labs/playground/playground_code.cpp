// The PyTorch code panel of the Playground: the same run written for torch, data included, so
// that the code runs as shown (`python3 code.py`).
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
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

/// The points (`points`, [n, 2]) and their `labels` (a class) or `target` (a number), made with
/// the data set's recipe (core/data/dataset.cpp), with torch's random numbers.
std::string generator(const std::string& dataset) {
  const std::string noise = " + noise * torch.randn(n, 2)\n";
  if (dataset == "circle")
    return "inner = torch.arange(n) < n // 2  # inside radius 2.5: class 1; the ring 3.5-5: class 0\n"
           "r = torch.where(inner, 2.5 * torch.rand(n), 3.5 + 1.5 * torch.rand(n))\n"
           "a = 2 * math.pi * torch.rand(n)\n"
           "points = torch.stack([r * torch.cos(a), r * torch.sin(a)], 1)" + noise +
           "labels = inner.long()\n";
  if (dataset == "xor")
    return "p = 10 * torch.rand(n, 2) - 5\n"
           "p = p + 0.3 * torch.sign(p)  # a margin around the axes\n"
           "labels = (p[:, 0] * p[:, 1] > 0).long()\n"
           "points = p" + noise;
  if (dataset == "gaussian")
    return "labels = (torch.arange(n) % 2 == 0).long()\n"
           "points = (4.0 * labels - 2).unsqueeze(1) + (1 + noise) * torch.randn(n, 2)\n";
  if (dataset == "spiral")
    return "labels = torch.arange(n) % 2\n"
           "t = (torch.arange(n) // 2) / (n // 2) * 1.75 * 2 * math.pi\n"
           "r, a = t / (1.75 * 2 * math.pi) * 5, t + labels * math.pi\n"
           "points = torch.stack([r * torch.sin(a), r * torch.cos(a)], 1)" + noise;
  if (dataset == "moons")
    return "labels = torch.arange(n) % 2\n"
           "a = math.pi * torch.rand(n)\n"
           "x = torch.where(labels == 0, torch.cos(a), 1 - torch.cos(a))\n"
           "y = torch.where(labels == 0, torch.sin(a), 0.5 - torch.sin(a))\n"
           "points = 3 * torch.stack([x - 0.5, y - 0.25], 1)" + noise;
  if (dataset == "blobs")
    return "labels = torch.arange(n) % 3\n"
           "a = 2 * math.pi * labels / 3\n"
           "points = 3.5 * torch.stack([torch.cos(a), torch.sin(a)], 1) + (0.8 + noise) * torch.randn(n, 2)\n";
  if (dataset == "plane")
    return "points = 12 * torch.rand(n, 2) - 6\n"
           "target = (points[:, 0] + points[:, 1]) / 12 + noise * torch.randn(n)\n";
  if (dataset == "multi_gaussian")
    return "points = 12 * torch.rand(n, 2) - 6\n"
           "bumps = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]\n"
           "target = sum(s * torch.exp(-((points[:, 0] - cx) ** 2 + (points[:, 1] - cy) ** 2) / 2) for cx, cy, s in bumps)\n"
           "target = target + noise * torch.randn(n)\n";
  // line, cubic: y against x₁ (x₂ is 0)
  const std::string clean = dataset == "cubic" ? "x ** 3 - 0.5 * x" : "2 * x";
  return "x = 2 * torch.rand(n) - 1\n"
         "target = " + clean + " + noise * torch.randn(n)\n"
         "points = torch.stack([5 * x, torch.zeros(n)], 1)\n";
}

/// The imported table read as core reads it (data::parse_csv_table: the separator of the first
/// line, a header when a name stands above a number) and put on the plane as load_dataset does:
/// `points` [n, 2] in ±3 standard deviations → ±6, and `labels` in sorted order or a standardized
/// `target`. (Python's csv module; core also takes a seeded sample of a table of more than
/// kMaxCsvPoints rows.)
std::string tableCode(const CsvSource& csv) {
  const auto quoted = [](const std::string& v) { return nlohmann::json(v).dump(); };
  std::string features;
  for (const std::string& f : csv.features) features += (features.empty() ? "" : ", ") + quoted(f);
  std::string code =
      "import csv\n\n"
      "def number(v):\n"
      "    return float(v.replace(\",\", \".\") if sep == \";\" else v)\n\n"
      "def is_number(v):\n"
      "    try:\n"
      "        return number(v) == number(v)\n"
      "    except ValueError:\n"
      "        return False\n\n"
      "lines = [l for l in open(" + quoted(csv.path) + ", encoding=\"utf-8-sig\").read().splitlines() if l.strip()]\n"
      "sep = max(\",;\\t\", key=lambda c: (lines[0].count(c), c == \",\"))\n"
      "rows = [[v.strip() for v in r] for r in csv.reader(lines, delimiter=sep)]\n"
      "header = any(not is_number(a) and is_number(b) for a, b in zip(rows[0], rows[1]))\n"
      "names = rows.pop(0) if header else [f\"column {i + 1}\" for i in range(len(rows[0]))]\n"
      "n = len(rows)\n"
      "x = torch.tensor([[number(r[names.index(c)]) for c in [" + features + "]] for r in rows])\n"
      "points = (x - x.mean(0)) / x.std(0, unbiased=False) * 2  # the plane's units: ±3 standard deviations → ±6\n";
  if (csv.features.size() == 1) code += "points = torch.cat([points, torch.zeros(n, 1)], 1)  # one column: y against x1\n";
  code += "y = [r[names.index(" + quoted(csv.target) + ")] for r in rows]\n";
  if (csv.regression)
    return code + "target = torch.tensor([number(v) for v in y])\n"
                  "target = (target - target.mean()) / target.std(unbiased=False)\n";
  return code + "classes = sorted(set(y), key=number) if all(map(is_number, y)) else sorted(set(y))\n"
                "labels = torch.tensor([classes.index(v) for v in y])\n";
}

/// A feature of data::playground_features() as a torch expression of x1 and x2.
std::string featureExpression(const std::string& f) {
  if (f == "x1^2") return "x1 ** 2";
  if (f == "x2^2") return "x2 ** 2";
  if (f == "x1*x2") return "x1 * x2";
  if (f == "sin(x1)") return "torch.sin(x1)";
  if (f == "sin(x2)") return "torch.sin(x2)";
  return f;  // x1, x2
}

std::string dataCode(const Setup& s) {
  std::string inputs;
  for (const auto& f : inputFeatures(s)) inputs += (inputs.empty() ? "" : ", ") + featureExpression(f);
  const std::string targets = s.problem == Problem::Regression   ? "target.unsqueeze(1)"
                              : s.problem == Problem::MultiClass ? "labels"
                                                                 : "labels.float().unsqueeze(1)";
  const std::string data = usesCsv(s) ? "\n# The data: your table " + s.csv->path + "\n"
                                         "torch.manual_seed(" + std::to_string(s.seed) + ")\n" + tableCode(*s.csv)
                                       : "\n# The data: " + s.dataset + " (GradScope's recipe, torch's random numbers)\n"
                                         "import math\n\n"
                                         "torch.manual_seed(" + std::to_string(s.seed) + ")\n"
                                         "n, noise = " + std::to_string(kSamples) + ", " + number(generatorNoise(s)) + "\n" +
                                         generator(s.dataset);
  const std::string n_test = usesCsv(s) ? "round(" + number(s.test_percent / 100.0) + " * n)"
                                        : std::to_string(std::lround(s.test_percent / 100.0 * kSamples));
  return data +
         "x1, x2 = points[:, 0], points[:, 1]\n"
         "inputs = torch.stack([" + inputs + "], 1)\n"
         "targets = " + targets + "\n"
         "order = torch.randperm(n)\n"
         "test, train = order[:" + n_test + "], order[" + n_test + ":]  # test " +
         std::to_string(s.test_percent) + " %\n"
         "train_set = torch.utils.data.TensorDataset(inputs[train], targets[train])\n"
         "test_x, test_y = inputs[test], targets[test]\n\n";
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
         model + dataCode(s) +
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
         "    model.eval()  # then measure the test loss with torch.no_grad()\n" +
         "    with torch.no_grad():\n" +
         "        test_loss = loss_fn(model(test_x), test_y).item()\n" +
         "print(f\"epoch {epoch + 1}: test loss {test_loss:.4f}\")\n";
}

}  // namespace gsui::playground
