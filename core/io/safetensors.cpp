// safetensors reading and writing, and state_dict in and out of a module.
#include "io/safetensors.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "autograd/grad_mode.h"
#include "nn/module.h"
#include "util/error.h"

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
  auto fail = [&](const std::string& why) { return Error(path + ": not a safetensors file we can read: " + why); };
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  if (size < 8) throw fail("it has " + std::to_string(size) + " bytes, fewer than the 8 of the header length");
  unsigned char len_bytes[8];
  in.read(reinterpret_cast<char*>(len_bytes), 8);
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | len_bytes[i];
  if (n > kMaxHeader) throw fail("the header claims " + std::to_string(n) + " bytes (more than 100 MB)");
  if (n > size - 8) throw fail("the header claims " + std::to_string(n) + " bytes but only " + std::to_string(size - 8) + " follow");
  std::string text(n, '\0');
  in.read(text.data(), static_cast<std::streamsize>(n));
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw fail(std::string("the header is not valid JSON (") + e.what() + ")");
  }
  if (!j.is_object()) throw fail("the header is not a JSON object");
  Header h;
  h.data_start = 8 + n;
  const std::uint64_t data_size = size - h.data_start;
  for (const auto& [name, v] : j.items()) {
    if (name == "__metadata__") {
      if (!v.is_object()) throw fail("__metadata__ is not an object of strings");
      for (const auto& [k, m] : v.items()) {
        if (!m.is_string()) throw fail("__metadata__[\"" + k + "\"] is not a string");
        h.metadata[k] = m.get<std::string>();
      }
      continue;
    }
    const std::string where = "tensor \"" + name + "\"";
    if (!v.is_object() || !v.contains("dtype") || !v.contains("shape") || !v.contains("data_offsets"))
      throw fail(where + " needs \"dtype\", \"shape\" and \"data_offsets\"");
    Entry e;
    e.name = name;
    const json& dt = v["dtype"];
    if (!dt.is_string()) throw fail(where + ": dtype is not a string");
    if (dt == "F32") e.dtype = kFloat32;
    else if (dt == "F64") e.dtype = kFloat64;
    else if (dt == "I64") e.dtype = kInt64;
    else throw fail(where + " has dtype " + dt.get<std::string>() + "; GradScope reads F32, F64 and I64");
    if (!v["shape"].is_array() || v["shape"].size() > 16) throw fail(where + ": shape is not a list of at most 16 sizes");
    double numel = 1;
    for (const json& s : v["shape"]) {
      if (!s.is_number_unsigned()) throw fail(where + ": shape " + v["shape"].dump() + " holds something other than sizes");
      e.shape.push_back(s.get<std::int64_t>());
      numel *= s.get<double>();
    }
    const json& off = v["data_offsets"];
    if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
      throw fail(where + ": data_offsets is not [begin, end]");
    e.begin = off[0].get<std::uint64_t>();
    e.end = off[1].get<std::uint64_t>();
    if (e.begin > e.end || e.end > data_size)
      throw fail(where + ": data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) + "] lie outside the " +
                 std::to_string(data_size) + " bytes of data");
    if (numel * static_cast<double>(element_size(e.dtype)) != static_cast<double>(e.end - e.begin))
      throw fail(where + ": shape " + v["shape"].dump() + " of " + dt.get<std::string>() + " needs " +
                 std::to_string(static_cast<std::uint64_t>(numel) * element_size(e.dtype)) + " bytes but data_offsets give " +
                 std::to_string(e.end - e.begin));
    h.entries.push_back(std::move(e));
  }
  // The data must be covered exactly once: no overlap and no hole, as the reference reader requires.
  std::sort(h.entries.begin(), h.entries.end(), [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
  std::uint64_t next = 0;
  for (const Entry& e : h.entries) {
    if (e.begin < next) throw fail("tensor \"" + e.name + "\" overlaps the one before it in the data");
    if (e.begin > next) throw fail("bytes " + std::to_string(next) + " to " + std::to_string(e.begin) + " of the data belong to no tensor");
    next = e.end;
  }
  if (next != data_size) throw fail("the last " + std::to_string(data_size - next) + " bytes of the data belong to no tensor");
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
  if (!out) throw Error("cannot write \"" + path + "\"");
  unsigned char len_bytes[8];
  for (int i = 0; i < 8; ++i) len_bytes[i] = static_cast<unsigned char>((static_cast<std::uint64_t>(text.size()) >> (8 * i)) & 0xff);
  out.write(reinterpret_cast<const char*>(len_bytes), 8);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  for (const Tensor& t : data) {
    const std::size_t bytes = static_cast<std::size_t>(t.numel()) * element_size(t.dtype());
    dispatch_dtype(t.dtype(), [&]<typename T>() { out.write(reinterpret_cast<const char*>(t.data_ptr<T>()), static_cast<std::streamsize>(bytes)); });
  }
  if (!out) throw Error("cannot write \"" + path + "\" (disk full?)");
}

NamedTensors read_safetensors(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": no such file, or it cannot be read");
  const Header h = read_header(in, path);
  NamedTensors out;
  for (const Entry& e : h.entries) {
    Tensor t = zeros(e.shape, {.dtype = e.dtype});
    in.seekg(static_cast<std::streamoff>(h.data_start + e.begin));
    dispatch_dtype(e.dtype, [&]<typename T>() { in.read(reinterpret_cast<char*>(t.data_ptr<T>()), static_cast<std::streamsize>(e.end - e.begin)); });
    if (!in) throw Error(path + ": the data of tensor \"" + e.name + "\" could not be read");
    out.emplace_back(e.name, std::move(t));
  }
  return out;
}

std::map<std::string, std::string> read_safetensors_metadata(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": no such file, or it cannot be read");
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
    if (std::none_of(own.begin(), own.end(), [&](const auto& p) { return p.first == name; }))
      unexpected += (unexpected.empty() ? "" : ", ") + ("\"" + name + "\"");
  if (!missing.empty() || !unexpected.empty()) {
    std::string msg = "Error(s) in loading state_dict:";
    if (!missing.empty()) msg += " Missing key(s) in state_dict: " + missing + ".";
    if (!unexpected.empty()) msg += " Unexpected key(s) in state_dict: " + unexpected + ".";
    throw Error("the weights do not belong to this network (the names differ: is it the same architecture?)",
                "RuntimeError: " + msg);
  }
  // Check everything before changing anything.
  for (const auto& [name, t] : own) {
    const Tensor& v = given[name];
    if (v.shape() != t.shape())
      throw Error("the weights' \"" + name + "\" has shape " + shape_str(v.shape()) + " but this network's has " + shape_str(t.shape()),
                  "RuntimeError: Error(s) in loading state_dict: size mismatch for " + name + ": copying a param with shape " +
                      torch_size(v.shape()) + " from checkpoint, the shape in current model is " + torch_size(t.shape()) + ".");
    if (is_floating_point(v.dtype()) != is_floating_point(t.dtype()))
      throw Error("the weights' \"" + name + "\" is " + to_string(v.dtype()) + " but this network's is " + to_string(t.dtype()) +
                  ": integers and floating-point numbers do not convert into each other here");
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
    throw Error(path + ": " + e.what());
  }
}

}  // namespace gs::io
