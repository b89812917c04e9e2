#include "app/shared_network.h"

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

}  // namespace gsui
