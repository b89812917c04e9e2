// The PyTorch (and scikit-learn, torchvision) code of each Generalization page's current state.
#include <QSpinBox>

#include "labs/generalization/augmentation_page.h"
#include "labs/generalization/cures_page.h"
#include "labs/generalization/overfitting_page.h"
#include "labs/generalization/splits_page.h"

namespace gsui {

QString OverfittingPage::pytorchCode() const {
  const OverfitSettings s = settings();
  return QString(R"(import numpy as np
import torch
import torch.nn as nn
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.model_selection import train_test_split

torch.manual_seed(%1)
rng = np.random.default_rng(%1)
x = rng.uniform(-1, 1, (%2, 1))
y = x**3 - 0.5 * x + 0.5 + %3 * rng.standard_normal((%2, 1))   # a noisy cubic
x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=%4, random_state=%1)

poly = PolynomialFeatures(degree=%5, include_bias=False)     # x, x², …, x^%5
scaler = StandardScaler().fit(poly.fit_transform(x_train))
def features(x): return torch.tensor(scaler.transform(poly.transform(x)), dtype=torch.float32)
Xtr, Xva = features(x_train), features(x_val)
Ytr, Yva = torch.tensor(y_train, dtype=torch.float32), torch.tensor(y_val, dtype=torch.float32)

model = nn.Linear(%5, 1)                 # %6 parameters for %7 points
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = nn.MSELoss()
for epoch in range(%8):                  # full batch: one step per epoch
    optimizer.zero_grad()
    loss = loss_fn(model(Xtr), Ytr)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        val_loss = loss_fn(model(Xva), Yva)   # climbs while loss falls: overfitting
)")
      .arg(s.seed)
      .arg(s.points + kOverfitValidationPoints)
      .arg(s.noise)
      .arg(kOverfitValidationPoints)
      .arg(s.degree)
      .arg(s.degree + 1)
      .arg(s.points)
      .arg(s.epochs);
}

QString SplitsPage::pytorchCode() const {
  return QString(R"(import numpy as np
import torch
from sklearn.datasets import load_iris
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.utils import resample

X, y = load_iris(return_X_y=True)

# Hold-out: test first, then validation out of the rest (stratified)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=%1, stratify=y, random_state=1)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=%2, stratify=y_rest)

# k-fold cross-validation: every sample is tested exactly once
scores = []
for fold, (train_idx, test_idx) in enumerate(StratifiedKFold(n_splits=%3, shuffle=True, random_state=1).split(X, y)):
    model = make_model()                 # 4 → 16 → ReLU → 3, a fresh one per fold
    train(model, X[train_idx], y[train_idx], epochs=60)   # Adam lr 0.01, batch 16
    scores.append(accuracy(model, X[test_idx], y[test_idx]))
print(f"{np.mean(scores):.3f} ± {np.std(scores):.3f}")   # np.std: ddof=0

# Bootstrap: n draws with replacement; the rest is out of bag (≈ 36.8 %)
idx = resample(np.arange(len(X)), replace=True, random_state=%4)
oob = np.setdiff1d(np.arange(len(X)), idx)

# the same in GradScope:  gradscope-cli cv iris.json --folds %3
)")
      .arg(scenario_.dataset.test_ratio)
      .arg(sessionState()["validation"].get<double>())
      .arg(folds())
      .arg(sessionState()["bootstrap_seed"].get<int>());
}

QString CuresPage::pytorchCode() const {
  const Cures c = cures();
  QString model = "model = nn.Sequential(\n    nn.Flatten(),\n    nn.Linear(64, 128),\n";
  if (c.batch_norm) model += "    nn.BatchNorm1d(128),              # batch norm\n";
  model += "    nn.ReLU(),\n";
  if (c.dropout > 0) model += QString("    nn.Dropout(p=%1),                 # dropout: only in model.train()\n").arg(c.dropout);
  model += "    nn.Linear(128, 10),\n)\n";
  QString code = QString(R"(import copy
import torch
import torch.nn as nn
import torchvision.transforms as T

torch.manual_seed(0)                     # the same seed for the base run and every cure
%1optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
)").arg(model);
  if (c.augment) code += "augment = T.Compose([T.RandomAffine(degrees=15, translate=(0.25, 0.25), scale=(0.9, 1.1)), T.ColorJitter(brightness=0.1, contrast=0.2)])\n";
  if (c.patience > 0) code += QString("best, best_state, patience, waited = float('inf'), None, %1, 0\n").arg(c.patience);
  code += "\nfor epoch in range(80):\n    model.train()\n    for x, y in train_loader:\n";
  if (c.augment) code += "        x = torch.stack([augment(img) for img in x])\n";
  code += "        optimizer.zero_grad()\n        loss = loss_fn(model(x), y)\n";
  QStringList weights;
  if (c.l2 > 0)
    code += QString("        loss = loss + %1 * sum((p**2).sum() for n, p in model.named_parameters() if 'weight' in n)   # L2\n").arg(c.l2);
  if (c.l1 > 0)
    code += QString("        loss = loss + %1 * sum(p.abs().sum() for n, p in model.named_parameters() if 'weight' in n)   # L1\n").arg(c.l1);
  code += "        loss.backward()\n        optimizer.step()\n    model.eval()\n    with torch.no_grad():\n        val_loss = evaluate(model, val_loader)\n";
  if (c.patience > 0)
    code += R"(    if val_loss < best:                  # early stopping on val_loss
        best, best_state, waited = val_loss, copy.deepcopy(model.state_dict()), 0
    else:
        waited += 1
        if waited >= patience:
            model.load_state_dict(best_state)   # restore the best epoch's weights
            break
)";
  if (c.l2 > 0) code += QString("\n# L2 is also torch.optim.SGD(..., weight_decay=%1) (which adds λ·w to the gradient, i.e. (λ/2)·Σw²)\n").arg(2 * c.l2);
  return code;
}

QString AugmentationPage::pytorchCode() const {
  const AugmentParams p = params();
  return QString(R"(import torch
import torchvision.transforms as T
import torchvision.transforms.functional as F

img = images[%1]                             # a [1, H, W] tensor in [0, 1]
rotated    = F.rotate(img, %2)               # torchvision turns counter-clockwise
shifted    = F.affine(img, angle=0, translate=[%3, %4], scale=1.0, shear=0)
zoomed     = F.affine(img, angle=0, translate=[0, 0], scale=%5, shear=0)
flipped    = F.hflip(img)
brighter   = (img + %6).clamp(0, 1)
noisy      = (img + %7 * torch.randn_like(img)).clamp(0, 1)
blurred    = F.gaussian_blur(img, kernel_size=3)    # GradScope: a 3×3 box blur, %8 pass(es)

# random copies for training: a new draw every time an image is used
augment = T.Compose([
    T.RandomAffine(degrees=%9, translate=(%10, %10), scale=(%11, %12)),
    T.RandomHorizontalFlip(p=0.5),
    T.ColorJitter(brightness=%13),
])
copies = [augment(img) for _ in range(6)]
)")
      .arg(index_->value())
      .arg(p.degrees)
      .arg(p.shift)
      .arg(p.shift / 2)
      .arg(p.zoom)
      .arg(p.brightness)
      .arg(p.noise)
      .arg(p.blur)
      .arg(std::abs(p.degrees))
      .arg(number(std::abs(p.shift) / std::max<double>(1, image_.defined() ? image_.size(-1) : 8), 3))
      .arg(number(1 - std::abs(p.zoom - 1), 2), number(1 + std::abs(p.zoom - 1), 2))
      .arg(std::abs(p.brightness));
}

}  // namespace gsui
