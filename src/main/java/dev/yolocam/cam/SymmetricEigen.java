package dev.yolocam.cam;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The largest (algebraic) eigenvalue of a real symmetric matrix and a unit eigenvector for it, by explicitly
 * restarted Lanczos iteration with full re-orthogonalisation, in double precision. The matrix is only applied to
 * vectors, so a Gram matrix {@code X^T X} never has to be formed.
 *
 * <p>Each cycle builds a Krylov basis of at most {@value #CYCLE_LENGTH} vectors (all {@code n} when
 * {@code n <= }{@value #CYCLE_LENGTH}, which makes the result exact up to rounding), takes the top Ritz pair of the
 * projected matrix (cyclic Jacobi) and stops once the explicit residual {@code |A y - theta y|} is at most
 * {@value #TOLERANCE} times the largest Ritz value magnitude; otherwise the next cycle starts from that Ritz
 * vector. An invariant subspace (breakdown) ends a cycle early. A zero matrix gives eigenvalue 0.
 *
 * <p>Eigenvalue ties are not an error: any unit vector of the top eigenspace is a valid answer; the start vector is
 * a fixed pseudo-random vector, so the answer is deterministic. The returned vector's sign is canonical: its
 * largest-magnitude component (the first one on ties) is positive.
 */
public final class SymmetricEigen {
    static final int CYCLE_LENGTH = 48;
    static final double TOLERANCE = 1e-10;
    private static final int MAX_CYCLES = 200;
    private static final long START_SEED = 0x5DEECE66DL;

    private SymmetricEigen() {
    }

    /** {@code out = A * in} for a symmetric {@code n x n} matrix A; {@code out} is fully overwritten. */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] in, double[] out);
    }

    /** An eigenvalue and its unit eigenvector. */
    public record Pair(double value, double[] vector) {
    }

    /** The top eigenpair of the dense row-major symmetric {@code n x n} matrix {@code a}. */
    public static Pair largest(double[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " values, expected " + n + "x" + n);
        }
        return largest((in, out) -> {
            for (int i = 0; i < n; i++) {
                double s = 0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    s += a[row + j] * in[j];
                }
                out[i] = s;
            }
        }, n);
    }

    /** The top eigenpair of the symmetric operator {@code a} of size {@code n}. */
    public static Pair largest(Operator a, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("matrix size must be positive, got " + n);
        }
        double[] start = startVector(n);
        Cycle cycle = null;
        double[] image = new double[n];
        for (int round = 0; round < MAX_CYCLES; round++) {
            cycle = lanczosCycle(a, n, start);
            if (n <= CYCLE_LENGTH) {
                break; // the basis spanned the whole space (or an invariant subspace): exact
            }
            double[] y = cycle.top().vector();
            a.apply(y, image);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double r = image[i] - cycle.top().value() * y[i];
                residual += r * r;
            }
            if (Math.sqrt(residual) <= TOLERANCE * cycle.norm()) {
                break;
            }
            start = y;
        }
        return new Pair(cycle.top().value(), canonicalSign(cycle.top().vector()));
    }

    /** The top Ritz pair of one Lanczos cycle and the largest Ritz value magnitude (a norm estimate). */
    private record Cycle(Pair top, double norm) {
    }

    private static Cycle lanczosCycle(Operator a, int n, double[] start) {
        int m = Math.min(n, CYCLE_LENGTH);
        double[][] basis = new double[m][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] q = start.clone();
        normalise(q);
        double[] w = new double[n];
        double scale = 0;
        int size = 0;
        while (size < m) {
            basis[size] = q;
            a.apply(q, w);
            scale = Math.max(scale, Math.sqrt(dot(w, w)));
            alpha[size] = dot(q, w);
            // Full re-orthogonalisation, twice (classical Gram-Schmidt is stable when repeated).
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k <= size; k++) {
                    axpy(-dot(basis[k], w), basis[k], w);
                }
            }
            size++;
            double norm = Math.sqrt(dot(w, w));
            if (size == m || norm <= 1e-13 * scale) {
                break; // basis complete, or it spans an invariant subspace (also: a zero matrix)
            }
            beta[size - 1] = norm;
            q = w.clone();
            for (int i = 0; i < n; i++) {
                q[i] /= norm;
            }
        }
        double[][] t = new double[size][size];
        for (int i = 0; i < size; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < size) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        double[][] vectors = new double[size][size];
        double[] values = jacobi(t, vectors);
        int top = 0;
        double norm = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
            norm = Math.max(norm, Math.abs(values[i]));
        }
        double[] ritz = new double[n];
        for (int k = 0; k < size; k++) {
            axpy(vectors[k][top], basis[k], ritz);
        }
        normalise(ritz);
        return new Cycle(new Pair(values[top], ritz), norm);
    }

    /**
     * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations. Destroys {@code s}; fills
     * {@code v} (column j = eigenvector j) and returns the eigenvalues.
     */
    static double[] jacobi(double[][] s, double[][] v) {
        int m = s.length;
        for (int i = 0; i < m; i++) {
            Arrays.fill(v[i], 0);
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int p = 0; p < m; p++) {
                for (int r = 0; r < m; r++) {
                    total += s[p][r] * s[p][r];
                    if (p != r) {
                        off += s[p][r] * s[p][r];
                    }
                }
            }
            if (off <= 1e-26 * total) {
                break;
            }
            for (int p = 0; p < m - 1; p++) {
                for (int r = p + 1; r < m; r++) {
                    if (s[p][r] != 0) {
                        rotate(s, v, p, r);
                    }
                }
            }
        }
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = s[i][i];
        }
        return values;
    }

    /** One Jacobi rotation zeroing s[p][r] (Golub and Van Loan, Algorithm 8.5.1). */
    private static void rotate(double[][] s, double[][] v, int p, int r) {
        double theta = (s[r][r] - s[p][p]) / (2 * s[p][r]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double sn = t * c;
        int m = s.length;
        for (int k = 0; k < m; k++) {
            double skp = s[k][p];
            double skr = s[k][r];
            s[k][p] = c * skp - sn * skr;
            s[k][r] = sn * skp + c * skr;
        }
        for (int k = 0; k < m; k++) {
            double spk = s[p][k];
            double srk = s[r][k];
            s[p][k] = c * spk - sn * srk;
            s[r][k] = sn * spk + c * srk;
        }
        for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkr = v[k][r];
            v[k][p] = c * vkp - sn * vkr;
            v[k][r] = sn * vkp + c * vkr;
        }
    }

    /** The vector flipped so that its largest-magnitude component (first on ties) is positive. */
    static double[] canonicalSign(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[arg])) {
                arg = i;
            }
        }
        if (v[arg] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    private static double[] startVector(int n) {
        SplittableRandom random = new SplittableRandom(START_SEED);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return v;
    }

    private static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double factor, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += factor * x[i];
        }
    }
}
