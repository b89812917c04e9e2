#include "app/shared_network.h"

#include <utility>

namespace gsui {

SharedNetwork& SharedNetwork::instance() {
  static SharedNetwork network;
  return network;
}

void SharedNetwork::setSpec(const nlohmann::json& spec) {
  if (spec == spec_) return;
  spec_ = spec;
  emit specChanged();
}

void SharedNetwork::requestEdit(const nlohmann::json& spec) {
  pending_edit_ = spec;
  emit editRequested();
}

std::optional<nlohmann::json> SharedNetwork::takePendingEdit() {
  return std::exchange(pending_edit_, std::nullopt);
}

}  // namespace gsui
