package org.trustml.fairness;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
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
public final class Fairness extends FairnessOptions<Fairness> {
    private final Table table;
    private final Path csv;

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
            return ReportAssembler.assemble(stats, spec, consistency, intervalOptions(), searchOptions());
        }
        CsvStatistics.Result r = CsvStatistics.read(csv, spec);
        OptionalDouble consistency = r.features() == null ? OptionalDouble.empty()
                : OptionalDouble.of(Consistency.of(r.features(), spec.features().size(), r.favorable(), spec.neighbors()));
        return ReportAssembler.assemble(r.statistics(), spec, consistency, intervalOptions(), searchOptions());
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
        return report(statistics, spec, OptionalDouble.empty(), intervals, search);
    }

    /**
     * The report of statistics computed elsewhere, with a consistency score computed elsewhere too
     * ({@link Consistency#of}; empty: not computed), intervals and the intersectional search when their options
     * are given. trustml-spark merges a distributed aggregation into {@link FairnessStatistics} and reports
     * through here, so both paths share every formula.
     */
    public static FairnessReport report(FairnessStatistics statistics, FairnessSpec spec, OptionalDouble consistency,
                                        Optional<IntervalOptions> intervals,
                                        Optional<IntersectionalSearch.Options> search) {
        return ReportAssembler.assemble(Objects.requireNonNull(statistics, "statistics"), Objects.requireNonNull(spec, "spec"),
                Objects.requireNonNull(consistency, "consistency"), Objects.requireNonNull(intervals, "intervals"),
                Objects.requireNonNull(search, "search"));
    }
}
