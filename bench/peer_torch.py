#!/usr/bin/python3
"""The workloads of `gradscope-cli bench` in PyTorch (Debian's python3-torch, CPU), printing the
same line format:  W1_playground_mlp threads=T steps_per_s=X samples_per_s=Y

    /usr/bin/python3 bench/peer_torch.py [--workload W1|W2|W3|W4] [--threads T] [--seconds S] [--batch B]
    /usr/bin/python3 bench/peer_torch.py --model SPEC.json [--input-shape C,H,W] [--optimizer JSON] [--batch B]

A model spec (GradScope's JSON) is translated here for the layer types benchmarks use (Linear,
Conv2d, MaxPool2d, AvgPool2d, Flatten, the activations, Dropout, BatchNorm1d/2d); it is trained
with CrossEntropyLoss on random labels, as `gradscope-cli bench --model` does.
"""
import argparse
import json
import os
import time

p = argparse.ArgumentParser()
p.add_argument("--workload", action="append")
p.add_argument("--model", help="a GradScope model spec (JSON file)")
p.add_argument("--input-shape", help="C,H,W (or F) when the spec has no input_shape")
p.add_argument("--optimizer", default='{"name": "Adam", "lr": 0.001}', help="for --model")
p.add_argument("--threads", type=int, default=1)
p.add_argument("--seconds", type=float, default=3.0)
p.add_argument("--device", default="cpu")
p.add_argument("--batch", type=int, default=0, help="replaces each workload's batch size")
a = p.parse_args()
# NOTE: Debian's torch calls the system BLAS (OpenBLAS), whose own thread pool ignores
# torch.set_num_threads: without this, 1-thread runs use every core and 2-thread runs fight
# OpenMP for them, which makes PyTorch look slower than it is.
os.environ["OPENBLAS_NUM_THREADS"] = str(a.threads)

import torch  # noqa: E402 (after the BLAS thread count)

torch.set_num_threads(a.threads)
torch.manual_seed(0)
nn = torch.nn
B = a.batch


def lenet():
    """W4: the LeNet-like network of issue #11 (Fashion-MNIST sized)."""
    return nn.Sequential(nn.Conv2d(1, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5, padding=2),
                         nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1568, 64), nn.ReLU(), nn.Linear(64, 10))


def classify(name, m, opt, batch, shape):
    return name, m, opt, nn.CrossEntropyLoss(), torch.randn(B or batch, *shape), torch.randint(0, 10, (B or batch,))


def workload(name):
    if name == "W1":
        m = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
        return "W1_playground_mlp", m, torch.optim.SGD(m.parameters(), lr=0.03), nn.BCEWithLogitsLoss(), \
            torch.randn(B or 10, 2), torch.rand(B or 10, 1)
    if name == "W2":
        m = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
        return classify("W2_mnist_mlp", m, torch.optim.Adam(m.parameters(), lr=1e-3), 64, (784,))
    if name == "W4":
        m = lenet()
        return classify("W4_fashion_lenet", m, torch.optim.Adam(m.parameters(), lr=1e-3), 64, (1, 28, 28))
    m = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Linear(784, 10))
    return classify("W3_small_cnn", m, torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9), 64, (1, 28, 28))


def pair(v):
    return tuple(v) if isinstance(v, list) else (v, v)


def spec_layer(layer, shape):
    """One spec layer as a torch module, and the per-sample shape it outputs."""
    t, g = layer["type"], layer.get
    if t == "Linear":
        return nn.Linear(shape[-1], g("out_features"), bias=g("bias", True)), shape[:-1] + (g("out_features"),)
    if t == "Conv2d":
        k, s, pd = pair(g("kernel_size")), pair(g("stride", 1)), pair(g("padding", 0))
        m = nn.Conv2d(shape[0], g("out_channels"), k, s, pd, bias=g("bias", True))
        return m, (g("out_channels"),) + tuple((shape[1 + i] + 2 * pd[i] - k[i]) // s[i] + 1 for i in range(2))
    if t in ("MaxPool2d", "AvgPool2d"):
        k = pair(g("kernel_size"))
        s = pair(g("stride") or g("kernel_size"))
        pd = pair(g("padding", 0))
        m = getattr(nn, t)(k, s, pd)
        return m, shape[:1] + tuple((shape[1 + i] + 2 * pd[i] - k[i]) // s[i] + 1 for i in range(2))
    if t == "Flatten":
        n = 1
        for d in shape:
            n *= d
        return nn.Flatten(), (n,)
    if t in ("BatchNorm1d", "BatchNorm2d"):
        return getattr(nn, t)(shape[0] if len(shape) > 1 else shape[-1]), shape
    if t == "Dropout":
        return nn.Dropout(g("p", 0.5)), shape
    return getattr(nn, t)(), shape  # activations


def spec_workload(path):
    with open(path) as f:
        spec = json.load(f)
    shape = tuple(int(v) for v in a.input_shape.split(",")) if a.input_shape else tuple(spec["input_shape"])
    layers = []
    out = shape
    for layer in spec["layers"]:
        m, out = spec_layer(layer, out)
        layers.append(m)
    model = nn.Sequential(*layers)
    o = json.loads(a.optimizer)
    kind = getattr(torch.optim, o.pop("name"))
    if "betas" in o:
        o["betas"] = tuple(o["betas"])
    classes = out[-1]
    name = os.path.splitext(os.path.basename(path))[0]
    return name, model, kind(model.parameters(), **o), nn.CrossEntropyLoss(), torch.randn(B or 64, *shape), \
        torch.randint(0, classes, (B or 64,))


for w in [a.model] if a.model else a.workload or ["W1", "W2", "W3", "W4"]:
    name, model, opt, loss_fn, x, y = spec_workload(w) if a.model else workload(w)
    model.to(a.device)
    x, y = x.to(a.device), y.to(a.device)
    opt = type(opt)(model.parameters(), **opt.defaults)  # rebuilt on the moved parameters

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    steps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < a.seconds:
        for _ in range(10):
            step()
        steps += 10
        if a.device != "cpu":
            torch.cuda.synchronize()
    dt = time.perf_counter() - t0
    print(f"{name} threads={a.threads} steps_per_s={steps / dt:.1f} samples_per_s={steps * x.shape[0] / dt:.1f} device={a.device} batch={x.shape[0]}", flush=True)
