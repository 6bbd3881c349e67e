package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.LabelCheck;
import dev.yolocam.cam.Miss;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.io.JsonFile;
import dev.yolocam.render.DetectionJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <stem>.json}: the detect document plus {@code no_detections} and one {@code cams} entry per map; with
 * {@code --misses} (and a label file) also {@code false_positive} on every detection, {@code labels} (how many) and
 * one {@code misses} entry per missed label.
 */
public final class ExplainJsonOutput implements Output<ExplainedPicture> {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(ExplainedPicture picture) {
        List<Map<String, Object>> cams = new ArrayList<>();
        for (MapView map : picture.maps()) {
            cams.add(entry(map.map(), picture.namedFiles(map)));
        }
        Map<String, Object> doc = DetectionJson.of(picture.source(), picture.result().detections(),
                picture.className());
        doc.put("no_detections", picture.result().noDetections());
        doc.put("cams", cams);
        LabelCheck check = picture.result().labels();
        if (check != null) {
            List<?> detections = (List<?>) doc.get("detections");
            for (int k = 0; k < detections.size(); k++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> d = (Map<String, Object>) detections.get(k);
                d.put("false_positive", check.falsePositives().contains(k));
            }
            doc.put("labels", check.labels());
            List<Map<String, Object>> misses = new ArrayList<>();
            for (int k = 0; k < check.misses().size(); k++) {
                misses.add(miss(check.misses().get(k), picture, k));
            }
            doc.put("misses", misses);
        }
        JsonFile.write(picture.file(picture.source().stem() + ".json"), doc);
    }

    private static Map<String, Object> miss(Miss miss, ExplainedPicture picture, int k) {
        LabelBox l = miss.label();
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("class", l.classId());
        label.put("name", picture.className().apply(l.classId()));
        label.put("box", List.of(l.x1(), l.y1(), l.x2(), l.y2()));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("label", label);
        e.put("row", miss.row());
        e.put("score", miss.score());
        e.put("iou", miss.iou());
        e.put("reason", miss.reason().jsonName());
        e.put("by", switch (miss.reason()) {
            case NMS -> miss.by() < 0 ? null : miss.by();
            case WRONG_CLASS -> picture.className().apply(miss.by());
            default -> null;
        });
        boolean saved = picture.writes("misses");
        e.put("file", saved ? picture.missBase(k) + ".png" : null);
        e.put("npy", saved ? picture.missBase(k) + ".npy" : null);
        e.put("min", miss.map().min());
        e.put("max", miss.map().max());
        return e;
    }

    private static Map<String, Object> entry(CamMap map, Map<String, String> files) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("method", map.method());
        e.put("layers", map.layers());
        e.put("targets", map.targets().stream().map(TargetKind::cliName).toList());
        e.put("detection", map.detectionIndex() < 0 ? null : map.detectionIndex());
        e.putAll(files);
        e.put("min", map.min());
        e.put("max", map.max());
        e.put("metrics", map.metrics());
        return e;
    }
}
