#!/usr/bin/python3
"""Measures what the YOLOv8/YOLO11 oracle's float32 files can be trusted to: the same fused model and the same
upstream code rerun in float64, compared with every stored tensor (the oracle shipped no float64 bounds).

Run (Debian 12: python3-torch, -torchvision, -opencv, -scipy, -sklearn, -matplotlib, -pandas, -tqdm, -yaml):

    /usr/bin/python3 testdata/oracle-precision/measure_v8.py [--oracle DIR] [--ultralytics DIR] [--gradcam DIR]

Upstream code is not in this repository (AGPL); extract it with `git archive <commit> | tar -x -C DIR` from a
clone and point the options at it:
  Ultralytics 8.3.166 = commit 29cf67de2feb011a8cecf592bd26d59c332e2d37 (github:someuser2026/ultralytics, see the
      oracle README section 0), default /tmp/ul8;
  pytorch-grad-cam commit 084273b3f30b54ad0c64cf8020a4337d979a66e0 (github:jacobgil/pytorch-grad-cam), default
      /tmp/gradcam (only its pytorch_grad_cam/ folder is used).
Neither is modified. pytorch-grad-cam imports `ttach` only to build its test-time-augmentation default, which
aug_smooth (never used here) would apply; when ttach is missing a stand-in providing just those names is installed.
The oracle (default ../shared/oracle-v8, else ../../shared/oracle-v8, from the repository root) is only read.

For every case of the oracle's cases/: the model named by meta.json is loaded as upstream's predictor does
(attempt_load_one_weight -> float -> fuse -> eval), a float64 copy of that fused model is made, and both are run
on input.npy (float32 / float64) with 1 torch thread and oneDNN capped at AVX2 (DNNL_MAX_CPU_ISA), as the oracle
was. The float32 rerun must reproduce the stored files: "fp32_rerun_vs_oracle" records how far it lies from each
(0 = bitwise equal in every case when this was run). Writes <case>.json beside this file:
  layers_fused64     "<i>" for every top-level layer, "<D>_<k>" per Detect level: max_abs_diff, max_abs_ref,
                     rel_to_max, reference = "oracle_file" (layer_<..>.npy shipped) or "rerun_fp32" (not shipped:
                     compared with the float32 rerun instead)
  raw_fused64        {"xywh": rows 0..3 of raw.npy (input pixels), "cls": rows 4.. (class probabilities)}
  cams_fused64       "<Method>__<Layer>__T1" per shipped cam file: the float64 pytorch-grad-cam map vs the stored
                     map, max_abs_diff (+ mean_abs_diff). EigenCAM: each target layer's SVD sign is aligned to the
                     stored eigproj (sign of the dot product; the float32 rerun's where not shipped) and the map
                     rebuilt with upstream's own functions (checked: unflipped it equals upstream's map bitwise);
                     the unaligned upstream difference is kept as max_abs_diff_as_computed.
  eigproj_fused64    "eigproj__<Layer>[__k<j>]": the float64 projection (sign-aligned) vs the stored one
                     (reference "oracle_file") or, where not shipped, the float32 rerun's ("rerun_fp32")
  gradients_fused64  "grad__<Layer>[__k<j>]__T1": d T1 / d (layer output) in float64 vs the stored file
Layer keys and T1 are the oracle README's section 3: Lm2 = model[-2], Ldetin = the Detect inputs, T1 = sum over
dets.json T1 rows of raw[4 + class, row]. Every forward uses a fresh model (Detect caches anchors per input shape).
"""
import argparse
import importlib.util
import itertools
import json
import os
import sys
import types
from pathlib import Path

# The oracle's float32 numbers came from oneDNN's AVX2 kernels: capping oneDNN there (before torch loads it) makes
# our float32 rerun reproduce them bitwise on an AVX-512 machine too. The float64 run does not use oneDNN.
os.environ.setdefault('DNNL_MAX_CPU_ISA', 'AVX2')

