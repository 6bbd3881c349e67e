package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The bulk copies agree with ND4J's element-wise ones, for plain arrays, permuted views and slices. */
class FloatArraysProperties {
    @Property(tries = 50)
    void valuesRoundTripInCOrder(@ForAll @IntRange(min = 1, max = 4) int b, @ForAll @IntRange(min = 1, max = 9) int c,
                                 @ForAll @IntRange(min = 1, max = 7) int h, @ForAll long seed) {
        float[] values = random(b * c * h * 5, seed);
        INDArray array = FloatArrays.of(values, b, c, h, 5);
        assertArrayEquals(values, FloatArrays.values(array));
        assertArrayEquals(array.data().asFloat(), values, "the same as ND4J's own copy");
    }

    @Property(tries = 50)
    void viewsAreReadInTheirOwnCOrder(@ForAll @IntRange(min = 2, max = 4) int b, @ForAll @IntRange(min = 1, max = 9) int c,
                                      @ForAll @IntRange(min = 1, max = 7) int h, @ForAll long seed) {
        INDArray array = FloatArrays.of(random(b * c * h * 3, seed), b, c, h, 3);
        INDArray permuted = array.permute(0, 3, 1, 2);
        assertArrayEquals(permuted.dup('c').data().asFloat(), FloatArrays.values(permuted));
        INDArray slice = array.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all());
        assertArrayEquals(slice.dup('c').data().asFloat(), FloatArrays.values(slice));
    }

    private static float[] random(int n, long seed) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextFloat() * 2 - 1;
        }
        return out;
    }
}
