#pragma once
/// Element types and devices, named as in PyTorch (torch.float32, torch.float64, torch.int64).
#include <cstdint>
#include <string>
#include <type_traits>

#include "util/error.h"

namespace gs {

/// The element type of a tensor. Default for floating tensors is Float32, as in PyTorch.
enum class Dtype : std::uint8_t { Float32, Float64, Int64 };

inline constexpr Dtype kFloat32 = Dtype::Float32;
inline constexpr Dtype kFloat64 = Dtype::Float64;
inline constexpr Dtype kInt64 = Dtype::Int64;

/// "torch.float32" style name.
std::string to_string(Dtype dtype);
/// Parses "float32"/"float"/"float64"/"double"/"int64"/"long"; throws naming the value otherwise.
Dtype parse_dtype(const std::string& name);

inline std::size_t element_size(Dtype dtype) { return dtype == Dtype::Float32 ? 4 : 8; }
inline bool is_floating_point(Dtype dtype) { return dtype != Dtype::Int64; }

/// PyTorch's type promotion for two tensors: int64 < float32 < float64.
inline Dtype promote_types(Dtype a, Dtype b) {
  if (a == Dtype::Float64 || b == Dtype::Float64) return Dtype::Float64;
  if (a == Dtype::Float32 || b == Dtype::Float32) return Dtype::Float32;
  return Dtype::Int64;
}

template <typename T>
constexpr Dtype dtype_of() {
  if constexpr (std::is_same_v<T, float>) return Dtype::Float32;
  else if constexpr (std::is_same_v<T, double>) return Dtype::Float64;
  else return Dtype::Int64;
}

/// Calls fn.template operator()<T>() with T the C++ type of dtype.
template <typename Fn>
decltype(auto) dispatch_dtype(Dtype dtype, Fn&& fn) {
  switch (dtype) {
    case Dtype::Float32: return fn.template operator()<float>();
    case Dtype::Float64: return fn.template operator()<double>();
    case Dtype::Int64: return fn.template operator()<std::int64_t>();
  }
  throw Error("unknown dtype");
}

/// Like dispatch_dtype, but only for float32/float64; int64 is rejected naming the op.
template <typename Fn>
decltype(auto) dispatch_floating(Dtype dtype, const char* op, Fn&& fn) {
  switch (dtype) {
    case Dtype::Float32: return fn.template operator()<float>();
    case Dtype::Float64: return fn.template operator()<double>();
    case Dtype::Int64: break;
  }
  throw Error(std::string(op) + " is only defined for floating-point tensors, got torch.int64. "
              "Convert first with .to(torch.float32).");
}

/// Where a tensor's memory lives. CUDA is reached only through the backend interface.
enum class Device : std::uint8_t { CPU, CUDA };

/// "cpu" or "cuda:0", as PyTorch prints devices.
std::string to_string(Device device);
/// Parses "cpu", "cuda" or "cuda:0".
Device parse_device(const std::string& name);

}  // namespace gs
