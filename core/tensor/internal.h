#pragma once
/// Helpers shared by tensor.cpp and core/ops: raw allocation and views that record nothing.
#include "backend/backend.h"
#include "tensor/tensor.h"

namespace gs::detail {

/// A new contiguous tensor with uninitialised memory.
Tensor make_tensor(const Shape& shape, Dtype dtype, Device device);
/// A new tensor laid out in memory the way PyTorch's TensorIterator lays out an elementwise op's
/// result: row-major when the operands are, otherwise in the operands' memory order (so -x.t()
/// is transposed like x.t()). Broadcast operands have no say.
Tensor make_tensor_like(const Shape& shape, Dtype dtype, Device device, std::initializer_list<const Tensor*> operands);
/// A view of base's storage with the given geometry; records no autograd node.
Tensor alias(const Tensor& base, Shape shape, Shape strides, std::int64_t offset);
/// base broadcast to shape with stride 0 (no autograd); shape must be a valid broadcast target.
Tensor expand_as_shape(const Tensor& base, const Shape& shape);
/// t in dtype (t itself when it already is), without recording a node.
Tensor cast(const Tensor& t, Dtype dtype);
/// t contiguous (t itself when it already is), without recording a node.
Tensor contiguous(const Tensor& t);
inline Backend& backend_of(const Tensor& t) { return backend(t.device()); }
/// PyTorch's error when two operands live on different devices.
void check_same_device(const Tensor& a, const Tensor& b, const char* op);
/// The errors of an in-place op: check_no_internal_overlap, then check_inplace_autograd.
void check_inplace_allowed(const Tensor& self, const char* op);
/// PyTorch's refusal to write into a tensor whose elements share memory (an expanded view),
/// where the result would depend on the order of the writes. fill_ and zero_ (one value
/// everywhere) are allowed, as in PyTorch.
void check_no_internal_overlap(const Tensor& self, const char* op);
/// The error of an in-place op on a leaf that requires grad (or on a view of one).
void check_inplace_autograd(const Tensor& self, const char* op);

}  // namespace gs::detail
