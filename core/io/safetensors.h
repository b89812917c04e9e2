#pragma once
/// Weights files in the safetensors format (https://huggingface.co/docs/safetensors): an 8-byte
/// little-endian header length, a JSON header {"name": {"dtype": "F32", "shape": [...],
/// "data_offsets": [begin, end]}, "__metadata__": {...}}, then the raw little-endian data. The
/// names are PyTorch's state_dict keys ("0.weight", "3.running_mean"), so a file written here
/// loads into the equivalent torch.nn.Sequential with load_state_dict, and the reverse.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tensor/tensor.h"

namespace gs::nn {
class Module;
}

namespace gs::io {

using NamedTensors = std::vector<std::pair<std::string, Tensor>>;

/// Writes the tensors (F32, F64 or I64; copied to the host) with optional string metadata.
/// Throws naming the path when it cannot be written.
void write_safetensors(const std::string& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata = {});

/// Reads every tensor of a safetensors file, in the order of their data. A file that is not one
/// (too short, a header length or offsets past the end, entries that overlap or leave holes, a
/// shape that does not match its bytes, a dtype other than F32/F64/I64, a header over 100 MB) is
/// refused with a message naming the file and the tensor, without reading past the file.
NamedTensors read_safetensors(const std::string& path);
/// The file's "__metadata__" (empty when there is none); the same checks as read_safetensors.
std::map<std::string, std::string> read_safetensors_metadata(const std::string& path);

/// A module's state_dict: its parameters, then its buffers, by their PyTorch names.
NamedTensors state_dict(const nn::Module& model);
/// Copies `tensors` into the model's parameters and buffers, as load_state_dict(strict=True):
/// every key on both sides, each shape equal; floating dtypes convert (F64 into a float32
/// model), integer and floating do not mix. The errors follow PyTorch's ("Missing key(s) in
/// state_dict: ...", "size mismatch for 0.weight: ..."); on an error nothing is changed.
void load_state_dict(nn::Module& model, const NamedTensors& tensors);

/// write_safetensors(path, state_dict(model)) / load_state_dict(model, read_safetensors(path)).
void save_weights(const std::string& path, const nn::Module& model, const std::map<std::string, std::string>& metadata = {});
void load_weights(const std::string& path, nn::Module& model);

}  // namespace gs::io
