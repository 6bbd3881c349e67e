package dev.yolocam.render.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every --save combination, for whole-image and per-detection maps: each map gets exactly the requested files,
 * named {@code <base>_cam.png}, {@code _heat.png}, {@code _boxes.png}, {@code _concat.png}, {@code _cam.npy} with
 * base {@code <stem>} or {@code <stem>_det<k>_<class>}, and every file the JSON names exists.
 */
class ExplainOutputsTest {
    private static final Map<String, String> SUFFIX = Map.of("overlay", "_cam.png", "heatmap", "_heat.png",
            "boxes", "_boxes.png", "concat", "_concat.png", "npy", "_cam.npy");
    private static final List<String> PICTURES = List.of("overlay", "heatmap", "boxes", "concat", "npy");
    private static YoloModel model;
    private static ExplainResult whole;
    private static ExplainResult perDetection;

    @TempDir
    Path temp;

    @BeforeAll
    static void explain() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Detector detector = new Detector(model, InputSize.square(160), NmsOptions.defaults());
        Detector.Prepared image = detector.prepare(Oracle.testdata().resolve("default/images/test_0002.png"));
        CamRequest request = CamRequest.of(CamMethods.find("GradCAM").orElseThrow(),
                model.description().detectInputs());
        whole = new CamEngine(detector, request).explain(image);
        perDetection = new CamEngine(detector, request.toBuilder().perDetection(true).build()).explain(image);
        assertTrue(perDetection.maps().size() >= 2, "the picture has several detections");
    }

    /** {@code subset}'s bits choose among overlay, heatmap, boxes, concat, npy; JSON is always written. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31})
    void eachMapGetsExactlyTheRequestedFilesAndTheJsonNamesOnlyFilesThatExist(int subset) throws IOException {
        Set<String> save = new TreeSet<>(Set.of("json"));
        for (int bit = 0; bit < PICTURES.size(); bit++) {
            if ((subset & (1 << bit)) != 0) {
                save.add(PICTURES.get(bit));
            }
        }
        for (ExplainResult result : List.of(whole, perDetection)) {
            Path dir = Files.createDirectories(temp.resolve((result == whole ? "whole" : "per") + subset));
            OutputSelection<ExplainedPicture> outputs = OutputSelection.of(Outputs.EXPLAIN,
                    save.stream().map(name -> Outputs.EXPLAIN.find(name).orElseThrow()).toList());
            outputs.write(new ExplainedPicture(SourceImage.still(Path.of("img.png"), result.detections().original()),
                    result, dir, model.description()::className, outputs));
            Set<String> expected = new TreeSet<>(Set.of("img.json"));
            for (CamMap map : result.maps()) {
                for (String kind : save) {
                    if (!kind.equals("json")) {
                        expected.add(base(map, result) + SUFFIX.get(kind));
                    }
                }
            }
            assertEquals(expected, written(dir), "--save " + save);
            for (String named : namedInJson(dir.resolve("img.json"))) {
                assertTrue(Files.exists(dir.resolve(named)), named + " is named in the JSON but was not written");
            }
        }
    }

    private static String base(CamMap map, ExplainResult result) {
        if (map.detectionIndex() < 0) {
            return "img";
        }
        int classId = result.detections().inOriginal().get(map.detectionIndex()).classId();
        return "img_det" + map.detectionIndex() + "_" + model.description().className(classId);
    }

    private static Set<String> written(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Every file name a {@code cams} entry gives ("file", "npy"). */
    private static List<String> namedInJson(Path json) throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode cam : new ObjectMapper().readTree(json.toFile()).path("cams")) {
            for (String field : List.of("file", "npy")) {
                if (!cam.path(field).isNull() && !cam.path(field).isMissingNode()) {
                    names.add(cam.path(field).asText());
                }
            }
        }
        return names;
    }
}
