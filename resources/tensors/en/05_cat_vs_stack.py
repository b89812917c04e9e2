# title: cat vs stack
# about: torch.cat joins tensors along an existing dimension; torch.stack creates a new one. Watch the shapes.
import torch
# Two tensors of the same shape (2, 3).
a = torch.tensor([[1, 2, 3], [4, 5, 6]])
# b has the values 7 to 12 so that you can tell where each number comes from.
b = torch.tensor([[7, 8, 9], [10, 11, 12]])
# cat on dim 0 puts b's rows under a's rows: the number of dims stays 2.
c0 = torch.cat([a, b], dim=0)
# 2 + 2 rows: shape (4, 3).
c0.shape
# cat on dim 1 puts b's columns to the right of a's columns.
c1 = torch.cat([a, b], dim=1)
# 3 + 3 columns: shape (2, 6).
c1.shape
# stack on dim 0 adds a new first dim: s0[0] is a and s0[1] is b.
s0 = torch.stack([a, b], dim=0)
# The new dim has size 2 (two tensors): shape (2, 2, 3).
s0.shape
# stack on dim 1 inserts the new dim second: s1[i] pairs row i of a with row i of b.
s1 = torch.stack([a, b], dim=1)
# Also shape (2, 2, 3), but arranged differently from s0.
s1.shape
# s1[0] is row 0 of a on top of row 0 of b, whereas s0[0] is all of a.
s1[0]
