package dev.yolocam.render;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.io.HttpDownloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The per-picture JSON document: image (its path, or the URL it was downloaded from; for a video frame also the
 * frame number), size, the network input
 * geometry, and the detections in original-image pixels sorted by confidence. {@code explain} adds a {@code cams}
 * list to the same document.
 */
public final class DetectionJson {
    private DetectionJson() {
    }

    /** The document of one picture: for a video frame, {@code image} names the video and {@code frame} the frame. */
    public static Map<String, Object> of(SourceImage picture, DetectionResult result, IntFunction<String> className) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("image", HttpDownloads.originOf(picture.file()));
        if (picture.isVideoFrame()) {
            doc.put("frame", picture.frame());
        }
        doc.put("width", result.original().width());
        doc.put("height", result.original().height());
        LetterboxResult lb = result.letterbox();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("width", lb.width());
        input.put("height", lb.height());
        input.put("ratio", lb.ratio());
        input.put("pad", List.of(lb.padLeft(), lb.padTop()));
        doc.put("input", input);
        List<Map<String, Object>> detections = new ArrayList<>();
        for (Detection d : result.inOriginal()) {
            detections.add(detection(d, className));
        }
        doc.put("detections", detections);
        return doc;
    }

    public static Map<String, Object> detection(Detection d, IntFunction<String> className) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", d.classId());
        m.put("name", className.apply(d.classId()));
        m.put("confidence", d.confidence());
        m.put("box", List.of(d.x1(), d.y1(), d.x2(), d.y2()));
        return m;
    }
}
