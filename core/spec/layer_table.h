#pragma once
/// The layer table: one LayerKind entry per layer type a model spec may use, holding everything
/// that differs between types — the argument schema, the shape rule, how to build the module,
/// how PyTorch spells it, and what the builder's palette offers. model_spec.cpp parses,
/// validates, infers shapes, builds and writes PyTorch code as loops over this table, and the
/// builder (ui/builder) takes its palette from it, so adding a kind is adding one entry to a
/// family file (layers_dense.cpp, layers_conv.cpp, layers_norm.cpp, layers_activation.cpp).
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nn/module.h"
#include "spec/model_spec.h"
#include "tensor/random.h"

namespace gs::spec {

/// The type of a layer argument, as the JSON spec writes it.
enum class ArgKind {
  Int,      ///< an integer
  Dim,      ///< a dimension: an integer, negative counting from the end (PyTorch's dim=-1)
  IntPair,  ///< a non-negative integer or [h, w]; stored as [h, w]
  Bool,     ///< true or false
  Number,   ///< any number
  String,   ///< a string
};

/// One argument of a layer, with PyTorch's name.
struct LayerArg {
  const char* name;
  ArgKind kind;
  nlohmann::json fallback = nullptr;  ///< the default; null: required unless inferred
  bool inferred = false;              ///< may be left out: the shape rule fills it from the input
  bool positive = false;              ///< must be > 0 (both halves of a pair), checked when parsed
  bool positional = false;            ///< written without its name in PyTorch code: nn.Linear(784, 10)
};

/// A shape rule's answer for one layer.
struct ShapeResult {
  Shape output;                  ///< without the batch dimension
  std::int64_t parameters = 0;   ///< the learnable numbers the layer holds for this input
};

/// What a shape rule sees besides the layer.
struct ShapeInput {
  Shape shape;                 ///< one sample's shape, without the batch dimension
  bool after_spatial = false;  ///< a spatial layer (Conv2d, pooling) came before: the Flatten hint says where
};

/// The builder palette's group of a kind.
enum class PaletteGroup {
  Any,    ///< offered for every input
  Image,  ///< offered only when the input is an image [C, H, W]
};

/// Everything about one layer type.
struct LayerKind {
  std::string name;           ///< PyTorch's class name: "Linear", "Conv2d", ...
  std::vector<LayerArg> args;  ///< in PyTorch's argument order (the order of the generated code)
  /// The output shape and parameter count for an input; fills inferred arguments into
  /// layer.args and checks given ones; throws the teaching error ("Linear expects [N, features]
  /// but gets ...") without the "layer i" prefix.
  ShapeResult (*shape)(LayerSpec& layer, const ShapeInput& in);
  /// The module, from arguments that shape() has completed.
  std::shared_ptr<nn::Module> (*build)(const LayerSpec& layer, Dtype dtype, Generator* generator);
  /// Checks that span more than one argument's type (Dropout's p in [0, 1]); `where` is
  /// "model.layers[2]". Null: none.
  void (*check)(const nlohmann::json& args, const std::string& where) = nullptr;
  /// Conv2d and pooling: a later Linear without Flatten is told "after the last pooling layer".
  bool spatial = false;
  /// Python defining the class when torch.nn has none (ResidualBlock): the code then defines it
  /// once and calls it without the "nn." prefix. Null: nn.<name>.
  const char* pytorch_class = nullptr;
  /// The builder palette: a freshly dropped layer's arguments (besides "type"), its group, and
  /// its place (layer_kinds() is sorted by it).
  nlohmann::json palette_args = nlohmann::json::object();
  PaletteGroup palette_group = PaletteGroup::Any;
  int palette_order = 0;
};

/// Every layer kind, in palette order.
const std::vector<const LayerKind*>& layer_kinds();
/// The kind of that name (case-sensitive, PyTorch's spelling), or null.
const LayerKind* find_layer_kind(const std::string& name);

}  // namespace gs::spec
