# title: Broadcasting
# about: Tensors of different shapes combine when, aligned from the right, each pair of sizes is equal or one of them is 1.
import torch
# A row of shape (1, 4).
r = torch.tensor([[1, 2, 3, 4]])
# A column of shape (4, 1).
c = torch.tensor([[10], [20], [30], [40]])
# (1, 4) + (4, 1): each size-1 dim is stretched to match the other, so the result has shape (4, 4).
r + c
# The same stretching with *: a (4, 4) multiplication table.
r * c
# A (2, 3) matrix.
M = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
# A row of shape (3,).
row = torch.tensor([10.0, 20.0, 30.0])
# Aligned from the right, (3,) acts as (1, 3) and is added to every row of M: shape (2, 3).
M + row
# A Python number broadcasts to every element: shape (2, 3).
M * 2 + 0.5
# keepdim=True keeps the row means as shape (2, 1), so they broadcast across each row: every row now averages 0.
M - M.mean(dim=1, keepdim=True)
# expand(2, 3) shows what broadcasting does: it repeats row without copying any memory.
e = row.expand(2, 3)
# Stride 0 in dim 0: moving down a row stays on the same storage cells.
e.stride()
