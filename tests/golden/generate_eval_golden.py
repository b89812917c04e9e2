#!/usr/bin/python3
"""Writes tests/golden/eval.json: what PyTorch does with small programs of the subset that
gs::eval (core/eval/interpreter.h) runs, for tests/tst_eval.cpp to compare against.

    /usr/bin/python3 tests/golden/generate_eval_golden.py    (Debian: apt-get install python3-torch)

"programs": seeded, randomly generated programs of 1-5 statements, one family per generator
in eval_programs.py (creation, view/reshape, permute, squeeze, indexing, in-place through views, cat/stack,
matmul, broadcasting and type promotion, ...), valid and invalid. The value of the last statement
(a bare expression) is recorded in the JSON of gs::eval::to_json, or the exception PyTorch raises.
"presets": every statement of resources/tensors/en/*.py, run one at a time.
No random tensors: every value is written in the program, so the C++ side needs no generator.
Values are chosen so that results stay finite and well conditioned (log and sqrt of positive
numbers, no fractional powers of negative numbers, no division by zero, no ties under argmax).
"""
import ast
import contextlib
import glob
import io
import json
import math
import os
import random
import warnings

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
PRESETS = os.path.join(HERE, "..", "..", "resources", "tensors", "en")
warnings.simplefilter("ignore")  # `.T` on a 3-D tensor warns in 1.13; the value is what counts



# --- what a value looks like in JSON (the schema of gs::eval::to_json) --------------------------

def storage_ptr(t):
    return t.storage().data_ptr()


def to_json(value, scope):
    if isinstance(value, torch.Tensor):
        values = value.tolist()
        check_finite(values)
        ptr = storage_ptr(value)
        return {"shape": list(value.shape), "stride": list(value.stride()),
                "storage_offset": value.storage_offset(), "dtype": str(value.dtype), "values": values,
                "is_contiguous": value.is_contiguous(),
                "shares_storage_with": [name for name, v in scope.items()
                                        if isinstance(v, torch.Tensor) and ptr != 0 and storage_ptr(v) == ptr]}
    if isinstance(value, torch.dtype):
        return str(value)
    if isinstance(value, (tuple, list)):  # torch.Size is a tuple
        return [to_json(v, scope) for v in value]
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        check_finite(value)
        return value
    raise TypeError("no JSON for " + type(value).__name__)


def check_finite(values):
    if isinstance(values, list):
        for v in values:
            check_finite(v)
    elif isinstance(values, float) and not math.isfinite(values):
        raise ValueError("a generated program produced a non-finite value; choose other values")


def error_fields(e):
    message = str(e).strip().split("\n")[0]
    return {"raises": True, "error_type": type(e).__name__, "error": message, "result": None}


def user_scope(scope):
    """The program's own variables, in order of first assignment."""
    return {k: v for k, v in scope.items() if k not in ("torch", "__builtins__")}


def run_program(program):
    """The last statement's value as JSON, or the exception of the first statement that raises."""
    scope = {"torch": torch}
    tree = ast.parse(program)
    *body, last = tree.body
    assert isinstance(last, ast.Expr), program
    try:
        exec(compile(ast.Module(body=body, type_ignores=[]), "<program>", "exec"), scope)
        value = eval(compile(ast.Expression(body=last.value), "<program>", "eval"), scope)
    except (RuntimeError, IndexError, TypeError, ValueError) as e:
        return error_fields(e)
    return {"raises": False, "result": to_json(value, user_scope(scope))}


from eval_programs import EDGES, FAMILIES  # noqa: E402  (the generators live beside this file)


def programs():
    out, seen = [], set()
    for family_index, (family, gen, count) in enumerate(FAMILIES):
        rng = random.Random(1300 + family_index)
        made, attempts = 0, 0
        while made < count:
            attempts += 1
            assert attempts < 20 * count, family
            text = gen(rng)
            if text in seen:
                continue
            seen.add(text)
            out.append({"id": f"{family}_{made:03d}", "program": text, **run_program(text)})
            made += 1
    out += [{"id": f"edge_{k:03d}", "program": text, **run_program(text)} for k, text in enumerate(EDGES)]
    return out


# --- presets ------------------------------------------------------------------------------------

def preset(path):
    """Every statement of a preset, run one at a time as the lab steps it."""
    with open(path, encoding="utf-8") as f:
        source_text = f.read()
    lines = source_text.splitlines()
    scope = {"torch": torch}
    steps = []
    for node in ast.parse(source_text).body:
        code = "\n".join(lines[node.lineno - 1:node.end_lineno])
        step = {"line": node.lineno, "code": code, "raises": False, "assigned": [], "result": None}
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                if isinstance(node, ast.Expr):
                    value = eval(compile(ast.Expression(body=node.value), path, "eval"), scope)
                    step["result"] = to_json(value, user_scope(scope))
                else:
                    exec(compile(ast.Module(body=[node], type_ignores=[]), path, "exec"), scope)
                    step["assigned"] = assigned_names(node)
                    values = [scope[n] for n in step["assigned"]]
                    if values:
                        step["result"] = to_json(values[0] if len(values) == 1 else values, user_scope(scope))
        except (RuntimeError, IndexError, TypeError, ValueError) as e:
            step.update(error_fields(e))
        if printed.getvalue():
            step["printed"] = printed.getvalue().rstrip("\n").split("\n")
        steps.append(step)
        if step["raises"]:
            break
    return {"file": os.path.basename(path), "steps": steps}


def assigned_names(node):
    """The variables a statement binds or changes: `x = ...`, `a, b = ...`, `x += 1`, `x[0] = 5`."""
    def names(target):
        if isinstance(target, ast.Name):
            return [target.id]
        if isinstance(target, (ast.Tuple, ast.List)):
            return [n for t in target.elts for n in names(t)]
        if isinstance(target, (ast.Subscript, ast.Attribute)):
            return names(target.value)
        return []
    if isinstance(node, ast.Assign):
        return [n for t in node.targets for n in names(t)]
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return names(node.target)
    return []


def main():
    cases = programs()
    presets = [preset(p) for p in sorted(glob.glob(os.path.join(PRESETS, "*.py")))]
    path = os.path.join(HERE, "eval.json")
    with open(path, "w") as f:  # one program per line: small, and diffs stay readable
        f.write('{"generator": "tests/golden/generate_eval_golden.py", "torch": %s,\n"programs": [\n' % json.dumps(torch.__version__))
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write('],\n"presets": [\n')
        f.write(",\n".join(json.dumps(p, separators=(",", ":")) for p in presets))
        f.write("]}\n")
    raising = sum(c["raises"] for c in cases)
    print(f"wrote {path}: {len(cases)} programs ({raising} raise), {len(presets)} presets")


if __name__ == "__main__":
    main()
