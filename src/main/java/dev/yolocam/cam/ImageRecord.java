package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;

/** One image of a first pass: the tensors the pass left, the detections of that very pass, and their target. */
record ImageRecord(TappedPass pass, DetectionResult detections, Target target) {
}
