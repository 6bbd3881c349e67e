package dev.yolocam.cam;

import java.util.Arrays;

/**
 * The deterministic part of ROAD's imputation: fills the removed pixels of image planes so that each is the
 * weighted mean of its in-image 8-neighbours (1/6 direct, 1/12 diagonal, renormalised at the border), removed
 * neighbours included. That is the sparse linear system upstream builds and hands to SciPy's direct {@code spsolve}:
 * {@code d_i x_i - sum_{j removed} w_ij x_j = sum_{k kept} w_ik v_k}, symmetric and positive definite as soon as one
 * pixel is kept (the pixel grid is connected, so every hole touches a kept pixel).
 *
 * <p>A direct solve is out of reach in plain Java and plain conjugate gradients need thousands of iterations on the
 * large holes ROAD makes (80 % of a 640 x 640 input), so the system is solved by conjugate gradients preconditioned
 * with one multigrid V-cycle: coarse levels by 2 x 2 aggregation (a coarse cell is unknown when any of its pixels
 * is, piecewise-constant prolongation, Galerkin coarse operators, which stay symmetric positive definite), one
 * forward Gauss-Seidel sweep before and one backward sweep after the coarse correction, so that the preconditioner
 * is symmetric. Iteration stops when the residual norm has fallen to {@value #TOLERANCE} of the right-hand side's
 * (or of the first residual's, when that is larger); the error left is far below ROAD's noise of 0.01.
 */
final class LinearInfill {
    static final double TOLERANCE = 1e-6;
    static final int[] DEBUG = {0};
    /** A safety net only; the preconditioned iteration needs a few dozen. */
    private static final int MAX_ITERATIONS = 2_000;
    /** Levels with at most this many unknowns are solved by repeated symmetric Gauss-Seidel. */
    private static final int COARSEST = 64;
    private static final int COARSEST_SWEEPS = 40;
    private static final double DIRECT = 1.0 / 6;
    private static final double DIAGONAL = 1.0 / 12;

    private final int height;
    private final int width;
    private final boolean[] removed;
    private final Level fine;

    /** Prepares the solver for one mask ({@code height x width}, row-major, true = removed). */
    LinearInfill(boolean[] removed, int height, int width) {
        this.height = height;
        this.width = width;
        this.removed = removed.clone();
        this.fine = Level.fine(removed, height, width);
    }

