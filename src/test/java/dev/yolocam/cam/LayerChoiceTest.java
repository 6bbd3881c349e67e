package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which layers can be explained: feature maps (N, C, H, W), including the convolutions inside Detect, but not the
 * Detect module itself. A bad choice is a usage error before any image; one that reaches the engine anyway is a
 * YolocamException, never an unchecked one.
 */
class LayerChoiceTest {
    private static YoloModel model;
    private static LayerResolver resolver;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        resolver = new LayerResolver(model.graph(GraphSpec.forward(64, 64)).layers(),
                model.description().detectInputs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.24", "-1", "24"})
    void theDetectModuleIsAUsageErrorThatNamesTheDetectInputs(String layer) {
        LayerChoiceException e = assertThrows(LayerChoiceException.class, () -> resolver.resolve(layer));
        assertEquals(2, e.exitCode());
        assertEquals(layer, e.requested());
        assertEquals(List.of("17", "20", "23"), e.instead());
        assertTrue(e.problem().contains("Detect") && e.problem().contains("17, 20, 23"), e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.24", "-1", "25", "model.99", ""})
    void aRefusalSaysLayerInTheLibrarysWordsWithoutCommandLineFlags(String layer) {
        LayerChoiceException e = assertThrows(LayerChoiceException.class, () -> resolver.resolve(layer));
        assertTrue(e.problem().startsWith("layer '" + layer + "': "), e.problem());
        assertFalse(e.getMessage().contains("--") || e.getMessage().contains("yolocam layers"), e.getMessage());
    }

    @Test
    void noLayerRequestedMeansTheDetectInputs() {
        assertEquals(model.description().detectInputs(), LayerResolver.choose(model, InputSize.square(64), List.of()));
        assertEquals(List.of("model.23"), LayerResolver.choose(model, InputSize.square(64), List.of("-2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "-99999999999", "25", "-26"})
    void anIndexOutOfRangeIsAUsageError(String index) {
        YolocamException e = assertThrows(YolocamException.class, () -> resolver.resolve(index));
        assertEquals(2, e.exitCode());
        assertTrue(e.problem().contains("25 top-level blocks"), e.problem());
    }

    @Test
    void anUnknownPathIsAUsageError() {
        assertEquals(2, assertThrows(YolocamException.class, () -> resolver.resolve("model.99")).exitCode());
    }

    @Test
    void convolutionsInsideDetectAreFeatureMapsAndResolve() {
        assertEquals(List.of("model.24.m.0", "model.23"), resolver.resolve(List.of("model.24.m.0", "-2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GradCAM", "EigenCAM"})
    void theEngineRejectsALayerThatIsNotAFeatureMapWithAYolocamException(String method) {
        Detector detector = new Detector(model, InputSize.square(64),
                NmsOptions.defaults().withConfThreshold(0.01));
        CamEngine engine = new CamEngine(detector, CamRequest.of(CamMethods.find(method).orElseThrow(),
                List.of("model.24")));
        Detector.Prepared image = detector.prepare(Oracle.testdata().resolve("default/images/test_0000.png"));
        YolocamException e = assertThrows(YolocamException.class, () -> engine.explain(image));
        assertTrue(e.getMessage().contains("model.24") && e.getMessage().contains("not a feature map"),
                e.getMessage());
    }
}
