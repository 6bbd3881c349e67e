package dev.yolocam.audit;

import dev.yolocam.cam.CamMap;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.io.NpyFile;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.CamOverlay;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The files of one audited map: its thumbnail {@code <base>.png} (the map over the picture, the label dashed, the
 * box with its class and confidence; at most {@link #THUMBNAIL_SIDE} pixels on its longer side) and, unless turned
 * off, {@code <base>.npy} (the map in the original image's frame, float32 H x W, values in [0, 1]). A map's base is
 * {@code maps/<image key>/det<k>} or {@code .../miss<k>}, the key's dots made underscores (two images may differ only
 * in their extension).
 */
public final class AuditArtifacts {
    /** The longer side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_SIDE = 192;

    private final boolean npy;
    private final IntFunction<String> className;

    public AuditArtifacts(boolean npy, IntFunction<String> className) {
        this.npy = npy;
        this.className = className;
    }

    public boolean npy() {
        return npy;
    }

    /** Where an image's maps go, relative to the audit folder. */
    static String base(String imageKey) {
        return "maps/" + imageKey.replace('.', '_');
    }

    List<AuditArtifact> of(String base, RgbImage picture, CamMap map, Detection box, LabelBox label) {
        List<AuditArtifact> out = new ArrayList<>();
        BufferedImage overlay = CamOverlay.overlay(picture, map.original());
        if (label != null) {
            BoxPainter.drawDashed(overlay, label.x1(), label.y1(), label.x2(), label.y2(), label.classId());
        }
        BoxPainter.draw(overlay, List.of(box), className);
        out.add(new AuditArtifact(base + ".png", Images.png(Images.thumbnail(overlay, THUMBNAIL_SIDE))));
        if (npy) {
            out.add(new AuditArtifact(base + ".npy",
                    NpyFile.bytes(new int[] {map.originalHeight(), map.originalWidth()}, map.original())));
        }
        return out;
    }
}
