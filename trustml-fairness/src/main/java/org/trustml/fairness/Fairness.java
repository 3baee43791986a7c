package org.trustml.fairness;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Table;

/**
 * Fluent entry point:
 * <pre>{@code
 * FairnessReport report = Fairness.of(table).label("y").prediction("yhat").score("p")
 *         .privileged(Group.where("sex", 1)).favorable(1).report();
 * FairnessReport big = Fairness.streamingCsv(Path.of("scored.csv")).label("y").prediction("yhat")
 *         .privileged(Group.where("sex", 1)).report();     // one pass, memory in the number of groups
 * }</pre>
 * A table is reduced column by column; a CSV file is streamed record by record. Both give the same
 * {@link FairnessStatistics} and so the same numbers. For model outputs held as DJL NDArrays see
 * {@link NDArrayStatistics}.
 */
public final class Fairness {
    private final Table table;
    private final Path csv;
    private String label;
    private String prediction;
    private String score;
    private String weights;
    private Group privileged;
    private Group unprivileged;
    private Labels labels = Labels.binary();
    private List<String> protectedColumns = List.of();
    private List<String> features = List.of();
    private int neighbors = 5;
    private double concentration = 1.0;
    private Optional<IntervalOptions> intervals = Optional.empty();
    private Optional<IntersectionalSearch.Options> search = Optional.empty();

    private Fairness(Table table, Path csv) {
        this.table = table;
        this.csv = csv;
    }

    /** Metrics over a table in memory. */
    public static Fairness of(Table table) {
        return new Fairness(Objects.requireNonNull(table, "table"), null);
    }

    /** Metrics over a CSV file read in one streaming pass (header line, comma-separated, UTF-8). */
    public static Fairness streamingCsv(Path file) {
        return new Fairness(null, Objects.requireNonNull(file, "file"));
    }

    /** The column of true labels (required). */
    public Fairness label(String column) {
        this.label = Objects.requireNonNull(column, "column");
        return this;
    }

    /** The column of predicted labels; without it only dataset metrics are computed. */
    public Fairness prediction(String column) {
        this.prediction = Objects.requireNonNull(column, "column");
        return this;
    }

    /** The column of favorable-class scores in [0, 1], for the generalized counts. */
    public Fairness score(String column) {
        this.score = Objects.requireNonNull(column, "column");
        return this;
    }

    /** The column of instance weights. */
    public Fairness weights(String column) {
        this.weights = Objects.requireNonNull(column, "column");
        return this;
    }

    /** The privileged group (required). */
    public Fairness privileged(Group group) {
        this.privileged = Objects.requireNonNull(group, "group");
        return this;
    }

    /** The unprivileged group; by default every row that is not privileged. */
    public Fairness unprivileged(Group group) {
        this.unprivileged = Objects.requireNonNull(group, "group");
        return this;
    }

    /** The favorable label value in binary mode (default 1). */
    public Fairness favorable(Object value) {
        this.labels = labels.unfavorable().isPresent()
                ? Labels.binary(value, labels.unfavorable().get()) : Labels.binary(value);
        return this;
    }

    /** The unfavorable label value in binary mode (default: the other value in the data). */
    public Fairness unfavorable(Object value) {
        this.labels = Labels.binary(labels.favorable().get(0), value);
        return this;
    }

    /** Multiclass labels, one-vs-rest: these values are favorable; adds a per-class table. */
    public Fairness oneVsRest(Object... favorable) {
        this.labels = Labels.oneVsRest(favorable);
        return this;
    }

    /** The protected columns whose intersections define EDF, bias amplification and the intersectional report. */
    public Fairness protectedColumns(String... columns) {
        this.protectedColumns = List.of(columns);
        return this;
    }

    /** Feature columns for consistency (k-NN); without them consistency is not computed. */
    public Fairness features(String... columns) {
        this.features = List.of(columns);
        return this;
    }

    /** k of consistency (default 5). */
    public Fairness neighbors(int k) {
        this.neighbors = k;
        return this;
    }

    /** Dirichlet concentration of differential fairness (default 1.0). */
    public Fairness concentration(double c) {
        this.concentration = c;
        return this;
    }

    /**
     * Adds confidence intervals to every number the statistics determine:
     * {@code .intervals(IntervalOptions.bca(0.95, 1000, seed))}; see {@link FairnessIntervals}.
     */
    public Fairness intervals(IntervalOptions options) {
        this.intervals = Optional.of(Objects.requireNonNull(options, "options"));
        return this;
    }

    /**
     * Adds the search for subgroups of up to {@code options.depth()} protected columns whose rate differs
     * significantly from the rest: {@code .intersectionalSearch(IntersectionalSearch.Options.depth(2))}.
     */
    public Fairness intersectionalSearch(IntersectionalSearch.Options options) {
        this.search = Optional.of(Objects.requireNonNull(options, "options"));
        return this;
    }

    /** The specification built so far. */
    public FairnessSpec spec() {
        if (label == null) {
            throw InvalidInputException.problem("is not set").column("label").expected("the true label column").build();
        }
        if (privileged == null) {
            throw InvalidInputException.problem("is not set").column("privileged")
                    .expected("a privileged group, e.g. sex=1").build();
        }
        return new FairnessSpec(label, Optional.ofNullable(prediction), Optional.ofNullable(score),
                Optional.ofNullable(weights), privileged, Optional.ofNullable(unprivileged), labels, protectedColumns,
                features, neighbors, concentration);
    }

    /** The sufficient statistics (one pass). */
    public FairnessStatistics statistics() {
        FairnessSpec spec = spec();
        return table != null ? TableStatistics.of(table, spec) : CsvStatistics.read(csv, spec).statistics();
    }

    /** Every metric. */
    public FairnessReport report() {
        FairnessSpec spec = spec();
        if (table != null) {
            FairnessStatistics stats = TableStatistics.of(table, spec);
            OptionalDouble consistency = OptionalDouble.empty();
            if (!spec.features().isEmpty()) {
                double[] x = TableStatistics.features(table, spec.features());
                int[] y = TableStatistics.codes(table, spec.label(), (v, row) -> spec.labels().favorable().contains(v) ? 1 : 0);
                boolean[] fav = new boolean[y.length];
                for (int i = 0; i < y.length; i++) {
                    fav[i] = y[i] == 1;
                }
                consistency = OptionalDouble.of(Consistency.of(x, spec.features().size(), fav, spec.neighbors()));
            }
            return ReportAssembler.assemble(stats, spec, consistency, intervals, search);
        }
        CsvStatistics.Result r = CsvStatistics.read(csv, spec);
        OptionalDouble consistency = r.features() == null ? OptionalDouble.empty()
                : OptionalDouble.of(Consistency.of(r.features(), spec.features().size(), r.favorable(), spec.neighbors()));
        return ReportAssembler.assemble(r.statistics(), spec, consistency, intervals, search);
    }

    /** The report of statistics computed elsewhere (e.g. {@link NDArrayStatistics}); no consistency. */
    public static FairnessReport report(FairnessStatistics statistics, FairnessSpec spec) {
        return ReportAssembler.assemble(statistics, spec, OptionalDouble.empty());
    }

    /**
     * The report of statistics computed elsewhere (merged from partitions, say), with intervals and the
     * intersectional search when their options are given.
     */
    public static FairnessReport report(FairnessStatistics statistics, FairnessSpec spec,
                                        Optional<IntervalOptions> intervals,
                                        Optional<IntersectionalSearch.Options> search) {
        return ReportAssembler.assemble(statistics, spec, OptionalDouble.empty(), intervals, search);
    }
}
