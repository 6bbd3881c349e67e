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
import dev.yolocam.detect.SourceImage;
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
 *
 * <p>A video frame gets its JSON and npy files only (stem {@code <video stem>_<frame>}); its picture is a frame of the
 * video's annotated copy instead ({@link #videoFrame}).
 */
public final class ExplainWriter {
    /** What {@code --save} can name. */
    public enum Artifact { OVERLAY, HEATMAP, BOXES, CONCAT, NPY, JSON }

    /** What a video frame writes of its own; its pictures go into the annotated video. */
    private static final Set<Artifact> FRAME_FILES = EnumSet.of(Artifact.NPY, Artifact.JSON);

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

    /** Writes every requested file for one picture; returns the number of maps. */
    public int write(SourceImage picture, ExplainResult result) {
        Set<Artifact> files = EnumSet.noneOf(Artifact.class);
        files.addAll(save);
        if (picture.isVideoFrame()) {
            files.retainAll(FRAME_FILES);
        }
        String stem = picture.stem();
        DetectionResult dets = result.detections();
        List<Map<String, Object>> camEntries = new ArrayList<>();
        for (CamMap map : result.maps()) {
            String base = map.detectionIndex() < 0 ? stem
                    : String.format(Locale.ROOT, "%s_det%d_%s", stem, map.detectionIndex(),
                            safe(className.apply(dets.inOriginal().get(map.detectionIndex()).classId())));
            String overlayFile = writeMap(base, map, dets, files);
            camEntries.add(entry(map, overlayFile, base, files));
        }
        if (files.contains(Artifact.JSON)) {
            Map<String, Object> doc = DetectionJson.of(picture, dets, className);
            doc.put("no_detections", result.noDetections());
            doc.put("cams", camEntries);
            AtomicFiles.write(directory.apply(stem + ".json"), out -> JSON.writeValue(out, doc));
        }
        return result.maps().size();
    }

    /** Whether {@code --save} asked for pictures, which for a video means its annotated copy. */
    public boolean drawsPictures() {
        return save.stream().anyMatch(a -> !FRAME_FILES.contains(a));
    }

    /**
     * What a video's annotated copy shows for one frame: the overlay (image weight 0.5) of its map - of several
     * maps (--per-detection) their pixel-wise maximum - with the explained detections' boxes; a frame without a
     * map shows the frame itself.
     */
    public BufferedImage videoFrame(ExplainResult result) {
        DetectionResult dets = result.detections();
        if (result.maps().isEmpty()) {
            return Images.toBuffered(dets.original());
        }
        float[] combined = result.maps().get(0).original().clone();
        List<Detection> boxes = new ArrayList<>();
        for (CamMap map : result.maps()) {
            float[] values = map.original();
            for (int i = 0; i < combined.length; i++) {
                combined[i] = Math.max(combined[i], values[i]);
            }
            originalBoxes(map, dets).stream().filter(d -> !boxes.contains(d)).forEach(boxes::add);
        }
        BufferedImage frame = CamOverlay.overlay(dets.original(), combined, IMAGE_WEIGHT);
        BoxPainter.draw(frame, boxes, className);
        return frame;
    }

    /**
     * Every requested file of one map, named {@code base} plus the kind's suffix; returns the overlay's file name,
     * or null when no overlay is saved.
     */
    private String writeMap(String base, CamMap map, DetectionResult dets, Set<Artifact> files) {
        String overlayFile = null;
        BufferedImage overlay = files.contains(Artifact.OVERLAY) || files.contains(Artifact.CONCAT)
                ? CamOverlay.overlay(dets.original(), map.original(), IMAGE_WEIGHT) : null;
        if (files.contains(Artifact.OVERLAY)) {
            overlayFile = base + "_cam.png";
            Images.writePng(directory.apply(overlayFile), overlay);
        }
        if (files.contains(Artifact.HEATMAP)) {
            Images.writePng(directory.apply(base + "_heat.png"),
                    Heatmap.grey(map.original(), map.originalWidth(), map.originalHeight()));
        }
        if (files.contains(Artifact.BOXES) || files.contains(Artifact.CONCAT)) {
            BufferedImage boxes = boxesImage(map, dets, originalBoxes(map, dets));
            if (files.contains(Artifact.BOXES)) {
                Images.writePng(directory.apply(base + "_boxes.png"), boxes);
            }
            if (files.contains(Artifact.CONCAT)) {
                Images.writePng(directory.apply(base + "_concat.png"),
                        Panels.sideBySide(List.of(Images.toBuffered(dets.original()), overlay, boxes), 4));
            }
        }
        if (files.contains(Artifact.NPY)) {
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

    private static Map<String, Object> entry(CamMap map, String overlayFile, String base, Set<Artifact> files) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("method", map.method());
        e.put("layers", map.layers());
        e.put("targets", map.targets().stream().map(TargetKind::cliName).toList());
        e.put("detection", map.detectionIndex() < 0 ? null : map.detectionIndex());
        e.put("file", overlayFile);
        e.put("npy", files.contains(Artifact.NPY) ? base + "_cam.npy" : null);
        e.put("min", map.min());
        e.put("max", map.max());
        e.put("metrics", map.metrics());
        return e;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
