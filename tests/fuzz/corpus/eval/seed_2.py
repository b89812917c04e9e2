import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
l = (w * w).sum()
l.backward()
l.backward()
