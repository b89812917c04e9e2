#!/usr/bin/python3
"""Golden values for the training code, from the reference implementations:

    /usr/bin/python3 tests/golden/generate_training_golden.py   (python3-torch, python3-sklearn)

optim.json:     torch.optim trajectories on the landscape functions (float64, 40 steps each)
schedulers.json: torch.optim.lr_scheduler learning-rate sequences
metrics.json:   scikit-learn ROC / PR curves, AUC, AP and classification scores (with ties)
"""
import json
import math
import os

import numpy as np
import sklearn
import torch
from sklearn import metrics as skm

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_default_dtype(torch.float64)


def f_quadratic(p, a=1.0, b=10.0):
    return a * p[0] ** 2 + b * p[1] ** 2


def f_rosenbrock(p, a=1.0, b=100.0):
    return (a - p[0]) ** 2 + b * (p[1] - p[0] ** 2) ** 2


def f_beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def f_himmelblau(p):
    x, y = p[0], p[1]
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def f_saddle(p):
    return p[0] ** 2 - p[1] ** 2


FUNCTIONS = [
    ({"name": "quadratic", "a": 1, "b": 10}, f_quadratic, [1.5, 1.0]),
    ({"name": "rosenbrock"}, f_rosenbrock, [-1.2, 1.0]),
    ({"name": "beale"}, f_beale, [1.0, 1.5]),
    ({"name": "himmelblau"}, f_himmelblau, [0.5, -1.0]),
    ({"name": "saddle"}, f_saddle, [1.0, 0.01]),
]

OPTIMIZERS = [
    {"name": "SGD", "lr": 0.01},
    {"name": "SGD", "lr": 0.01, "momentum": 0.9},
    {"name": "SGD", "lr": 0.01, "momentum": 0.9, "nesterov": True},
    {"name": "SGD", "lr": 0.01, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.1},
    {"name": "Adagrad", "lr": 0.3},
    {"name": "Adagrad", "lr": 0.3, "lr_decay": 0.01, "weight_decay": 0.05, "initial_accumulator_value": 0.1},
    {"name": "RMSprop", "lr": 0.01},
    {"name": "RMSprop", "lr": 0.01, "momentum": 0.5, "centered": True, "weight_decay": 0.01},
    {"name": "Adam", "lr": 0.1},
    {"name": "Adam", "lr": 0.1, "betas": [0.8, 0.99], "amsgrad": True, "weight_decay": 0.01},
    {"name": "AdamW", "lr": 0.1},
    {"name": "AdamW", "lr": 0.1, "weight_decay": 0.5, "amsgrad": True},
    {"name": "Adadelta"},
    {"name": "Adadelta", "lr": 0.5, "rho": 0.8, "weight_decay": 0.01},
    {"name": "Adamax", "lr": 0.1},
    {"name": "Rprop", "lr": 0.05},
    {"name": "Rprop", "lr": 0.05, "etas": [0.3, 1.5], "step_sizes": [1e-4, 1.0]},
]


def make(opt, params):
    kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in opt.items() if k != "name"}
    return getattr(torch.optim, opt["name"])(params, **kwargs)


def optim_cases():
    cases = []
    for fspec, f, start in FUNCTIONS:
        for ospec in OPTIMIZERS:
            p = torch.tensor(start, requires_grad=True)
            opt = make(ospec, [p])
            path = [[p[0].item(), p[1].item(), f(p).item()]]
            for _ in range(40):
                opt.zero_grad()
                loss = f(p)
                loss.backward()
                opt.step()
                with torch.no_grad():
                    v = f(p).item()
                if not math.isfinite(v):
                    break
                path.append([p[0].item(), p[1].item(), v])
            cases.append({"function": fspec, "start": start, "optimizer": ospec, "steps": len(path) - 1, "path": path})
    return cases


