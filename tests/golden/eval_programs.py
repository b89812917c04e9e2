"""The program families of generate_eval_golden.py: seeded generators of small PyTorch programs
(creation, view/reshape, permute, squeeze, expand, reductions, indexing, in-place through views,
cat/stack, matmul, broadcasting and type promotion, ...), valid and invalid, plus hand-written
edge cases. Each generator takes a random.Random and returns the program's text; the last
statement is a bare expression whose value (or exception) the golden records.
"""
import torch

DTYPE_SPELLINGS = {"float32": ["torch.float32", "torch.float"], "float64": ["torch.float64", "torch.double"],
                   "int64": ["torch.int64", "torch.long"]}

# --- building blocks ---------------------------------------------------------------------------

def numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def shape_args(shape):
    return ", ".join(str(s) for s in shape)


def nested(values, shape):
    if not shape:
        return values[0]
    step = numel(shape[1:])
    return [nested(values[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def literal(x):
    if isinstance(x, list):
        return "[" + ", ".join(literal(v) for v in x) + "]"
    return repr(x)


def number(rng, kind, low=-4, high=9, positive=False, nonzero=False):
    """One value written as in a program: int for int64, a short decimal for floats."""
    while True:
        if kind == "int64":
            v = rng.randint(1 if positive else low, high)
        else:
            v = round(rng.uniform(0.25 if positive else low, high) * 4) / 4  # exact in binary
        if (not nonzero and not positive) or v != 0:
            return v


def dtype_kw(rng, dtype):
    return "dtype=" + rng.choice(DTYPE_SPELLINGS[dtype])


def source(rng, shape, dtype="float32", positive=False, nonzero=False, distinct=False):
    """An expression making a tensor of `shape` and `dtype` from values written in the program."""
    n = numel(shape)
    style = rng.choice(["tensor", "arange", "arange"] if not positive and not nonzero else ["tensor", "arange"])
    if distinct or style == "arange":
        start = rng.randint(1, 3) if positive or nonzero else rng.randint(-3, 2)
        if distinct and style == "tensor":
            pool = list(range(start, start + 3 * n))
            values = rng.sample(pool, n)
            if dtype != "int64":
                values = [v / 2 for v in values]
            return "torch.tensor(" + literal(nested(values, shape)) + ("" if dtype != "float64" else ", " + dtype_kw(rng, dtype)) + ")"
        base = f"torch.arange({n})" if start == 0 else f"torch.arange({start}, {start + n})"
        if dtype != "int64":
            base = base[:-1] + ", " + dtype_kw(rng, dtype) + ")" if rng.random() < 0.5 else base + (".float()" if dtype == "float32" else ".double()")
        if nonzero and start <= 0 < start + n:
            base = f"torch.arange(1, {n + 1})" + ("" if dtype == "int64" else (".float()" if dtype == "float32" else ".double()"))
        return base + (f".view({shape_args(shape)})" if len(shape) != 1 else "")
    values = [number(rng, dtype, positive=positive, nonzero=nonzero) for _ in range(n)]
    if dtype == "float32" and all(float(v).is_integer() for v in values):
        values[0] = values[0] + 0.5 if not (nonzero and values[0] == -0.5) else 1.5
    if dtype == "float64":
        return "torch.tensor(" + literal(nested(values, shape)) + ", " + dtype_kw(rng, dtype) + ")"
    return "torch.tensor(" + literal(nested(values, shape)) + ")"


def rand_shape(rng, min_dim=1, max_dim=3, low=1, high=4):
    return [rng.randint(low, high) for _ in range(rng.randint(min_dim, max_dim))]


def rand_dtype(rng, weights=(3, 1, 2)):
    return rng.choices(["float32", "float64", "int64"], weights=weights)[0]


def finish(rng, name, extra=()):
    """A last line looking at `name`: the tensor itself most often, else one of its properties."""
    return rng.choices([name, f"{name}.stride()", f"{name}.is_contiguous()", f"{name}.shape", *extra],
                       weights=[6, 1, 1, 1, *[1] * len(extra)])[0]


def program(*lines):
    return "\n".join(lines)


# --- the families ------------------------------------------------------------------------------

def gen_create(rng):
    kind = rng.randrange(14)
    dt = rand_dtype(rng)
    if kind == 0:
        shape = rand_shape(rng, 0, 3)
        values = [number(rng, rng.choice(["int64", "float32"])) for _ in range(numel(shape))]
        tail = ", " + dtype_kw(rng, dt) if rng.random() < 0.5 else ""
        return f"torch.tensor({literal(nested(values, shape))}{tail})"
    if kind == 1:
        args = rng.choice([[rng.randint(1, 8)], [rng.randint(-3, 2), rng.randint(3, 9)],
                           [rng.randint(-3, 2), rng.randint(4, 12), rng.randint(1, 3)], [rng.randint(8, 12), rng.randint(0, 4), -rng.randint(1, 3)]])
        tail = ", " + dtype_kw(rng, dt) if rng.random() < 0.3 else ""
        return f"torch.arange({shape_args(args)}{tail})"
    if kind == 2:
        args = rng.choice([[rng.choice([2.5, 4.0, 3.5])], [0, 1, rng.choice([0.25, 0.5, 0.1, 0.3])],
                           [rng.choice([-1.5, 0.5, 1.0]), rng.choice([2, 3.5, 4.25])], [1, 2.5, 0.5], [0.0, -2.0, -0.5]])
        return f"torch.arange({shape_args(args)})"
    if kind == 3:
        fn = rng.choice(["zeros", "ones"])
        shape = rand_shape(rng)
        form = shape_args(shape) if rng.random() < 0.6 else "(" + shape_args(shape) + ("," if len(shape) == 1 else "") + ")"
        tail = ", " + dtype_kw(rng, dt) if rng.random() < 0.5 else ""
        return f"torch.{fn}({form}{tail})"
    if kind == 4:
        shape = rand_shape(rng, 1, 2)
        fill = rng.choice([rng.randint(-3, 7), rng.choice([0.5, 2.5, -1.25])])
        tail = ", " + dtype_kw(rng, dt) if rng.random() < 0.4 else ""
        return f"torch.full(({shape_args(shape)}{',' if len(shape) == 1 else ''}), {fill}{tail})"
    if kind == 5:
        args = [rng.randint(1, 4)] + ([rng.randint(1, 5)] if rng.random() < 0.5 else [])
        tail = ", " + dtype_kw(rng, dt) if rng.random() < 0.3 else ""
        return f"torch.eye({shape_args(args)}{tail})"
    if kind == 6:
        a, b = rng.choice([(0, 1), (-1, 1), (2, 10), (0.5, 2.5), (3, -3), (0, 0.9)])
        tail = ", " + dtype_kw(rng, rng.choice(["float32", "float64"])) if rng.random() < 0.4 else ""
        return f"torch.linspace({a}, {b}, {rng.randint(1, 7)}{tail})"
    if kind == 7:
        shape = rand_shape(rng)
        fn = rng.choice(["zeros_like", "ones_like"])
        tail = ", " + dtype_kw(rng, rand_dtype(rng)) if rng.random() < 0.3 else ""
        return program(f"x = {source(rng, shape, dt)}", finish(rng, f"torch.{fn}(x{tail})"))
    if kind == 8:  # ragged lists
        return rng.choice(["torch.tensor([[1, 2], [3]])", "torch.tensor([[1.5, 2.0, 3.0], [4.0, 5.0]])",
                           "torch.tensor([[[1], [2]], [[3], [4], [5]]])", "torch.tensor([1, [2, 3]])"])
    if kind == 9:  # arange that PyTorch refuses
        return rng.choice(["torch.arange(5, 1)", "torch.arange(0, 5, 0)", "torch.arange(0, 4, -1)", "torch.arange(1.5, 0.5, 0.25)"])
    if kind == 10:  # what dtype a creation infers
        expr = rng.choice(["torch.tensor([1, 2])", "torch.tensor([1, 2.5])", "torch.tensor(3)", "torch.tensor(2.5)",
                           "torch.arange(3)", "torch.arange(3.0)", "torch.arange(0, 2, 0.5)", "torch.zeros(2)",
                           "torch.full((2,), 7)", "torch.full((2,), 0.5)", "torch.eye(2)", "torch.linspace(0, 1, 3)",
                           f"torch.ones(2, {dtype_kw(rng, dt)})", f"torch.tensor([1, 2], {dtype_kw(rng, dt)})"])
        return program(f"x = {expr}", "x.dtype")
    if kind == 11:
        shape = rand_shape(rng, 0, 2)
        values = [number(rng, "float32") for _ in range(numel(shape))]
        return program(f"x = torch.tensor({literal(nested(values, shape))}, {dtype_kw(rng, 'int64')})", "x")
    if kind == 12:
        n = rng.randint(2, 12)
        return finish(rng, f"torch.arange({n}.0)" if rng.random() < 0.5 else f"torch.arange({n}, dtype=torch.float64)")
    return f"torch.tensor({literal([[number(rng, 'float32') for _ in range(2)] for _ in range(2)])}).shape"


def factor_shape(rng, n):
    """A random shape with `n` elements."""
    dims, rest = [], n
    while rest > 1 and len(dims) < 3:
        d = rng.choice([f for f in range(1, rest + 1) if rest % f == 0])
        dims.append(d)
        rest //= d
    if rest > 1:
        dims.append(rest)
    if rng.random() < 0.2:
        dims.insert(rng.randrange(len(dims) + 1), 1)
    return dims or [1]


def with_minus_one(rng, shape):
    shape = list(shape)
    shape[rng.randrange(len(shape))] = -1
    return shape


def gen_view(rng):
    n = rng.choice([6, 8, 12, 24])
    dt = rand_dtype(rng)
    x = f"x = {source(rng, factor_shape(rng, n), dt)}"
    op = rng.choice(["view", "reshape"])
    kind = rng.randrange(8)
    if kind <= 1:
        shape = factor_shape(rng, n)
        return program(x, f"y = x.{op}({shape_args(shape)})", finish(rng, "y", ["y.storage_offset()"]))
    if kind == 2:
        shape = with_minus_one(rng, factor_shape(rng, n))
        tup = rng.random() < 0.3
        args = "(" + shape_args(shape) + ("," if len(shape) == 1 else "") + ")" if tup else shape_args(shape)
        return program(x, f"y = x.{op}({args})", "y")
    if kind == 3:  # a size that does not fit
        shape = factor_shape(rng, n + rng.choice([-2, 1, 2, 4]))
        return program(x, f"x.{op}({shape_args(shape)})")
    if kind == 4:  # two inferred dims, or -1 that cannot divide
        return program(x, rng.choice([f"x.{op}(-1, -1)", f"x.{op}(5, -1)", f"x.{op}(-1, 7)"]))
    if kind == 5:  # a view of a contiguous slice, of a strided slice
        return program(f"x = {source(rng, [4, n // 4 if n % 4 == 0 else 3], dt)}",
                       rng.choice(["y = x[1:]", "y = x[:, 1:]", "y = x[::2]", "y = x[2]"]),
                       f"y.{op}(-1)")
    if kind == 6:  # chains, then which variables share storage
        shape = factor_shape(rng, n)
        return program(x, f"y = x.view({shape_args(shape)})", f"z = y.reshape({shape_args(factor_shape(rng, n))})",
                       "w = z.clone()", rng.choice(["z", "w", "y"]))
    return program(f"x = {source(rng, [n], dt)}", f"x.{op}({shape_args(factor_shape(rng, n))}).{op}(-1)")


def permuted(rng, name, ndim):
    kind = rng.randrange(4) if ndim == 2 else rng.choice([0, 1])
    if kind == 0:
        perm = list(range(ndim))
        while perm == list(range(ndim)):
            rng.shuffle(perm)
        if rng.random() < 0.3:
            perm = [p - ndim for p in perm]
        return f"{name}.permute({shape_args(perm)})"
    if kind == 1:
        a, b = rng.sample(range(ndim), 2)
        return f"{name}.transpose({a if rng.random() < 0.7 else a - ndim}, {b})"
    return f"{name}.t()" if kind == 2 else f"{name}.T"


def gen_permute(rng):
    shape = rand_shape(rng, 2, 3, 2, 4)
    n = numel(shape)
    dt = rand_dtype(rng)
    x = f"x = {source(rng, shape, dt)}"
    y = f"y = {permuted(rng, 'x', len(shape))}"
    kind = rng.randrange(8)
    if kind == 0:
        return program(x, y, finish(rng, "y"))
    if kind == 1:
        return program(x, y, "y.view(-1)")
    if kind == 2:
        return program(x, y, f"y.view({shape_args(factor_shape(rng, n))})")
    if kind == 3:
        return program(x, y, f"z = y.reshape({shape_args(with_minus_one(rng, factor_shape(rng, n)))})", rng.choice(["z", "z.is_contiguous()"]))
    if kind == 4:
        return program(x, y, "z = y.contiguous()", rng.choice(["z.view(-1)", "z", "z.stride()"]))
    if kind == 5:  # invalid permutations and dims
        return program(x, rng.choice([f"x.permute({shape_args(range(len(shape) - 1))})" if len(shape) > 1 else "x.permute(0, 0)",
                                      f"x.permute({shape_args([0] * len(shape))})", f"x.transpose(0, {len(shape)})",
                                      "x.t()" if len(shape) == 3 else "x.transpose(-3, 0)"]))
    if kind == 6:
        return program(x, "y = x.t()" if len(shape) == 2 else "y = x.permute(2, 1, 0)", "y.T" if len(shape) == 2 else "y.permute(2, 1, 0)")
    return program(x, y, "y.storage_offset()" if rng.random() < 0.3 else "y[0]")


def gen_squeeze(rng):
    shape = rand_shape(rng, 1, 4, 1, 3)
    if 1 not in shape:
        shape[rng.randrange(len(shape))] = 1
    nd = len(shape)
    dt = rand_dtype(rng)
    x = f"x = {source(rng, shape, dt)}"
    kind = rng.randrange(8)
    if kind == 0:
        return program(x, finish(rng, "x.squeeze()"))
    if kind == 1:
        return program(x, f"y = x.squeeze({rng.randint(-nd, nd - 1)})", finish(rng, "y"))
    if kind == 2:
        return program(x, f"x.squeeze({rng.choice([nd, -nd - 1, nd + 1])})")
    if kind == 3:
        return program(x, f"y = x.unsqueeze({rng.randint(-nd - 1, nd)})", finish(rng, "y"))
    if kind == 4:
        return program(x, f"x.unsqueeze({rng.choice([nd + 1, -nd - 2])})")
    if kind == 5:
        start = rng.randint(-nd, nd - 1)
        s = start % nd
        end = rng.randint(s, nd - 1)
        args = rng.choice([f"{start}", f"{start}, {end}", f"start_dim={start}, end_dim={end - nd if rng.random() < 0.5 else end}", ""])
        return program(x, f"y = x.flatten({args})", finish(rng, "y"))
    if kind == 6:
        if nd < 2:
            return program(x, "x.flatten(1)")
        return program(x, f"x.flatten({nd - 1}, 0)")
    shape3 = [2, 3, 2]
    return program(f"x = {source(rng, shape3, dt)}", f"y = {permuted(rng, 'x', 3)}", rng.choice(["y.flatten()", "y.flatten(1)", "y.flatten(0, 1)"]))


def gen_expand(rng):
    dt = rand_dtype(rng)
    kind = rng.randrange(7)
    if kind <= 1:
        base = rng.choice([[3, 1], [1, 3], [1, 1], [3], [2, 1, 2]])
        target = [rng.randint(2, 4) if b == 1 else b for b in base]
        if rng.random() < 0.4:
            target = [rng.randint(1, 3)] + target
        if rng.random() < 0.3:
            target[-1] = -1
        return program(f"x = {source(rng, base, dt)}", f"y = x.expand({shape_args(target)})", finish(rng, "y", ["y.contiguous()", "y.clone()"]))
    if kind == 2:
        return program(f"x = {source(rng, [3], dt)}", rng.choice(["x.expand(2, 4)", "x.expand(3, 2)", "x.expand(2)"]))
    if kind == 3:
        return program(f"x = {source(rng, [2, 3], dt)}", rng.choice(["x.expand(3)", "x.expand(4, 3)", "x.expand(2, 3, 2)"]))
    if kind == 4:
        return program(f"x = {source(rng, [3, 1], dt)}", "y = x.expand(3, 4)", rng.choice(["y.view(12)", "y.reshape(12)", "y.sum(1)", "y.stride()"]))
    if kind == 5:
        return program(f"x = {source(rng, [1, 3], dt)}", "y = x.expand(2, 3)", "y + 1")
    return program(f"x = {source(rng, [2, 1], dt)}", f"x.expand({rng.choice(['-1, 3', '2, -1', '1, 2, 3', '3, 3'])})")


def gen_clone(rng):
    dt = rand_dtype(rng)
    shape = rand_shape(rng, 2, 3, 2, 3)
    x = f"x = {source(rng, shape, dt)}"
    kind = rng.randrange(5)
    if kind == 0:
        return program(x, "y = x.contiguous()", rng.choice(["y", "y.is_contiguous()"]))
    if kind == 1:
        return program(x, "y = x.clone()", "y")
    if kind == 2:
        return program(x, f"y = {permuted(rng, 'x', len(shape))}", "z = y.contiguous()", rng.choice(["z", "z.stride()"]))
    if kind == 3:
        return program(x, "y = x.clone()", "y.add_(1)", "x")
    return program(x, "y = x.contiguous()", "y.mul_(2)", "x")


def gen_reduce(rng):
    shape = rand_shape(rng, 1, 3, 2, 4)
    nd = len(shape)
    dt = rand_dtype(rng)
    kind = rng.randrange(10)
    fn = rng.choice(["sum", "mean"]) if dt != "int64" else "sum"
    x = f"x = {source(rng, shape, dt)}"
    if kind == 0:
        return program(x, f"x.{fn}()")
    if kind == 1:
        d = rng.randint(-nd, nd - 1)
        dim = rng.choice([f"{d}", f"dim={d}"])
        keep = rng.choice(["", ", keepdim=True", ", keepdim=False"] + ([", True"] if dim[0] != "d" else []))
        return program(x, f"y = x.{fn}({dim}{keep})", finish(rng, "y"))
    if kind == 2:
        return program(x, f"x.{fn}(dim={rng.choice([nd, -nd - 1])})")
    if kind == 3:  # PyTorch refuses the mean of integers
        return program(f"x = {source(rng, shape, 'int64')}", rng.choice(["x.mean()", "x.mean(dim=0)", "x.float().mean()", "x.sum(0)"]))
    if kind == 4:
        x = f"x = {source(rng, shape, dt, distinct=True)}"
        d = rng.randint(-nd, nd - 1)
        return program(x, rng.choice([f"x.argmax()", f"x.argmax(dim={d})", f"x.argmax({d})", f"x.argmax(dim={d}, keepdim=True)"]))
    if kind == 5:
        return program(x, f"x.{fn}().item()")
    if kind == 6 and nd >= 2:
        return program(x, f"y = {permuted(rng, 'x', nd)}", f"y.{fn}({rng.randint(0, nd - 1)})")
    if kind == 7 and nd >= 2:
        return program(x, f"x.{fn}(dim=(0, {nd - 1}){rng.choice(['', ', keepdim=True'])})")
    if kind == 8:
        return program(x, f"x - x.{fn}(dim={nd - 1}, keepdim=True)" if fn == "mean" else f"x.sum(0, keepdim=True).shape")
    return program(f"x = {source(rng, shape, 'float32')}", f"x.mean({rng.randint(0, nd - 1)})")


def gen_convert(rng):
    dt = rand_dtype(rng)
    shape = rand_shape(rng, 1, 2)
    kind = rng.randrange(6)
    values = [number(rng, "float32", -5, 5) for _ in range(numel(shape))]
    x = f"x = torch.tensor({literal(nested(values, shape))}{', ' + dtype_kw(rng, dt) if dt != 'int64' else ''})"
    conv = rng.choice(["float()", "double()", "long()", f"to({rng.choice(sum(DTYPE_SPELLINGS.values(), []))})"])
    if kind <= 1:
        return program(x, f"y = x.{conv}", finish(rng, "y", ["y.dtype"]))
    if kind == 2:  # converting to the same dtype returns the tensor itself
        same = {"float32": "float()", "float64": "double()", "int64": "long()"}[dt]
        return program(x, f"y = x.{same if rng.random() < 0.5 else 'to(' + rng.choice(DTYPE_SPELLINGS[dt]) + ')'}", "y")
    if kind == 3:
        return program("x = torch.tensor([0.1, 1.0 / 3.0, 2.7], dtype=torch.float64)", f"x.{rng.choice(['float()', 'long()', 'to(torch.float32)'])}")
    if kind == 4:
        return program(x, f"y = {permuted(rng, 'x', 2) if len(shape) == 2 else 'x[::2]'}", f"y.{conv}")
    return program(x, f"x.{conv}.dtype")


def gen_item(rng):
    dt = rand_dtype(rng)
    kind = rng.randrange(6)
    if kind == 0:
        return f"{source(rng, [1], dt)}.item()"
    if kind == 1:
        return program(f"x = {source(rng, [2, 3], dt)}", f"x[{rng.randint(0, 1)}, {rng.randint(-3, 2)}].item()")
    if kind == 2:
        return program(f"x = {source(rng, rand_shape(rng, 1, 2, 2, 3), dt)}", "x.item()")
    if kind == 3:
        return f"torch.ones({shape_args([1] * rng.randint(1, 3))}{', ' + dtype_kw(rng, dt)}).item()"
    if kind == 4:
        return program(f"x = {source(rng, [3], dt)}", rng.choice(["x.sum().item()", "x.sum().item() + 1", "2 * x.sum().item()"]))
    return program(f"x = {source(rng, [2, 2], 'float32')}", "x.mean().item()")


def gen_props(rng):
    shape = rand_shape(rng, 1, 4, 1, 4)
    nd = len(shape)
    x = f"x = {source(rng, shape, rand_dtype(rng))}"
    d = rng.randint(-nd, nd - 1)
    exprs = ["x.size()", f"x.size({d})", f"x.size(dim={d})" if rng.random() < 0.2 else f"x.size({d})", "x.shape", f"x.shape[{d}]",
             "x.stride()", "x.is_contiguous()", "x.numel()", "x.dim()", "x.storage_offset()", "x.dtype",
             f"x.size({rng.choice([nd, -nd - 1])})", f"x.shape[{nd + 1}]", "x.shape[-1] * x.shape[0]", "x.dim() + 1"]
    if rng.random() < 0.4 and nd >= 2:
        sl = rng.choice(["x[1:]", "x[:, 1:]", "x[..., ::2]", "x[-1]", f"{permuted(rng, 'x', nd)}"])
        return program(x, f"y = {sl}", rng.choice(["y.storage_offset()", "y.stride()", "y.is_contiguous()", "y.size()", "y.numel()"]))
    return program(x, rng.choice(exprs))


INPLACE_OPS = ["add_({v})", "mul_({v})", "zero_()", "fill_({v})", "+= {v}", "-= {v}", "*= {v}"]


def gen_inplace(rng):
    dt = rand_dtype(rng, (3, 1, 3))
    shape = [rng.randint(2, 3), rng.randint(2, 4)]
    x = f"x = {source(rng, shape, dt)}"
    view = rng.choice(["x[0]", "x[:, 1]", "x[1:, ::2]", "x.view(-1)", "x.t()", f"x.view({shape[1]}, {shape[0]})", "x[-1, 1:]", "x.T"])
    op = rng.choice(INPLACE_OPS)
    v = number(rng, dt if rng.random() < 0.85 else "int64", -3, 4)
    if dt == "int64" and isinstance(v, float):
        v = int(v)
    kind = rng.randrange(8)

    def apply(name, op, v):
        text = op.format(v=v)
        return f"{name} {text}" if text.startswith(("+", "-", "*", "/")) else f"{name}.{text}"

    if kind <= 2:
        return program(x, f"y = {view}", apply("y", op, v), rng.choice(["x", "x", "y"]))
    if kind == 3:  # in-place with a tensor operand, broadcast
        other = source(rng, [shape[1]], dt)
        return program(x, f"y = {other}", rng.choice(["x += y", "x.add_(y)", "x.mul_(y)", "x -= y"]), "x")
    if kind == 4:  # `x = x + 1` rebinds; the old storage (seen through y) keeps its values
        return program(x, f"y = {view}", rng.choice(["y = y + 1", "y = y * 2"]), "x")
    if kind == 5:  # in-place ops whose result dtype cannot be stored back
        return program(f"x = {source(rng, shape, 'int64')}", rng.choice(["x += 1.5", "x /= 2", "x.add_(0.5)", "x.mul_(1.5)", "x *= torch.ones(1)"]), "x")
    if kind == 6:  # in-place ops that would write one element twice or change the shape
        return program(x, rng.choice([f"x.expand(2, {shape[0]}, {shape[1]}).add_(1)", f"y = x[0]\ny += x",
                                      f"y = x[:, :1].expand({shape[0]}, {shape[1]})\ny.mul_(2)", f"z = x.sum(0)\nz += x"]), "x")
    return program(x, f"y = {view}", "z = y.add_(1)", rng.choice(["z", "x", "z.is_contiguous()"]))


def index_expr(rng, shape, allow_list=True):
    parts = []
    nd = len(shape)
    used = 0
    count = rng.randint(1, nd)
    for i in range(count):
        s = shape[used] if used < nd else 1
        kind = rng.choices(["int", "slice", "ellipsis", "none", "list"], weights=[4, 5, 1, 1, 2 if allow_list else 0])[0]
        if kind == "ellipsis" and "..." not in parts:
            parts.append("...")
            used = max(used, nd - (count - i - 1))
            continue
        if kind == "none":
            parts.append("None")
            continue
        if kind == "int":
            parts.append(str(rng.randint(-s, s - 1)))
        elif kind == "list" and not any(p.startswith("[") for p in parts):
            parts.append(literal([rng.randint(-s, s - 1) for _ in range(rng.randint(1, 3))]))
        else:
            a = rng.choice(["", str(rng.randint(-s, s))])
            b = rng.choice(["", str(rng.randint(-s - 1, s + 2))])
            c = rng.choice(["", "", "2", "3"])
            parts.append(f"{a}:{b}" + (f":{c}" if c else ""))
        used += 1
    return ", ".join(parts)


def gen_index(rng):
    shape = rand_shape(rng, 1, 3, 2, 4)
    nd = len(shape)
    dt = rand_dtype(rng)
    x = f"x = {source(rng, shape, dt)}"
    kind = rng.randrange(10)
    if kind <= 4:
        return program(x, f"y = x[{index_expr(rng, shape)}]", finish(rng, "y", ["y.storage_offset()"]))
    if kind == 5:  # out of range, too many indices, a list out of range
        return program(x, rng.choice([f"x[{shape[0]}]", f"x[{-shape[0] - 1}]", f"x[{', '.join(['0'] * (nd + 1))}]",
                                      f"x[[0, {shape[0]}]]", f"x[..., {shape[-1] + 1}]", f"x[:, {shape[1] if nd > 1 else 0}]"]))
    if kind == 6:  # slices clamp instead of failing
        return program(x, rng.choice([f"x[1:{shape[0] + 5}]", f"x[{shape[0] + 2}:]", "x[-100:2]"]))
    if kind == 7:
        return program(x, rng.choice(["x[::-1]", "x[0][0]" if nd > 1 else "x[0]", "x[None, ..., None].shape", "x[...]"]))
    if kind == 8 and nd >= 2:  # a slice then an integer list: `x[1:, [2, 0]]`
        rows = rng.choice(["1:", ":", "::2", "0"])
        cols = literal([rng.randrange(shape[1]) for _ in range(rng.randint(1, 3))])
        return program(x, f"y = x[{rows}, {cols}]", rng.choice(["y", "y.is_contiguous()"]))
    if kind == 9 and nd >= 2:  # an integer list beside a slice, then indexed again
        # NOTE: two lists in one index (x[[0, 1], [1, 2]], which PyTorch pairs up) are refused as
        # "not supported here"; tst_eval checks that refusal by name.
        a = [rng.randrange(shape[0]) for _ in range(2)]
        b = [rng.randrange(shape[1]) for _ in range(2)]
        return program(x, rng.choice([f"x[{literal(a)}, 1:]", f"x[{literal(a)}][:, {b[0]}]"]))
    return program(f"x = {source(rng, [5], dt)}", f"x[{index_expr(rng, [5])}]")


def gen_setitem(rng):
    dt = rand_dtype(rng, (3, 1, 3))
    shape = [rng.randint(2, 3), rng.randint(2, 4)]
    x = f"x = {source(rng, shape, dt)}"
    v = number(rng, dt, -3, 9)
    kind = rng.randrange(10)
    if kind == 0:
        return program(x, f"x[{rng.randint(-shape[0], shape[0] - 1)}] = {v}", "x")
    if kind == 1:
        return program(x, f"x[:, {rng.randint(0, shape[1] - 1)}] += {number(rng, dt, 1, 3)}", "x")
    if kind == 2:
        rows = sorted(rng.sample(range(shape[0]), rng.randint(1, shape[0])))
        return program(x, f"x[{literal(rows)}] = {v}", "x")
    if kind == 3:
        vals = [number(rng, dt) for _ in range(shape[0])]
        return program(x, f"x[..., {rng.randint(0, shape[1] - 1)}] = torch.tensor({literal(vals)}{', ' + dtype_kw(rng, dt) if dt == 'float64' else ''})", "x")
    if kind == 4:  # a row broadcast into a block
        vals = [number(rng, dt) for _ in range(shape[1])]
        return program(x, f"x[{rng.choice(['1:', ':', '::2'])}] = torch.tensor({literal(vals)}{', ' + dtype_kw(rng, dt) if dt == 'float64' else ''})", "x")
    if kind == 5:  # through a view variable
        return program(x, f"y = x[{rng.choice(['0', '1:', ':, 1', '-1'])}]", f"y[{rng.choice(['0', '-1', ':'])}] = {v}", rng.choice(["x", "y"]))
    if kind == 6:  # values that cannot be broadcast, indices out of range
        return program(x, rng.choice([f"x[0] = torch.ones({shape[1] + 1})", f"x[:, 0] = torch.zeros({shape[0] + 1})",
                                      f"x[{shape[0]}] = 1", f"x[[0, {shape[0] + 1}]] = 0", f"x[0, 0, 0] = 1"]), "x")
    if kind == 7:
        cols = rng.sample(range(shape[1]), 2)
        return program(x, f"x[:, {literal(cols)}] {rng.choice(['+=', '*=', '-='])} {number(rng, dt, 1, 3)}", "x")
    if kind == 8:  # a float stored into an int tensor is truncated; an int into a float tensor converted
        return program(f"x = {source(rng, shape, rng.choice(['int64', 'float32']))}", f"x[0, 0] = {rng.choice([2.7, -1.5, 7])}", "x")
    return program(x, f"x[1:, 1:] = {source(rng, [shape[0] - 1, shape[1] - 1], dt)}", "x")


def gen_join(rng):
    fn = rng.choice(["cat", "stack"])
    dt = rand_dtype(rng, (3, 1, 2))
    base = rand_shape(rng, 1, 3, 1, 3)
    nd = len(base)
    count = rng.randint(2, 3)
    kind = rng.randrange(6)
    shapes = [list(base) for _ in range(count)]
    if fn == "cat":
        d = rng.randint(-nd, nd - 1)
        for s in shapes:
            s[d] = rng.randint(1, 3)
    else:
        d = rng.randint(-nd - 1, nd)
    if kind == 4:  # mismatched shapes or dims
        if rng.random() < 0.5:
            other = [s for s in range(nd) if fn == "stack" or s != d % nd]
            if other:
                shapes[1][rng.choice(other)] += 1
            else:
                shapes[1] = shapes[1] + [2]
        else:
            shapes[1] = shapes[1] + [1] if rng.random() < 0.5 else shapes[1][:-1] or [2, 2]
    if kind == 5:
        d = rng.choice([nd + 1, -nd - 2]) if fn == "stack" else rng.choice([nd, -nd - 1])
    names = "abc"[:count]
    lines = [f"{n} = {source(rng, s, dt)}" for n, s in zip(names, shapes)]
    dim = rng.choice([f"dim={d}", f"{d}"]) if d != 0 or rng.random() < 0.7 else ""
    lines.append(f"torch.{fn}([{', '.join(names)}]{', ' + dim if dim else ''})")
    if kind == 3:
        lines[-1] = f"r = {lines[-1]}"
        lines.append(rng.choice(["r.shape", "r", "r.is_contiguous()"]))
    if kind == 2 and fn == "cat":  # a dtype mix promotes
        lines[0] = f"a = {source(rng, shapes[0], 'int64' if dt != 'int64' else 'float32')}"
    return program(*lines)


def gen_matmul(rng):
    dt = rng.choice(["float32", "float32", "float64", "int64"])
    n, m, p, b = (rng.randint(1, 4) for _ in range(4))
    fn = rng.choice(["mm", "matmul", "@"])
    kind = rng.randrange(9)

    def call(f, a, bb):
        return f"{a} @ {bb}" if f == "@" else f"torch.{f}({a}, {bb})"

    if kind <= 1:
        sa, sb = [n, m], [m, p]
    elif kind == 2:
        sa, sb = [b, n, m], [b, m, p]
        fn = rng.choice(["bmm", "matmul", "@"])
    elif kind == 3:
        sa, sb = rng.choice([([m], [m]), ([m], [m, p]), ([n, m], [m]), ([b, n, m], [m, p]), ([b, n, m], [m]),
                             ([n, m], [b, m, p]), ([m], [b, m, p]), ([2, 1, n, m], [b, m, p])])
        fn = rng.choice(["matmul", "@"])
    elif kind == 4:  # inner dims that disagree
        sa, sb = [n, m], [m + 1, p]
    elif kind == 5:
        sa, sb = rng.choice([([b, n, m], [b, m + 1, p]), ([b, n, m], [b + 1, m, p]), ([n, m], [m, p])])
        fn = "bmm"
    elif kind == 6:
        sa, sb = rng.choice([([m], [m, p]), ([b, n, m], [m, p]), ([m], [m + 1]), ([n, m], [m + 1])])
        fn = rng.choice(["mm", "matmul", "@"])
    elif kind == 7:  # a transposed operand
        return program(f"a = {source(rng, [m, n], dt)}", f"b = {source(rng, [m, p], dt)}", call(fn, "a.t()", "b"))
    else:  # the dims of the result, and 0-d operands
        return rng.choice([program(f"a = {source(rng, [n, m], dt)}", f"b = {source(rng, [m, p], dt)}", f"{call(fn, 'a', 'b')}.shape"),
                           program(f"a = {source(rng, [m], dt)}", f"a @ torch.tensor({number(rng, dt, 1, 3)})")])
    mixed = rng.random() < 0.05
    return program(f"a = {source(rng, sa, dt)}", f"b = {source(rng, sb, 'float64' if mixed else dt)}", call(fn, "a", "b"))


BINARY = ["+", "-", "*", "/", "**"]


def broadcast_pair(rng):
    kind = rng.randrange(6)
    if kind == 0:
        s = rand_shape(rng, 1, 3, 1, 4)
        return s, list(s)
    if kind == 1:
        s = rand_shape(rng, 2, 3, 2, 4)
        t = [1 if rng.random() < 0.5 else d for d in s]
        return (s, t) if rng.random() < 0.5 else (t, s)
    if kind == 2:
        s = rand_shape(rng, 2, 3, 2, 4)
        return s, s[rng.randint(1, len(s) - 1):]
    if kind == 3:
        return rng.choice([([1, 4], [4, 1]), ([3, 1], [3]), ([3], [3, 1]), ([2, 1, 3], [4, 1]), ([1], [2, 3])])
    if kind == 4:  # not broadcastable
        return rng.choice([([3], [4]), ([2, 3], [3, 2]), ([2, 3], [2]), ([4, 1, 3], [2, 2]), ([3, 1], [2, 2])])
    return rand_shape(rng, 1, 2, 2, 3), []


def gen_elementwise(rng):
    kind = rng.randrange(9)
    if kind <= 3:
        sa, sb = broadcast_pair(rng)
        da, db = rand_dtype(rng), rand_dtype(rng)
        if rng.random() < 0.5:
            db = da
        op = rng.choice(BINARY)
        pos = op == "**"
        if op == "**" and "int64" in (da, db) and da == db:
            b_expr = f"{source(rng, sb, db, positive=True)}" if sb else "torch.tensor(2)"
            if da == "int64":  # an int64 exponent tensor: keep it small and non-negative
                b_expr = f"torch.tensor({literal(nested([rng.randint(0, 3) for _ in range(numel(sb))], sb))})" if sb else "torch.tensor(2)"
        elif sb:
            b_expr = source(rng, sb, db, nonzero=op == "/")
        else:
            b_expr = f"torch.tensor({number(rng, db, 1, 3, nonzero=True)}{', ' + dtype_kw(rng, db) if db == 'float64' else ''})"
        a_expr = source(rng, sa, da, positive=pos)
        if pos and db != "int64":
            b_expr = b_expr if not sb else source(rng, sb, db, nonzero=False)
        return program(f"a = {a_expr}", f"b = {b_expr}", f"a {op} b" if rng.random() < 0.8 else f"(a {op} b).dtype")
    if kind <= 5:  # a Python scalar on either side
        shape = rand_shape(rng, 1, 2, 1, 4)
        dt = rand_dtype(rng, (3, 1, 3))
        op = rng.choice(BINARY)
        s = rng.choice([rng.randint(1, 4), rng.choice([0.5, 1.5, 2.5, -0.5])])
        left = rng.random() < 0.35
        if op == "**":
            if left:
                s = abs(s) if s != 0 else 2
                return program(f"x = {source(rng, shape, dt, positive=True) if dt != 'int64' else 'torch.tensor(' + literal(nested([rng.randint(0, 3) for _ in range(numel(shape))], shape)) + ')'}", f"{s} ** x")
            if isinstance(s, float) or s < 0:
                return program(f"x = {source(rng, shape, dt, positive=True)}", f"x ** {abs(s)}")
            return program(f"x = {source(rng, shape, dt)}", f"x ** {s}")
        x = f"x = {source(rng, shape, dt, nonzero=op == '/' and left)}"
        return program(x, f"{s} {op} x" if left else f"x {op} {s}")
    if kind == 6:
        shape = rand_shape(rng, 1, 2, 1, 4)
        dt = rand_dtype(rng)
        fn = rng.choice(["exp", "log", "sqrt", "abs", "neg"])
        if fn == "neg":
            return program(f"x = {source(rng, shape, dt)}", rng.choice(["-x", "-x + 1", "-(x * 2)", "1 - -x"]))
        x = source(rng, shape, dt, positive=fn in ("log", "sqrt")) if fn != "exp" else \
            f"torch.tensor({literal(nested([number(rng, dt, -3, 3) for _ in range(numel(shape))], shape))}{', ' + dtype_kw(rng, dt) if dt != 'float32' else ''})"
        return program(f"x = {x}", f"torch.{fn}(x)")
    if kind == 7:  # type promotion spelled out
        return rng.choice(["torch.arange(4) / 2", "torch.arange(4) + 2.5", "torch.arange(4) * 2", "torch.arange(4) ** 2",
                           "torch.arange(1, 4) / torch.arange(1, 4)", "torch.ones(2) + torch.ones(2, dtype=torch.float64)",
                           "torch.arange(3) + torch.ones(3)", "torch.arange(3) * torch.ones(3, dtype=torch.float64)",
                           "torch.arange(3) + torch.tensor(2.5)", "torch.ones(3) + torch.tensor(2.0, dtype=torch.float64)",
                           "torch.arange(3) + torch.tensor(2)", "torch.tensor(2) * torch.ones(2, dtype=torch.float64)",
                           "torch.tensor(1.5, dtype=torch.float64) + torch.tensor(2)", "torch.arange(3) ** 0.5", "2 ** torch.arange(4)",
                           "torch.arange(4) - 1.0", "(torch.arange(4) / 2).dtype",
                           "1 / torch.arange(1, 4)", "torch.arange(3).float() / 3", "torch.arange(3).double() + 1.5"])
    # the (3,1) vs (3,) trap of an MSE
    p = [number(rng, "float32") for _ in range(3)]
    y = [number(rng, "float32") for _ in range(3)]
    return program(f"y_pred = torch.tensor({literal([[v] for v in p])})", f"y = torch.tensor({literal(y)})",
                   rng.choice(["d = y_pred - y", "d = y_pred.squeeze(1) - y", "d = y_pred - y.unsqueeze(1)", "d = y_pred.view(-1) - y"]),
                   rng.choice(["(d ** 2).mean()", "d.shape", "d"]))


def gen_layout(rng):
    """Results computed from non-contiguous operands: PyTorch keeps the operand's memory order."""
    shape = rand_shape(rng, 2, 3, 2, 3)
    dt = rand_dtype(rng)
    x = f"x = {source(rng, shape, dt, positive=True)}"
    y = f"y = {permuted(rng, 'x', len(shape))}"
    return program(x, y, rng.choice(["y + 1", "y * y", "torch.exp(y)", "torch.sqrt(y)", "y.clone()", "-y", "y.float()", "y.double()",
                                     "y.sum(0)", "y.contiguous()", "torch.abs(y)", "y.reshape(-1)", "y.long()"]))


def gen_chain(rng):
    """Two to four view and shape operations in a row: strides and offsets compose."""
    shape = rand_shape(rng, 2, 3, 2, 4)
    lines = [f"x = {source(rng, shape, rand_dtype(rng))}"]
    name = "x"
    for k in range(rng.randint(2, 4)):
        nd = len(shape)
        ops = [("t", None), ("permute", None), ("slice", None), ("select", None), ("unsqueeze", None), ("squeeze", None),
               ("expand", None), ("reshape", None), ("contiguous", None), ("flatten", None)]
        op = rng.choice(ops)[0]
        if op == "t" and nd == 2:
            expr, shape = f"{name}.t()", shape[::-1]
        elif op in ("t", "permute") and nd >= 2:
            expr = permuted(rng, name, nd)
            probe = torch.empty(shape)
            shape = list(eval(expr.replace(name, "probe", 1)).shape)
        elif op == "slice" and shape[0] > 1:
            a = rng.randint(0, shape[0] - 1)
            step = rng.choice([1, 2])
            expr = f"{name}[{a}::{step}]" if rng.random() < 0.5 else f"{name}[..., {min(1, shape[-1] - 1)}:]"
            probe = torch.empty(shape)
            shape = list(eval(expr.replace(name, "probe", 1)).shape)
        elif op == "select" and nd >= 2:
            expr, shape = f"{name}[{rng.randint(-shape[0], shape[0] - 1)}]", shape[1:]
        elif op == "unsqueeze":
            d = rng.randint(0, nd)
            expr, shape = f"{name}.unsqueeze({d})", shape[:d] + [1] + shape[d:]
        elif op == "squeeze" and 1 in shape:
            expr, shape = f"{name}.squeeze()", [s for s in shape if s != 1] or []
        elif op == "expand" and 1 in shape:
            target = [rng.randint(2, 3) if s == 1 else s for s in shape]
            expr, shape = f"{name}.expand({shape_args(target)})", target
        elif op == "flatten" and nd >= 2:
            expr, shape = f"{name}.flatten()", [numel(shape)]
        elif op == "contiguous":
            expr = f"{name}.contiguous()"
        else:
            target = factor_shape(rng, numel(shape))
            expr, shape = f"{name}.{rng.choice(['reshape', 'view'])}({shape_args(target)})", target
        if not shape:
            break
        name = "abcd"[k]
        lines.append(f"{name} = {expr}")
    lines.append(finish(rng, name, [f"{name}.storage_offset()"]))
    return program(*lines)


def gen_setitem_cast(rng):
    """Values of another dtype stored through an index are converted to the tensor's dtype."""
    dt, vt = rng.sample(["float32", "float64", "int64"], 2)
    shape = [rng.randint(2, 3), rng.randint(2, 4)]
    vals = [number(rng, vt, -3, 5) for _ in range(shape[1])]
    spelled = f"torch.tensor({literal(vals)}{', ' + dtype_kw(rng, vt) if vt != 'int64' else ''})"
    return program(f"x = {source(rng, shape, dt)}", rng.choice([f"x[0] = {spelled}", f"x[1:] = {spelled}", f"x[-1] += {spelled}"]), "x")


# Corners written out by hand: operator precedence, Python arithmetic, empty results, 0-d tensors.
EDGES = [
    "-torch.arange(3) ** 2", "2 ** -1", "7 / 2", "x = torch.arange(6)\nx.size()[0] + x.shape[-1]", "torch.arange(4) ** -1",
    "torch.tensor(5)[0]", "torch.tensor(5).dim()", "torch.tensor(5).shape", "torch.tensor(2.5).item()",
    "x = torch.arange(6).view(2, 3)\nx.sum(dim=(0, 0))", "torch.ones(2, 3).mean(dim=[0, 1])", "torch.stack([])", "torch.cat([])",
    "a = torch.ones(2)\nb = torch.zeros(2)\ntorch.cat((a, b))", "torch.linspace(0, 1, 0)", "torch.arange(10)[2:8:3]",
    "torch.eye(3)[[0, 2]][:, [1]]", "x = torch.arange(4.0)\nx[1:3].zero_()\nx", "x = torch.ones(3)\nx += torch.ones(3, dtype=torch.float64)\nx",
    "x = torch.arange(6)\nx[::2] = torch.tensor([9, 8, 7])\nx", "torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[1.5], [2.0]])",
    "x = torch.arange(12).view(3, 4)\nx[1, None, :]", "x = torch.arange(12).view(3, 4)\nx[None].stride()", "torch.zeros(2, 3).view(-1, 0)",
    "torch.zeros(0).view(2, -1)", "x = torch.arange(6).view(2, 3)\nx.t().t().is_contiguous()", "x = torch.arange(6).view(2, 3)\nx.t().T.stride()",
    "x = torch.arange(3)\ny = x\ny += 1\nx", "x = torch.arange(3)\ny = x\ny = y + 1\nx", "x = torch.arange(4).view(2, 2)\na, b = x\nb",
    "x = torch.ones(2, 2)\nx.add_(torch.ones(2, 2).t())\nx.stride()", "x = torch.arange(6.0).view(2, 3)\nx.mean(1, True)",
    "torch.arange(6).view(2, 3).sum(-1).argmax()", "x = torch.arange(6).view(2, 3)\nx.float().mean().item() * 2",
    "torch.ones(3, 1) - torch.ones(3)", "torch.full((2, 2), 1.5, dtype=torch.int64)", "torch.tensor([], dtype=torch.float64)",
    "torch.zeros((2,), dtype=torch.long) + 0.5", "torch.tensor([[1.5]]).item()", "torch.ones(2).to(torch.long).dtype",
    "torch.arange(6).view(2, 3).flatten(0, -1).shape", "torch.arange(6).view(3, 2).unsqueeze(-1).stride()",
    "torch.arange(8).view(2, 2, 2).transpose(0, 2).contiguous().stride()", "x = torch.arange(5)\nx[-2:]",
    "x = torch.arange(5)\nx[5:]", "x = torch.arange(5)\nx[:-10]", "x = torch.arange(5)\nx[[-1, 0]]",
    "torch.exp(torch.tensor(0))", "torch.sqrt(torch.arange(5))", "torch.log(torch.tensor([1, 2, 4]))", "torch.abs(torch.tensor([-1.5, 2.0]))",
    "torch.arange(3) * 0.5 + torch.arange(3, dtype=torch.float64)", "torch.arange(3) - -2",
    "1 - torch.tensor(0.25, dtype=torch.float64)", "torch.tensor(3) / torch.tensor(2)", "torch.tensor(2) ** torch.tensor(3)",
    "x = torch.arange(6).view(2, 3)\nx.t().float()", "x = torch.arange(6.0).view(2, 3)\nx.t().double().stride()",
    "x = torch.ones(3)\nx.expand(2, 3).add_(1)", "x = torch.ones(3)\ny = x.expand(2, 3)\ny[0] = 5\nx",
    "torch.tensor(2.0) ** torch.arange(3)", "torch.arange(3) ** torch.tensor(2.0)", "torch.mm(torch.ones(2, 3), torch.ones(3, 2, dtype=torch.float64))",
]


# family, generator, number of programs
FAMILIES = [
    ("create", gen_create, 60), ("view", gen_view, 50), ("permute", gen_permute, 40), ("squeeze", gen_squeeze, 40),
    ("expand", gen_expand, 20), ("clone", gen_clone, 15), ("reduce", gen_reduce, 45), ("convert", gen_convert, 25),
    ("item", gen_item, 15), ("props", gen_props, 30), ("inplace", gen_inplace, 45), ("index", gen_index, 60),
    ("setitem", gen_setitem, 40), ("join", gen_join, 40), ("matmul", gen_matmul, 45), ("elementwise", gen_elementwise, 90),
    ("layout", gen_layout, 15), ("chain", gen_chain, 60), ("setcast", gen_setitem_cast, 15),
]
