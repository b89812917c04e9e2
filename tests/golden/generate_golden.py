#!/usr/bin/python3
"""Writes the golden files the C++ tests compare against, using PyTorch as the oracle.

    /usr/bin/python3 tests/golden/generate_golden.py    (Debian: apt-get install python3-torch)

ops.json: for every op case, its inputs (float64), the upstream gradient, PyTorch's output and
the gradient of every input that requires grad. The C++ op table (tests/support/op_table.cpp)
has one entry per "op" name below, with the same fixed arguments.
grad_cases/*.json: whole models through `gradscope-cli grad`, with PyTorch's expected result.
The tests never need PyTorch: regenerate only when adding cases.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261123)
torch.set_default_dtype(torch.float64)


def normal(shape):
    return rng.standard_normal(shape)


def positive(shape):
    return rng.uniform(0.5, 2.0, shape)


def prob(shape):
    return rng.uniform(0.05, 0.95, shape)


def binary(shape):
    return rng.integers(0, 2, shape).astype(np.float64)


def classes(n, c):
    return rng.integers(0, c, (n,))


# op name -> (torch function of the input list, [input makers]); a maker is (kind, shape, requires_grad).
OPS = {
    # elementwise, broadcasting
    "add": (lambda a, b: a + b, [("normal", (3, 4), True), ("normal", (4,), True)]),
    "add_alpha": (lambda a, b: torch.add(a, b, alpha=2.5), [("normal", (2, 3), True), ("normal", (2, 1), True)]),
    "sub": (lambda a, b: a - b, [("normal", (2, 1, 3), True), ("normal", (4, 1), True)]),
    "mul": (lambda a, b: a * b, [("normal", (3, 1), True), ("normal", (3,), True)]),
    "div": (lambda a, b: a / b, [("normal", (2, 3), True), ("positive", (3,), True)]),
    "mul_scalar": (lambda a: a * 3.0 - 1.5, [("normal", (5,), True)]),
    "neg": (lambda a: -a, [("normal", (2, 3), True)]),
    "pow_scalar": (lambda a: a ** 3, [("normal", (2, 3), True)]),
    "pow_half": (lambda a: a ** 0.5, [("positive", (4,), True)]),
    "pow_tensor": (lambda a, b: a ** b, [("positive", (2, 3), True), ("normal", (3,), True)]),
    "exp": (torch.exp, [("normal", (2, 3), True)]),
    "log": (torch.log, [("positive", (2, 3), True)]),
    "sqrt": (torch.sqrt, [("positive", (2, 3), True)]),
    "abs": (torch.abs, [("normal", (2, 3), True)]),
    "square": (torch.square, [("normal", (2, 3), True)]),
    "clamp": (lambda a: torch.clamp(a, -0.5, 0.5), [("normal", (3, 4), True)]),
    "where": (lambda a, b: torch.where(a > 0, a, b), [("normal", (3, 4), True), ("normal", (4,), True)]),
    # activations
    "sigmoid": (torch.sigmoid, [("normal", (3, 4), True)]),
    "tanh": (torch.tanh, [("normal", (3, 4), True)]),
    "relu": (torch.relu, [("normal", (3, 4), True)]),
    "leaky_relu": (lambda a: F.leaky_relu(a, 0.1), [("normal", (3, 4), True)]),
    "elu": (lambda a: F.elu(a, 1.0), [("normal", (3, 4), True)]),
    "gelu": (F.gelu, [("normal", (3, 4), True)]),
    "gelu_tanh": (lambda a: F.gelu(a, approximate="tanh"), [("normal", (3, 4), True)]),
    "softplus": (lambda a: F.softplus(a, beta=2.0, threshold=20.0), [("normal", (3, 4), True)]),
    "softmax": (lambda a: F.softmax(a, dim=1), [("normal", (3, 5), True)]),
    "log_softmax": (lambda a: F.log_softmax(a, dim=0), [("normal", (4, 3), True)]),
    "step": (lambda a: (a > 0).double(), [("normal", (3, 4), False)]),
    # linear algebra
    "mm": (torch.mm, [("normal", (3, 4), True), ("normal", (4, 2), True)]),
    "bmm": (torch.bmm, [("normal", (2, 3, 4), True), ("normal", (2, 4, 5), True)]),
    "matmul_1d1d": (torch.matmul, [("normal", (4,), True), ("normal", (4,), True)]),
    "matmul_1d2d": (torch.matmul, [("normal", (3,), True), ("normal", (3, 2), True)]),
    "matmul_2d1d": (torch.matmul, [("normal", (2, 3), True), ("normal", (3,), True)]),
    "matmul_3d2d": (torch.matmul, [("normal", (2, 3, 4), True), ("normal", (4, 2), True)]),
    "matmul_broadcast": (torch.matmul, [("normal", (2, 1, 3, 4), True), ("normal", (3, 4, 2), True)]),
    "linear": (F.linear, [("normal", (5, 3), True), ("normal", (4, 3), True), ("normal", (4,), True)]),
    # reductions
    "sum": (torch.sum, [("normal", (3, 4), True)]),
    "sum_dim": (lambda a: torch.sum(a, dim=1), [("normal", (3, 4, 2), True)]),
    "sum_dims_keepdim": (lambda a: torch.sum(a, dim=(0, 2), keepdim=True), [("normal", (3, 4, 2), True)]),
    "mean": (torch.mean, [("normal", (3, 4), True)]),
    "mean_dim": (lambda a: torch.mean(a, dim=0), [("normal", (3, 4), True)]),
    "var": (lambda a: torch.var(a, dim=1), [("normal", (3, 5), True)]),
    "max_all": (torch.max, [("normal", (3, 4), True)]),
    "max_dim": (lambda a: torch.max(a, dim=1)[0], [("normal", (3, 4), True)]),
    "min_dim_keepdim": (lambda a: torch.min(a, dim=0, keepdim=True)[0], [("normal", (3, 4), True)]),
    # shapes and views
    "view_after_transpose": (lambda a: a.t().reshape(6), [("normal", (2, 3), True)]),
    "permute": (lambda a: a.permute(2, 0, 1), [("normal", (2, 3, 4), True)]),
    "transpose": (lambda a: a.transpose(0, 1) * 2.0, [("normal", (2, 3), True)]),
    "squeeze_unsqueeze": (lambda a: a.squeeze(1).unsqueeze(0), [("normal", (3, 1, 2), True)]),
    "expand": (lambda a: a.expand(2, 3, 4), [("normal", (3, 1), True)]),
    "select": (lambda a: a[1], [("normal", (3, 4), True)]),
    "slice": (lambda a: a[:, 1::2], [("normal", (3, 5), True)]),
    "index_select": (lambda a: a[1:, [2, 0, 2]], [("normal", (3, 4), True)]),
    "cat": (lambda a, b: torch.cat([a, b], dim=1), [("normal", (2, 3), True), ("normal", (2, 2), True)]),
    "stack": (lambda a, b: torch.stack([a, b], dim=0), [("normal", (2, 3), True), ("normal", (2, 3), True)]),
    "flatten": (lambda a: a.flatten(1), [("normal", (2, 3, 2), True)]),
    # convolution and pooling
    "conv2d": (lambda x, w, b: F.conv2d(x, w, b, stride=1, padding=1),
               [("normal", (2, 3, 5, 5), True), ("normal", (4, 3, 3, 3), True), ("normal", (4,), True)]),
    "conv2d_stride2_dilation2": (lambda x, w: F.conv2d(x, w, None, stride=2, padding=0, dilation=2),
                                 [("normal", (1, 2, 7, 6), True), ("normal", (3, 2, 2, 3), True)]),
    "max_pool2d": (lambda x: F.max_pool2d(x, 2), [("normal", (2, 2, 4, 6), True)]),
    "max_pool2d_pad": (lambda x: F.max_pool2d(x, 3, stride=1, padding=1), [("normal", (1, 2, 4, 4), True)]),
    "avg_pool2d": (lambda x: F.avg_pool2d(x, 2, stride=1), [("normal", (2, 2, 3, 4), True)]),
    # normalisation
    "batch_norm_train": (lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True),
                         [("normal", (4, 3), True), ("positive", (3,), True), ("normal", (3,), True)]),
    "batch_norm2d_train": (lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True),
                           [("normal", (2, 3, 2, 2), True), ("positive", (3,), True), ("normal", (3,), True)]),
    "batch_norm_eval": (lambda x, m, v: F.batch_norm(x, m, v, None, None, training=False),
                        [("normal", (4, 3), True), ("normal", (3,), False), ("positive", (3,), False)]),
    # losses
    "mse_loss": (F.mse_loss, [("normal", (4, 3), True), ("normal", (4, 3), False)]),
    "l1_loss": (F.l1_loss, [("normal", (4, 3), True), ("normal", (4, 3), False)]),
    "huber_loss": (lambda a, b: F.huber_loss(a, b, delta=0.7), [("normal", (4, 3), True), ("normal", (4, 3), False)]),
    "bce": (F.binary_cross_entropy, [("prob", (4, 2), True), ("binary", (4, 2), False)]),
    "bce_with_logits": (F.binary_cross_entropy_with_logits, [("normal", (4, 2), True), ("binary", (4, 2), False)]),
    "cross_entropy": (F.cross_entropy, [("normal", (5, 4), True), ("classes4", (5,), False)]),
    "cross_entropy_sum": (lambda a, t: F.cross_entropy(a, t, reduction="sum"), [("normal", (5, 4), True), ("classes4", (5,), False)]),
    "cross_entropy_probs": (F.cross_entropy, [("normal", (3, 4), True), ("prob", (3, 4), False)]),
    "nll_loss": (F.nll_loss, [("normal", (5, 4), True), ("classes4", (5,), False)]),
    "sin": (torch.sin, [("normal", (3, 4), True)]),
}


def make(kind, shape):
    if kind == "normal":
        return normal(shape)
    if kind == "positive":
        return positive(shape)
    if kind == "prob":
        return prob(shape)
    if kind == "binary":
        return binary(shape)
    if kind == "classes4":
        return classes(shape[0], 4)
    raise ValueError(kind)


def op_cases():
    cases = []
    for name, (fn, makers) in OPS.items():
        inputs = []
        tensors = []
        for kind, shape, rg in makers:
            v = make(kind, shape)
            if kind == "classes4":
                t = torch.tensor(v, dtype=torch.int64)
                dtype = "int64"
            else:
                t = torch.tensor(v, dtype=torch.float64, requires_grad=rg)
                dtype = "float64"
            tensors.append(t)
            inputs.append({"dtype": dtype, "shape": list(shape), "values": t.detach().reshape(-1).tolist(),
                           "requires_grad": rg and dtype == "float64", "kind": kind})
        out = fn(*tensors)
        case = {"op": name, "inputs": inputs, "output_shape": list(out.shape),
                "output": out.detach().reshape(-1).tolist()}
        if out.requires_grad:
            upstream = torch.tensor(normal(tuple(out.shape)))
            out.backward(upstream)
            case["upstream"] = upstream.reshape(-1).tolist()
            case["grads"] = [t.grad.reshape(-1).tolist() if t.grad is not None else None for t in tensors]
        cases.append(case)
    return cases


def set_params(model, params):
    with torch.no_grad():
        state = dict(model.named_parameters())
        state.update(dict(model.named_buffers()))
        for k, v in params.items():
            state[k].copy_(torch.tensor(v))


class ResidualMLPBlock(torch.nn.Module):
    """GradScope's ResidualMLPBlock: relu(x + fc2(relu(fc1(x))))."""
    def __init__(self, features):
        super().__init__()
        self.fc1 = torch.nn.Linear(features, features)
        self.fc2 = torch.nn.Linear(features, features)

    def forward(self, x):
        return torch.relu(x + self.fc2(torch.relu(self.fc1(x))))