def scheduler_cases():
    S = torch.optim.lr_scheduler
    specs = [
        ({"name": "StepLR", "step_size": 3, "gamma": 0.5}, lambda o: S.StepLR(o, 3, 0.5)),
        ({"name": "MultiStepLR", "milestones": [2, 5, 5, 9], "gamma": 0.3}, lambda o: S.MultiStepLR(o, [2, 5, 5, 9], 0.3)),
        ({"name": "ExponentialLR", "gamma": 0.9}, lambda o: S.ExponentialLR(o, 0.9)),
        ({"name": "CosineAnnealingLR", "T_max": 8, "eta_min": 0.01}, lambda o: S.CosineAnnealingLR(o, 8, 0.01)),
        ({"name": "LinearLR", "start_factor": 0.1, "end_factor": 1.0, "total_iters": 6}, lambda o: S.LinearLR(o, 0.1, 1.0, 6)),
    ]
    cases = []
    for spec, make_s in specs:
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=0.5)
        s = make_s(opt)
        lrs = []
        for _ in range(20):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            s.step()
        cases.append({"scheduler": spec, "base_lr": 0.5, "lrs": lrs})
    # ReduceLROnPlateau with a metric that stalls.
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=1.0)
    s = S.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2, threshold=0.01, cooldown=1, min_lr=0.05)
    metrics = [1.0, 0.9, 0.89, 0.895, 0.9, 0.91, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.76, 0.77, 0.78, 0.79, 0.8, 0.81]
    lrs = []
    for m in metrics:
        s.step(m)
        lrs.append(opt.param_groups[0]["lr"])
    cases.append({"scheduler": {"name": "ReduceLROnPlateau", "factor": 0.5, "patience": 2, "threshold": 0.01, "cooldown": 1, "min_lr": 0.05},
                  "base_lr": 1.0, "metrics": metrics, "lrs": lrs})
    return cases


def metric_cases():
    rng = np.random.default_rng(7)
    cases = []
    for n, ties in [(30, False), (50, True), (200, True), (12, True)]:
        y = rng.integers(0, 2, n)
        y[0], y[1] = 0, 1
        s = rng.normal(size=n) + 0.8 * y
        if ties:
            s = np.round(s, 1)
        fpr, tpr, thr = skm.roc_curve(y, s)
        prec, rec, pthr = skm.precision_recall_curve(y, s)
        pred = (s >= 0.3).astype(int)
        cases.append({"labels": y.tolist(), "scores": s.tolist(), "threshold": 0.3,
                      "roc": {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thr.tolist()},
                      "auc": skm.roc_auc_score(y, s),
                      "pr": {"precision": prec.tolist(), "recall": rec.tolist(), "thresholds": pthr.tolist()},
                      "average_precision": skm.average_precision_score(y, s),
                      "confusion": skm.confusion_matrix(y, pred, labels=[0, 1]).tolist(),
                      "accuracy": skm.accuracy_score(y, pred),
                      "precision": skm.precision_score(y, pred, zero_division=0),
                      "recall": skm.recall_score(y, pred, zero_division=0),
                      "f1": skm.f1_score(y, pred, zero_division=0)})
    multi = []
    for k in (3, 5):
        yt = rng.integers(0, k, 60)
        yp = np.where(rng.random(60) < 0.6, yt, rng.integers(0, k, 60))
        p, r, f, sup = skm.precision_recall_fscore_support(yt, yp, labels=list(range(k)), zero_division=0)
        multi.append({"classes": k, "y_true": yt.tolist(), "y_pred": yp.tolist(),
                      "confusion": skm.confusion_matrix(yt, yp, labels=list(range(k))).tolist(),
                      "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": sup.tolist(),
                      "macro_precision": skm.precision_score(yt, yp, average="macro", zero_division=0),
                      "macro_recall": skm.recall_score(yt, yp, average="macro", zero_division=0),
                      "macro_f1": skm.f1_score(yt, yp, average="macro", zero_division=0),
                      "accuracy": skm.accuracy_score(yt, yp)})
    regression = []
    rng2 = np.random.default_rng(11)  # its own generator: the cases above stay as they were
    for n, kind in [(40, "noisy"), (25, "biased"), (10, "constant"), (6, "perfect")]:
        y = np.full(n, 2.5) if kind == "constant" else rng2.normal(size=n) * 3
        if kind == "perfect":
            p = y.copy()
        elif kind == "biased":
            p = 0.5 * y + 4 + rng2.normal(size=n)  # worse than the mean: R² < 0
        else:
            p = y + rng2.normal(size=n) * 0.7
        regression.append({"y_true": y.tolist(), "y_pred": p.tolist(), "mse": skm.mean_squared_error(y, p),
                           "mae": skm.mean_absolute_error(y, p), "r2": skm.r2_score(y, p)})
    return {"sklearn": sklearn.__version__, "binary": cases, "multiclass": multi, "regression": regression}


if __name__ == "__main__":
    with open(os.path.join(HERE, "optim.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": optim_cases()}, f)
    with open(os.path.join(HERE, "schedulers.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": scheduler_cases()}, f, indent=1)
    with open(os.path.join(HERE, "metrics.json"), "w") as f:
        json.dump(metric_cases(), f)
    print("wrote optim.json, schedulers.json, metrics.json")
