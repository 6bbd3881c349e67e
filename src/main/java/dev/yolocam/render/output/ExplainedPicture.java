package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.CamOverlay;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One picture as {@code yolocam explain} writes it: its detections and maps, each map with its file base name
 * ({@code <stem>}, or {@code <stem>_det<k>_<class>} in per-detection mode), and which outputs this run writes.
 */
public final class ExplainedPicture extends OutputPicture {
    private final ExplainResult result;
    private final IntFunction<String> className;
    private final OutputSelection<ExplainedPicture> selection;
    private final List<MapView> maps = new ArrayList<>();

    /**
     * @param folder    where the files go
     * @param selection the outputs this run writes, which the JSON document names
     */
    public ExplainedPicture(SourceImage source, ExplainResult result, Path folder,
                            IntFunction<String> className, OutputSelection<ExplainedPicture> selection) {
        super(source, folder);
        this.result = result;
        this.className = className;
        this.selection = selection;
        DetectionResult detections = result.detections();
        for (CamMap map : result.maps()) {
            String base = map.detectionIndex() < 0 ? source.stem()
                    : String.format(Locale.ROOT, "%s_det%d_%s", source.stem(), map.detectionIndex(),
                            safe(className.apply(detections.inOriginal().get(map.detectionIndex()).classId())));
            maps.add(new MapView(map, base, detections, className));
        }
    }

    public ExplainResult result() {
        return result;
    }

    public List<MapView> maps() {
        return maps;
    }

    public IntFunction<String> className() {
        return className;
    }

    /** The base file name of the k-th missed label's files: {@code <stem>_miss<k>_<class>}. */
    public String missBase(int k) {
        int classId = result.labels().misses().get(k).label().classId();
        return String.format(Locale.ROOT, "%s_miss%d_%s", source().stem(), k, safe(className.apply(classId)));
    }

    /** Whether this run writes the output named {@code name} for this picture. */
    public boolean writes(String name) {
        return selection.registered().stream().anyMatch(o -> o.name().equals(name) && selection.writes(o, this));
    }

    /**
     * The files of {@code map} its JSON entry names: for every registered output with a JSON key, in registration
     * order, the file this run writes, or null when it writes none.
     */
    public Map<String, String> namedFiles(MapView map) {
        Map<String, String> named = new LinkedHashMap<>();
        for (Output<ExplainedPicture> output : selection.registered()) {
            if (output instanceof MapOutput mapOutput && mapOutput.jsonKey() != null) {
                named.put(mapOutput.jsonKey(), selection.writes(output, this) ? map.fileName(mapOutput) : null);
            }
        }
        return named;
    }

    /**
     * What a video's annotated copy shows for one frame: the overlay (image weight 0.5) of its map - of several
     * maps (--per-detection) their pixel-wise maximum - with the explained detections' boxes; a frame without a
     * map shows the frame itself.
     */
    public static BufferedImage videoFrame(ExplainResult result, IntFunction<String> className) {
        DetectionResult detections = result.detections();
        if (result.maps().isEmpty()) {
            return Images.toBuffered(detections.original());
        }
        List<Detection> boxes = new ArrayList<>();
        for (CamMap map : result.maps()) {
            MapView.explainedInOriginal(map, detections).stream().filter(d -> !boxes.contains(d)).forEach(boxes::add);
        }
        BufferedImage frame = CamOverlay.overlay(detections.original(), MapView.maximumInOriginal(result.maps()));
        BoxPainter.draw(frame, boxes, className);
        return frame;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
