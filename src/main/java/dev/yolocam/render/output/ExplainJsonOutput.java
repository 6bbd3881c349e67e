package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.io.JsonFile;
import dev.yolocam.render.DetectionJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code <stem>.json}: the detect document plus {@code no_detections} and one {@code cams} entry per map. */
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
        JsonFile.write(picture.file(picture.source().stem() + ".json"), doc);
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