def build(spec):
    """The same network as the C++ spec builder, for the cases below."""
    layers = []
    shape = list(spec["input_shape"])
    for l in spec["layers"]:
        t = l["type"]
        if t == "Linear":
            layers.append(torch.nn.Linear(shape[0], l["out_features"], bias=l.get("bias", True)))
            shape = [l["out_features"]]
        elif t == "Conv2d":
            m = torch.nn.Conv2d(shape[0], l["out_channels"], l["kernel_size"], stride=l.get("stride", 1),
                                padding=l.get("padding", 0))
            layers.append(m)
            with torch.no_grad():
                shape = list(m(torch.zeros([1] + shape)).shape[1:])
        elif t in ("MaxPool2d", "AvgPool2d"):
            cls = torch.nn.MaxPool2d if t == "MaxPool2d" else torch.nn.AvgPool2d
            m = cls(l["kernel_size"], stride=l.get("stride"), padding=l.get("padding", 0))
            layers.append(m)
            shape = list(m(torch.zeros([1] + shape)).shape[1:])
        elif t == "ResidualMLPBlock":
            layers.append(ResidualMLPBlock(shape[0]))
        elif t == "Flatten":
            layers.append(torch.nn.Flatten())
            shape = [int(np.prod(shape))]
        elif t == "BatchNorm1d":
            layers.append(torch.nn.BatchNorm1d(shape[0]))
        elif t == "BatchNorm2d":
            layers.append(torch.nn.BatchNorm2d(shape[0]))
        elif t == "Dropout":
            layers.append(torch.nn.Dropout(l.get("p", 0.5)))
        elif t == "LeakyReLU":
            layers.append(torch.nn.LeakyReLU(l.get("negative_slope", 0.01)))
        elif t == "ELU":
            layers.append(torch.nn.ELU(l.get("alpha", 1.0)))
        elif t == "GELU":
            layers.append(torch.nn.GELU(approximate=l.get("approximate", "none")))
        elif t == "Softplus":
            layers.append(torch.nn.Softplus(l.get("beta", 1.0), l.get("threshold", 20.0)))
        elif t in ("Softmax", "LogSoftmax"):
            layers.append(getattr(torch.nn, t)(dim=l["dim"]))
        else:
            layers.append(getattr(torch.nn, t)())
    return torch.nn.Sequential(*layers)


