package dev.yolocam.cam;

import dev.yolocam.head.PredictionField;
import dev.yolocam.head.PredictionTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A target as one expression over a {@link PredictionTable}: a sum of terms, each a coefficient times a product of
 * fields of rows. Value and gradient both follow from the terms, so no target kind keeps a value and a gradient in
 * step by hand: the gradient of {@code c * f1 * f2 * ...} with respect to {@code fi} is {@code c} times the other
 * factors.
 */
public final class TargetExpression {
    /** A field of a row, one factor of a term. */
    public record Factor(int row, PredictionField field) {
    }

    private record Term(double coefficient, List<Factor> factors) {
    }

    private final List<Term> terms = new ArrayList<>();

    /** Adds {@code coefficient} times the product of {@code factors} to the sum. */
    public TargetExpression add(double coefficient, Factor... factors) {
        terms.add(new Term(coefficient, List.of(factors)));
        return this;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public double value(PredictionTable table) {
        double total = 0;
        for (Term t : terms) {
            double product = t.coefficient();
            for (Factor f : t.factors()) {
                product *= table.get(f.row(), f.field());
            }
            total += product;
        }
        return total;
    }

    /** d(value)/d(raw output), laid out like the raw output the table reads. */
    public float[] gradient(PredictionTable table) {
        float[] g = new float[table.rawLength()];
        for (Term t : terms) {
            List<Factor> factors = t.factors();
            for (int i = 0; i < factors.size(); i++) {
                double partial = t.coefficient();
                for (int j = 0; j < factors.size(); j++) {
                    if (j != i) {
                        partial *= table.get(factors.get(j).row(), factors.get(j).field());
                    }
                }
                Factor f = factors.get(i);
                g[table.rawIndex(f.row(), f.field())] += (float) partial;
            }
        }
        return g;
    }
}
