# title: .item() and 0-d tensors
# about: A loss is a 0-d tensor; .item() turns a one-element tensor into a plain Python number and refuses anything bigger.
import torch
# Predictions of shape (3,).
pred = torch.tensor([1.5, 2.0, 2.5])
# Targets of shape (3,).
target = torch.tensor([1.0, 3.0, 2.0])
# The mean over all elements is a 0-d tensor: one number, but still a tensor.
loss = ((pred - target) ** 2).mean()
# A 0-d tensor has no dims at all: dim() is 0.
loss.dim()
# Its shape is empty: torch.Size([]).
loss.shape
# item() returns the value as a Python float: 0.5. Use it for printing or logging a loss.
loss.item()
# A slice of length 1 has shape (1,): one dim, one element.
one = pred[1:2]
# Shape (1,) is not 0-d.
one.shape
# item() works on any tensor with exactly one element, whatever its shape: 2.0.
one.item()
# Indexing with an int removes the dim: pred[0] is 0-d, so item() gives 1.5.
pred[0].item()
# pred has 3 elements, so this fails: item() needs exactly one element.
# Reduce first (pred.sum().item(), pred.mean().item()) or pick one element (pred[0].item(), as above).
pred.item()
