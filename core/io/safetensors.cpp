// safetensors reading and writing, and state_dict in and out of a module.
#include "io/safetensors.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "autograd/grad_mode.h"
#include "nn/module.h"
#include "util/error.h"
#include "util/error_codes.h"

namespace gs::io {

using nlohmann::json;

namespace {

constexpr std::uint64_t kMaxHeader = 100u << 20;  // the reference implementation's limit is 100 MB too

const char* file_dtype(Dtype d) {
  switch (d) {
    case Dtype::Float32: return "F32";
    case Dtype::Float64: return "F64";
    case Dtype::Int64: return "I64";
  }
  return "?";
}

std::string torch_size(const Shape& s) {
  std::string out = "torch.Size([";
  for (std::size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  return out + "])";
}

struct Entry {
  std::string name;
  Dtype dtype;
  Shape shape;
  std::uint64_t begin, end;
};

/// The checked header of a file: its entries sorted by offset, the metadata, where data starts.
struct Header {
  std::vector<Entry> entries;
  std::map<std::string, std::string> metadata;
  std::uint64_t data_start = 0;
};

Header read_header(std::ifstream& in, const std::string& path) {
  // Every problem names the file first: "PATH: not a safetensors file we can read: …".
  auto fail = [&](const std::string& code, std::vector<std::string> args) {
    args.insert(args.begin(), path);
    return coded_error(code, std::move(args));
  };
  auto num = [](std::uint64_t v) { return std::to_string(v); };
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  if (size < 8) throw fail("safetensors_too_short", {num(size)});
  unsigned char len_bytes[8];
  in.read(reinterpret_cast<char*>(len_bytes), 8);
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | len_bytes[i];
  if (n > kMaxHeader) throw fail("safetensors_header_too_large", {num(n)});
  if (n > size - 8) throw fail("safetensors_header_cut", {num(n), num(size - 8)});
  std::string text(n, '\0');
  in.read(text.data(), static_cast<std::streamsize>(n));
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // a syntax error, or a number beyond a double (out_of_range.406; fuzzing)
    throw fail("safetensors_header_not_json", {e.what()});
  }
  if (!j.is_object()) throw fail("safetensors_header_not_object", {});
  Header h;
  h.data_start = 8 + n;
  const std::uint64_t data_size = size - h.data_start;
  for (const auto& [name, v] : j.items()) {
    if (name == "__metadata__") {
      if (!v.is_object()) throw fail("safetensors_metadata_not_object", {});
      for (const auto& [k, m] : v.items()) {
        if (!m.is_string()) throw fail("safetensors_metadata_not_string", {k});
        h.metadata[k] = m.get<std::string>();
      }
      continue;
    }
    if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
      throw fail("safetensors_tensor_fields", {name});
    Entry e;
    e.name = name;
    const json& dt = v["dtype"];
    if (!dt.is_string()) throw fail("safetensors_dtype_not_string", {name});
    if (dt == "F32") e.dtype = kFloat32;
    else if (dt == "F64") e.dtype = kFloat64;
    else if (dt == "I64") e.dtype = kInt64;
    else throw fail("safetensors_dtype_unsupported", {name, dt.get<std::string>()});
    if (!v["shape"].is_array() || v["shape"].size() > 16) throw fail("safetensors_shape_not_list", {name});
    double numel = 1;
    for (const json& s : v["shape"]) {
      if (!s.is_number_unsigned()) throw fail("safetensors_shape_not_sizes", {name, v["shape"].dump()});
      e.shape.push_back(s.get<std::int64_t>());
      numel *= s.get<double>();
    }
    const json& off = v["data_offsets"];
    if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
      throw fail("safetensors_offsets_not_pair", {name});
    e.begin = off[0].get<std::uint64_t>();
    e.end = off[1].get<std::uint64_t>();
    if (e.begin > e.end || e.end > data_size)
      throw fail("safetensors_offsets_outside", {name, num(e.begin), num(e.end), num(data_size)});
    if (numel * static_cast<double>(element_size(e.dtype)) != static_cast<double>(e.end - e.begin))
      throw fail("safetensors_size_mismatch", {name, v["shape"].dump(), dt.get<std::string>(),
                                                num(static_cast<std::uint64_t>(numel) * element_size(e.dtype)), num(e.end - e.begin)});
    h.entries.push_back(std::move(e));
  }
  // The data must be covered exactly once: no overlap and no hole, as the reference reader requires.
  std::sort(h.entries.begin(), h.entries.end(), [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
  std::uint64_t next = 0;
  for (const Entry& e : h.entries) {
    if (e.begin < next) throw fail("safetensors_overlap", {e.name});
    if (e.begin > next) throw fail("safetensors_hole", {num(next), num(e.begin)});
    next = e.end;
  }
  if (next != data_size) throw fail("safetensors_trailing", {num(data_size - next)});
  return h;
}

}  // namespace

void write_safetensors(const std::string& path, const NamedTensors& tensors, const std::map<std::string, std::string>& metadata) {
  json header = json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<Tensor> data;
  std::uint64_t offset = 0;
  std::set<std::string> names;
  for (const auto& [name, t] : tensors) {
    GS_CHECK(names.insert(name).second, "write_safetensors: the name \"" + name + "\" appears twice");
    GS_CHECK(name != "__metadata__", "write_safetensors: \"__metadata__\" cannot name a tensor");
    const Tensor host = t.detach().to(Device::CPU).contiguous();
    const std::uint64_t bytes = static_cast<std::uint64_t>(host.numel()) * element_size(host.dtype());
    header[name] = {{"dtype", file_dtype(host.dtype())}, {"shape", host.shape()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    data.push_back(host);
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');  // the data starts 8-byte aligned, as the reference writer does
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw coded_error("safetensors_cannot_write", {path});
  unsigned char len_bytes[8];
  for (int i = 0; i < 8; ++i) len_bytes[i] = static_cast<unsigned char>((static_cast<std::uint64_t>(text.size()) >> (8 * i)) & 0xff);
  out.write(reinterpret_cast<const char*>(len_bytes), 8);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  for (const Tensor& t : data) {
    const std::size_t bytes = static_cast<std::size_t>(t.numel()) * element_size(t.dtype());
    dispatch_dtype(t.dtype(), [&]<typename T>() { out.write(reinterpret_cast<const char*>(t.data_ptr<T>()), static_cast<std::streamsize>(bytes)); });
  }
  if (!out) throw coded_error("safetensors_write_failed", {path});
}

NamedTensors read_safetensors(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw coded_error("safetensors_no_file", {path});
  const Header h = read_header(in, path);
  NamedTensors out;
  for (const Entry& e : h.entries) {
    Tensor t = zeros(e.shape, {.dtype = e.dtype});
    in.seekg(static_cast<std::streamoff>(h.data_start + e.begin));
    dispatch_dtype(e.dtype, [&]<typename T>() { in.read(reinterpret_cast<char*>(t.data_ptr<T>()), static_cast<std::streamsize>(e.end - e.begin)); });
    if (!in) throw coded_error("safetensors_data_unreadable", {path, e.name});
    out.emplace_back(e.name, std::move(t));
  }
  return out;
}

std::map<std::string, std::string> read_safetensors_metadata(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw coded_error("safetensors_no_file", {path});
  return read_header(in, path).metadata;
}

NamedTensors state_dict(const nn::Module& model) {
  NamedTensors out = model.named_parameters();
  for (auto& b : model.named_buffers()) out.push_back(b);
  return out;
}

void load_state_dict(nn::Module& model, const NamedTensors& tensors) {
  const NamedTensors own = state_dict(model);
  std::map<std::string, Tensor> given;
  for (const auto& [name, t] : tensors) given[name] = t;
  std::string missing, unexpected;
  for (const auto& [name, t] : own)
    if (!given.count(name)) missing += (missing.empty() ? "" : ", ") + ("\"" + name + "\"");
  for (const auto& [name, t] : tensors)
    if (std::none_of(own.begin(), own.end(), [&name = name](const auto& p) { return p.first == name; }))
      unexpected += (unexpected.empty() ? "" : ", ") + ("\"" + name + "\"");
  if (!missing.empty() || !unexpected.empty()) {
    std::string msg = "Error(s) in loading state_dict:";
    if (!missing.empty()) msg += " Missing key(s) in state_dict: " + missing + ".";
    if (!unexpected.empty()) msg += " Unexpected key(s) in state_dict: " + unexpected + ".";
    throw coded_error("state_dict_names_differ", {}, "RuntimeError: " + msg);
  }
  // Check everything before changing anything.
  for (const auto& [name, t] : own) {
    const Tensor& v = given[name];
    if (v.shape() != t.shape())
      throw coded_error("state_dict_shape", {name, shape_str(v.shape()), shape_str(t.shape())},
                        "RuntimeError: Error(s) in loading state_dict: size mismatch for " + name + ": copying a param with shape " +
                            torch_size(v.shape()) + " from checkpoint, the shape in current model is " + torch_size(t.shape()) + ".");
    if (is_floating_point(v.dtype()) != is_floating_point(t.dtype()))
      throw coded_error("state_dict_dtype", {name, to_string(v.dtype()), to_string(t.dtype())});
  }
  NoGradGuard no_grad;
  for (const auto& [name, t] : own) {
    Tensor target = t;
    target.copy_(given[name].to(t.dtype()).to(t.device()));
  }
}

void save_weights(const std::string& path, const nn::Module& model, const std::map<std::string, std::string>& metadata) {
  write_safetensors(path, state_dict(model), metadata);
}

void load_weights(const std::string& path, nn::Module& model) {
  const NamedTensors tensors = read_safetensors(path);
  try {
    load_state_dict(model, tensors);
  } catch (const Error& e) {
    // The same sentence after the file's name: its code with the path as the first value.
    static const std::map<std::string, std::string> kInFile = {
        {"state_dict_names_differ", "weights_names_differ"}, {"state_dict_shape", "weights_shape"}, {"state_dict_dtype", "weights_dtype"}};
    const auto coded = kInFile.find(e.code());
    if (coded == kInFile.end()) throw Error(path + ": " + e.what());
    std::vector<std::string> args = e.args();
    args.insert(args.begin(), path);
    throw coded_error(coded->second, std::move(args), e.torch_message());
  }
}

}  // namespace gs::io
