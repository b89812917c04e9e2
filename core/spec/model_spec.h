#pragma once
/// The model spec (DESIGN.md): PyTorch-named layers with PyTorch argument names, input sizes
/// inferred. `{"input_shape": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 8,
/// "kernel_size": 3, "padding": 1}, {"type": "ReLU"}, ...]}`, and optionally `"init":
/// "kaiming_normal"` (a scheme of nn::init::schemes()) or, with the scheme's argument, `"init":
/// {"name": "normal", "std": 0.01}`. The layer types and what each one
/// means are the entries of spec/layer_table.h.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nn/module.h"
#include "tensor/random.h"
#include "util/shape.h"

namespace gs::spec {

/// One layer: its type and every argument, defaults filled in ("in_features" etc. filled by
/// shape inference when they were left out).
struct LayerSpec {
  std::string type;
  nlohmann::json args = nlohmann::json::object();
};

/// A whole network: the input it takes, its layers in order, and how they are initialised.
struct ModelSpec {
  Shape input_shape;  ///< one sample's shape, without the batch dimension (empty: take it from the data)
  std::vector<LayerSpec> layers;
  std::string init = "default";  ///< a scheme of nn::init::schemes(), applied to the whole network
  double init_std = 1.0;  ///< the std of the "normal" scheme, N(0, init_std²) (default 1: N(0, 1))
};

/// Parses and validates; an error names the field ("layers[2].kernel_size: expected a positive
/// integer or [kH, kW], got -1") and suggests the right name for a misspelt one.
ModelSpec parse_model_spec(const nlohmann::json& j);
/// One layer with PyTorch's default for every argument not given, validated as in a spec:
/// `make_layer("Linear", {{"out_features", 8}})`.
LayerSpec make_layer(const std::string& type, nlohmann::json args = nlohmann::json::object());
/// The spec as JSON (what parse_model_spec reads back).
nlohmann::json to_json(const ModelSpec& spec);

/// One layer's shapes, for the builder's edge labels.
struct LayerShape {
  Shape input, output;          ///< without the batch dimension
  std::int64_t parameters = 0;  ///< the layer's learnable numbers
};
/// The result of running shapes through the layers.
struct ShapeReport {
  std::vector<LayerShape> layers;  ///< the layers before the first error
  int error_layer = -1;            ///< index of the layer at fault, −1 when the network is valid
  std::string error;               ///< the teaching sentence for it, after "layer 3 (Linear): "
  std::string error_layer_type;    ///< the type of the layer at fault ("Linear")
  std::string error_sentence;      ///< the sentence alone (what error_code's template says in English)
  std::string error_code;          ///< gs::Error::code() of it ("" when it has none)
  std::vector<std::string> error_args;  ///< and its values
  std::int64_t total_parameters = 0;
  bool ok() const { return error_layer < 0; }
};

/// "[N, 8, 14, 14]" for a per-sample shape.
std::string batch_shape_str(const Shape& sample_shape);

/// PyTorch code that defines the same network: `import`s, a class for each layer torch.nn lacks
/// (ResidualBlock) when one is used, `model = nn.Sequential(...)` with every size filled in and
/// each layer's output shape as a comment, and the init function with `model.apply(...)` when
/// spec.init is not "default".
/// Arguments equal to PyTorch's defaults are left out. Throws the shape error of a wrong network.
std::string pytorch_code(const ModelSpec& spec);

/// Infers each layer's input and output shape from spec.input_shape. Sizes left out
/// (in_features, in_channels, num_features) are inferred; given ones are checked.
ShapeReport infer_shapes(const ModelSpec& spec);

/// The network as nn::Sequential, initialised by spec.init (PyTorch's defaults unless it says
/// otherwise), seeded by generator.
/// Throws the first shape error, naming the layer.
std::shared_ptr<nn::Sequential> build_model(const ModelSpec& spec, Dtype dtype = kFloat32,
                                            Generator* generator = nullptr);

}  // namespace gs::spec
