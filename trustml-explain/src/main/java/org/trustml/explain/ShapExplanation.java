package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trustml.core.InvalidInputException;

/**
 * SHAP values of one input, for every model output, with their own quality: a standard error per value (0 where
 * the method is exact), whether the estimate converged, and how far the values miss the additivity
 * {@code Σ_j φ_j = link(f(x)) − link(E[f])}.
 *
 * @param schemaVersion     version of this record's JSON form
 * @param method            how the values were computed
 * @param link              the link the values are in ({@link ShapLink#IDENTITY} for TreeSHAP)
 * @param features          the players' names
 * @param expectedValues    per output, {@code link(E[f])} (shap's {@code expected_value})
 * @param outputValues      per output, {@code link(f(x))}
 * @param values            {@code [output][feature]}, the SHAP values
 * @param standardErrors    {@code [output][feature]}, each value's standard error (0 when exact; NaN when it could
 *                          not be estimated)
 * @param additivityError   {@code max_output |Σ_j φ_j − (outputValue − expectedValue)|}
 * @param converged         true when exact, or when every standard error is at most the explainer's tolerance
 * @param coalitions        coalitions evaluated (KernelSHAP, exact), 0 for TreeSHAP
 * @param modelRows         rows the model was asked about (0 for TreeSHAP, which reads the trees)
 * @param seed              the sampling seed (KernelSHAP; unused by the exact methods)
 */
public record ShapExplanation(int schemaVersion, ShapMethod method, ShapLink link, List<String> features,
        List<Double> expectedValues, List<Double> outputValues, List<List<Double>> values,
        List<List<Double>> standardErrors, double additivityError, boolean converged, long coalitions,
        long modelRows, long seed) {
    /** The current JSON schema version. */
    public static final int SCHEMA_VERSION = 1;

    public ShapExplanation {
        requireNonNull(method, "method");
        requireNonNull(link, "link");
        features = List.copyOf(features);
        expectedValues = List.copyOf(expectedValues);
        outputValues = List.copyOf(outputValues);
        values = values.stream().map(List::copyOf).toList();
        standardErrors = standardErrors.stream().map(List::copyOf).toList();
        int k = expectedValues.size();
        if (outputValues.size() != k || values.size() != k || standardErrors.size() != k) {
            throw new IllegalArgumentException("expected values, output values, values and standard errors need one"
                    + " entry per output: " + k + ", " + outputValues.size() + ", " + values.size() + ", "
                    + standardErrors.size());
        }
        for (int o = 0; o < k; o++) {
            if (values.get(o).size() != features.size() || standardErrors.get(o).size() != features.size()) {
                throw new IllegalArgumentException("output " + o + " needs one value and one standard error per feature");
            }
        }
    }

    /** Builds one from arrays ({@code [output][feature]}), computing the additivity error. */
    static ShapExplanation of(ShapMethod method, ShapLink link, List<String> features, double[] expected,
            double[] output, double[][] phi, double[][] se, boolean converged, long coalitions, long modelRows,
            long seed) {
        double error = 0;
        List<List<Double>> values = new ArrayList<>();
        List<List<Double>> errors = new ArrayList<>();
        for (int o = 0; o < expected.length; o++) {
            double sum = 0;
            for (double v : phi[o]) {
                sum += v;
            }
            error = Math.max(error, Math.abs(sum - (output[o] - expected[o])));
            values.add(boxed(phi[o]));
            errors.add(boxed(se[o]));
        }
        return new ShapExplanation(SCHEMA_VERSION, method, link, features, boxed(expected), boxed(output), values,
                errors, error, converged, coalitions, modelRows, seed);
    }

    private static List<Double> boxed(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    /** Number of model outputs explained. */
    public int outputs() {
        return expectedValues.size();
    }

    /** The SHAP values of output {@code output}, one per feature (a new array). */
    public double[] values(int output) {
        return values.get(checked(output)).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The standard errors of output {@code output}'s values (a new array). */
    public double[] standardErrors(int output) {
        return standardErrors.get(checked(output)).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The largest standard error over every output and feature (NaN if any is NaN). */
    public double maxStandardError() {
        double max = 0;
        for (List<Double> row : standardErrors) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** The indices of output {@code output}'s {@code k} largest |values|, largest first (ties by index). */
    public List<Integer> top(int output, int k) {
        double[] v = values(output);
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(v[j])).thenComparing(j -> j));
        return List.copyOf(order.subList(0, Math.min(k, order.size())));
    }

    private int checked(int output) {
        if (output < 0 || output >= outputs()) {
            throw InvalidInputException.problem("is not an output of the explanation").column("output").value(output)
                    .expected("0.." + (outputs() - 1)).build();
        }
        return output;
    }
}
