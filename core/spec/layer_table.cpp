#include "spec/layer_table.h"

#include <algorithm>

#include "spec/layer_families.h"

namespace gs::spec {

const std::vector<const LayerKind*>& layer_kinds() {
  // Function-local statics all the way down: a kind is never read before it is built.
  static const std::vector<const LayerKind*> kinds = [] {
    std::vector<const LayerKind*> all;
    for (const auto* family : {&dense_layer_kinds(), &conv_layer_kinds(), &norm_layer_kinds(), &activation_layer_kinds()})
      for (const LayerKind& k : *family) all.push_back(&k);
    std::stable_sort(all.begin(), all.end(), [](const LayerKind* a, const LayerKind* b) { return a->palette_order < b->palette_order; });
    return all;
  }();
  return kinds;
}

const LayerKind* find_layer_kind(const std::string& name) {
  for (const LayerKind* k : layer_kinds())
    if (k->name == name) return k;
  return nullptr;
}

}  // namespace gs::spec
