# title: The matmul shape rule
# about: (n, k) @ (k, m) gives (n, m): the inner sizes must agree. Matrix times vector, batched bmm, and the error when the shapes do not fit.
import torch
# A has shape (2, 3): 2 rows, 3 columns.
A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
# B has shape (3, 4); float() makes it float32 like A (mm needs both of the same dtype).
B = torch.arange(12).view(3, 4).float()
# (2, 3) @ (3, 4): the inner 3s agree and disappear, giving (2, 4). Each entry is a row of A times a column of B.
C = torch.mm(A, B)
# The @ operator is the same matrix product: equal to C.
A @ B
# A vector of shape (3,).
v = torch.tensor([1.0, 0.0, -1.0])
# matmul of (2, 3) and (3,) gives shape (2,): each row of A dotted with v.
torch.matmul(A, v)
# A batch of two (2, 3) matrices: shape (2, 2, 3).
X = torch.arange(12).view(2, 2, 3).float()
# A batch of two (3, 2) matrices: shape (2, 3, 2).
Y = torch.ones(2, 3, 2)
# bmm multiplies matrix i of X by matrix i of Y: (2, 2, 3) bmm (2, 3, 2) gives (2, 2, 2).
Z = torch.bmm(X, Y)
# To multiply A by itself, transpose the second: (2, 3) @ (3, 2) gives (2, 2).
A @ A.t()
# (2, 3) @ (2, 3) fails: the inner sizes 3 and 2 differ, so PyTorch raises a RuntimeError.
# The fix is the line above: transpose the second matrix, A @ A.t().
torch.mm(A, A)
