# title: Permute, then view fails
# about: permute() and transpose() only reorder the strides, so the result is not contiguous: reshape and contiguous().view work, view alone fails.
import torch
# 24 numbers viewed as shape (2, 3, 4); the storage is read in row order.
x = torch.arange(24).view(2, 3, 4)
# Strides (12, 4, 1): the next block is 12 cells away, the next row 4, the next column 1.
x.stride()
# permute(2, 0, 1) puts dim 2 first: the shape becomes (4, 2, 3); no data moves, p shares x's memory.
p = x.permute(2, 0, 1)
# The strides are reordered the same way: (1, 12, 4).
p.stride()
# p's elements are not in row order in storage, so p is not contiguous.
p.is_contiguous()
# transpose(1, 2) swaps just two dims: shape (2, 4, 3), also a view of the same memory.
t = x.transpose(1, 2)
# Its strides are x's strides with positions 1 and 2 swapped: (12, 1, 4).
t.stride()
# reshape(24) cannot give p this shape as a view, so it copies: r has its own storage, in p's order.
r = p.reshape(24)
# The other fix: contiguous() copies p into row order first, then view(24) is just a new shape.
c = p.contiguous().view(24)
# view never copies, and p's elements cannot be walked in order with a single stride, so this fails with a RuntimeError.
# The fixes are the two lines above: p.reshape(24) or p.contiguous().view(24).
p.view(24)
