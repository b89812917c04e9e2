# title: squeeze, unsqueeze and flatten
# about: Add or remove dimensions of size 1 without touching the numbers, and flatten several dimensions into one.
import torch
# A 1-D tensor of shape (3,).
x = torch.tensor([1.0, 2.0, 3.0])
# unsqueeze(0) adds a new dim of size 1 in front: shape (1, 3), one row. It is a view of x's memory.
a = x.unsqueeze(0)
# unsqueeze(1) adds it after dim 0: shape (3, 1), one column.
b = x.unsqueeze(1)
# Negative dims count from the end: unsqueeze(-1) adds a last dim, shape (3, 1), the same as unsqueeze(1) here.
c = x.unsqueeze(-1)
# Indexing with None also inserts a size-1 dim: x[None, :, None] has shape (1, 3, 1).
d = x[None, :, None]
# squeeze() with no dim removes every dim of size 1: back to shape (3,).
d.squeeze()
# squeeze(0) removes only dim 0: shape (3, 1).
d.squeeze(0)
# squeeze(1) does nothing, without an error: dim 1 has size 3, not 1, so the shape stays (1, 3, 1).
d.squeeze(1)
# A (2, 3, 2) tensor to flatten.
m = torch.arange(12).view(2, 3, 2)
# flatten() joins all dims into one: shape (12,).
m.flatten()
# flatten(1, 2) joins only dims 1 to 2: shape (2, 6), as before nn.Linear (the batch dim 0 is kept).
m.flatten(1, 2)
