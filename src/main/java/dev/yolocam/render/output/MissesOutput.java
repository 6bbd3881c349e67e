package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.LabelCheck;
import dev.yolocam.cam.Miss;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.io.NpyFile;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.CamOverlay;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code explain --misses}: for every missed labelled object, {@code <stem>_miss<k>_<class>.png} (the map of its
 * best-matching prediction row over the picture, the label box dashed, the row's box with its score for the
 * labelled class) and {@code <stem>_miss<k>_<class>.npy} (that map in the network-input frame, float32 H x W); the
 * JSON's {@code misses} entries name them as {@code file} and {@code npy}. Writes nothing without --misses.
 */
public final class MissesOutput implements Output<ExplainedPicture> {
    @Override
    public String name() {
        return "misses";
    }

    @Override
    public void write(ExplainedPicture picture) {
        LabelCheck check = picture.result().labels();
        if (check == null) {
            return;
        }
        List<Miss> misses = check.misses();
        for (int k = 0; k < misses.size(); k++) {
            Miss miss = misses.get(k);
            CamMap map = miss.map();
            String base = picture.missBase(k);
            BufferedImage overlay = CamOverlay.overlay(picture.result().detections().original(), map.original());
            LabelBox label = miss.label();
            BoxPainter.drawDashed(overlay, label.x1(), label.y1(), label.x2(), label.y2(), label.classId());
            DetectionResult detections = picture.result().detections();
            BoxPainter.draw(overlay, List.of(detections.letterbox().toOriginal(miss.box(),
                    detections.original().width(), detections.original().height())), picture.className());
            Images.writePng(picture.file(base + ".png"), overlay);
            NpyFile.write(picture.file(base + ".npy"), new int[] {map.height(), map.width()}, map.input());
        }
    }
}
