#!/usr/bin/python3
"""Measures what the oracle's float32 gradient files can be trusted to, as the oracle did for layers and CAMs.

    /usr/bin/python3 testdata/oracle-precision/measure.py     # needs ../shared/oracle and Debian's python3-torch

For every case of ../shared/oracle with grad__*.npy files: the case's fused model (loaded with the YOLOv5 v7.0
stand-in of testdata/fixtures, which the fixtures' --check compares with upstream) is run in float64 on the case's
input.npy; the targets T1 / T2 (oracle README 4) are differentiated with respect to the layer outputs (README 5);
each gradient is compared with the stored float32 file. Writes <case>.json here: {"gradients_fused64": {"grad__Lm2__T1":
{"max_abs_diff", "max_abs_ref", "rel_to_max"}, ...}}. GradientOracleTest derives its tolerances from these.
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / 'fixtures'
ORACLE = HERE.parent.parent.parent / 'shared' / 'oracle'
sys.dont_write_bytecode = True
sys.path.insert(0, str(FIXTURES / 'yolov5_standin'))
sys.path.insert(0, str(FIXTURES))

from generate import load_fused  # noqa: E402
from models.yolo import Detect  # noqa: E402

LAYERS = {'Lm2': [23], 'Ldetin': None, 'L2m0cv1act': [0]}  # Ldetin: Detect.f


def forward_keeping(model, x, keep):
    """BaseModel._forward_once; returns raw and the outputs of the top-level layers in `keep` (grad retained)."""
    y, kept = [], {}
    for m in model.model:
        if m.f != -1:
            x = y[m.f] if isinstance(m.f, int) else [x if j == -1 else y[j] for j in m.f]
        x = m(x)
        if m.i in keep:
            x.retain_grad()
            kept[m.i] = x
        y.append(x if m.i in model.save else None)
    return x[0] if isinstance(x, tuple) else x, kept


def target(raw, dets, key):
    out = raw[0]
    t = dets[key]
    if key == 'T1':
        return sum(out[r, 5 + c] for r, c in zip(t['rows'], t['classes']))
    return out[:, [5 + c for c in t['classes']]].sum()


def bound(ours64, ref32):
    diff = float(np.abs(ours64 - ref32.astype(np.float64)).max())
    ref = float(np.abs(ref32).max())
    return {'max_abs_diff': diff, 'max_abs_ref': ref, 'rel_to_max': diff / ref if ref > 0 else 0.0}


def main():
    torch.set_num_threads(1)
    for case in sorted(p for p in (ORACLE / 'cases').iterdir() if (p / 'meta.json').exists()):
        grads = sorted(case.glob('grad__*.npy'))
        if not grads:
            continue
        meta = json.loads((case / 'meta.json').read_text())
        dets = json.loads((case / 'dets.json').read_text())
        out = {}
        for g in grads:
            # a fresh model per gradient: Detect caches its grids between calls
            model = load_fused(ORACLE / 'models' / meta['model']['weights_file']).double()
            detect_from = [m for m in model.model if isinstance(m, Detect)][0].f
            parts = g.stem.split('__')  # grad, layer key, [k<i>,] target
            layer_key, t_key = parts[1], parts[-1]
            layers = LAYERS[layer_key] or detect_from
            k = int(parts[2][1:]) if len(parts) == 4 else 0
            x = torch.from_numpy(np.load(case / 'input.npy').astype(np.float64)).requires_grad_(True)
            raw, kept = forward_keeping(model, x, set(layers))
            target(raw, dets, t_key).backward()
            out[g.stem] = bound(kept[layers[k]].grad.numpy(), np.load(g))
        doc = {'case': case.name, 'torch': torch.__version__,
               'how': 'the fused model in float64 on input.npy, the target differentiated to the layer output, '
                      'vs the stored float32 gradient', 'gradients_fused64': out}
        (HERE / f'{case.name}.json').write_text(json.dumps(doc, indent=1) + '\n')
        print(case.name, {k: f'{v["rel_to_max"]:.2e}' for k, v in out.items()})


if __name__ == '__main__':
    main()
