package org.trustml.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.trustml.explain.internal.LarsLasso;
import org.trustml.explain.internal.WeightedRidge;

/**
 * The model-agnostic part of LIME (Ribeiro, Singh and Guestrin, "Why Should I Trust You?", KDD 2016)
 * as lime 0.2's {@code LimeBase.explain_instance_with_data}: choose features, fit a weighted ridge
 * (alpha 1, intercept) of one output column on the interpretable samples, and report the coefficients
 * (largest magnitude first, ties in selection order), the intercept, the weighted R² and the local
 * prediction for the first sample (the explained instance).
 */
final class LimeBase {
    /** Ridge strength of the final local model ({@code Ridge(alpha=1)} in lime). */
    public static final double RIDGE_ALPHA = 1.0;
    /** Ridge strength used to rank features for {@code highest_weights} (lime: 0.01). */
    static final double HIGHEST_WEIGHTS_ALPHA = 0.01;

    private LimeBase() {}

    /**
     * @param data        interpretable samples, row 0 the explained instance
     * @param labels      model outputs, {@code labels[i][label]}
     * @param weights     kernel weights of the samples
     */
    public static LabelExplanation explain(double[][] data, double[][] labels, double[] weights, int label,
            int numFeatures, FeatureSelection selection) {
        double[] y = new double[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i][label];
        }
        int[] used = selectFeatures(data, y, weights, numFeatures, selection);
        WeightedRidge.Fit fit = WeightedRidge.fit(data, used, y, weights, RIDGE_ALPHA);
        double score = fit.score(data, y, weights);
        double local = fit.predict(data[0]);
        return new LabelExplanation(label, fit.intercept(), sortedByMagnitude(used, fit.coef()), score, local);
    }

    /** lime's {@code feature_selection}: the indices of the features the local model uses. */
    public static int[] selectFeatures(double[][] data, double[] y, double[] w, int numFeatures,
            FeatureSelection selection) {
        int d = data.length == 0 ? 0 : data[0].length;
        switch (selection) {
            case NONE:
                return range(d);
            case FORWARD_SELECTION:
                return forwardSelection(data, y, w, numFeatures);
            case HIGHEST_WEIGHTS:
                return highestWeights(data, y, w, numFeatures);
            case LASSO_PATH:
                return lassoPath(data, y, w, numFeatures);
            case AUTO:
            default:
                return numFeatures <= 6 ? forwardSelection(data, y, w, numFeatures)
                        : highestWeights(data, y, w, numFeatures);
        }
    }

    static int[] forwardSelection(double[][] data, double[] y, double[] w, int numFeatures) {
        int d = data[0].length;
        List<Integer> used = new ArrayList<>();
        boolean[] taken = new boolean[d];
        for (int round = 0; round < Math.min(numFeatures, d); round++) {
            double max = -100000000.0;
            int best = 0;
            for (int f = 0; f < d; f++) {
                if (taken[f]) {
                    continue;
                }
                int[] cols = new int[used.size() + 1];
                for (int i = 0; i < used.size(); i++) {
                    cols[i] = used.get(i);
                }
                cols[used.size()] = f;
                double score = WeightedRidge.fit(data, cols, y, w, 0.0).score(data, y, w);
                if (score > max) {
                    max = score;
                    best = f;
                }
            }
            used.add(best);
            taken[best] = true;
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] highestWeights(double[][] data, double[] y, double[] w, int numFeatures) {
        int d = data[0].length;
        WeightedRidge.Fit fit = WeightedRidge.fit(data, range(d), y, w, HIGHEST_WEIGHTS_ALPHA);
        double[] contribution = new double[d];
        for (int j = 0; j < d; j++) {
            contribution[j] = fit.coef()[j] * data[0][j];
        }
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(contribution[j])));
        int k = Math.min(numFeatures, d);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        return out;
    }

    static int[] lassoPath(double[][] data, double[] y, double[] w, int numFeatures) {
        int n = data.length;
        int d = data[0].length;
        double[] means = WeightedRidge.weightedMeans(data, range(d), y, w);
        double ybar = means[d];
        double[][] wx = new double[n][d];
        double[] wy = new double[n];
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(w[i]);
            for (int j = 0; j < d; j++) {
                wx[i][j] = (data[i][j] - means[j]) * r;
            }
            wy[i] = (y[i] - ybar) * r;
        }
        List<double[]> coefs = LarsLasso.path(wx, wy);
        int[] nonzero = range(d);
        for (int i = coefs.size() - 1; i > 0; i--) {
            nonzero = nonZero(coefs.get(i));
            if (nonzero.length <= numFeatures) {
                break;
            }
        }
        return nonzero;
    }

    private static int[] nonZero(double[] v) {
        return java.util.stream.IntStream.range(0, v.length).filter(j -> v[j] != 0.0).toArray();
    }

    /** Indices of the {@code k} largest values, largest first (lime's {@code np.argsort(row)[-k:][::-1]}). */
    public static List<Integer> topK(double[] row, int k) {
        Integer[] order = new Integer[row.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
        return List.of(order).subList(0, Math.min(k, order.length));
    }

    static int[] range(int d) {
        int[] r = new int[d];
        for (int j = 0; j < d; j++) {
            r[j] = j;
        }
        return r;
    }

    private static List<FeatureWeight> sortedByMagnitude(int[] used, double[] coef) {
        Integer[] order = new Integer[used.length];
        for (int i = 0; i < used.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(coef[i])));
        List<FeatureWeight> out = new ArrayList<>(used.length);
        for (int i : order) {
            out.add(new FeatureWeight(used[i], coef[i]));
        }
        return out;
    }
}
