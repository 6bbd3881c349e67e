package dev.yolocam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalMomentsTest {

    /** Reference values by adaptive quadrature (scipy.integrate.quad). */
    @Test
    void siluOfAStandardNormalHasItsKnownMeanAndVariance() {
        double[] mv = NormalMoments.ofMax(z -> z / (1 + Math.exp(-z)), 0, 1, 1);
        assertEquals(0.2066209641419071, mv[0], 1e-9);
        assertEquals(0.31308329699442106, mv[1], 1e-9);
    }

    @Test
    void theLargestOf25StandardNormalsHasItsKnownMeanAndVariance() {
        double[] mv = NormalMoments.ofMax(z -> z, 0, 1, 25);
        assertEquals(1.9653146090409843, mv[0], 2e-3);
        assertEquals(0.25851078035996977, mv[1], 2e-3);
    }

    @Test
    void momentsScaleWithTheGaussiansMeanAndVariance() {
        double[] mv = NormalMoments.ofMax(z -> z, 3, 4, 25);
        assertEquals(3 + 2 * 1.9653146090409843, mv[0], 4e-3);
        assertEquals(4 * 0.25851078035996977, mv[1], 8e-3);
    }
}
