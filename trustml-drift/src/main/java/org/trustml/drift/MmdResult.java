package org.trustml.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The multivariate maximum-mean-discrepancy test over the numeric columns.
 *
 * @param columns         the columns used (rows with a missing value in any of them are left out)
 * @param statistic       unbiased MMD²
 * @param pValue          permutation p-value {@code (1 + A) / (1 + permutations)}, never below
 *                        {@code 1 / (1 + permutations)}
 * @param sigma           Gaussian kernel bandwidth (median heuristic)
 * @param permutations    number of permutations
 * @param referenceRows   reference rows used (after the seeded subsample cap)
 * @param currentRows     current rows used
 * @param threshold       drift when {@code p_value < threshold}
 * @param drifted         the verdict
 */
public record MmdResult(
        List<String> columns,
        double statistic,
        @JsonProperty("p_value") double pValue,
        double sigma,
        int permutations,
        @JsonProperty("reference_rows") int referenceRows,
        @JsonProperty("current_rows") int currentRows,
        double threshold,
        boolean drifted) {

    public MmdResult {
        columns = List.copyOf(columns);
    }
}
