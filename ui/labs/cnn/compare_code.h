#pragma once
// The PyTorch code of the MLP-vs-CNN page: the data, both models (from core's spec printer, so
// they are the networks the page trains), a plain training loop over tensors and the shift test.
#include <QString>

#include "labs/cnn/compare_training.h"

namespace gsui {

/// A script that runs as it is with torch and numpy, given the data files the settings name.
QString comparePytorchCode(const CompareSettings& settings);

}  // namespace gsui
