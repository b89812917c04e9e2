#include "golden.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

namespace gs::testing {

void add_case_rows(const nlohmann::json& cases) {
  QTest::addColumn<int>("index");
  QTest::addColumn<int>("dtype");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string op = cases[i]["op"];
    QTest::newRow((op + " float64").c_str()) << int(i) << int(kFloat64);
    QTest::newRow((op + " float32").c_str()) << int(i) << int(kFloat32);
  }
}

std::string golden_path(const std::string& name) { return std::string(GRADSCOPE_GOLDEN_DIR) + "/" + name; }

nlohmann::json load_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot open " + path);
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

std::vector<Tensor> case_inputs(const nlohmann::json& c, Dtype dtype) {
  std::vector<Tensor> inputs;
  for (const auto& in : c["inputs"]) {
    const bool is_int = in["dtype"] == "int64";
    Tensor t = from_vector(in["values"].get<std::vector<double>>(), in["shape"].get<Shape>(), {.dtype = is_int ? kInt64 : dtype});
    if (in["requires_grad"].get<bool>()) t.requires_grad_(true);
    inputs.push_back(t);
  }
  return inputs;
}

double tolerance_ratio(const std::vector<double>& actual, const std::vector<double>& expected, double atol, double rtol) {
  if (actual.size() != expected.size()) return INFINITY;
  double worst = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double bound = atol + rtol * std::abs(expected[i]);
    const double err = std::abs(actual[i] - expected[i]);
    if (std::isnan(actual[i]) != std::isnan(expected[i])) return INFINITY;
    worst = std::max(worst, err / bound);
  }
  return worst;
}

}  // namespace gs::testing
