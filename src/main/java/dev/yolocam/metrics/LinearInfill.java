package dev.yolocam.metrics;

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
 * forward Gauss-Seidel sweep before and one backward sweep after the over-corrected coarse correction, so that the
 * preconditioner is symmetric. Iteration stops when the residual norm has fallen to 1e-6 of the right-hand side's
 * (or of the first residual's, when that is larger); the error left is below 1e-4 on ROAD's masks, far below its
 * noise of 0.01.
 */
final class LinearInfill {
    static final double TOLERANCE = 1e-6;
    /** A safety net only; the preconditioned iteration needs a few dozen (about 50 at 640 x 640). */
    private static final int MAX_ITERATIONS = 2_000;
    /**
     * Piecewise-constant aggregation makes the coarse correction too weak; scaling it (any factor in (0, 2) keeps
     * the preconditioner positive definite) cut the iterations 2.7-fold on ROAD's masks at 640 x 640.
     */
    private static final double OVER_CORRECTION = 1.7;
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
     * 1}) so that stencils need no bounds checks, and they are 0 on kept cells and on the padding. The operator is
     * a 9-point stencil: {@code diagonal[cell]} and, on coarse levels, {@code couplings[8 * cell + k]} for the k-th
     * neighbour. On the fine level the couplings are the constant -1/6 and -1/12: since vectors vanish on kept cells
     * and outside the image, that is exact and saves a coefficient array.
     */
    private static final class Level {
        private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};
        private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};

        final int height;
        final int width;
        final int stride;
        final int[] unknowns;
        final boolean[] unknown;
        final double[] diagonal;
        final double[] couplings;
        final int[] offsets = new int[8];
        final double[] error;
        final double[] residual;
        /** The right-hand side this level receives from the finer one. */
        final double[] rhs;
        Level coarse;

        private Level(int height, int width, boolean[] unknown, double[] diagonal, double[] couplings) {
            this.height = height;
            this.width = width;
            this.stride = width + 2;
            this.unknown = unknown;
            this.diagonal = diagonal;
            this.couplings = couplings;
            for (int k = 0; k < 8; k++) {
                offsets[k] = DY[k] * stride + DX[k];
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
            this.error = new double[unknown.length];
            this.residual = new double[unknown.length];
            this.rhs = new double[unknown.length];
        }

        static Level fine(boolean[] removed, int height, int width) {
            int stride = width + 2;
            int size = (height + 2) * stride;
            boolean[] unknown = new boolean[size];
            double[] diagonal = new double[size];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (!removed[y * width + x]) {
                        continue;
                    }
                    int c = (y + 1) * stride + x + 1;
                    unknown[c] = true;
                    for (int k = 0; k < 8; k++) {
                        int ny = y + DY[k];
                        int nx = x + DX[k];
                        if (ny >= 0 && nx >= 0 && ny < height && nx < width) {
                            diagonal[c] += weight(k);
                        }
                    }
                }
            }
            Level level = new Level(height, width, unknown, diagonal, null);
            level.coarsen();
            return level;
        }

        private static double weight(int k) {
            return DY[k] == 0 || DX[k] == 0 ? DIRECT : DIAGONAL;
        }

        /** The coupling of unknown cell c to its k-th neighbour (0 when that neighbour is not unknown). */
        private double coupling(int c, int k) {
            if (couplings != null) {
                return couplings[8 * c + k];
            }
            return unknown[c + offsets[k]] ? -weight(k) : 0;
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
            double[] diagonalC = new double[unknownC.length];
            double[] couplingsC = new double[8 * unknownC.length];
            for (int c : unknowns) {
                int y = c / stride - 1;
                int x = c % stride - 1;
                int parent = (y / 2 + 1) * cs + x / 2 + 1;
                unknownC[parent] = true;
                diagonalC[parent] += diagonal[c];
                for (int k = 0; k < 8; k++) {
                    double a = coupling(c, k);
                    if (a == 0) {
                        continue;
                    }
                    int dy = (y + DY[k]) / 2 - y / 2;
                    int dx = (x + DX[k]) / 2 - x / 2;
                    if (dy == 0 && dx == 0) {
                        diagonalC[parent] += a;
                    } else {
                        couplingsC[8 * parent + neighbourIndex(dy, dx)] += a;
                    }
                }
            }
            coarse = new Level(h, w, unknownC, diagonalC, couplingsC);
            coarse.coarsen();
        }

        private static int neighbourIndex(int dy, int dx) {
            int k = (dy + 1) * 3 + dx + 1;
            return k > 4 ? k - 1 : k;
        }

        int size() {
            return unknown.length;
        }

        /**
         * One V-cycle for A e = r from e = 0: the preconditioner, a symmetric operator. The result is this level's
         * work array, valid until the next call.
         */
        double[] vCycle(double[] r) {
            double[] e = error;
            for (int c : unknowns) {
                e[c] = 0;
            }
            if (coarse == null) {
                for (int s = 0; s < COARSEST_SWEEPS; s++) {
                    sweep(e, r, true);
                    sweep(e, r, false);
                }
                return e;
            }
            sweep(e, r, true);
            multiply(e, residual);
            double[] restricted = coarse.rhs;
            for (int c : coarse.unknowns) {
                restricted[c] = 0;
            }
            for (int c : unknowns) {
                restricted[parent(c)] += r[c] - residual[c];
            }
            double[] correction = coarse.vCycle(restricted);
            for (int c : unknowns) {
                e[c] += OVER_CORRECTION * correction[parent(c)];
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
                e[c] = (r[c] - offDiagonal(e, c)) / diagonal[c];
            }
        }

        /** out = A v on the unknowns. */
        void multiply(double[] v, double[] out) {
            for (int c : unknowns) {
                out[c] = diagonal[c] * v[c] + offDiagonal(v, c);
            }
        }

        /** The off-diagonal part of (A v) at cell c. */
        private double offDiagonal(double[] v, int c) {
            if (couplings == null) {
                int s = stride;
                return -DIRECT * (v[c - 1] + v[c + 1] + v[c - s] + v[c + s])
                        - DIAGONAL * (v[c - s - 1] + v[c - s + 1] + v[c + s - 1] + v[c + s + 1]);
            }
            double sum = 0;
            int base = 8 * c;
            for (int k = 0; k < 8; k++) {
                sum += couplings[base + k] * v[c + offsets[k]];
            }
            return sum;
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
