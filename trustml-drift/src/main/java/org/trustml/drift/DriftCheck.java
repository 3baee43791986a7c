package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustml.core.InvalidInputException;
import org.trustml.drift.internal.CategoryCounts;
import org.trustml.drift.spi.CategoricalCounts;
import org.trustml.drift.spi.DriftData;
import org.trustml.drift.spi.DriftData.Side;
import org.trustml.drift.spi.NumericColumnPair;

/**
 * The options of one reference-versus-current comparison; {@link #report()} runs it. Not
 * thread-safe; cheap to make.
 *
 * <p>Column kinds: string and boolean columns, and the columns named in {@link #categorical},
 * are categorical; the other numeric columns are numeric. Missing values (NaN, empty cells) are
 * left out and counted.
 *
 * <p>Tests: with {@link #tests} each column runs every listed test that applies to its kind
 * (a column to which none applies falls back to the default); without it, Evidently's default
 * choice: reference of at most 1000 rows ⇒ KS for numeric columns with more than 5 distinct
 * pooled values, otherwise chi-square (more than 2 values) or z-test (2); larger reference ⇒
 * normalised Wasserstein for numeric columns with more than 5 distinct values, Jensen–Shannon
 * otherwise. Where Evidently would run its one-sample chi-square, this runs the two-sample one
 * ({@link DriftTest#CHI_SQUARE}); ask for {@link DriftTest#CHI_SQUARE_GOODNESS_OF_FIT} to get
 * Evidently's. {@link DriftTest#MMD} runs once over all numeric columns together.
 */
public final class DriftCheck {
    private final DriftData data;
    private final Set<String> categorical = new LinkedHashSet<>();
    private final double[] thresholds = new double[DriftTest.values().length];
    private List<String> columns;
    private Set<DriftTest> tests;
    private double alpha = 0.05;
    private Correction correction = Correction.NONE;
    private double shareThreshold = 0.5;
    private PsiBinning binning = PsiBinning.QUANTILE;
    private int psiBins = 10;
    private String label;
    private int mmdPermutations = 100;
    private int mmdMaxRows = 500;
    private long seed = 0;

    DriftCheck(DriftData data) {
        this.data = data;
        Arrays.fill(thresholds, Double.NaN);
    }

    /** Columns to treat as categorical even if numeric. */
    public DriftCheck categorical(String... names) {
        categorical.addAll(List.of(names));
        return this;
    }

    /** Only these columns (default: every column of the reference, except the label). */
    public DriftCheck columns(String... names) {
        this.columns = List.of(names);
        return this;
    }

    /** The tests to run (default: Evidently's choice per column). */
    public DriftCheck tests(DriftTest... chosen) {
        if (chosen.length == 0) {
            throw InvalidInputException.problem("no drift test chosen").expected("at least one test").build();
        }
        this.tests = EnumSet.copyOf(List.of(chosen));
        return this;
    }

    /** Significance level of the p-value tests (default 0.05). */
    public DriftCheck alpha(double value) {
        if (!(value > 0 && value < 1)) {
            throw InvalidInputException.problem("is not a significance level").column("alpha").value(value)
                    .expected("0 < alpha < 1").build();
        }
        this.alpha = value;
        return this;
    }