import numpy as np  # noqa: E402
import torch  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.dont_write_bytecode = True
LAYER_KEYS = ('Lm2', 'Ldetin')
METHODS = ('GradCAM', 'HiResCAM', 'GradCAMPlusPlus', 'LayerCAM', 'EigenCAM')


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


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--oracle', type=Path,
                   help='the oracle-v8 folder (default ../shared/oracle-v8 or ../../shared/oracle-v8)')
    p.add_argument('--ultralytics', type=Path, default=Path('/tmp/ul8'))
    p.add_argument('--gradcam', type=Path, default=Path('/tmp/gradcam'))
    p.add_argument('cases', nargs='*', help='case names (default: all)')
    a = p.parse_args()
    if a.oracle is None:
        a.oracle = next((d for d in (REPO.parent / 'shared' / 'oracle-v8', REPO.parent.parent / 'shared' / 'oracle-v8')
                         if (d / 'cases').is_dir()), None)
        if a.oracle is None:
            p.error('oracle-v8 not found next to the repository; pass --oracle')
    return a


class Upstream:
    """The upstream functions this measurement calls, imported from the given source trees."""

    def __init__(self, ultralytics_dir, gradcam_dir):
        os.environ.setdefault('YOLO_OFFLINE', 'True')
        os.environ.setdefault('YOLO_CONFIG_DIR', '/tmp/ulcfg')
        install_ttach_standin()
        sys.path.insert(0, str(gradcam_dir))
        sys.path.insert(0, str(ultralytics_dir))
        from ultralytics.nn.modules.head import Detect
        from ultralytics.nn.tasks import attempt_load_one_weight
        import pytorch_grad_cam
        from pytorch_grad_cam.utils.image import scale_cam_image
        from pytorch_grad_cam.utils.svd_on_activations import get_2d_projection
        self.Detect = Detect
        self.attempt_load_one_weight = attempt_load_one_weight
        self.cams = {m: getattr(pytorch_grad_cam, m) for m in METHODS}
        self.scale_cam_image = scale_cam_image
        self.get_2d_projection = get_2d_projection


class Case:
    def __init__(self, up, oracle, case_dir):
        self.up, self.dir, self.name = up, case_dir, case_dir.name
        self.meta = json.loads((case_dir / 'meta.json').read_text())
        self.t1 = json.loads((case_dir / 'dets.json').read_text())['T1']
        self.weights = oracle / 'models' / self.meta['model']['weights_file']
        self.input32 = np.load(case_dir / 'input.npy')

    def model(self, dtype):
        """A fresh fused model (fused in float32 as upstream does, then converted)."""
        model, _ = self.up.attempt_load_one_weight(str(self.weights))
        model = model.float().fuse(verbose=False).eval()
        return model.double() if dtype == torch.float64 else model

    def x(self, dtype):
        return torch.from_numpy(self.input32.astype(np.float64 if dtype == torch.float64 else np.float32))

    def target_layers(self, seq, key):
        return [seq[-2]] if key == 'Lm2' else [seq[j] for j in seq[-1].f]

    def t1_of(self, out):
        """T1 on one image's (4+nc, N) output."""
        return sum(out[4 + c, r] for r, c in zip(self.t1['rows'], self.t1['classes']))

    def forward(self, dtype, grad_layers=()):
        """Runs a fresh model; returns raw, {layer key: output}, and the model (its tensors retain grads if asked)."""
        model = self.model(dtype)
        seq = model.model
        outputs, handles = {}, []
        for i, m in enumerate(seq):
            def hook(module, inp, out, i=i):
                if isinstance(out, tuple):  # Detect in eval: (y, [level tensors])
                    for k, level in enumerate(out[1]):
                        outputs[f'{i}_{k}'] = level
                else:
                    if i in grad_layers:
                        out.retain_grad()
                    outputs[str(i)] = out
            handles.append(m.register_forward_hook(hook))
        if grad_layers:
            model.requires_grad_(True)
            raw, _ = model(self.x(dtype))
        else:
            with torch.no_grad():
                raw, _ = model(self.x(dtype))
        for h in handles:
            h.remove()
        return raw, outputs, model


def bound(ours64, ref32):
    diff = float(np.abs(np.asarray(ours64, np.float64) - np.asarray(ref32).astype(np.float64)).max())
    ref = float(np.abs(ref32).max())
    return {'max_abs_diff': diff, 'max_abs_ref': ref, 'rel_to_max': diff / ref if ref > 0 else 0.0}


def npy(t):
    return t.detach().numpy()


