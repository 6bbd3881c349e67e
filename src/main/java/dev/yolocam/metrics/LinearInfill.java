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

    private final int height;
    private final int width;
    private final boolean[] removed;
    private final MultigridLevel fine;

    /** Prepares the solver for one mask ({@code height x width}, row-major, true = removed). */
    LinearInfill(boolean[] removed, int height, int width) {
        this.height = height;
        this.width = width;
        this.removed = removed.clone();
        this.fine = MultigridLevel.fine(removed, height, width);
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
                            double weight = dy == 0 || dx == 0 ? MultigridLevel.DIRECT : MultigridLevel.DIAGONAL;
                            s += weight * values[ny * width + nx];
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
}
