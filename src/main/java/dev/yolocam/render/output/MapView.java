package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.FrameMapper;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.CamOverlay;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One map of an explained picture as its outputs draw it: the file base name ({@code <stem>} or
 * {@code <stem>_det<k>_<class>}), the overlay and the boxes picture, each drawn once however many outputs show it,
 * and the map arithmetic those pictures need (the explained boxes in the original image, the map renormalised
 * inside them).
 */
public final class MapView {
    private final CamMap map;
    private final String base;
    private final DetectionResult detections;
    private final IntFunction<String> className;
    private BufferedImage overlay;
    private BufferedImage boxes;

    MapView(CamMap map, String base, DetectionResult detections, IntFunction<String> className) {
        this.map = map;
        this.base = base;
        this.detections = detections;
        this.className = className;
    }

    public CamMap map() {
        return map;
    }

    public String base() {
        return base;
    }

    public DetectionResult detections() {
        return detections;
    }

    /** The name of {@code output}'s file of this map. */
    public String fileName(MapOutput output) {
        return base + output.suffix();
    }

    /** The map over the original picture (JET, image weight 0.5). */
    public synchronized BufferedImage overlay() {
        if (overlay == null) {
            overlay = CamOverlay.overlay(detections.original(), map.original());
        }
        return overlay;
    }

    /**
     * The map renormalised inside the explained boxes (the explainer's renormalize_cam_in_bounding_boxes) over the
     * original picture, with those boxes drawn.
     */
    public synchronized BufferedImage boxes() {
        if (boxes == null) {
            boxes = CamOverlay.overlay(detections.original(), renormalizedInBoxes());
            BoxPainter.draw(boxes, explainedInOriginal(map, detections), className);
        }
        return boxes;
    }

    /** The map renormalised inside its explained boxes (the whole map when there are none), in original pixels. */
    private float[] renormalizedInBoxes() {
        float[] inBoxes = map.input();
        List<double[]> boxes = new ArrayList<>();
        for (Detection d : map.explained()) {
            boxes.add(new double[] {d.x1(), d.y1(), d.x2(), d.y2()});
        }
        if (!boxes.isEmpty()) {
            inBoxes = CamMath.renormalizeInBoxes(map.input(), map.height(), map.width(), boxes);
        }
        return FrameMapper.toOriginal(inBoxes, detections.letterbox(), map.originalHeight(), map.originalWidth());
    }

    /** The pixel-wise maximum of {@code maps} (one picture's, at least one) in original-image pixels. */
    static float[] maximumInOriginal(List<CamMap> maps) {
        float[] combined = maps.get(0).original().clone();
        for (CamMap map : maps) {
            float[] values = map.original();
            for (int i = 0; i < combined.length; i++) {
                combined[i] = Math.max(combined[i], values[i]);
            }
        }
        return combined;
    }

    /** The detections {@code map} explains, in original-image pixels (the order of its input-frame list). */
    static List<Detection> explainedInOriginal(CamMap map, DetectionResult detections) {
        List<Detection> out = new ArrayList<>();
        for (Detection d : map.explained()) {
            int i = detections.inInput().indexOf(d);
            if (i >= 0) {
                out.add(detections.inOriginal().get(i));
            }
        }
        return out;
    }
}
