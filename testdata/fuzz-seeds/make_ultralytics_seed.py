"""Writes testdata/fuzz-seeds/ultralytics.pt: a tiny YOLO11-style checkpoint made by upstream Ultralytics code.

What: a random-init (seed 0) DetectionModel built from yolo11.yaml's layers (C3k2, SPPF, C2PSA, the YOLO11 Detect
head with DWConv class branches), nc=2, with a custom scale 't' = [depth 0.33, width 0.0625, max_channels 2048]
so that every block repeats once and most layers have 8 to 64 channels. SPPF and C2PSA get 2048 instead of the
yaml's 1024 (128 channels after scaling): C2PSA's Attention has num_heads = c // 64 with c = half its channels, so
it needs at least 128. It is saved the way a finished training run leaves best.pt: BaseTrainer.save_model()'s dict
('model': None, 'ema': deepcopy(model).half(), 'train_args': the run's arguments, ...), with the trainer's model
attributes (nc, names, args as IterableSimpleNamespace), then upstream strip_optimizer() (model = EMA in fp16,
args as a dict, optimizer/ema/updates/best_fitness None, epoch -1). The pickle therefore has the real structure:
one shared SiLU, Detect's empty fp16 anchors/strides, a names dict, an args dict. Most of the file is the Detect
box branches, whose width Ultralytics fixes at 64 channels whatever the scale.

How to run (from the repository root), with upstream Ultralytics 8.3.166 (commit
29cf67de2feb011a8cecf592bd26d59c332e2d37) extracted at /tmp/ul8 and Debian 12's python3 (torch 1.13):

    YOLO_OFFLINE=True YOLO_CONFIG_DIR=/tmp/ulcfg PYTHONPATH=/tmp/ul8 /usr/bin/python3 \
        testdata/fuzz-seeds/make_ultralytics_seed.py testdata/fuzz-seeds/ultralytics.pt

The weights are deterministic; the 'date' entry is not.
"""

import sys
from copy import deepcopy

import torch

import ultralytics
from ultralytics.cfg import get_cfg
from ultralytics.nn.tasks import DetectionModel
from ultralytics.utils import DEFAULT_CFG
from ultralytics.utils.torch_utils import ModelEMA, strip_optimizer

assert ultralytics.__version__ == "8.3.166", ultralytics.__version__

CFG = {
    "nc": 2,
    "scales": {"t": [0.33, 0.03125, 4096]},
    "scale": "t",
    "backbone": [
        [-1, 1, "Conv", [64, 3, 2]],
        [-1, 1, "Conv", [128, 3, 2]],
        [-1, 2, "C3k2", [256, False, 0.25]],
        [-1, 1, "Conv", [256, 3, 2]],
        [-1, 2, "C3k2", [512, False, 0.25]],
        [-1, 1, "Conv", [512, 3, 2]],
        [-1, 2, "C3k2", [512, True]],
        [-1, 1, "Conv", [1024, 3, 2]],
        [-1, 2, "C3k2", [1024, True]],
        [-1, 1, "SPPF", [4096, 5]],
        [-1, 2, "C2PSA", [4096]],
    ],
    "head": [
        [-1, 1, "nn.Upsample", [None, 2, "nearest"]],
        [[-1, 6], 1, "Concat", [1]],
        [-1, 2, "C3k2", [512, False]],
        [-1, 1, "nn.Upsample", [None, 2, "nearest"]],
        [[-1, 4], 1, "Concat", [1]],
        [-1, 2, "C3k2", [256, False]],
        [-1, 1, "Conv", [256, 3, 2]],
        [[-1, 13], 1, "Concat", [1]],
        [-1, 2, "C3k2", [512, False]],
        [-1, 1, "Conv", [512, 3, 2]],
        [[-1, 10], 1, "Concat", [1]],
        [-1, 2, "C3k2", [1024, True]],
        [[16, 19, 22], 1, "Detect", ["nc"]],
    ],
}
NAMES = {0: "circle", 1: "square"}


def main(out):
    torch.manual_seed(0)
    model = DetectionModel(deepcopy(CFG), ch=3, nc=2, verbose=False)
    args = get_cfg(DEFAULT_CFG, {"model": "ultralytics-seed.yaml", "data": "shapes.yaml", "imgsz": 64, "epochs": 1})
    model.nc = 2  # what DetectionTrainer.set_model_attributes() attaches
    model.names = NAMES
    model.args = args
    ema = ModelEMA(model)
    torch.save(
        {
            "epoch": 0,
            "best_fitness": 0.0,
            "model": None,
            "ema": deepcopy(ema.ema).half(),
            "updates": ema.updates,
            "optimizer": None,
            "train_args": vars(args),
            "train_metrics": {"fitness": 0.0},
            "train_results": {},
            "date": "",
            "version": ultralytics.__version__,
            "license": "AGPL-3.0 (https://ultralytics.com/license)",
            "docs": "https://docs.ultralytics.com",
        },
        out,
    )
    strip_optimizer(out)
    params = sum(p.numel() for p in model.parameters())
    print(f"{out}: {len(model.model)} layers, {params} parameters")


if __name__ == "__main__":
    main(sys.argv[1])
