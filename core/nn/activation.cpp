#include "nn/activation.h"

#include <algorithm>

namespace gs::nn {
namespace {

/// One row per activation: its class name and how to make it. activation_names() and
/// make_activation() both read this table, so a name cannot be listed without a maker.
struct ActivationEntry {
  std::string name;
  std::shared_ptr<Module> (*make)(const ActivationArgs& args);
};

template <class M>
std::shared_ptr<Module> plain(const ActivationArgs&) {
  return std::make_shared<M>();
}

const std::vector<ActivationEntry>& activation_table() {
  static const std::vector<ActivationEntry> table = {
      {"ReLU", plain<ReLU>},
      {"Sigmoid", plain<Sigmoid>},
      {"Tanh", plain<Tanh>},
      {"LeakyReLU", [](const ActivationArgs& a) -> std::shared_ptr<Module> { return std::make_shared<LeakyReLU>(a.negative_slope); }},
      {"ELU", [](const ActivationArgs& a) -> std::shared_ptr<Module> { return std::make_shared<ELU>(a.alpha); }},
      {"GELU", [](const ActivationArgs& a) -> std::shared_ptr<Module> { return std::make_shared<GELU>(a.approximate); }},
      {"Softplus", [](const ActivationArgs& a) -> std::shared_ptr<Module> { return std::make_shared<Softplus>(a.beta, a.threshold); }},
      {"Identity", plain<Identity>},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const ActivationEntry& e : activation_table()) out.push_back(e.name);
    return out;
  }();
  return names;
}

std::shared_ptr<Module> make_activation(const std::string& type, const ActivationArgs& args) {
  const auto& table = activation_table();
  const auto it = std::find_if(table.begin(), table.end(), [&](const ActivationEntry& e) { return e.name == type; });
  if (it != table.end()) return it->make(args);
  std::string known;
  for (const std::string& n : activation_names()) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown activation \"" + type + "\" (known: " + known + ")");
}

}  // namespace gs::nn
