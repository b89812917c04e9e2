#include "targets.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <typeinfo>

#include "data/image_folder.h"
#include "data/loaders.h"
#include "eval/interpreter.h"
#include "io/json_tensor.h"
#include "io/safetensors.h"
#include "nn/loss.h"
#include "optim/options.h"
#include "spec/dataset_spec.h"
#include "spec/model_spec.h"
#include "spec/scenario.h"
#include "spec/transfer.h"
#include "util/error.h"

namespace gs::fuzz {
namespace {

using nlohmann::json;

/// The bytes as a JSON document, or null when they are not one (the parser's own error is the
/// reader's message then; that path is json_file's and the CLI's, tested elsewhere).
json parse(const std::uint8_t* data, std::size_t size) {
  json j = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? json() : j;
}

/// A reader that takes a path gets the bytes in a file of this process, removed afterwards.
class TempFile {
 public:
  TempFile(const std::uint8_t* data, std::size_t size, const char* name)
      : path_("/tmp/gradscope-fuzz-" + std::to_string(::getpid()) + "-" + name) {
    std::ofstream(path_, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// What a reader writes back must read back the same (to_json then parse): a value it accepted
/// must be one it can save.
void require(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

void scenario(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  const spec::Scenario s = spec::parse_scenario(j);
  require(spec::parse_scenario(spec::to_json(s)) == s, "scenario: parse_scenario(to_json(s)) != s");
  (void)spec::infer_shapes(s.model);
}

void model_spec(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  const spec::ModelSpec m = spec::parse_model_spec(j);
  require(spec::to_json(spec::parse_model_spec(spec::to_json(m))) == spec::to_json(m), "model: to_json round trip differs");
  const spec::ShapeReport report = spec::infer_shapes(m);
  if (!report.ok()) return;
  (void)spec::pytorch_code(m);
  // Building allocates every parameter: only networks a fuzzer can afford (the size caps
  // themselves are checked by infer_shapes above).
  if (report.total_parameters <= 200'000) (void)spec::build_model(m);
}

void dataset(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  const spec::DatasetSpec d = spec::parse_dataset(j);
  require(spec::to_json(spec::parse_dataset(spec::to_json(d))) == spec::to_json(d), "dataset: to_json round trip differs");
}

void optimizer(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  const optim::OptimizerOptions o = optim::parse_optimizer(j);
  require(optim::parse_optimizer(optim::to_json(o)) == o, "optimizer: parse_optimizer(to_json(o)) != o");
}

void loss(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  (void)nn::parse_loss(j);
}

void transfer(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  const spec::TransferSpec t = spec::parse_transfer(j);
  require(spec::to_json(spec::parse_transfer(spec::to_json(t))) == spec::to_json(t), "transfer: to_json round trip differs");
}

void tensor_json(const std::uint8_t* data, std::size_t size) {
  const json j = parse(data, size);
  if (j.is_null()) return;
  for (Dtype dtype : {kFloat32, kFloat64, kInt64}) {
    try {
      (void)io::tensor_from_json(j, dtype, "x");
    } catch (const Error&) {
    }
  }
}

void safetensors(const std::uint8_t* data, std::size_t size) {
  const TempFile file(data, size, "weights.safetensors");
  const std::string& path = file.path();
  try {
    (void)io::read_safetensors_metadata(path);
  } catch (const Error&) {
  }
  (void)io::read_safetensors(path);
}

void csv(const std::uint8_t* data, std::size_t size) {
  const TempFile file(data, size, "data.csv");
  const std::string& path = file.path();
  try {
    (void)data::load_csv(path, /*has_header=*/false);
  } catch (const Error&) {
  }
  (void)data::load_csv(path, /*has_header=*/true);
}

/// The first byte splits the input into the image file and the label file.
void idx(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  const std::size_t split = std::min<std::size_t>(size - 1, std::size_t(data[0]) * 4);
  const TempFile images(data + 1, split, "images-idx3-ubyte");
  const TempFile labels(data + 1 + split, size - 1 - split, "labels-idx1-ubyte");
  (void)data::load_idx(images.path(), labels.path());
}

/// The Tensors lab's and `gradscope-cli eval`'s interpreter: a program, run statement by
/// statement (its errors are outcomes, not exceptions).
void image(const std::uint8_t* data, std::size_t size) {
  // A PNG or JPEG of the learner's image folder (by its first bytes), decoded and resized.
  const TempFile file(data, size, "image.png");
  const data::DecodedImage decoded = data::decode_image(file.path());
  require(decoded.rgb.size() == static_cast<std::size_t>(decoded.width * decoded.height * 3), "image: pixels and size disagree");
  (void)data::image_to_tensor(decoded, {.channels = 3, .size = 16});
  (void)data::image_to_tensor(decoded, {.channels = 1, .size = 4});
}

void eval(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return;
  const std::string program(reinterpret_cast<const char*>(data), size);
  eval::Interpreter interpreter;
  std::vector<eval::Outcome> outcomes;
  (void)interpreter.run_program(program, &outcomes);
  for (const auto& [name, value] : interpreter.variables()) (void)eval::to_json(value, interpreter);
}

}  // namespace

const std::vector<NamedTarget>& targets() {
  static const std::vector<NamedTarget> all = {
      {"scenario", scenario}, {"model_spec", model_spec}, {"dataset", dataset},       {"optimizer", optimizer},
      {"loss", loss},         {"transfer", transfer},     {"tensor_json", tensor_json}, {"safetensors", safetensors},
      {"csv", csv},           {"idx", idx},               {"eval", eval},               {"image", image},
  };
  return all;
}

void run_guarded(Target run, const std::uint8_t* data, std::size_t size) {
  try {
    run(data, size);
  } catch (const Error&) {
    // The reader refused the input with a message: what it should do.
  } catch (const std::exception& e) {
    throw std::string(typeid(e).name()) + ": " + e.what();
  }
}

}  // namespace gs::fuzz
