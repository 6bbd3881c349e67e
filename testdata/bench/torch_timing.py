"""PyTorch timings of YOLOv8/YOLO11 for the same stages yolocam's `bench` measures (forward, forward+backward to the
Detect inputs), on the same input shapes as `bench` (a 4:3 picture letterboxed: 256x320 at 320, 480x640 at 640),
2 threads, float32, the fused model as Ultralytics' predictor runs it.

Run (upstream Ultralytics 8.3.166 extracted at /tmp/ul8, Debian's python3-torch):
    YOLO_OFFLINE=True YOLO_CONFIG_DIR=/tmp/ulcfg /usr/bin/python3 testdata/bench/torch_timing.py \
        ../shared/oracle-v8/models/yolov8n-random.pt ../shared/oracle-v8/models/yolo11n-random.pt
Prints one line per model, stage and input: median / min / max of 15 timed runs after 3 warm-up runs, in ms per
image. Used for the comparison table in the issue notes; nothing of upstream is part of this repository.
"""
import statistics
import sys
import time

sys.path.insert(0, '/tmp/ul8')
import torch  # noqa: E402
from ultralytics.nn.tasks import attempt_load_one_weight  # noqa: E402

torch.set_num_threads(2)


def timed(action, warmup=3, runs=15):
    for _ in range(warmup):
        action()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return statistics.median(out), min(out), max(out)


def main(paths):
    for path in paths:
        model, _ = attempt_load_one_weight(path)
        model = model.float().fuse().eval()
        detect = model.model[-1]
        feeds = detect.f
        for h, w in ((256, 320), (480, 640)):
            for batch in (1, 4):
                x = torch.rand(batch, 3, h, w)
                with torch.no_grad():
                    fwd = timed(lambda: model(x))
                captured = []
                hooks = [model.model[j].register_forward_hook(lambda m, i, o: captured.append(o)) for j in feeds]

                def forward_backward():
                    captured.clear()
                    y = model(x.requires_grad_(False))[0]
                    target = y[:, 4:, :].sum()
                    torch.autograd.grad(target, captured)

                model.requires_grad_(True)
                fb = timed(forward_backward)
                for hook in hooks:
                    hook.remove()
                for stage, (med, lo, hi) in (('forward', fwd), ('forward_backward', fb)):
                    print(f'{path.split("/")[-1]} {stage} {h}x{w} batch{batch}: '
                          f'{med / batch:.1f} ms/image (min {lo / batch:.1f}, max {hi / batch:.1f})', flush=True)


if __name__ == '__main__':
    main(sys.argv[1:])
