# title: The (3, 1) vs (3,) MSE mistake
# about: A model output of shape (3, 1) minus targets of shape (3,) silently broadcasts to (3, 3), and the loss is wrong without any error.
import torch
# Predictions for 3 samples, shape (3, 1): one column, like the output of nn.Linear(..., 1).
y_pred = torch.tensor([[1.5], [2.0], [2.5]])
# Targets of shape (3,), as they usually come from a dataset.
y = torch.tensor([1.0, 2.0, 3.0])
# Broadcasting aligns (3, 1) with (3,) as (1, 3): every prediction is compared with every target.
diff = y_pred - y
# The shape is (3, 3) instead of (3,), and no error is raised.
diff.shape
# The mean of all 9 squared differences.
wrong = (diff ** 2).mean()
# About 0.833: wrong, because it mixes pairs that have nothing to do with each other.
wrong.item()
# The fix: squeeze(1) removes the size-1 dim, giving shape (3,) like y.
fixed = y_pred.squeeze(1)
# Now prediction i is compared with target i only: 3 squared differences.
good = ((fixed - y) ** 2).mean()
# About 0.167: the real mean squared error, five times smaller than the wrong one.
good.item()
# view(-1) is another fix: it flattens (3, 1) into (3,), so the difference has shape (3,).
y_pred.view(-1) - y