def measure_forward(case, doc):
    raw32, out32, _ = case.forward(torch.float32)
    raw64, out64, _ = case.forward(torch.float64)
    stored = np.load(case.dir / 'raw.npy')
    check = np.abs(npy(raw32).astype(np.float64) - stored).max()
    doc['fp32_rerun_vs_oracle'] = {'raw_max_abs_diff': float(check),
                                   'raw_bitwise_equal': bool(np.array_equal(npy(raw32), stored))}
    layers = {}
    for key in out64:  # in forward order
        f = case.dir / f'layer_{key}.npy'
        ref, src = (np.load(f), 'oracle_file') if f.exists() else (npy(out32[key]), 'rerun_fp32')
        layers[key] = {**bound(npy(out64[key]), ref), 'reference': src}
        if src == 'oracle_file':
            doc['fp32_rerun_vs_oracle'].setdefault('layers_max_abs_diff', {})[key] = \
                float(np.abs(npy(out32[key]).astype(np.float64) - ref).max())
    doc['layers_fused64'] = layers
    r64 = npy(raw64)[0]
    doc['raw_fused64'] = {'xywh': bound(r64[:4], stored[0, :4]), 'cls': bound(r64[4:], stored[0, 4:])}
    return check


def measure_gradients(case, doc):
    grads = sorted(case.dir.glob('grad__*__T1.npy'))
    seq_f = case.meta['model']['detect_from']
    lm2 = case.meta['model']['n_top_level_layers'] - 2
    out, check = {}, {}
    for dtype in (torch.float64, torch.float32):
        raw, outputs, _ = case.forward(dtype, grad_layers=set(seq_f) | {lm2})
        case.t1_of(raw[0]).backward()
        for g in grads:
            parts = g.stem.split('__')  # grad, layer key, [k<j>,] T1
            layer = lm2 if parts[1] == 'Lm2' else seq_f[int(parts[2][1:])]
            ours = npy(outputs[str(layer)].grad)
            if dtype == torch.float64:
                out[g.stem] = bound(ours, np.load(g))
            else:
                check[g.stem] = float(np.abs(ours.astype(np.float64) - np.load(g)).max())
    doc['gradients_fused64'] = out
    doc['fp32_rerun_vs_oracle']['gradients_max_abs_diff'] = check


class RawOutput(torch.nn.Module):
    """What the oracle hands pytorch-grad-cam: a module whose forward returns y (B, 4+nc, N)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)[0]


class T1Target:
    def __init__(self, case):
        self.case = case

    def __call__(self, out):
        return self.case.t1_of(out)


def run_cam(case, method, layer_key, dtype):
    """One upstream CAM on a fresh model; returns the map and the target layers' activations (for EigenCAM)."""
    model = case.model(dtype).requires_grad_(True)
    layers = case.target_layers(model.model, layer_key)
    with case.up.cams[method](model=RawOutput(model), target_layers=layers) as cam:
        grayscale = cam(input_tensor=case.x(dtype), targets=[T1Target(case)])
        acts = [a.numpy() for a in cam.activations_and_grads.activations]
        return grayscale[0], acts, cam


def eigencam_with_signs(case, cam, acts, signs):
    """EigenCAM's map from the given activations with each layer's projection multiplied by a sign, built with
    upstream's own functions (BaseCAM.compute_cam_per_layer / aggregate_multi_layers for EigenCAM)."""
    size = (case.input32.shape[-1], case.input32.shape[-2])
    per_layer = []
    for a, s in zip(acts, signs):
        proj = case.up.get_2d_projection(a) * np.float32(s)
        per_layer.append(case.up.scale_cam_image(np.maximum(proj, 0), size)[:, None, :])
    return cam.aggregate_multi_layers(per_layer)[0]


def eigproj_key(layer_key, k, n):
    return f'eigproj__{layer_key}' + (f'__k{k}' if n > 1 else '')


