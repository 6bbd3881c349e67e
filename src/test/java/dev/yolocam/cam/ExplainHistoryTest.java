package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An image's maps do not depend on what the model explained before: the first image a fresh process explains gets
 * the same numbers, bit for bit, as when it comes after others (an interrupted audit resumed in a new process must
 * write the rows of an uninterrupted one).
 */
class ExplainHistoryTest {
    private static final Path IMAGES = Oracle.testdata().resolve("default/images");

    private static List<CamMap> explain(YoloModel model, Path image) {
        CamRequest request = CamRequest.builder(CamMethods.find("ODAM").orElseThrow(),
                List.of("model.17", "model.20", "model.23")).perDetection(true).misses(true).build();
        return new CamEngine(new Detector(model, InputSize.square(320), NmsOptions.defaults()), request)
                .explain(image).maps();
    }

    private static YoloModel freshModel() {
        return ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
    }

    @Test
    void theFirstImageOfAFreshModelGetsTheMapsItGetsAfterOtherImages() {
        Path last = IMAGES.resolve("test_0003.png");
        List<CamMap> first = explain(freshModel(), last);

        YoloModel warm = freshModel();
        for (int i = 0; i < 3; i++) {
            explain(warm, IMAGES.resolve("test_000" + i + ".png"));
        }
        List<CamMap> after = explain(warm, last);

        assertEquals(first.size(), after.size());
        for (int m = 0; m < first.size(); m++) {
            assertArrayEquals(first.get(m).input(), after.get(m).input(), "map " + m);
        }
    }
}