LOSSES = {"MSELoss": torch.nn.MSELoss, "L1Loss": torch.nn.L1Loss, "HuberLoss": torch.nn.HuberLoss,
          "BCELoss": torch.nn.BCELoss, "BCEWithLogitsLoss": torch.nn.BCEWithLogitsLoss,
          "CrossEntropyLoss": torch.nn.CrossEntropyLoss, "NLLLoss": torch.nn.NLLLoss}


def grad_case(name, spec, batch, loss, target, dtype="float64", mode="train", extra_params=None, tol=1e-9):
    torch.manual_seed(len(name))
    model = build(spec)
    params = {k: np.round(v.detach().numpy(), 6).tolist() for k, v in model.named_parameters()}
    params.update(extra_params or {})
    set_params(model, params)
    model.train(mode == "train")
    tdt = torch.float64 if dtype == "float64" else torch.float32
    model.to(tdt)
    x_np = np.round(normal([batch] + spec["input_shape"]), 6)
    x = torch.tensor(x_np, dtype=tdt, requires_grad=True)
    out = model(x)
    case = {"description": name, "dtype": dtype, "mode": mode, "model": spec, "params": params,
            "input": x_np.tolist(), "loss": loss, "target": target}
    tgt = torch.tensor(target, dtype=torch.int64 if loss in ("CrossEntropyLoss", "NLLLoss") else tdt)
    l = LOSSES[loss]()(out, tgt)
    l.backward()
    expected = {"output": out.detach().tolist(), "loss": l.item(),
                "grads": {k: v.grad.tolist() for k, v in model.named_parameters()},
                "input_grad": x.grad.tolist(),
                "buffers": {k: v.tolist() for k, v in model.named_buffers()}}
    with open(os.path.join(HERE, "grad_cases", name + ".json"), "w") as f:
        json.dump({"case": case, "expected": expected, "tolerance": tol}, f, indent=1)