def measure_cams(case, doc):
    cams, eig, check = {}, {}, {}
    for f in sorted(case.dir.glob('cam__*__T1.npy')):
        _, method, layer_key, _ = f.stem.split('__')
        key = f'{method}__{layer_key}__T1'
        stored = np.load(f)
        map64, acts64, cam64 = run_cam(case, method, layer_key, torch.float64)
        map32, acts32, _ = run_cam(case, method, layer_key, torch.float32)
        check[key] = float(np.abs(map32.astype(np.float64) - stored).max())
        entry = {'max_abs_diff': float(np.abs(map64.astype(np.float64) - stored).max()),
                 'mean_abs_diff': float(np.abs(map64.astype(np.float64) - stored).mean()),
                 'ref_all_zero': bool(not stored.any()), 'fp64_all_zero': bool(not map64.any())}
        if method == 'EigenCAM':
            signs = []
            for k, (a64, a32) in enumerate(zip(acts64, acts32)):
                p64 = case.up.get_2d_projection(a64)[0].astype(np.float64)
                p32 = case.up.get_2d_projection(a32)[0]
                ek = eigproj_key(layer_key, k, len(acts64))
                f_ref = case.dir / f'{ek}.npy'
                if f_ref.exists():
                    ref, src = np.load(f_ref), 'oracle_file'
                    check[ek] = float(np.abs(p32.astype(np.float64) - ref).max())
                else:
                    ref, src = p32, 'rerun_fp32'
                s = 1 if float((p64 * ref).sum()) >= 0 else -1
                signs.append(s)
                eig[ek] = {**bound(s * p64, ref), 'sign_flipped': s < 0, 'reference': src}
            assert np.array_equal(eigencam_with_signs(case, cam64, acts64, [1] * len(acts64)), map64), \
                f'{case.name} {key}: rebuilding EigenCAM from its activations does not give upstream map'
            aligned = eigencam_with_signs(case, cam64, acts64, signs)
            best = min(float(np.abs(eigencam_with_signs(case, cam64, acts64, c).astype(np.float64) - stored).max())
                       for c in itertools.product((1, -1), repeat=len(acts64)))
            entry = {'max_abs_diff': float(np.abs(aligned.astype(np.float64) - stored).max()),
                     'mean_abs_diff': float(np.abs(aligned.astype(np.float64) - stored).mean()),
                     'ref_all_zero': entry['ref_all_zero'], 'fp64_all_zero': bool(not aligned.any()),
                     'max_abs_diff_as_computed': entry['max_abs_diff'],
                     'min_over_sign_flips': best, 'sign_flipped_per_layer': [s < 0 for s in signs],
                     'sign': 'each layer aligned to the stored eigproj (sign of the dot product; where not shipped, '
                             'to the float32 rerun\'s, which reproduces the shipped ones bitwise)'}
        cams[key] = entry
    doc['cams_fused64'] = cams
    doc['eigproj_fused64'] = eig
    doc['fp32_rerun_vs_oracle']['cams_max_abs_diff'] = check


def main():
    args = parse_args()
    up = Upstream(args.ultralytics, args.gradcam)
    torch.set_num_threads(1)
    cases = sorted(p for p in (args.oracle / 'cases').iterdir() if (p / 'meta.json').exists())
    if args.cases:
        cases = [c for c in cases if c.name in args.cases]
    for case_dir in cases:
        case = Case(up, args.oracle, case_dir)
        doc = {'case': case.name, 'torch': torch.__version__,
               'how': 'the fused model (Ultralytics 8.3.166 attempt_load_one_weight -> float -> fuse -> eval) '
                      'converted to float64, run on input.npy in float64 (pytorch-grad-cam 084273b3 for the CAMs, '
                      'T1 differentiated to the layer outputs for the gradients), vs the stored float32 files; '
                      'layers not shipped vs our float32 rerun of the same fused model',
               'weights': case.weights.name,
               'float32_rerun': f'torch threads 1, DNNL_MAX_CPU_ISA={os.environ["DNNL_MAX_CPU_ISA"]}'}
        check = measure_forward(case, doc)
        measure_gradients(case, doc)
        measure_cams(case, doc)
        (HERE / f'{case.name}.json').write_text(json.dumps(doc, indent=1) + '\n')
        worst_layer = max(doc['layers_fused64'].items(), key=lambda kv: kv[1]['rel_to_max'])
        raw = doc['raw_fused64']
        print(f'{case.name}: fp32 rerun vs raw.npy {check:.3g}; raw xywh {raw["xywh"]["max_abs_diff"]:.3g} '
              f'cls {raw["cls"]["max_abs_diff"]:.3g}; worst layer {worst_layer[0]} '
              f'{worst_layer[1]["rel_to_max"]:.3g}', flush=True)


if __name__ == '__main__':
    main()
