import torch
a = torch.ones(1, 4)
b = torch.ones(4, 1)
c = a * b
d = a @ b
