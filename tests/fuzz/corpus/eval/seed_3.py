import torch
x = torch.zeros(3)
v = x[1:]
v.add_(1)
print(x)
s = torch.stack([x, x], dim=1)
t = torch.cat([x, x]).unsqueeze(0).squeeze()
