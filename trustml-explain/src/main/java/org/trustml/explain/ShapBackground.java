package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.KMeans;

/**
 * The background rows SHAP integrates absent features over, with a weight each (normalised to sum 1): shap's
 * {@code DenseData}. Summarise large data with {@link #kmeans} or {@link #sample}, as shap advises: KernelSHAP
 * costs one model row per background row per coalition. A value may be NaN, a missing value (XGBoost trees send it
 * down their default branch; a model over rows gets it as it is). Rows and weights are copied in and out.
 *
 * @param featureNames one per column
 * @param rows         the background rows
 * @param weights      one per row, non-negative, summing to 1 after normalisation
 */
public record ShapBackground(List<String> featureNames, double[][] rows, double[] weights) {
    public ShapBackground {
        featureNames = List.copyOf(featureNames);
        requireNonNull(rows, "rows");
        requireNonNull(weights, "weights");
        if (rows.length == 0) {
            throw InvalidInputException.problem("has no rows").column("background").value(0)
                    .expected("at least one background row").build();
        }
        if (weights.length != rows.length) {
            throw InvalidInputException.problem("has " + weights.length + " weights for " + rows.length + " rows")
                    .column("background weights").value(weights.length).expected(rows.length + " weights").build();
        }
        double[][] copy = new double[rows.length][];
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != featureNames.size()) {
                throw InvalidInputException.problem("has " + rows[i].length + " values").row(i + 1L)
                        .column("background").value(rows[i].length)
                        .expected(featureNames.size() + " values, one per feature").build();
            }
            for (int j = 0; j < rows[i].length; j++) {
                if (Double.isInfinite(rows[i][j])) {
                    throw InvalidInputException.problem("is infinite").row(i + 1L).column(featureNames.get(j))
                            .value(rows[i][j]).expected("a finite background value (NaN for a missing one)").build();
                }
            }
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw InvalidInputException.problem("is not a weight").row(i + 1L).column("background weights")
                        .value(weights[i]).expected("a finite number >= 0").build();
            }
            copy[i] = rows[i].clone();
            total += weights[i];
        }
        if (!(total > 0)) {
            throw InvalidInputException.problem("sum to 0").column("background weights").value(total)
                    .expected("at least one positive weight").build();
        }
        rows = copy;
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i] / total;
        }
        weights = w;
    }

    /** Every row, equally weighted. */
    public static ShapBackground of(List<String> featureNames, double[][] rows) {
        double[] w = new double[rows.length];
        Arrays.fill(w, 1.0);
        return new ShapBackground(featureNames, rows, w);
    }

    /** LIME's training data as an equally weighted background. */
    public static ShapBackground of(TabularData data) {
        return of(data.featureNames(), data.rows());
    }

    /**
     * {@code n} rows drawn without replacement (all rows when {@code n} is not smaller), equally weighted, as
     * {@code shap.sample(X, n)}; the draw is a seeded partial Fisher–Yates shuffle, rows kept in drawn order.
     */
    public static ShapBackground sample(List<String> featureNames, double[][] rows, int n, long seed) {
        Arguments.atLeast(1, "nsamples", n, "at least one background row");
        if (n >= rows.length) {
            return of(featureNames, rows);
        }
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[n][];
        for (int t = 0; t < n; t++) {
            int j = t + random.nextInt(order.length - t);
            int tmp = order[t];
            order[t] = order[j];
            order[j] = tmp;
            out[t] = rows[order[t]];
        }
        return of(featureNames, out);
    }

    /**
     * {@code k} weighted centres, as {@code shap.kmeans(X, k)}: k-means (scikit-learn's k-means++ and Lloyd, ten
     * restarts, least inertia kept; seeded), each centre's coordinate then replaced by the nearest value of that
     * column among the rows ({@code round_values=True}, the first on ties, so categorical codes stay valid), each
     * centre weighted by its cluster's size.
     */
    public static ShapBackground kmeans(List<String> featureNames, double[][] rows, int k, long seed) {
        Arguments.atLeast(1, "k", k, "at least one centre");
        if (k > rows.length) {
            throw InvalidInputException.problem("exceeds the " + rows.length + " rows").column("k").value(k)
                    .expected("at most as many centres as rows").build();
        }
        ShapBackground checked = of(featureNames, rows); // validates the rows
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                if (Double.isNaN(rows[i][j])) {
                    throw InvalidInputException.problem("is missing").row(i + 1L).column(featureNames.get(j))
                            .expected("complete rows for k-means (impute missing values first)").build();
                }
            }
        }
        KMeans.Result r = KMeans.fit(checked.rows, k, 10, seed);
        double[][] centres = r.centres();
        for (double[] centre : centres) {
            for (int j = 0; j < centre.length; j++) {
                int nearest = 0;
                for (int i = 1; i < rows.length; i++) {
                    if (Math.abs(rows[i][j] - centre[j]) < Math.abs(rows[nearest][j] - centre[j])) {
                        nearest = i;
                    }
                }
                centre[j] = rows[nearest][j];
            }
        }
        return new ShapBackground(featureNames, centres, Arrays.stream(r.sizes()).asDoubleStream().toArray());
    }

    @Override
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Number of background rows. */
    public int size() {
        return rows.length;
    }

    /** Row {@code i}, not copied: for the explainers in this package only. */
    double[] row(int i) {
        return rows[i];
    }

    /** Weight {@code i}. */
    double weight(int i) {
        return weights[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapBackground b && featureNames.equals(b.featureNames) && Arrays.deepEquals(rows, b.rows)
                && Arrays.equals(weights, b.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * featureNames.hashCode() + Arrays.deepHashCode(rows)) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ShapBackground[" + rows.length + " rows of " + featureNames.size() + " features]";
    }
}
