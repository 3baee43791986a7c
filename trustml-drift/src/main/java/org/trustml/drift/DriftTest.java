package org.trustml.drift;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;

/**
 * The per-column drift tests, named in JSON as Evidently names them, except that {@code chisquare}
 * is the two-sample contingency test (Evidently's one-sample {@code chisquare} is
 * {@link #CHI_SQUARE_GOODNESS_OF_FIT}). A test either gives a
 * p-value (drift when {@code p < threshold}) or a distance (drift when {@code distance >=
 * threshold}); the default thresholds are Evidently's.
 */
public enum DriftTest {
    /** Two-sample Kolmogorov–Smirnov, p-value as scipy's {@code ks_2samp} (numeric). */
    KS("ks", "ks", true, true, 0.05),
    /**
     * Two-sample Pearson chi-square of the 2×K contingency table of category counts, reference
     * and current rows, no continuity correction (categorical): scipy's
     * {@code chi2_contingency(correction=False)}, alibi-detect's {@code ChiSquareDrift}. Both
     * samples' sampling error counts, so two samples of one distribution are flagged at alpha.
     */
    CHI_SQUARE("chisquare", "chi2", true, false, 0.05),
    /**
     * One-sample goodness-of-fit chi-square: current counts against the reference shares taken
     * as exact (categorical), Evidently's {@code chi_stat_test}. Right when the reference is a
     * known distribution; when it is itself a sample the test ignores its sampling error and
     * flags two samples of one distribution far more often than alpha (22% at alpha 0.05 for
     * 5,000 and 4,000 rows of four categories). For Evidently compatibility.
     */
    CHI_SQUARE_GOODNESS_OF_FIT("chisquare_goodness_of_fit", "chi2-gof", true, false, 0.05),
    /** Two-proportion z-test (binary categorical), Evidently's default for two categories. */
    Z("z", "z", true, false, 0.05),
    /** Population Stability Index (numeric or categorical), distance, threshold 0.1. */
    PSI("psi", "psi", false, true, 0.1),
    /** Wasserstein distance normalised by the reference standard deviation (numeric), threshold 0.1. */
    WASSERSTEIN("wasserstein", "wasserstein", false, true, 0.1),
    /** Jensen–Shannon distance over bins or categories, threshold 0.1. */
    JENSEN_SHANNON("jensenshannon", "js", false, true, 0.1),
    /** Two-sample Cramér–von Mises, p-value as scipy's {@code cramervonmises_2samp} (numeric). */
    CRAMER_VON_MISES("cramer_von_mises", "cvm", true, true, 0.05),
    /** Maximum mean discrepancy over all numeric columns together (multivariate), permutation p-value. */
    MMD("mmd", "mmd", true, true, 0.05);

    private final String jsonName;
    private final String cliName;
    private final boolean pValue;
    private final boolean numeric;
    private final double defaultThreshold;

    DriftTest(String jsonName, String cliName, boolean pValue, boolean numeric, double defaultThreshold) {
        this.jsonName = jsonName;
        this.cliName = cliName;
        this.pValue = pValue;
        this.numeric = numeric;
        this.defaultThreshold = defaultThreshold;
    }

    /** The name in JSON (Evidently's stattest name, but see {@link #CHI_SQUARE}). */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The short name on the command line ({@code --tests ks,chi2,…}). */
    public String cliName() {
        return cliName;
    }

    /** Whether the test gives a p-value (otherwise a distance). */
    public boolean givesPValue() {
        return pValue;
    }

    /** Whether the test applies to a numeric column. */
    public boolean appliesToNumeric() {
        return numeric;
    }

    /** Whether the test applies to a categorical column. */
    public boolean appliesToCategorical() {
        return this == CHI_SQUARE || this == CHI_SQUARE_GOODNESS_OF_FIT || this == Z || this == PSI || this == JENSEN_SHANNON;
    }

    /** Evidently's default threshold: 0.05 for p-values, 0.1 for distances. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Parses a CLI or JSON name, case-insensitively. */
    public static DriftTest parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DriftTest t : values()) {
            if (t.cliName.equals(n) || t.jsonName.equals(n)) {
                return t;
            }
        }
        throw InvalidInputException.problem("is not a drift test").value(name)
                .expected(Arrays.stream(values()).map(DriftTest::cliName).collect(Collectors.joining(", ")))
                .build();
    }
}
