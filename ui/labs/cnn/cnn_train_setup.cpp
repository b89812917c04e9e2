#include "labs/cnn/cnn_train_setup.h"

#include <algorithm>

#include "data/image_folder.h"
#include "util/error.h"

namespace gsui {
namespace {

using nlohmann::json;

json conv(int out, int kernel, int padding) {
  return {{"type", "Conv2d"}, {"out_channels", out}, {"kernel_size", kernel}, {"padding", padding}};
}
json layer(const char* type) { return {{"type", type}}; }
json pool() { return {{"type", "MaxPool2d"}, {"kernel_size", 2}}; }
json linear(int out) { return {{"type", "Linear"}, {"out_features", out}}; }
json residual() { return {{"type", "ResidualBlock"}}; }

json layersOf(CnnPreset preset, int classes) {
  switch (preset) {
    case CnnPreset::LeNet:
      return {conv(16, 5, 2), layer("ReLU"), pool(), conv(32, 5, 2), layer("ReLU"), pool(),
              layer("Flatten"), linear(64), layer("ReLU"), linear(classes)};
    case CnnPreset::Vgg:
      return {conv(16, 3, 1), layer("ReLU"), conv(16, 3, 1), layer("ReLU"), pool(),
              conv(32, 3, 1), layer("ReLU"), conv(32, 3, 1), layer("ReLU"), pool(),
              layer("Flatten"), linear(64), layer("ReLU"), linear(classes)};
    case CnnPreset::Residual:
      return {conv(16, 3, 1), layer("ReLU"), residual(), pool(), conv(32, 3, 1), layer("ReLU"), residual(), pool(),
              layer("Flatten"), linear(64), layer("ReLU"), linear(classes)};
    case CnnPreset::Mlp:
      return {layer("Flatten"), linear(128), layer("ReLU"), linear(classes)};
    case CnnPreset::FromFile:
      break;
  }
  return json::array();
}

}  // namespace

std::array<std::int64_t, 3> imageShape(const CnnTrainSetup& setup) {
  if (setup.dataset == QLatin1String(kImageFolder)) return {setup.folderChannels, setup.folderSize, setup.folderSize};
  return setup.dataset == QLatin1String("fashion_mnist") ? std::array<std::int64_t, 3>{1, 28, 28} : std::array<std::int64_t, 3>{1, 8, 8};
}

std::int64_t classCount(const CnnTrainSetup& setup) {
  return setup.dataset == QLatin1String(kImageFolder) ? static_cast<std::int64_t>(setup.folderClasses.size()) : 10;
}

json presetModel(CnnPreset preset, std::int64_t channels, std::int64_t height, std::int64_t width, std::int64_t classes) {
  return {{"input_shape", {channels, height, width}}, {"layers", layersOf(preset, static_cast<int>(classes))}};
}

json modelOf(const CnnTrainSetup& setup) {
  const auto [c, h, w] = imageShape(setup);
  json model = setup.preset == CnnPreset::FromFile ? setup.fileModel : presetModel(setup.preset, c, h, w, classCount(setup));
  if (setup.preset == CnnPreset::FromFile) model["input_shape"] = {c, h, w};  // the data decides
  json& layers = model["layers"];
  if (setup.noFlatten) {
    for (auto it = layers.begin(); it != layers.end(); ++it)
      if (it->value("type", "") == "Flatten") {
        layers.erase(it);
        break;
      }
  }
  if (setup.wrongChannels) {
    for (json& l : layers)
      if (l.value("type", "") == "Conv2d") {
        l["in_channels"] = 3;
        break;
      }
  }
  return model;
}

gs::spec::Scenario toScenario(const CnnTrainSetup& setup) {
  gs::spec::Scenario s;
  s.lab = "cnn";
  s.dataset.name = setup.dataset.toStdString();
  s.dataset.standardize = false;
  if (setup.dataset == QLatin1String("fashion_mnist")) {
    s.dataset.split = "official";
    s.dataset.n = setup.subset;
  }
  if (setup.dataset == QLatin1String(kImageFolder)) {
    s.dataset.path = setup.folder.toStdString();
    s.dataset.channels = setup.folderChannels;
    s.dataset.size = setup.folderSize;
  }
  s.dataset.seed = 4;
  s.model = gs::spec::parse_model_spec(modelOf(setup));
  s.loss.kind = gs::nn::LossKind::CrossEntropy;
  s.optimizer = gs::optim::default_optimizer_options(setup.optimizer, setup.lrTooHigh ? kTooHighLr : setup.lr);
  s.config.batch_size = setup.batchSize;
  s.config.augment = setup.augment;
  s.epochs = setup.epochs;
  return s;
}

CnnTrainSetup fromScenario(const gs::spec::Scenario& s) {
  CnnTrainSetup setup;
  if (s.dataset.name != "digits" && s.dataset.name != "fashion_mnist" && s.dataset.name != kImageFolder)
    throw gs::Error("dataset.name: the CNN lab trains on \"digits\", \"fashion_mnist\" or \"image_folder\", not \"" + s.dataset.name + "\"");
  if (s.loss.kind != gs::nn::LossKind::CrossEntropy) throw gs::Error("loss: the CNN lab trains with CrossEntropyLoss");
  setup.dataset = QString::fromStdString(s.dataset.name);
  if (s.dataset.n) setup.subset = static_cast<int>(*s.dataset.n);
  if (s.dataset.name == kImageFolder) {
    if (std::find(std::begin(kFolderSizes), std::end(kFolderSizes), s.dataset.size) == std::end(kFolderSizes))
      throw gs::Error("dataset.size: the CNN lab resizes images to 16, 28, 32, 48 or 64 pixels, not " + std::to_string(s.dataset.size));
    setup.folder = QString::fromStdString(s.dataset.path);
    setup.folderClasses = gs::data::image_folder_classes(s.dataset.path);  // (throws naming the folder)
    setup.folderChannels = static_cast<int>(s.dataset.channels);
    setup.folderSize = static_cast<int>(s.dataset.size);
  }
  setup.augment = s.config.augment;
  setup.optimizer = s.optimizer.kind;
  setup.lr = s.optimizer.lr();
  setup.batchSize = static_cast<int>(s.config.batch_size);
  setup.epochs = static_cast<int>(s.epochs);
  json model = gs::spec::to_json(s.model);
  setup.preset = CnnPreset::FromFile;
  for (CnnPreset p : {CnnPreset::LeNet, CnnPreset::Vgg, CnnPreset::Residual, CnnPreset::Mlp}) {
    CnnTrainSetup candidate = setup;
    candidate.preset = p;
    if (gs::spec::to_json(gs::spec::parse_model_spec(modelOf(candidate)))["layers"] == model["layers"]) setup.preset = p;
  }
  if (setup.preset == CnnPreset::FromFile) setup.fileModel = model;
  return setup;
}

}  // namespace gsui