    /**
     * The plane {@code values} with its removed pixels solved for; a new array. With no kept pixel at all the
     * removed pixels become 0.
     */
    double[] fill(double[] values) {
        double[] out = values.clone();
        if (fine.unknowns.length == 0) {
            return out;
        }
        if (fine.unknowns.length == removed.length) {
            Arrays.fill(out, 0);
            return out;
        }
        int stride = width + 2;
        double[] b = new double[fine.size()];
        double mean = 0;
        int kept = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (!removed[p]) {
                    mean += values[p];
                    kept++;
                    continue;
                }
                double s = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int ny = y + dy;
                        int nx = x + dx;
                        if ((dy != 0 || dx != 0) && ny >= 0 && nx >= 0 && ny < height && nx < width
                                && !removed[ny * width + nx]) {
                            s += (dy == 0 || dx == 0 ? DIRECT : DIAGONAL) * values[ny * width + nx];
                        }
                    }
                }
                b[(y + 1) * stride + x + 1] = s;
            }
        }
        double[] solution = new double[fine.size()];
        for (int p : fine.unknowns) {
            solution[p] = mean / kept;
        }
        conjugateGradients(b, solution);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (removed[y * width + x]) {
                    out[y * width + x] = solution[(y + 1) * stride + x + 1];
                }
            }
        }
        return out;
    }

    /** Preconditioned conjugate gradients on the fine level, from the start in {@code x}. */
    private void conjugateGradients(double[] b, double[] x) {
        int n = fine.size();
        double[] r = new double[n];
        fine.multiply(x, r);
        for (int p : fine.unknowns) {
            r[p] = b[p] - r[p];
        }
        double stop = TOLERANCE * Math.max(fine.norm(b), fine.norm(r));
        double residual = fine.norm(r);
        double[] z = fine.vCycle(r);
        double[] p = z.clone();
        double[] q = new double[n];
        double rz = fine.dot(r, z);
        for (int iteration = 0; iteration < MAX_ITERATIONS && residual > stop; iteration++) {
            fine.multiply(p, q);
            double pq = fine.dot(p, q);
            if (!(pq > 0)) {
                break;
            }
            double alpha = rz / pq;
            for (int i : fine.unknowns) {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            residual = fine.norm(r);
            DEBUG[0]++;
            z = fine.vCycle(r);
            double rzNext = fine.dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int i : fine.unknowns) {
                p[i] = z[i] + beta * p[i];
            }
        }
    }

    /**
     * One grid of the hierarchy. Vectors are padded by one cell on every side (index {@code (y + 1) * stride + x +
     * 1}) so that stencils need no bounds checks; entries of kept cells and of the padding stay 0. The operator is a
     * 9-point stencil per unknown cell, {@code coefficients[9 * cell + k]} for the neighbour at offset k (k = 4 is
     * the cell itself); neighbours outside the image or kept have coefficient 0.
     */
    private static final class Level {
        final int height;
        final int width;
        final int stride;
        final int[] unknowns;
        final boolean[] unknown;
        final double[] coefficients;
        final int[] offsets;
        Level coarse;

        private Level(int height, int width, boolean[] unknown, double[] coefficients) {
            this.height = height;
            this.width = width;
            this.stride = width + 2;
            this.unknown = unknown;
            this.coefficients = coefficients;
            this.offsets = new int[9];
            for (int k = 0; k < 9; k++) {
                offsets[k] = (k / 3 - 1) * stride + (k % 3 - 1);
            }
            int count = 0;
            for (boolean u : unknown) {
                count += u ? 1 : 0;
            }
            this.unknowns = new int[count];
            int i = 0;
            for (int c = 0; c < unknown.length; c++) {
                if (unknown[c]) {
                    unknowns[i++] = c;
                }
            }
        }

        static Level fine(boolean[] removed, int height, int width) {
            int stride = width + 2;
            int size = (height + 2) * stride;
            boolean[] unknown = new boolean[size];
            double[] coefficients = new double[9 * size];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (!removed[y * width + x]) {
                        continue;
                    }
                    int c = (y + 1) * stride + x + 1;
                    unknown[c] = true;
                    for (int k = 0; k < 9; k++) {
                        int dy = k / 3 - 1;
                        int dx = k % 3 - 1;
                        int ny = y + dy;
                        int nx = x + dx;
                        if (k == 4 || ny < 0 || nx < 0 || ny >= height || nx >= width) {
                            continue;
                        }
                        double w = dy == 0 || dx == 0 ? DIRECT : DIAGONAL;
                        coefficients[9 * c + 4] += w;
                        if (removed[ny * width + nx]) {
                            coefficients[9 * c + k] = -w;
                        }
                    }
                }
            }
            Level level = new Level(height, width, unknown, coefficients);
            level.coarsen();
            return level;
        }

        /** Builds the coarser levels: 2 x 2 aggregates, Galerkin operator P^T A P. */
        private void coarsen() {
            if (unknowns.length <= COARSEST || height <= 2 || width <= 2) {
                return;
            }
            int h = (height + 1) / 2;
            int w = (width + 1) / 2;
            int cs = w + 2;
            boolean[] unknownC = new boolean[(h + 2) * cs];
            double[] coefficientsC = new double[9 * unknownC.length];
            for (int c : unknowns) {
                int y = c / stride - 1;
                int x = c % stride - 1;
                int parent = (y / 2 + 1) * cs + x / 2 + 1;
                unknownC[parent] = true;
                for (int k = 0; k < 9; k++) {
                    double a = coefficients[9 * c + k];
                    if (a == 0) {
                        continue;
                    }
                    int ny = y + k / 3 - 1;
                    int nx = x + k % 3 - 1;
                    int kc = (ny / 2 - y / 2 + 1) * 3 + (nx / 2 - x / 2 + 1);
                    coefficientsC[9 * parent + kc] += a;
                }
            }
            coarse = new Level(h, w, unknownC, coefficientsC);
            coarse.coarsen();
        }

        int size() {
            return unknown.length;
        }

        /** One V-cycle for A e = r from e = 0: the preconditioner, a symmetric operator. */
        double[] vCycle(double[] r) {
            double[] e = new double[size()];
            if (coarse == null) {
                for (int s = 0; s < COARSEST_SWEEPS; s++) {
                    sweep(e, r, true);
                    sweep(e, r, false);
                }
                return e;
            }
            sweep(e, r, true);
            double[] residual = new double[size()];
            multiply(e, residual);
            double[] restricted = new double[coarse.size()];
            for (int c : unknowns) {
                restricted[parent(c)] += r[c] - residual[c];
            }
            double[] correction = coarse.vCycle(restricted);
            for (int c : unknowns) {
                e[c] += correction[parent(c)];
            }
            sweep(e, r, false);
            return e;
        }

        private int parent(int c) {
            int y = c / stride - 1;
            int x = c % stride - 1;
            return (y / 2 + 1) * coarse.stride + x / 2 + 1;
        }

        /** One Gauss-Seidel sweep for A e = r, forward or backward over the unknowns. */
        private void sweep(double[] e, double[] r, boolean forward) {
            int n = unknowns.length;
            for (int i = 0; i < n; i++) {
                int c = unknowns[forward ? i : n - 1 - i];
                int base = 9 * c;
                double s = r[c];
                for (int k = 0; k < 9; k++) {
                    if (k != 4) {
                        s -= coefficients[base + k] * e[c + offsets[k]];
                    }
                }
                e[c] = s / coefficients[base + 4];
            }
        }

        /** out = A v on the unknowns. */
        void multiply(double[] v, double[] out) {
            for (int c : unknowns) {
                int base = 9 * c;
                double s = 0;
                for (int k = 0; k < 9; k++) {
                    s += coefficients[base + k] * v[c + offsets[k]];
                }
                out[c] = s;
            }
        }

        double dot(double[] a, double[] b) {
            double s = 0;
            for (int c : unknowns) {
                s += a[c] * b[c];
            }
            return s;
        }

        double norm(double[] a) {
            return Math.sqrt(dot(a, a));
        }
    }
}
