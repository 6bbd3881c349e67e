package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.head.DetectHead;
import dev.yolocam.io.NpyFile;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.OracleCase;
import dev.yolocam.testing.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * d(target)/d(activation) from one SameDiff forward+backward against every {@code grad__*} file of the oracle,
 * with the oracle's exact T1/T2 definitions (rows and classes from dets.json) on the oracle's input, each within the
 * tolerance derived from its float64 rerun (testdata/oracle-precision/measure.py).
 */
class GradientOracleTest {
    record GradFile(OracleCase oracle, Path file, String layerKey, int level, String target) {
        @Override
        public String toString() {
            return oracle.name() + "/" + file.getFileName();
        }

        String layer() {
            return switch (layerKey) {
                case "Lm2" -> "model.23";
                case "Ldetin" -> List.of("model.17", "model.20", "model.23").get(level);
                default -> throw new IllegalArgumentException(layerKey);
            };
        }
    }

    static List<GradFile> gradFiles() throws IOException {
        List<GradFile> out = new ArrayList<>();
        for (OracleCase c : OracleCase.all()) {
            try (Stream<Path> files = Files.list(c.dir())) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("grad__")).sorted().toList()) {
                    String[] parts = f.getFileName().toString().replace(".npy", "").split("__");
                    boolean perLevel = parts.length == 4;
                    out.add(new GradFile(c, f, parts[1], perLevel ? Integer.parseInt(parts[2].substring(1)) : 0,
                            parts[parts.length - 1]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("gradFiles")
    void gradientMatchesUpstreamWithinItsMeasuredFloat32Bound(GradFile g) {
        OracleCase c = g.oracle();
        YoloModel model = CamEngineOracleTest.model(c.weights());
        INDArray input = c.npy("input.npy");
        YoloGraph graph = model.graph(new GraphSpec(1, (int) input.size(2), (int) input.size(3),
                new LinkedHashSet<>(List.of(g.layer()))));
        Target target = oracleTarget(c.dets(), g.target());
        OutAndGrad pass = graph.forwardBackward(input, List.of(g.layer()), List.of(g.layer()), raw -> {
            float[] out = raw.dup('c').data().asFloat();
            DetectHead head = model.description().detect();
            return Nd4j.create(target.gradient(head.predictions(out, 0, head.rows(raw.shape()))), raw.shape(),
                    DataType.FLOAT);
        });
        float[] ours = pass.getGradients().get(g.layer()).dup('c').data().asFloat();
        NpyFile.FloatArray expected = NpyFile.read(g.file());
        assertEquals(expected.data().length, ours.length, "gradient size");
        double max = 0;
        for (float v : expected.data()) {
            max = Math.max(max, Math.abs(v));
        }
        double diff = MapComparison.maxAbsDiff(expected.data(), ours);
        String key = g.file().getFileName().toString().replace(".npy", "");
        Tolerance tolerance = Float64Bounds.ofOracleCase(c).gradient(key).orElseThrow(() -> new AssertionError(
                g + ": no float64 bound measured; run testdata/oracle-precision/measure.py"));
        System.out.printf("grad %-45s max|diff| %.2e, max|grad| %.2e (%.2f of tolerance)%n", g, diff, max,
                max == 0 ? 0 : diff / max / tolerance.value());
        assertTrue(max == 0 ? diff == 0 : tolerance.admits(diff / max),
                g + ": max abs diff " + diff + " vs max " + max + "; " + tolerance);
    }

    /** T1: the class column of each NMS-kept row; T2: the listed classes summed over every row (oracle README 4). */
    static Target oracleTarget(JsonNode dets, String key) {
        JsonNode t = dets.path(key);
        if (key.equals("T1")) {
            List<Detection> rows = new ArrayList<>();
            for (int i = 0; i < t.path("rows").size(); i++) {
                rows.add(new Detection(0, 0, 0, 0, 0, t.path("classes").get(i).asInt(), t.path("rows").get(i).asInt()));
            }
            return new Target(List.of(TargetKind.CLASS), rows, new int[0]);
        }
        int[] classes = new int[t.path("classes").size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = t.path("classes").get(i).asInt();
        }
        return new Target(List.of(TargetKind.CLASS_ALL), List.of(), classes);
    }

    /**
     * The shared-SiLU case (oracle README 5.1): yolocam explains the module named, so {@code model.2.m.0.cv1.act}
     * gives exactly the map of {@code model.2.m.0.cv1} (the Conv output it was meant to be), not layer 0's.
     */
    @Test
    void actPathExplainsItsOwnConvNotLayerZero() {
        OracleCase c = OracleCase.load("random_bus_320");
        Detector detector = new Detector(CamEngineOracleTest.model(c.weights()), InputSize.square(320),
                NmsOptions.defaults().withConfThreshold(0.001).withMaxDet(20));
        CamMethod gradCam = CamMethods.find("GradCAM").orElseThrow();
        Detector.Prepared input = CamEngineOracleTest.oracleInput(c);
        CamMap act = new CamEngine(detector, CamRequest.of(gradCam, List.of("model.2.m.0.cv1.act")))
                .explain(input).maps().get(0);
        CamMap conv = new CamEngine(detector, CamRequest.of(gradCam, List.of("model.2.m.0.cv1")))
                .explain(input).maps().get(0);
        assertArrayEquals(conv.input(), act.input(), "same tensor, same map");
        float[] upstreamLayer0 = NpyFile.read(c.dir().resolve("cam__GradCAM__L2m0cv1act__T1.npy")).data();
        assertTrue(MapComparison.correlation(upstreamLayer0, act.input()) < 0.99,
                "not the layer-0 map pytorch-grad-cam produced for this path");
        // meta.json: upstream's GradCAM on L2m0cv1 has max 0.99999988 and AblationCAM there is all zero
        assertEquals(0.9999998807907104, act.max(), 1e-6);
        CamMap ablation = new CamEngine(detector, CamRequest.builder(CamMethods.find("AblationCAM").orElseThrow(),
                List.of("model.2.m.0.cv1")).options(new CamOptions(32, 0)).build()).explain(input).maps().get(0);
        assertTrue(MapComparison.isZero(ablation.input()), "upstream's AblationCAM on L2m0cv1 is all zero");
    }
}
