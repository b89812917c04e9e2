# title: In-place changes through a view
# about: A row or column taken by indexing shares memory with the tensor; in-place operations on it change the original. clone() makes an independent copy.
import torch
# 12 numbers in shape (3, 4).
x = torch.arange(12).view(3, 4)
# x[1] is a view of row 1: shape (4,), storage offset 4. No copy is made.
row = x[1]
# add_ (with an underscore) changes the tensor in place, so row 1 of x changes too.
row.add_(100)
# x's row 1 is now 104 to 107: row and x share memory.
x
# x[:, 2] is a view of column 2: storage offset 2, stride (4,).
col = x[:, 2]
# mul_ changes the column in place: column 2 of x is negated.
col.mul_(-1)
# += on a tensor is also in place: row 1 of x (including its column-2 cell) goes up by 1.
row += 1
# Assigning through an index writes into x's memory: column 1 becomes 0.
x[:, 1] = 0
# row sees the change as well, since it views the same storage.
row
# clone() copies the data into new storage: c does not share memory with x.
c = x.clone()
# fill_ sets every element of c to 7, in place.
c.fill_(7)
# x is unchanged: changes to a clone never reach the original.
x
