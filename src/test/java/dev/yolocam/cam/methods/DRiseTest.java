package dev.yolocam.cam.methods;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.MapProgress;
import dev.yolocam.cam.RefusingModel;
import dev.yolocam.cam.Target;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.detect.Detection;
import dev.yolocam.head.PredictionTable;
import dev.yolocam.head.Yolov5Predictions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D-RISE on a stand-in detector whose every box is scored by the image inside that box only. */
class DRiseTest {
    private static final int SIZE = 64;
    private static final Detection LEFT = new Detection(4, 8, 24, 28, 0.9f, 0, 0);
    private static final Detection RIGHT = new Detection(40, 36, 60, 56, 0.9f, 0, 1);

    @Test
    void registeredAsDRiseAndDrise() {
        assertTrue(CamMethods.find("D-RISE").orElseThrow() instanceof DRise);
        assertTrue(CamMethods.find("drise").orElseThrow() instanceof DRise);
        assertTrue(new DRise().perDetectionByDefault());
    }

    @Test
    void eachDetectionsMapPeaksInsideItsOwnBox() {
        List<float[]> maps = new DRise().maps(List.of(target(LEFT), target(RIGHT)), new BoxDetector(),
                new CamOptions(64, 0, 2000), MapProgress.NONE);
        assertEquals(2, maps.size());
        assertPeakInside(maps.get(0), LEFT);
        assertPeakInside(maps.get(1), RIGHT);
        assertTrue(mass(maps.get(0), LEFT) > mass(maps.get(0), RIGHT) * 1.5, "own box beats the other box");
    }

    @Test
    void sameSeedSameMapsInAnyBatchSizeAnotherSeedOthers() {
        DRise drise = new DRise();
        List<float[]> a = drise.maps(List.of(target(LEFT)), new BoxDetector(), new CamOptions(4, 3, 40),
                MapProgress.NONE);
        List<float[]> b = drise.maps(List.of(target(LEFT)), new BoxDetector(), new CamOptions(7, 3, 40),
                MapProgress.NONE);
        List<float[]> c = drise.maps(List.of(target(LEFT)), new BoxDetector(), new CamOptions(4, 4, 40),
                MapProgress.NONE);
        assertArrayEquals(a.get(0), b.get(0), 1e-6f);
        assertTrue(!java.util.Arrays.equals(a.get(0), c.get(0)));
    }

    @Test
    void runsEveryMaskOnceInBatchesAndReportsProgress() {
        BoxDetector model = new BoxDetector();
        List<Integer> progress = new ArrayList<>();
        new DRise().maps(List.of(target(LEFT), target(RIGHT)), model, new CamOptions(16, 0, 40),
                (done, total) -> {
                    assertEquals(40, total);
                    progress.add(done);
                });
        assertEquals(List.of(16, 16, 8), model.batches);
        assertEquals(List.of(16, 32, 40), progress);
    }

    /** The masked copies are the image times the mask: a masked-out pixel is 0 in every channel. */
    @Test
    void maskedCopyIsTheImageTimesTheMaskInEveryChannel() {
        float[] image = new float[3 * 4];
        for (int i = 0; i < image.length; i++) {
            image[i] = i + 1;
        }
        float[] mask = {0f, 0.5f, 1f, 0.25f};
        assertArrayEquals(new float[] {0, 1, 3, 1, 0, 3, 7, 2, 0, 5, 11, 3}, DRise.masked(image, mask));
    }

    private static Target target(Detection d) {
        return new Target(List.of(TargetKind.CLASS), List.of(d), new int[0]);
    }

    private static void assertPeakInside(float[] map, Detection box) {
        int peak = 0;
        for (int i = 1; i < map.length; i++) {
            if (map[i] > map[peak]) {
                peak = i;
            }
        }
        int x = peak % SIZE;
        int y = peak / SIZE;
        assertTrue(x >= box.x1() && x < box.x2() && y >= box.y1() && y < box.y2(),
                "peak at (" + x + ", " + y + ") outside " + box);
    }

    private static double mass(float[] map, Detection box) {
        double sum = 0;
        for (int y = (int) box.y1(); y < box.y2(); y++) {
            for (int x = (int) box.x1(); x < box.x2(); x++) {
                sum += map[y * SIZE + x];
            }
        }
        return sum;
    }

    /**
     * An image of ones; two prediction rows, the LEFT and RIGHT boxes, each of class 0 with an objectness that is
     * the mean of the image inside its own box (with one class the cosine is 1 whatever the score: the objectness
     * carries what the mask did).
     */
    private static final class BoxDetector extends RefusingModel {
        final List<Integer> batches = new ArrayList<>();

        @Override
        public List<PredictionTable> predictInputs(List<float[]> inputs, int batchSize) {
            batches.add(inputs.size());
            return inputs.stream().<PredictionTable>map(image -> new Yolov5Predictions(new float[] {
                14, 18, 20, 20, (float) mean(image, LEFT), 1,
                50, 46, 20, 20, (float) mean(image, RIGHT), 1}, 2, 6)).toList();
        }

        private static double mean(float[] image, Detection box) {
            double sum = 0;
            int n = 0;
            for (int y = (int) box.y1(); y < box.y2(); y++) {
                for (int x = (int) box.x1(); x < box.x2(); x++) {
                    sum += image[y * SIZE + x];
                    n++;
                }
            }
            return sum / n;
        }

        @Override
        public int inputHeight() {
            return SIZE;
        }

        @Override
        public int inputWidth() {
            return SIZE;
        }

        @Override
        public float[] input() {
            float[] ones = new float[3 * SIZE * SIZE];
            java.util.Arrays.fill(ones, 1f);
            return ones;
        }




    }
}
