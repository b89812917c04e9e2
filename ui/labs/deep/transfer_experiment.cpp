#include "labs/deep/transfer_experiment.h"

#include <filesystem>
#include <fstream>

#include "data/loaders.h"
#include "util/error_codes.h"

namespace gsui::transfer {

std::string scenariosDir() { return (std::filesystem::path(gs::data::data_dir()).parent_path() / "scenarios").string(); }

nlohmann::json shippedScenario() {
  const std::string path = scenariosDir() + "/fashion_transfer.json";
  std::ifstream in(path);
  // Coded, so that the page says it in the learner's language (the parser's own words stay quoted).
  if (!in) throw gs::coded_error("shipped_file_missing", {path});
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw gs::coded_error("shipped_file_invalid", {path, e.what()});
  }
  gs::spec::resolve_relative_paths(j, scenariosDir());
  return j;
}

gs::spec::Scenario scenarioFor(Recipe recipe, int per_class, int epochs) {
  gs::spec::Scenario s = gs::spec::parse_scenario(shippedScenario());
  s.dataset.train_per_class = per_class;
  s.epochs = epochs;
  if (recipe == Recipe::Scratch) s.transfer.reset();
  else if (recipe == Recipe::FineTuneAll) s.transfer->freeze = false;
  return s;
}

std::vector<LayerBox> layerBoxes(const gs::spec::Scenario& s) {
  const gs::spec::ShapeReport report = gs::spec::infer_shapes(s.model);
  std::vector<LayerBox> boxes;
  for (std::size_t i = 0; i < s.model.layers.size() && i < report.layers.size(); ++i) {
    const gs::spec::LayerSpec& l = s.model.layers[i];
    const gs::spec::LayerShape& shape = report.layers[i];
    LayerBox b{.type = l.type, .parameters = shape.parameters};
    auto pair = [](const nlohmann::json& v) {
      return v.is_array() ? std::to_string(v[0].get<std::int64_t>()) + "×" + std::to_string(v[1].get<std::int64_t>()) : v.dump();
    };
    // Sizes from the inferred shapes: a spec may leave in_channels and in_features out.
    if (l.type == "Conv2d")
      b.detail = std::to_string(shape.input[0]) + "→" + std::to_string(shape.output[0]) + ", " + pair(l.args["kernel_size"]);
    else if (l.type == "Linear")
      b.detail = std::to_string(shape.input[0]) + "→" + std::to_string(shape.output[0]);
    else if (l.type == "MaxPool2d" || l.type == "AvgPool2d")
      b.detail = pair(l.args["kernel_size"]);
    b.pretrained = s.transfer && static_cast<std::int64_t>(i) < s.transfer->layers;
    boxes.push_back(b);
  }
  return boxes;
}

std::vector<int> newClasses() {
  const gs::spec::Scenario s = gs::spec::parse_scenario(shippedScenario());
  return {s.dataset.only_classes.begin(), s.dataset.only_classes.end()};
}

}  // namespace gsui::transfer
