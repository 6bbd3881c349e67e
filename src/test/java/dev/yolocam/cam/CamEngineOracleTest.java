package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageLoader;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.io.NpyFile;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.OracleCase;
import dev.yolocam.testing.Tolerance;
import static dev.yolocam.cam.MapComparison.correlation;
import static dev.yolocam.cam.MapComparison.isZero;
import static dev.yolocam.cam.MapComparison.maxAbsDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole engine (forward, NMS inside the pass, target, backward, method, scaling, aggregation) against every
 * CAM file pytorch-grad-cam wrote into the oracle. The network input is the oracle's own input.npy, so JPEG
 * decoder differences cannot blur the comparison.
 */
class CamEngineOracleTest {
    private static final Map<Path, YoloModel> MODELS = new HashMap<>();

    record CamFile(OracleCase oracle, Path file, String method, String layerKey, String target) {
        @Override
        public String toString() {
            return oracle.name() + "/" + file.getFileName();
        }
    }

    static List<CamFile> camFiles() throws IOException {
        List<CamFile> out = new ArrayList<>();
        for (OracleCase c : OracleCase.all()) {
            try (Stream<Path> files = Files.list(c.dir())) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("cam__")).sorted().toList()) {
                    String[] parts = f.getFileName().toString().replace(".npy", "").split("__");
                    out.add(new CamFile(c, f, parts[1], parts[2], parts[3]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("camFiles")
    void engineReproducesUpstreamCam(CamFile cam) {
        boolean eigenSmooth = cam.method().endsWith("_eigensmooth");
        Optional<CamMethod> found = CamMethods.find(cam.method().replace("_eigensmooth", ""));
        assertTrue(found.isPresent(), cam + ": yolocam has no method " + cam.method());
        CamMethod method = found.get();
        OracleCase c = cam.oracle();
        CamRequest request = CamRequest.builder(method, layers(cam.layerKey()))
                .targets(List.of(cam.target().equals("T1") ? TargetKind.CLASS : TargetKind.CLASS_ALL))
                .eigenSmooth(eigenSmooth)
                .options(new CamOptions(method.name().equals("AblationCAM") ? 32 : 16, 0))
                .build();
        boolean random = c.name().startsWith("random");
        NmsOptions nms = random ? NmsOptions.defaults().withConfThreshold(0.001).withMaxDet(20)
                : NmsOptions.defaults();
        Detector detector = new Detector(model(c.weights()), InputSize.square(320), nms);
        ExplainResult result = new CamEngine(detector, request).explain(oracleInput(c));

        NpyFile.FloatArray expected = NpyFile.read(cam.file());
        assertFalse(result.noDetections(), "the oracle's detections are found again");
        float[] ours = result.maps().get(0).input();
        assertEquals(expected.data().length, ours.length);
        float[] reference = expected.data();
        Tolerance tolerance = tolerance(cam, reference);
        if (method.name().startsWith("Eigen") || eigenSmooth) {
            reference = sameSignReference(cam, method, eigenSmooth, reference, ours, tolerance);
        }
        double maxDiff = maxAbsDiff(reference, ours);
        System.out.printf("cam %-60s max|diff| %.2e (%.2f of tolerance)  corr %s%n", cam, maxDiff,
                maxDiff / tolerance.value(),
                isZero(reference) ? "(zero map)" : String.format("%.6f", correlation(reference, ours)));
        if (isZero(reference)) {
            assertTrue(isZero(ours), cam + ": upstream's map is all zero, ours is not");
        } else {
            assertTrue(correlation(reference, ours) >= 0.999, cam + ": correlation " + correlation(reference, ours));
        }
        assertTrue(tolerance.admits(maxDiff), cam + ": max abs diff " + maxDiff + "; " + tolerance);
    }

    /**
     * The oracle's float32-vs-float64 bound of this CAM (GradCAM++ on the random model is ill-conditioned, README 8:
     * its bound is large and so is its tolerance). AblationCAM was not probed; its one shipped map is all zero, which
     * the zero-map check above demands exactly.
     */
    private static Tolerance tolerance(CamFile cam, float[] reference) {
        String key = cam.file().getFileName().toString().replace("cam__", "").replace(".npy", "");
        Optional<Tolerance> measured = Float64Bounds.ofOracleCase(cam.oracle()).cam(key);
        if (measured.isEmpty()) {
            assertTrue(isZero(reference), cam + ": no measured float64 bound for a non-zero reference map");
            return Tolerance.absolute(key + " (all-zero reference)", 0, 1);
        }
        return measured.get();
    }

    static List<String> layers(String key) {
        return switch (key) {
            case "Lm2" -> List.of("model.23");
            case "Ldetin" -> List.of("model.17", "model.20", "model.23");
            // pytorch-grad-cam's hook on the shared SiLU records layer 0's output (oracle README 5.1)
            case "L2m0cv1act" -> List.of("model.0");
            case "L2m0cv1" -> List.of("model.2.m.0.cv1");
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * EigenCAM-family maps depend on the sign of a singular vector, which LAPACK picks arbitrarily. From the
     * oracle's own activation (and gradient) the method's projection P is computed here; upstream's map must be
     * the one of P or of -P, and ours must be the one of P with our documented sign rule. Returns upstream's map
     * as it would be with our sign, so that the usual comparison applies.
     */
    private static float[] sameSignReference(CamFile cam, CamMethod method, boolean eigenSmooth, float[] upstream,
                                             float[] ours, Tolerance tolerance) {
        OracleCase c = cam.oracle();
        String layerFile = switch (cam.layerKey()) {
            case "Lm2" -> "layer_23.npy";
            case "L2m0cv1act" -> "layer_0.npy";
            default -> throw new IllegalArgumentException("no single activation file for " + cam.layerKey());
        };
        NpyFile.FloatArray act = NpyFile.read(c.dir().resolve(layerFile));
        Path gradFile = c.dir().resolve("grad__" + cam.layerKey() + "__" + cam.target() + ".npy");
        float[] grad = Files.exists(gradFile) ? NpyFile.read(gradFile).data() : null;
        int ch = act.dim(1);
        int h = act.dim(2);
        int w = act.dim(3);
        LayerTensors t = new LayerTensors(cam.layerKey(), ch, h, w, act.data(), method.usesGradients() ? grad : null);
        float[] p = method.layerMap(t, eigenSmooth, null, CamOptions.defaults());
        float[] negated = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            negated[i] = -p[i];
        }
        int outH = (int) Math.round(Math.sqrt(upstream.length * (double) h / w));
        int outW = upstream.length / outH;
        // as the engine does it: per-layer scaling, then the (one-layer) aggregation, which scales again
        float[] withOurSign = CamMath.aggregate(List.of(CamMath.scaleCam(CamMath.relu(p), h, w, outH, outW)),
                CamMath.Aggregation.MEAN);
        float[] withOtherSign = CamMath.aggregate(List.of(CamMath.scaleCam(CamMath.relu(negated), h, w, outH, outW)),
                CamMath.Aggregation.MEAN);
        assertTrue(tolerance.admits(maxAbsDiff(withOurSign, ours)),
                cam + ": engine map differs from the method's own map; " + tolerance);
        boolean upstreamHasOurSign = maxAbsDiff(withOurSign, upstream) <= maxAbsDiff(withOtherSign, upstream);
        System.out.printf("cam %-60s SVD sign %s upstream's%n", cam, upstreamHasOurSign ? "equals" : "is opposite to");
        float[] upstreamCounterpart = upstreamHasOurSign ? withOurSign : withOtherSign;
        assertTrue(tolerance.admits(maxAbsDiff(upstreamCounterpart, upstream)),
                cam + ": upstream map is neither sign; " + tolerance);
        return upstreamHasOurSign ? upstream : withOurSign;
    }

    static Detector.Prepared oracleInput(OracleCase c) {
        NpyFile.FloatArray input = NpyFile.read(c.dir().resolve("input.npy"));
        RgbImage original = ImageLoader.load(c.image());
        int h = input.dim(2);
        int w = input.dim(3);
        LetterboxResult fromImage = Letterbox.apply(original, 320, 320, 32);
        LetterboxResult lb = new LetterboxResult(input.data(), fromImage.image(), h, w, fromImage.ratio(),
                fromImage.unpadWidth(), fromImage.unpadHeight(), fromImage.padLeft(), fromImage.padTop(),
                fromImage.padRight(), fromImage.padBottom());
        return new Detector.Prepared(c.image(), original, lb);
    }

    static synchronized YoloModel model(Path weights) {
        return MODELS.computeIfAbsent(weights, w -> ModelLoader.load(w, Optional.empty()));
    }

}
