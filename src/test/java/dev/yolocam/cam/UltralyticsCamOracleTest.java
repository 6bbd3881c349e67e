package dev.yolocam.cam;

import static dev.yolocam.cam.MapComparison.correlation;
import static dev.yolocam.cam.MapComparison.isZero;
import static dev.yolocam.cam.MapComparison.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.ModelDescription;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole engine against every CAM and gradient file of the YOLOv8/YOLO11 oracle (Ultralytics 8.3.166 +
 * pytorch-grad-cam): target T1 = the class probabilities of the rows NMS keeps at conf 0.25 (iou 0.7), layers
 * {@code Lm2} (the block before Detect) and {@code Ldetin} (Detect's inputs). Tolerances come from the float64
 * reruns in {@code testdata/oracle-precision/<case>.json} (measure_v8.py).
 */
class UltralyticsCamOracleTest {

    record OracleFile(OracleCase oracle, Path file, String method, String layerKey) {
        @Override
        public String toString() {
            return oracle.name() + "/" + file.getFileName();
        }
    }

    static List<OracleFile> camFiles() throws IOException {
        return files("cam__");
    }

    static List<OracleFile> gradFiles() throws IOException {
        return files("grad__");
    }

    private static List<OracleFile> files(String prefix) throws IOException {
        List<OracleFile> out = new ArrayList<>();
        for (OracleCase c : OracleCase.allUltralytics()) {
            try (Stream<Path> files = Files.list(c.dir())) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                    String[] parts = f.getFileName().toString().replace(".npy", "").split("__");
                    boolean cam = prefix.equals("cam__");
                    out.add(new OracleFile(c, f, cam ? parts[1] : null, cam ? parts[2] : parts[1]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("camFiles")
    void engineReproducesUpstreamCam(OracleFile cam) {
        CamMethod method = CamMethods.find(cam.method()).orElseThrow();
        OracleCase c = cam.oracle();
        YoloModel model = CamEngineOracleTest.model(c.weights());
        CamRequest request = CamRequest.builder(method, layers(model.description(), cam.layerKey()))
                .targets(List.of(TargetKind.CLASS)).build();
        Detector detector = new Detector(model, InputSize.square(320), oracleNms(model));
        ExplainResult result = new CamEngine(detector, request).explain(CamEngineOracleTest.oracleInput(c));

        assertFalse(result.noDetections(), "the oracle's detections are found again");
        float[] ours = result.maps().get(0).input();
        float[] reference = NpyFile.read(cam.file()).data();
        assertEquals(reference.length, ours.length);
        String key = cam.method() + "__" + cam.layerKey() + "__T1";
        Tolerance tolerance = Float64Bounds.ofOracleV8Case(c.dir(), c.name()).cam(key)
                .orElseThrow(() -> new AssertionError(cam + ": no measured float64 bound; run measure_v8.py"));
        if (method.name().startsWith("Eigen")) {
            reference = upstreamWithOurSigns(cam, reference, ours, tolerance);
        }
        double maxDiff = maxAbsDiff(reference, ours);
        System.out.printf("cam %-55s max|diff| %.2e (%.2f of tolerance)%n", cam, maxDiff,
                maxDiff / tolerance.value());
        if (isZero(reference)) {
            assertTrue(isZero(ours), cam + ": upstream's map is all zero, ours is not");
        } else {
            assertTrue(correlation(reference, ours) >= 0.999, cam + ": correlation " + correlation(reference, ours));
        }
        assertTrue(tolerance.admits(maxDiff), cam + ": max abs diff " + maxDiff + "; " + tolerance);
    }

    @ParameterizedTest
    @MethodSource("gradFiles")
    void gradientOfT1MatchesUpstream(OracleFile g) {
        OracleCase c = g.oracle();
        YoloModel model = CamEngineOracleTest.model(c.weights());
        String name = g.file().getFileName().toString().replace(".npy", "");
        List<String> layers = layers(model.description(), g.layerKey());
        String layer = name.contains("__k") ? layers.get(Integer.parseInt(name.replaceAll(".*__k(\\d+)__.*", "$1")))
                : layers.get(0);
        INDArray input = c.npy("input.npy");
        YoloGraph graph = model.graph(new GraphSpec(1, (int) input.size(2), (int) input.size(3),
                new LinkedHashSet<>(List.of(layer))));
        Target target = GradientOracleTest.oracleTarget(c.dets(), "T1");
        DetectHead head = model.description().detect();
        OutAndGrad pass = graph.forwardBackward(input, List.of(layer), List.of(layer), raw -> {
            float[] out = raw.dup('c').data().asFloat();
            return Nd4j.create(target.gradient(head.predictions(out, 0, head.rows(raw.shape()))), raw.shape(),
                    DataType.FLOAT);
        });
        float[] ours = pass.getGradients().get(layer).dup('c').data().asFloat();
        float[] expected = NpyFile.read(g.file()).data();
        assertEquals(expected.length, ours.length, "gradient size");
        double max = 0;
        for (float v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        double diff = maxAbsDiff(expected, ours);
        Tolerance tolerance = Float64Bounds.ofOracleV8Case(c.dir(), c.name()).gradient(name)
                .orElseThrow(() -> new AssertionError(g + ": no measured float64 bound; run measure_v8.py"));
        System.out.printf("grad %-45s max|diff| %.2e, max|grad| %.2e%n", g, diff, max);
        assertTrue(max == 0 ? diff == 0 : tolerance.admits(diff / max),
                g + ": max abs diff " + diff + " vs max " + max + "; " + tolerance);
    }

    /** The family's upstream NMS: conf 0.25, iou 0.7. */
    private static NmsOptions oracleNms(YoloModel model) {
        return NmsOptions.defaults().withIouThreshold(model.description().detect().postprocessing().defaultIou());
    }

    /** Oracle README 3: Lm2 = the block before Detect, Ldetin = Detect's inputs. */
    static List<String> layers(ModelDescription model, String key) {
        return switch (key) {
            case "Lm2" -> List.of(model.blocks().get(model.blocks().size() - 2).path());
            case "Ldetin" -> model.detectInputs();
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * EigenCAM's maps depend on the sign of each layer's singular vector, which LAPACK picks arbitrarily. The map of
     * every sign combination is built from each layer's projection (before ReLU): upstream's own ({@code eigproj})
     * where the oracle ships it, else ours from our activation of that layer, which the graph parity tests hold to
     * upstream's. Upstream's map must be one of them, and the one closest to ours is the reference.
     */
    private static float[] upstreamWithOurSigns(OracleFile cam, float[] upstream, float[] ours, Tolerance tolerance) {
        OracleCase c = cam.oracle();
        YoloModel model = CamEngineOracleTest.model(c.weights());
        List<String> layers = layers(model.description(), cam.layerKey());
        List<float[]> projections = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            String file = layers.size() == 1 ? "eigproj__" + cam.layerKey() + ".npy"
                    : "eigproj__" + cam.layerKey() + "__k" + k + ".npy";
            if (c.has(file)) {
                NpyFile.FloatArray p = NpyFile.read(c.dir().resolve(file));
                projections.add(p.data());
                shapes.add(new int[] {p.dim(0), p.dim(1)});
            } else {
                INDArray input = c.npy("input.npy");
                INDArray act = model.graph(GraphSpec.forward((int) input.size(2), (int) input.size(3)))
                        .outputs(input, List.of(layers.get(k))).get(layers.get(k));
                int ch = (int) act.size(1);
                int h = (int) act.size(2);
                int w = (int) act.size(3);
                LayerTensors t = new LayerTensors(layers.get(k), ch, h, w, act.dup('c').data().asFloat(), null);
                projections.add(CamMethods.find(cam.method()).orElseThrow().layerMap(t, false, null,
                        CamOptions.defaults()));
                shapes.add(new int[] {h, w});
            }
        }
        int outH = 320;
        int outW = upstream.length / outH;
        double upstreamDiff = Double.MAX_VALUE;
        float[] closestToOurs = null;
        double oursDiff = Double.MAX_VALUE;
        for (int signs = 0; signs < 1 << layers.size(); signs++) {
            List<float[]> maps = new ArrayList<>();
            for (int k = 0; k < layers.size(); k++) {
                float[] p = projections.get(k).clone();
                if ((signs >> k & 1) == 1) {
                    for (int i = 0; i < p.length; i++) {
                        p[i] = -p[i];
                    }
                }
                maps.add(CamMath.scaleCam(CamMath.relu(p), shapes.get(k)[0], shapes.get(k)[1], outH, outW));
            }
            float[] candidate = CamMath.aggregate(maps, CamMath.Aggregation.MEAN);
            upstreamDiff = Math.min(upstreamDiff, maxAbsDiff(candidate, upstream));
            double diff = maxAbsDiff(candidate, ours);
            if (diff < oursDiff) {
                oursDiff = diff;
                closestToOurs = candidate;
            }
        }
        assertTrue(tolerance.admits(upstreamDiff), cam + ": upstream's map is no sign combination of the layers' "
                + "projections (closest " + upstreamDiff + "); " + tolerance);
        return closestToOurs;
    }
}
