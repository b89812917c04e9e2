# title: View vs reshape vs contiguous
# about: view() gives the same memory a new shape without copying. See the strides, a change seen through two names, and when contiguous() copies.
import torch
# A tensor is one flat block of memory (its storage) plus a shape and strides; arange(12) is 12 numbers in a row.
x = torch.arange(12)
# view(3, 4) gives the same 12 numbers the shape (3, 4): nothing is copied, y shares x's memory.
y = x.view(3, 4)
# Strides (4, 1): moving to the next row skips 4 cells of storage, moving to the next column skips 1.
y.stride()
# Writing through the view writes into the shared storage, at offset 0·4 + 0·1 = 0...
y[0, 0] = 100
# ...so x sees the change too: x and y are two views of the same memory.
x
# reshape returns a view when the memory layout allows it (as here: z shares x's memory) and copies only when it must.
z = x.reshape(2, 6)
# y is contiguous: its elements lie in storage in row order, with no gaps.
y.is_contiguous()
# t() transposes y into shape (4, 3); it shares y's memory, only the strides are swapped.
t = y.t()
# The strides are now (1, 4): walking along a row of t jumps 4 cells in storage.
t.stride()
# So t is not contiguous: reading it row by row does not follow the storage in order.
t.is_contiguous()
# contiguous() copies t's elements into new storage, in t's row order; c no longer shares memory with x.
c = t.contiguous()
# c is a normal (4, 3) tensor again, with strides (3, 1).
c.stride()