def grad_cases():
    mlp = {"input_shape": [4], "layers": [{"type": "Linear", "out_features": 8}, {"type": "ReLU"},
                                          {"type": "Linear", "out_features": 3}]}
    grad_case("mlp_cross_entropy", mlp, 6, "CrossEntropyLoss", classes(6, 3).tolist())
    grad_case("mlp_cross_entropy_float32", mlp, 6, "CrossEntropyLoss", classes(6, 3).tolist(), dtype="float32", tol=2e-5)
    tanh = {"input_shape": [2], "layers": [{"type": "Linear", "out_features": 8}, {"type": "Tanh"},
                                           {"type": "Linear", "out_features": 8}, {"type": "Tanh"},
                                           {"type": "Linear", "out_features": 1}]}
    grad_case("playground_bce_with_logits", tanh, 10, "BCEWithLogitsLoss", binary((10, 1)).tolist())
    sig = {"input_shape": [3], "layers": [{"type": "Linear", "out_features": 5}, {"type": "Sigmoid"},
                                          {"type": "Linear", "out_features": 2}, {"type": "Sigmoid"}]}
    grad_case("sigmoid_bce", sig, 5, "BCELoss", binary((5, 2)).tolist())
    acts = {"input_shape": [3], "layers": [{"type": "Linear", "out_features": 6}, {"type": "LeakyReLU", "negative_slope": 0.2},
                                           {"type": "Linear", "out_features": 6}, {"type": "ELU", "alpha": 0.5},
                                           {"type": "Linear", "out_features": 6}, {"type": "GELU"},
                                           {"type": "Linear", "out_features": 6}, {"type": "Softplus", "beta": 2.0},
                                           {"type": "Linear", "out_features": 2}, {"type": "Identity"}]}
    grad_case("activations_mse", acts, 4, "MSELoss", normal((4, 2)).round(6).tolist())
    grad_case("activations_l1", acts, 4, "L1Loss", normal((4, 2)).round(6).tolist())
    grad_case("activations_huber", acts, 4, "HuberLoss", (3 * normal((4, 2))).round(6).tolist())
    soft = {"input_shape": [3], "layers": [{"type": "Linear", "out_features": 4}, {"type": "Softmax", "dim": 1}]}
    grad_case("softmax_mse", soft, 3, "MSELoss", prob((3, 4)).round(6).tolist())
    cnn = {"input_shape": [1, 8, 8], "layers": [
        {"type": "Conv2d", "out_channels": 3, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
        {"type": "MaxPool2d", "kernel_size": 2},
        {"type": "Conv2d", "out_channels": 4, "kernel_size": 3}, {"type": "Tanh"},
        {"type": "AvgPool2d", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Linear", "out_features": 5}]}
    grad_case("cnn_cross_entropy", cnn, 3, "CrossEntropyLoss", classes(3, 5).tolist())
    cnn_bn = {"input_shape": [2, 6, 6], "layers": [
        {"type": "Conv2d", "out_channels": 3, "kernel_size": 3, "stride": 1, "padding": 1},
        {"type": "BatchNorm2d"}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
        {"type": "Flatten"}, {"type": "Linear", "out_features": 6}, {"type": "BatchNorm1d"},
        {"type": "Dropout", "p": 0.0}, {"type": "Linear", "out_features": 3}, {"type": "LogSoftmax", "dim": 1}]}
    grad_case("cnn_batchnorm_train_nll", cnn_bn, 4, "NLLLoss", classes(4, 3).tolist())
    bn_eval = {"input_shape": [3], "layers": [{"type": "Linear", "out_features": 4}, {"type": "BatchNorm1d"},
                                              {"type": "Dropout", "p": 0.5}, {"type": "Linear", "out_features": 2}]}
    grad_case("batchnorm_eval_dropout", bn_eval, 5, "CrossEntropyLoss", classes(5, 2).tolist(), mode="eval",
              extra_params={"1.running_mean": np.round(normal(4), 6).tolist(),
                            "1.running_var": np.round(positive(4), 6).tolist()})

    residual = {"input_shape": [3], "layers": [{"type": "Linear", "out_features": 5}, {"type": "ReLU"},
                                               {"type": "ResidualMLPBlock"}, {"type": "ResidualMLPBlock"},
                                               {"type": "Linear", "out_features": 3}]}
    grad_case("residual_mlp_cross_entropy", residual, 6, "CrossEntropyLoss", classes(6, 3).tolist())


if __name__ == "__main__":
    with open(os.path.join(HERE, "ops.json"), "w") as f:
        json.dump({"generator": "tests/golden/generate_golden.py", "torch": torch.__version__, "cases": op_cases()}, f)
    grad_cases()
    print("wrote", os.path.join(HERE, "ops.json"), "and grad_cases/")
