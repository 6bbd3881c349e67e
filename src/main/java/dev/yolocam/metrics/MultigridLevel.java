package dev.yolocam.metrics;

/**
 * One grid of {@link LinearInfill}'s multigrid hierarchy. Vectors are padded by one cell on every side (index
 * {@code (y + 1) * stride + x + 1}) so that stencils need no bounds checks, and they are 0 on kept cells and on the
 * padding. The operator is a 9-point stencil: {@code diagonal[cell]} and, on coarse levels,
 * {@code couplings[8 * cell + k]} for the k-th neighbour. On the fine level the couplings are the constant -1/6 and
 * -1/12: since vectors vanish on kept cells and outside the image, that is exact and saves a coefficient array.
 */
final class MultigridLevel {
    /** The weights of the direct and the diagonal neighbours in ROAD's interpolation. */
    static final double DIRECT = 1.0 / 6;
    static final double DIAGONAL = 1.0 / 12;
    /**
     * Piecewise-constant aggregation makes the coarse correction too weak; scaling it (any factor in (0, 2) keeps
     * the preconditioner positive definite) cut the iterations 2.7-fold on ROAD's masks at 640 x 640.
     */
    private static final double OVER_CORRECTION = 1.7;
    /** Levels with at most this many unknowns are solved by repeated symmetric Gauss-Seidel. */
    private static final int COARSEST = 64;
    private static final int COARSEST_SWEEPS = 40;
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
    MultigridLevel coarse;

    private MultigridLevel(int height, int width, boolean[] unknown, double[] diagonal, double[] couplings) {
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

    static MultigridLevel fine(boolean[] removed, int height, int width) {
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
        MultigridLevel level = new MultigridLevel(height, width, unknown, diagonal, null);
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
        coarse = new MultigridLevel(h, w, unknownC, diagonalC, couplingsC);
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
