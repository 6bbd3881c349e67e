#!/usr/bin/python3
"""Measures what the oracle's float32 gradient files can be trusted to, as the oracle did for layers and CAMs.

    /usr/bin/python3 testdata/oracle-precision/measure.py     # needs ../shared/oracle and Debian's python3-torch

For every case of ../shared/oracle with grad__*.npy files: the case's fused model (loaded with the YOLOv5 v7.0
stand-in of testdata/fixtures, which the fixtures' --check compares with upstream) is run in float64 on the case's
input.npy; the targets T1 / T2 (oracle README 4) are differentiated with respect to the layer outputs (README 5);
each gradient is compared with the stored float32 file. Writes <case>.json here: {"gradients_fused64": {"grad__Lm2__T1":
{"max_abs_diff", "max_abs_ref", "rel_to_max"}, ...}}. GradientOracleTest derives its tolerances from these.

The oracle's section-9b CAM files (FEM, ShapleyCAM, RefineCAM, FinerCAM; cases with newmethods.json) came after its
precision_fp64.json and have no bound there: they are rerun with upstream pytorch-grad-cam in float64 (and in
float32, which must reproduce the stored map: "fp32_rerun_vs_oracle") and written as "cams_fused64" {"FEM__Lm2__T1":
{"max_abs_diff", "mean_abs_diff", "ref_all_zero", "fp64_all_zero"}, ...}, which CamEngineOracleTest reads where the
oracle has none. pytorch-grad-cam is not in this repository: extract commit 084273b3f30b54ad0c64cf8020a4337d979a66e0
of github:jacobgil/pytorch-grad-cam with `git archive <commit> pytorch_grad_cam | tar -x -C DIR` and pass
--gradcam DIR (default /tmp/gradcam). It imports `ttach` only for aug_smooth (unused): a stand-in is installed when
ttach is missing.
"""
import argparse
import importlib.util
import types
import json
import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / 'fixtures'
# ../shared/oracle from the repository root (a worktree under wt/ finds it at ../../shared/oracle)
ORACLE = next((d for d in (HERE.parent.parent.parent / 'shared' / 'oracle',
                           HERE.parent.parent.parent.parent / 'shared' / 'oracle') if (d / 'cases').is_dir()),
              HERE.parent.parent.parent / 'shared' / 'oracle')
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


NEW_METHODS = ('FEM', 'ShapleyCAM', 'RefineCAM', 'FinerCAM')


def install_ttach_standin():
    if importlib.util.find_spec('ttach') is not None:
        return

    class Unused:
        def __init__(self, *args, **kwargs):
            pass

        def __iter__(self):
            raise RuntimeError('ttach stand-in: aug_smooth is not supported')

    ttach = types.ModuleType('ttach')
    ttach.Compose = ttach.HorizontalFlip = ttach.Multiply = Unused
    sys.modules['ttach'] = ttach


class RawOutput(torch.nn.Module):
    """What the oracle hands pytorch-grad-cam: a module whose forward returns the raw Detect output (B, N, 5+nc)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)[0]


class T1Target:
    """README 4: sum_k out[rows[k], 5 + classes[k]]."""

    def __init__(self, t1):
        self.pairs = list(zip(t1['rows'], t1['classes']))

    def __call__(self, out):
        return sum(out[r, 5 + c] for r, c in self.pairs)


class FinerT1:
    """README 9b: sum_k [out[r_k, 5+c_k] - alpha * sum_j out[r_k, 5+cmp_j(k)]], cmp = the nearest other classes
    (stable argsort of the absolute score difference; index 0 is c_k itself), alpha 1, three comparisons."""

    def __init__(self, t1, raw, alpha=1.0, comparisons=3):
        self.alpha = alpha
        self.terms = []
        for r, c in zip(t1['rows'], t1['classes']):
            scores = raw[r, 5:]
            order = np.argsort(np.abs(scores - scores[c]), kind='stable')
            self.terms.append((r, c, [int(j) for j in order[1:1 + min(comparisons, len(scores) - 1)]]))

    def __call__(self, out):
        return sum(out[r, 5 + c] - self.alpha * sum(out[r, 5 + j] for j in cmp) for r, c, cmp in self.terms)


def new_method_map(gc, case, meta, t1, method, layer_key, dtype):
    """One upstream CAM of section 9b on a fresh model of the given dtype."""
    model = load_fused(ORACLE / 'models' / meta['model']['weights_file']).to(dtype).requires_grad_(True)
    detect_from = [m for m in model.model if isinstance(m, Detect)][0].f
    layers = [model.model[i] for i in (LAYERS[layer_key] or detect_from)]
    x = torch.from_numpy(np.load(case / 'input.npy')).to(dtype)
    wrapped = RawOutput(model)
    if method == 'FinerCAM':
        with torch.no_grad():
            raw = wrapped(x)[0].numpy()
        return gc.FinerCAM(wrapped, layers)(x, targets=[FinerT1(t1, raw)])[0]
    return getattr(gc, method)(wrapped, layers)(x, targets=[T1Target(t1)])[0]


def measure_new_method_cams(gc, case):
    """cams_fused64 and the float32 rerun check for the section-9b files of one case."""
    meta = json.loads((case / 'meta.json').read_text())
    t1 = json.loads((case / 'newmethods.json').read_text())['T1']
    cams, check = {}, {}
    for method in NEW_METHODS:
        for f in sorted(case.glob(f'cam__{method}__*__T1.npy')):
            key = f.stem[len('cam__'):]
            stored = np.load(f).astype(np.float64)
            map64 = new_method_map(gc, case, meta, t1, method, key.split('__')[1], torch.float64)
            map32 = new_method_map(gc, case, meta, t1, method, key.split('__')[1], torch.float32)
            check[key] = float(np.abs(map32.astype(np.float64) - stored).max())
            cams[key] = {'max_abs_diff': float(np.abs(map64.astype(np.float64) - stored).max()),
                         'mean_abs_diff': float(np.abs(map64.astype(np.float64) - stored).mean()),
                         'ref_all_zero': bool(not stored.any()), 'fp64_all_zero': bool(not map64.any())}
    return cams, check


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--gradcam', type=Path, default=Path('/tmp/gradcam'))
    args = p.parse_args()
    install_ttach_standin()
    sys.path.insert(0, str(args.gradcam))
    import pytorch_grad_cam as gc
    torch.set_num_threads(1)
    for case in sorted(p for p in (ORACLE / 'cases').iterdir() if (p / 'meta.json').exists()):
        grads = sorted(case.glob('grad__*.npy'))
        new_methods = (case / 'newmethods.json').exists()
        if not grads and not new_methods:
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
        if new_methods:
            doc['cams_fused64'], doc['fp32_rerun_vs_oracle'] = measure_new_method_cams(gc, case)
            doc['how_cams'] = ('section-9b CAM files: upstream pytorch-grad-cam 084273b3 on the fused model in float64 '
                               '(T1 of newmethods.json; FinerCAM with the README 9b target) vs the stored map')
        (HERE / f'{case.name}.json').write_text(json.dumps(doc, indent=1) + '\n')
        print(case.name, {k: f'{v["rel_to_max"]:.2e}' for k, v in out.items()},
              {k: f'{v["max_abs_diff"]:.2e}' for k, v in doc.get('cams_fused64', {}).items()},
              'fp32 rerun', doc.get('fp32_rerun_vs_oracle', {}))


if __name__ == '__main__':
    main()
