#pragma once
// What the Train page's controls describe, typed: the data, the network (a preset or a model spec
// from a file), the optimizer and the mistakes switched on. toScenario() turns it into the
// core scenario that the page trains and `gradscope-cli train` runs the same way.
#include <QString>
#include <nlohmann/json.hpp>

#include "optim/options.h"
#include "spec/scenario.h"

namespace gsui {

enum class CnnPreset {
  LeNet,     ///< Conv 5×5 16, pool, Conv 5×5 32, pool, Linear 64, Linear 10 (the course's LeNet-like CNN)
  Vgg,       ///< Conv-Conv-Pool twice with 3×3 kernels (the VGG pattern)
  Residual,  ///< the same depth with residual blocks
  Mlp,       ///< Flatten, Linear 128, Linear 10: no convolution, for comparison
  FromFile,  ///< a model spec the learner opened (saved by the network builder)
};

struct CnnTrainSetup {
  QString dataset = QStringLiteral("digits");  ///< "digits", "fashion_mnist" or "image_folder" (the learner's own images)
  int subset = 6000;                           ///< Fashion-MNIST images used (train and test together)
  // "image_folder": torchvision's ImageFolder layout, one subfolder per class (data/image_folder.h).
  QString folder;                        ///< the folder
  std::vector<std::string> folderClasses;  ///< its class folders, sorted (as data::image_folder_classes says)
  int folderChannels = 1;                ///< 1 (gray) or 3 (RGB)
  int folderSize = 28;                   ///< the images are resized to folderSize × folderSize
  bool augment = false;
  CnnPreset preset = CnnPreset::LeNet;
  nlohmann::json fileModel;  ///< the model spec of FromFile
  gs::optim::OptimizerKind optimizer = gs::optim::OptimizerKind::Adam;
  double lr = 1e-3;
  int batchSize = 64;
  int epochs = 5;  ///< for the scenario file and the PyTorch code; the lab trains until paused
  // The course's mistakes, made on purpose:
  bool noFlatten = false;      ///< the Flatten before the first Linear left out
  bool lrTooHigh = false;      ///< the learning rate replaced by kTooHighLr
  bool wrongChannels = false;  ///< the first Conv2d told it gets 3 input channels
  bool operator==(const CnnTrainSetup&) const = default;
};

/// The learning rate of the "too high" mistake.
inline constexpr double kTooHighLr = 1.0;

/// The image folder sizes offered (each works with every preset).
inline constexpr int kFolderSizes[] = {16, 28, 32, 48, 64};
/// The value "image_folder" data sets take in CnnTrainSetup::dataset.
inline constexpr char kImageFolder[] = "image_folder";

/// The model spec of a preset for images of `channels` channels and `classes` classes.
nlohmann::json presetModel(CnnPreset preset, std::int64_t channels, std::int64_t height, std::int64_t width, std::int64_t classes = 10);
/// The image shape [C, H, W] of the setup's data set.
std::array<std::int64_t, 3> imageShape(const CnnTrainSetup& setup);
/// The classes of the setup's data set (10, or the image folder's).
std::int64_t classCount(const CnnTrainSetup& setup);
/// The model the setup trains: the preset (or file) with the mistakes applied.
nlohmann::json modelOf(const CnnTrainSetup& setup);
/// The whole scenario (lab "cnn"); the model is parsed but not checked against the data.
gs::spec::Scenario toScenario(const CnnTrainSetup& setup);
/// The setup a scenario of the lab describes (its model becomes FromFile unless it is a preset's),
/// or throws naming the field the Train page cannot show.
CnnTrainSetup fromScenario(const gs::spec::Scenario& scenario);

}  // namespace gsui
