package dev.yolocam.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.FrameMapper;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.NpyFile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Writes what {@code yolocam explain} produces for one image, each file complete or not at all:
 * {@code <stem>_cam.png} (JET overlay, image weight 0.5), {@code <stem>_heat.png} (grey map),
 * {@code <stem>_boxes.png} (map renormalised inside the boxes, boxes drawn), {@code <stem>_concat.png}
 * (original | overlay | boxes), {@code <stem>_cam.npy} (the map in the network-input frame, float32 H x W), and
 * {@code <stem>.json} (the detect JSON plus a {@code cams} list). In per-detection mode each map gets the same
 * files with {@code <stem>_det<k>_<class>} in place of {@code <stem>}, its boxes picture showing its own box.
 */
public final class ExplainWriter {
    /** What {@code --save} can name. */
    public enum Artifact { OVERLAY, HEATMAP, BOXES, CONCAT, NPY, JSON }

    public static final double IMAGE_WEIGHT = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Function<String, Path> directory;
    private final Set<Artifact> save;
    private final IntFunction<String> className;

    public ExplainWriter(Function<String, Path> directory, Set<Artifact> save, IntFunction<String> className) {
        this.directory = directory;
        this.save = save.isEmpty() ? EnumSet.noneOf(Artifact.class) : EnumSet.copyOf(save);
        this.className = className;
    }

    /** Writes every requested file for one image; returns the number of maps. */
    public int write(String stem, ExplainResult result) {
        DetectionResult dets = result.detections();
        List<Map<String, Object>> camEntries = new ArrayList<>();
        for (CamMap map : result.maps()) {
            String base = map.detectionIndex() < 0 ? stem
                    : String.format(Locale.ROOT, "%s_det%d_%s", stem, map.detectionIndex(),
                            safe(className.apply(dets.inOriginal().get(map.detectionIndex()).classId())));
            String overlayFile = writeMap(base, map, dets);
            camEntries.add(entry(map, overlayFile, base));
        }
        if (save.contains(Artifact.JSON)) {
            Map<String, Object> doc = DetectionJson.of(dets, className);
            doc.put("no_detections", result.noDetections());
            doc.put("cams", camEntries);
            AtomicFiles.write(directory.apply(stem + ".json"), out -> JSON.writeValue(out, doc));
        }
        return result.maps().size();
    }

    /**
     * Every requested file of one map, named {@code base} plus the kind's suffix; returns the overlay's file name,
     * or null when no overlay is saved.
     */
    private String writeMap(String base, CamMap map, DetectionResult dets) {
        String overlayFile = null;
        BufferedImage overlay = save.contains(Artifact.OVERLAY) || save.contains(Artifact.CONCAT)
                ? CamOverlay.overlay(dets.original(), map.original(), IMAGE_WEIGHT) : null;
        if (save.contains(Artifact.OVERLAY)) {
            overlayFile = base + "_cam.png";
            Images.writePng(directory.apply(overlayFile), overlay);
        }
        if (save.contains(Artifact.HEATMAP)) {
            Images.writePng(directory.apply(base + "_heat.png"),
                    Heatmap.grey(map.original(), map.originalWidth(), map.originalHeight()));
        }
        if (save.contains(Artifact.BOXES) || save.contains(Artifact.CONCAT)) {
            BufferedImage boxes = boxesImage(map, dets, originalBoxes(map, dets));
            if (save.contains(Artifact.BOXES)) {
                Images.writePng(directory.apply(base + "_boxes.png"), boxes);
            }
            if (save.contains(Artifact.CONCAT)) {
                Images.writePng(directory.apply(base + "_concat.png"),
                        Panels.sideBySide(List.of(Images.toBuffered(dets.original()), overlay, boxes), 4));
            }
        }
        if (save.contains(Artifact.NPY)) {
            NpyFile.write(directory.apply(base + "_cam.npy"), new int[] {map.height(), map.width()}, map.input());
        }
        return overlayFile;
    }

    /** The map renormalised inside the detection boxes (the explainer's renormalize_cam_in_bounding_boxes). */
    private BufferedImage boxesImage(CamMap map, DetectionResult dets, List<Detection> boxesInOriginal) {
        float[] inBoxes = map.input();
        List<double[]> boxes = new ArrayList<>();
        for (Detection d : map.explained()) {
            boxes.add(new double[] {d.x1(), d.y1(), d.x2(), d.y2()});
        }
        if (!boxes.isEmpty()) {
            inBoxes = CamMath.renormalizeInBoxes(map.input(), map.height(), map.width(), boxes);
        }
        float[] original = FrameMapper.toOriginal(inBoxes, dets.letterbox(), map.originalHeight(),
                map.originalWidth());
        BufferedImage image = CamOverlay.overlay(dets.original(), original, IMAGE_WEIGHT);
        BoxPainter.draw(image, boxesInOriginal, className);
        return image;
    }

    /** The explained detections, in original-image pixels (same order as the input-frame list). */
    private static List<Detection> originalBoxes(CamMap map, DetectionResult dets) {
        List<Detection> out = new ArrayList<>();
        for (Detection d : map.explained()) {
            int i = dets.inInput().indexOf(d);
            if (i >= 0) {
                out.add(dets.inOriginal().get(i));
            }
        }
        return out;
    }

    private Map<String, Object> entry(CamMap map, String overlayFile, String base) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("method", map.method());
        e.put("layers", map.layers());
        e.put("targets", map.targets().stream().map(TargetKind::cliName).toList());
        e.put("detection", map.detectionIndex() < 0 ? null : map.detectionIndex());
        e.put("file", overlayFile);
        e.put("npy", save.contains(Artifact.NPY) ? base + "_cam.npy" : null);
        e.put("min", map.min());
        e.put("max", map.max());
        e.put("metrics", map.metrics());
        return e;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