    /** Threshold of one distance test (defaults: 0.1), or of a p-value test instead of alpha. */
    public DriftCheck threshold(DriftTest test, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw InvalidInputException.problem("is not a threshold").column(test.jsonName()).value(value)
                    .expected("a positive finite number").build();
        }
        thresholds[test.ordinal()] = value;
        return this;
    }

    /** Multiple-testing correction / dataset rule (default {@link Correction#NONE}). */
    public DriftCheck correction(Correction value) {
        this.correction = requireNonNull(value, "correction");
        return this;
    }

    /** Share of drifted columns that makes the dataset drift under {@link Correction#SHARE} (default 0.5). */
    public DriftCheck shareThreshold(double value) {
        if (!(value > 0 && value <= 1)) {
            throw InvalidInputException.problem("is not a share").column("share_threshold").value(value)
                    .expected("0 < share <= 1").build();
        }
        this.shareThreshold = value;
        return this;
    }

    /** Binning of numeric columns for PSI and Jensen–Shannon (default quantile, 10 bins). */
    public DriftCheck binning(PsiBinning value, int bins) {
        if (bins < 2) {
            throw InvalidInputException.problem("is too few bins").column("bins").value(bins).expected("at least 2").build();
        }
        this.binning = requireNonNull(value, "binning");
        this.psiBins = bins;
        return this;
    }

    /** A label column whose class balance is tested (chi-square, or z for two classes). */
    public DriftCheck label(String column) {
        this.label = requireNonNull(column, "column");
        return this;
    }

    /** MMD options: permutations (default 100), rows per side after a seeded subsample (default 500). */
    public DriftCheck mmd(int permutations, int maxRows) {
        if (permutations < 1 || maxRows < 2) {
            throw InvalidInputException.problem("are not MMD options").value(permutations + ", " + maxRows)
                    .expected("permutations >= 1 and maxRows >= 2").build();
        }
        this.mmdPermutations = permutations;
        this.mmdMaxRows = maxRows;
        return this;
    }

    /** Seed of the MMD permutations and subsample (default 0). */
    public DriftCheck seed(long value) {
        this.seed = value;
        return this;
    }

    /** Runs the tests. */
    public DriftReport report() {
        try {
            return run();
        } finally {
            data.release();
        }
    }

    private DriftReport run() {
        if (data.rows(Side.REFERENCE) == 0) {
            throw InvalidInputException.problem("reference table has no rows").expected("at least one row").build();
        }
        if (data.rows(Side.CURRENT) == 0) {
            throw InvalidInputException.problem("current table has no rows").expected("at least one row").build();
        }
        List<String> names = columns != null ? columns : data.referenceColumns().stream()
                .filter(n -> !n.equals(label)).toList();
        if (names.isEmpty()) {
            // the drift share would be 0/0 and the verdict "not drifted" about nothing
            throw InvalidInputException.problem("has no column to compare").column(columns != null ? "columns" : label)
                    .expected("at least one column besides the label").build();
        }
        for (String n : names) {
            requireColumn(n);
        }
        // columns are independent: tested in parallel (common fork-join pool), results in column order
        List<ColumnDrift> results = names.parallelStream().map(n -> runColumn(n, tests)).toList();
        List<String> numericNames = results.stream().filter(c -> c.kind().equals("numeric"))
                .map(ColumnDrift::column).toList();
        Optional<ColumnDrift> balance = Optional.empty();
        if (label != null) {
            requireColumn(label);
            balance = Optional.of(runCategorical(label, null));
        }
        results = Corrections.apply(results, correction, alpha);
        // the class balance is its own question: judged at alpha, outside the correction
        Optional<MmdResult> mmd = Optional.empty();
        if (tests != null && tests.contains(DriftTest.MMD)) {
            if (numericNames.isEmpty()) {
                throw InvalidInputException.problem("MMD needs at least one numeric column").column("mmd")
                        .expected("a numeric column in both tables").build();
            }
            if (!(data instanceof TableDriftData tables)) {
                throw InvalidInputException.problem("needs the rows of both tables in memory").column("mmd")
                        .expected("tables (Drift.between(reference, current)); MMD is not run where the data lives")
                        .build();
            }
            mmd = Optional.of(Mmd.run(tables.table(Side.REFERENCE), tables.table(Side.CURRENT), numericNames,
                    mmdPermutations, mmdMaxRows, seed, threshold(DriftTest.MMD)));
        }
        List<String> drifted = results.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
        double share = results.isEmpty() ? 0.0 : (double) drifted.size() / results.size();
        boolean datasetDrift = correction == Correction.SHARE ? share >= shareThreshold : !drifted.isEmpty();
        datasetDrift |= mmd.map(MmdResult::drifted).orElse(false);
        return new DriftReport(DriftReport.SCHEMA_VERSION, alpha, correction, shareThreshold, results, datasetDrift,
                drifted, share, mmd, balance);
    }

    private void requireColumn(String n) {
        for (Side side : Side.values()) {
            if (!data.has(side, n)) {
                throw InvalidInputException.problem("is missing from the " + side.label() + " table").column(n)
                        .expected("a column present in both tables").build();
            }
        }
    }

    private double threshold(DriftTest t) {
        double th = thresholds[t.ordinal()];
        return Double.isNaN(th) ? (t.givesPValue() ? alpha : t.defaultThreshold()) : th;
    }

    private double[] effectiveThresholds() {
        double[] out = new double[thresholds.length];
        for (DriftTest t : DriftTest.values()) {
            out[t.ordinal()] = threshold(t);
        }
        return out;
    }

    private boolean isCategorical(String name) {
        return categorical.contains(name) || !data.isNumeric(Side.REFERENCE, name) || !data.isNumeric(Side.CURRENT, name);
    }

    private ColumnDrift runColumn(String name, Set<DriftTest> chosen) {
        return isCategorical(name) ? runCategorical(name, chosen) : runNumeric(name, chosen);
    }

    private ColumnDrift runNumeric(String name, Set<DriftTest> chosen) {
        NumericColumnPair pair = data.numeric(name);
        int refCount = count(name, pair.referenceCount());
        int curCount = count(name, pair.currentCount());
        int refMissing = count(name, pair.referenceMissing());
        int curMissing = count(name, pair.currentMissing());
        requireValues(name, "reference", refCount, refMissing);
        requireValues(name, "current", curCount, curMissing);
        Set<DriftTest> run = EnumSet.noneOf(DriftTest.class);
        if (chosen != null) {
            chosen.stream().filter(t -> t.appliesToNumeric() && t != DriftTest.MMD).forEach(run::add);
        }
        if (run.isEmpty()) {
            DriftTest d = ColumnTests.defaultNumeric(pair);
            if (d == DriftTest.CHI_SQUARE || d == DriftTest.Z) {
                return runCategorical(name, EnumSet.of(d));
            }
            run.add(d);
        }
        if (run.contains(DriftTest.CRAMER_VON_MISES) && (refCount < 2 || curCount < 2)) {
            throw InvalidInputException.problem("has fewer than two non-missing values on one side").column(name)
                    .value(refCount + " reference, " + curCount + " current")
                    .expected("at least two values in each table for Cramér–von Mises").build();
        }
        List<TestResult> results = ColumnTests.numeric(pair, run, effectiveThresholds(), binning, psiBins);
        return new ColumnDrift(name, "numeric", refCount, curCount, refMissing, curMissing, results,
                results.stream().anyMatch(TestResult::drifted), List.of(), java.util.Map.of());
    }

    /** A count as the report's int; more than 2³¹ − 1 values in one column is refused. */
    private static int count(String column, long n) {
        if (n > Integer.MAX_VALUE) {
            throw InvalidInputException.problem("has more values than a drift report counts").column(column).value(n)
                    .expected("at most " + Integer.MAX_VALUE + " values per table").build();
        }
        return (int) n;
    }

    private ColumnDrift runCategorical(String name, Set<DriftTest> chosen) {
        CategoricalCounts summary = data.categorical(name);
        CategoryCounts counts = CategoryCounts.of(summary);
        int refCount = count(name, counts.referenceTotal());
        int curCount = count(name, counts.currentTotal());
        int refMissing = count(name, summary.referenceMissing());
        int curMissing = count(name, summary.currentMissing());
        requireValues(name, "reference", refCount, refMissing);
        requireValues(name, "current", curCount, curMissing);
        Set<DriftTest> run = EnumSet.noneOf(DriftTest.class);
        if (chosen != null) {
            chosen.stream().filter(DriftTest::appliesToCategorical).forEach(run::add);
        }
        if (run.isEmpty()) {
            run.add(ColumnTests.defaultCategorical(counts));
        }
        List<TestResult> results = ColumnTests.categorical(counts, run, effectiveThresholds());
        java.util.Map<String, List<Double>> shares = new java.util.LinkedHashMap<>();
        counts.shares().forEach((k, v) -> shares.put(k, List.of(v[0], v[1])));
        return new ColumnDrift(name, "categorical", refCount, curCount, refMissing, curMissing, results,
                results.stream().anyMatch(TestResult::drifted), counts.unseenInReference(), shares);
    }

    private static void requireValues(String column, String side, int present, int missing) {
        if (present == 0) {
            throw InvalidInputException.problem("has no non-missing values in the " + side + " table")
                    .column(column).value(missing + " missing of " + missing)
                    .expected("at least one value to compare").build();
        }
    }
}
