#pragma once
// The PyTorch code of each page of the Initialization lab, for its current state.
#include <QString>
#include <cstdint>

#include "labs/init/init_experiment.h"

namespace gsui::init {

/// `def init_weights(m): …` for the scheme, and `model.apply(init_weights)`.
QString initFunctionCode(Scheme scheme);
/// The 5-layer experiment with the activations' and gradients' histograms (matplotlib).
QString experimentCode(Scheme scheme, Activation activation, std::uint64_t seed);
/// Every scheme × activation, the std of each layer's activations.
QString gridCode();
/// Training the MLP on the digits once per scheme, and the zeros-init check of identical units.
QString trainingCode(Activation activation, int steps);

}  // namespace gsui::init
