#!/usr/bin/python3
"""Regenerates cv2_resize.json: OpenCV's INTER_LINEAR resize and YOLOv5 v7.0's letterbox on synthetic images.

    /usr/bin/python3 testdata/resize/generate.py      # needs Debian's python3-opencv and python3-numpy

Source images are not stored: both sides compute them from a formula (pattern() below and
LetterboxResizeFixtureTest.pattern in Java), so each case is a few numbers and the SHA-256 of OpenCV's output.
The cases sweep up- and down-scale factors on odd sizes, one-pixel sides, the 231x219 photo size that showed the
upscaling border difference, and exact halvings (where OpenCV switches INTER_LINEAR to INTER_AREA internally).
"""
import hashlib
import json
import math
from pathlib import Path

import cv2
import numpy as np

HERE = Path(__file__).resolve().parent


def pattern(width, height, flat):
    """Pseudo-random RGB bytes: (i * 2654435761 mod 2^32) >> 24 for byte index i; `flat` repeats each 4x4 block's
    value so that neighbouring rows and columns are equal (the case where separate truncations show)."""
    y, x, c = np.meshgrid(np.arange(height), np.arange(width), np.arange(3), indexing='ij')
    if flat:
        x, y = x // 4, y // 4
    i = ((y * width + x) * 3 + c).astype(np.uint64)
    return ((i * 2654435761) % (1 << 32) >> 24).astype(np.uint8)


def letterbox(im, new_shape, stride=32, auto=True):
    """YOLOv5 v7.0 utils/augmentations.letterbox with color (114, 114, 114), scaleFill=False, scaleup=True."""
    shape = im.shape[:2]
    r = min(new_shape[0] / shape[0], new_shape[1] / shape[1])
    new_unpad = int(round(shape[1] * r)), int(round(shape[0] * r))
    dw, dh = new_shape[1] - new_unpad[0], new_shape[0] - new_unpad[1]
    if auto:
        dw, dh = np.mod(dw, stride), np.mod(dh, stride)
    dw /= 2
    dh /= 2
    if shape[::-1] != new_unpad:
        im = cv2.resize(im, new_unpad, interpolation=cv2.INTER_LINEAR)
    top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
    left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
    return cv2.copyMakeBorder(im, top, bottom, left, right, cv2.BORDER_CONSTANT, value=(114, 114, 114))


def sha(a):
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


def main():
    sources = [(231, 219), (7, 5), (33, 17), (1, 9), (9, 1), (64, 48), (50, 50), (13, 29), (100, 3)]
    factors = [0.25, 0.3, 0.5, 0.71, 0.99, 1.01, 1.37, 2.0, 2.5, 3.0, 4.0, 7.3]
    resize = []
    for (w, h) in sources:
        for flat in (False, True):
            src = pattern(w, h, flat)
            for f in factors:
                dw, dh = max(1, int(round(w * f))), max(1, int(round(h * f)))
                if (dw, dh) == (w, h) or dw * dh > 400_000:
                    continue
                out = cv2.resize(src, (dw, dh), interpolation=cv2.INTER_LINEAR)
                resize.append(dict(src=[w, h], flat=flat, dst=[dw, dh], sha256=sha(out), sum=int(out.sum())))
    boxes = []
    for (w, h) in [(231, 219), (219, 231), (33, 17), (640, 480), (97, 301)]:
        for size in (320, 640):
            for auto in (True, False):
                out = letterbox(pattern(w, h, False), (size, size), auto=auto)
                boxes.append(dict(src=[w, h], imgsz=size, auto=auto, shape=list(out.shape[:2]), sha256=sha(out)))
    doc = dict(opencv=cv2.__version__, numpy=np.__version__, note=__doc__.strip().splitlines()[0],
               resize=resize, letterbox=boxes)
    (HERE / 'cv2_resize.json').write_text(json.dumps(doc, indent=1) + '\n')
    print(f'{len(resize)} resize cases, {len(boxes)} letterbox cases, OpenCV {cv2.__version__}')


if __name__ == '__main__':
    main()
