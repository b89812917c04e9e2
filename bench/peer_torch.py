#!/usr/bin/python3
"""The workloads of `gradscope-cli bench` in PyTorch (Debian's python3-torch, CPU), printing the
same line format:  W1_playground_mlp threads=T steps_per_s=X samples_per_s=Y

    /usr/bin/python3 bench/peer_torch.py [--workload W1|W2|W3] [--threads T] [--seconds S]
"""
import argparse
import time

import torch

p = argparse.ArgumentParser()
p.add_argument("--workload", action="append")
p.add_argument("--threads", type=int, default=1)
p.add_argument("--seconds", type=float, default=3.0)
p.add_argument("--device", default="cpu")
p.add_argument("--batch", type=int, default=0, help="replaces each workload's batch size")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
nn = torch.nn
B = a.batch


def workload(name):
    if name == "W1":
        m = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
        return "W1_playground_mlp", m, torch.optim.SGD(m.parameters(), lr=0.03), nn.BCEWithLogitsLoss(), \
            torch.randn(B or 10, 2), torch.rand(B or 10, 1)
    if name == "W2":
        m = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
        return "W2_mnist_mlp", m, torch.optim.Adam(m.parameters(), lr=1e-3), nn.CrossEntropyLoss(), \
            torch.randn(B or 64, 784), torch.randint(0, 10, (B or 64,))
    m = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Linear(784, 10))
    return "W3_small_cnn", m, torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9), nn.CrossEntropyLoss(), \
        torch.randn(B or 64, 1, 28, 28), torch.randint(0, 10, (B or 64,))


for w in a.workload or ["W1", "W2", "W3"]:
    name, model, opt, loss_fn, x, y = workload(w)
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
