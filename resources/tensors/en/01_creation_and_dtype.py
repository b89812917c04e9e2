# title: Creating tensors and their dtype
# about: Build tensors from lists, ranges and constants, see which dtype each one gets, and convert between dtypes.
import torch
# A nested list of Python ints becomes an int64 (torch.long) tensor; two rows of three give shape (2, 3).
a = torch.tensor([[1, 2, 3], [4, 5, 6]])
# One float in the list is enough: the whole tensor becomes float32, PyTorch's default float type.
b = torch.tensor([1.5, 2, 3])
# dtype= chooses the type yourself: the same ints, stored as float64.
c = torch.tensor([1, 2, 3], dtype=torch.float64)
# arange(start, end, step) counts from start up to, but not including, end: 0, 2, 4, 6 as int64.
r = torch.arange(0, 8, 2)
# zeros (and ones) take the sizes of each dimension and give float32: here a 2×3 block of 0s.
z = torch.zeros(2, 3)
# full(size, value) fills a shape with one value; the size is a tuple, here (2, 2).
f = torch.full((2, 2), 0.5)
# eye(3) is the 3×3 identity matrix: 1s on the diagonal, 0s elsewhere.
e = torch.eye(3)
# linspace(0, 1, 5) gives 5 evenly spaced float32 values from 0 to 1, both ends included.
s = torch.linspace(0, 1, 5)
# zeros_like(a) copies the shape AND the dtype of a: int64 zeros of shape (2, 3).
k = torch.zeros_like(a)
# long() converts float32 to int64 by dropping the fraction (rounding toward zero): 1.5 becomes 1.
b.long()
# to(torch.float64) converts to any dtype; float() and double() are short forms for float32 and float64.
a.to(torch.float64)
# / is true division: an int64 tensor divided by 2 gives float32 (0., 1., 2., 3.), not rounded ints.
r / 2
