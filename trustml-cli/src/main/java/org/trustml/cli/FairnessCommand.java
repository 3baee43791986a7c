package org.trustml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Gate;
import org.trustml.fairness.Condition;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.FairnessOptions;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.FairnessSlice;
import org.trustml.fairness.FairnessValue;
import org.trustml.fairness.Group;
import org.trustml.fairness.IntersectionalReport;
import org.trustml.fairness.IntersectionalSearch;
import org.trustml.fairness.IntervalMethod;
import org.trustml.fairness.IntervalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trustml fairness ...}: AIF360's dataset and classification metrics over a CSV file, streamed, or with
 * {@code --spark MASTER} over a CSV, Parquet or JSON Lines table on Spark ({@code SparkFairness}).
 */
@Command(name = "fairness", mixinStandardHelpOptions = true,
        description = {"Group fairness metrics with AIF360 v0.6.1's definitions over a CSV file (header line, comma-"
                + "separated, UTF-8), read in one streaming pass: memory depends on the number of groups, not rows "
                + "(only --features keeps those columns, for consistency). Undefined values (a zero denominator) are "
                + "NaN and listed with the reason under \"undefined\".",
            "The file is read under the CSV rules of every trustml command (docs/core.md, \"CSV\"): strict UTF-8, "
                + "unique column names, every row as long as the header, fields of at most 16 Mi characters.",
            "With --ci (or --bootstrap or --ci-method) every number gets a confidence interval computed from the "
                + "one-pass statistics, not by re-reading the file: bootstrap resamples of the cell counts, stratified "
                + "by group, or closed forms (docs/fairness.md, \"Confidence intervals\"). With --intersectional the "
                + "subgroups of up to DEPTH protected columns whose rate differs significantly from the rest are "
                + "listed, with Benjamini-Hochberg false-discovery control."})
final class FairnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The CSV file; with --spark also Parquet or JSON Lines, at any location Spark reads.")
    String data;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Compute on Apache Spark with this master (local[*], spark://HOST:7077, yarn, k8s://...): one "
                    + "distributed aggregation, the same report. Needs Spark 4 on the class path (the trustml launcher "
                    + "adds $SPARK_HOME/jars). Consistency above 100,000 rows is computed on "
                    + "a seeded sample (said on stderr).")
    String spark;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Column of true labels.")
    String label;

    @Option(names = "--prediction", paramLabel = "COLUMN",
            description = "Column of predicted labels; without it only dataset metrics are computed.")
    String prediction;

    @Option(names = "--score", paramLabel = "COLUMN", description = "Column of favorable-class scores in [0, 1].")
    String score;

    @Option(names = "--weights", paramLabel = "COLUMN", description = "Column of instance weights (>= 0).")
    String weights;

    @Option(names = "--privileged", required = true, paramLabel = "COL=V[,COL=V...]",
            description = "Privileged group; commas AND the tests, a repeated option ORs them.")
    List<String> privileged = new ArrayList<>();

    @Option(names = "--unprivileged", paramLabel = "COL=V[,COL=V...]",
            description = "Unprivileged group, as --privileged (default: every row not privileged).")
    List<String> unprivileged = new ArrayList<>();

    @Option(names = "--favorable", defaultValue = "1", paramLabel = "VALUE",
            description = "Favorable label value (default: ${DEFAULT-VALUE}); with --multiclass a comma list.")
    String favorable;

    @Option(names = "--unfavorable", paramLabel = "VALUE",
            description = "Unfavorable label value (default: the other value in the data).")
    String unfavorable;

    @Option(names = "--multiclass", description = "Any number of label values: one-vs-rest for --favorable, plus a "
            + "per-class table.")
    boolean multiclass;

    @Option(names = "--protected", split = ",", paramLabel = "COLUMNS",
            description = "Columns whose intersections define the groups of differential fairness, bias amplification "
                    + "and the intersectional report (default: the columns named in the group options).")
    List<String> protectedColumns = new ArrayList<>();

    @Option(names = "--features", split = ",", paramLabel = "COLUMNS",
            description = "Numeric columns for consistency (k-NN, k = 5, on a k-d tree).")
    List<String> features = new ArrayList<>();

    @Option(names = "--ci", paramLabel = "LEVEL",
            description = "Confidence intervals at this level, e.g. 0.95 (default 0.95 when --bootstrap or --ci-method "
                    + "is given).")
    Double ci;

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Bootstrap resamples for --ci (default 1000; 2 to 100000).")
    Integer bootstrap;

    @Option(names = "--ci-method", paramLabel = "METHOD",
            description = "percentile, bca or analytic (Wilson, Newcombe, Katz; unit weights only) (default: bca).")
    String ciMethod;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap for --ci (default 0).")
    Long seed;

    @Option(names = "--intersectional", paramLabel = "DEPTH",
            description = "Search the subgroups of up to DEPTH protected columns for a rate that differs significantly "
                    + "from the rest (two-proportion z-test, Benjamini-Hochberg).")
    Integer intersectional;

    @Option(names = "--min-support", paramLabel = "ROWS",
            description = "Fewest rows a subgroup needs to be tested by --intersectional (default 30).")
    Long minSupport;

    @Option(names = "--fdr", paramLabel = "Q",
            description = "False discovery rate of --intersectional (default 0.05).")
    Double fdr;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        // option errors are exit 2 before any file is read
        intervalOptions();
        searchOptions();
        FairnessReport report = spark != null ? SparkSupport.fairness(spark, data, this)
                : configure(Fairness.streamingCsv(Path.of(data))).report();
        spec.commandLine().getOut().print(format == OutputFormat.json ? report.toJson() + "\n" : render(report));
        return 0;
    }

    /** The command's options on either engine. */
    <T extends FairnessOptions<T>> T configure(T f) {
        f.label(label).privileged(group(privileged));
        if (prediction != null) {
            f.prediction(prediction);
        }
        if (score != null) {
            f.score(score);
        }
        if (weights != null) {
            f.weights(weights);
        }
        if (!unprivileged.isEmpty()) {
            f.unprivileged(group(unprivileged));
        }
        if (multiclass) {
            f.oneVsRest((Object[]) favorable.split(","));
        } else {
            f.favorable(favorable);
            if (unfavorable != null) {
                f.unfavorable(unfavorable);
            }
        }
        f.protectedColumns(protectedColumns.toArray(String[]::new)).features(features.toArray(String[]::new));
        intervalOptions().ifPresent(f::intervals);
        searchOptions().ifPresent(f::intersectionalSearch);
        return f;
    }

    /** The interval options, checked before the file is read. */
    private Optional<IntervalOptions> intervalOptions() {
        if (ci == null && bootstrap == null && ciMethod == null) {
            if (seed != null) {
                throw InvalidInputException.problem("is given without --ci").column("--seed").value(seed)
                        .expected("--ci LEVEL (or --bootstrap N) as well").build();
            }
            return Optional.empty();
        }
        IntervalMethod method = IntervalMethod.BCA;
        if (ciMethod != null) {
            try {
                method = IntervalMethod.valueOf(ciMethod.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.problem("is not an interval method").column("--ci-method").value(ciMethod)
                        .expected("percentile, bca or analytic").build();
            }
        }
        double level = ci == null ? 0.95 : ci;
        if (!method.bootstrap()) {
            if (bootstrap != null || seed != null) {
                throw InvalidInputException.problem("is given with --ci-method analytic, which does not resample")
                        .column(bootstrap != null ? "--bootstrap" : "--seed")
                        .value(bootstrap != null ? bootstrap : seed).expected("no --bootstrap or --seed").build();
            }
            return Optional.of(IntervalOptions.analytic(level));
        }
        return Optional.of(new IntervalOptions(method, level, bootstrap == null ? 1000 : bootstrap, seed == null ? 0 : seed));
    }

    private Optional<IntersectionalSearch.Options> searchOptions() {
        if (intersectional == null) {
            if (minSupport != null || fdr != null) {
                throw InvalidInputException.problem("is given without --intersectional")
                        .column(minSupport != null ? "--min-support" : "--fdr").expected("--intersectional DEPTH").build();
            }
            return Optional.empty();
        }
        return Optional.of(new IntersectionalSearch.Options(intersectional, minSupport == null ? 30 : minSupport,
                fdr == null ? 0.05 : fdr, ci == null ? 0.95 : ci, Optional.empty()));
    }

    private static Group group(List<String> values) {
        List<Condition> conditions = values.stream().map(Condition::parse).toList();
        return new Group(conditions);
    }

    static String render(FairnessReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.rows()).append(" rows; privileged ").append(r.spec().privileged()).append("; unprivileged ")
                .append(r.spec().unprivileged().map(Group::toString).orElse("not privileged")).append('\n');
        r.intervals().ifPresent(i -> sb.append("intervals: ").append(describe(i.options()))
                .append(" after each value; [n/a] where an interval is undefined (the reasons are in --format json)\n"));
        section(sb, "dataset", r, r.dataset());
        if (!r.classification().isEmpty()) {
            section(sb, "classification", r, r.classification());
        }
        sb.append("\nsmoothed EDF ").append(num(r.differentialFairness().epsilon())).append(" between ")
                .append(r.differentialFairness().higher()).append(" and ").append(r.differentialFairness().lower())
                .append('\n');
        IntersectionalReport in = r.intersectional();
        sb.append("worst intersectional group by ").append(in.rateName()).append(": ").append(in.worstGroup()).append('\n');
        r.intersectionalSearch().ifPresent(s -> search(sb, s));
        if (!r.undefined().isEmpty()) {
            sb.append("\nundefined:\n");
            r.undefined().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, FairnessReport r, Map<String, FairnessValue> values) {
        TextTable t = new TextTable(name, "overall", "privileged", "unprivileged", "between");
        values.forEach((k, v) -> {
            FairnessMetric m = FairnessMetric.fromJsonName(k);
            t.row(k, v.perGroup() ? cell(r, name, m, FairnessSlice.OVERALL, v) : "",
                    v.perGroup() ? cell(r, name, m, FairnessSlice.PRIVILEGED, v) : "",
                    v.perGroup() ? cell(r, name, m, FairnessSlice.UNPRIVILEGED, v) : "",
                    v.perGroup() ? "" : cell(r, name, m, FairnessSlice.BETWEEN, v));
        });
        sb.append('\n').append(t);
    }

    /** {@code 0.25} or, with intervals, {@code 0.25 [0.1, 0.4]}. */
    private static String cell(FairnessReport r, String section, FairnessMetric m, FairnessSlice slice, FairnessValue v) {
        String value = num(v.get(slice));
        return r.intervals().isEmpty() ? value : value + " " + r.interval(section, m, slice)
                .map(ci -> ci.isDefined() ? "[" + num(ci.lower()) + ", " + num(ci.upper()) + "]" : "[n/a]").orElse("[n/a]");
    }

    private static String describe(IntervalOptions o) {
        String level = Gate.fmt(100 * o.level()) + "% ";
        return o.method().bootstrap() ? level + o.method().jsonName() + " bootstrap, " + o.resamples() + " resamples, seed "
                + o.seed() : level + "analytic (Wilson, Newcombe, Katz, Wald)";
    }

    private static void search(StringBuilder sb, IntersectionalSearch s) {
        sb.append("\nintersectional search by ").append(s.rate()).append(" (depth ").append(s.options().depth())
                .append(", min support ").append(s.options().minSupport()).append(" rows, FDR ")
                .append(Gate.fmt(s.options().fdr())).append("): ").append(s.tested()).append(" of ").append(s.considered())
                .append(" subgroups tested, ").append(s.subgroups().stream().filter(IntersectionalSearch.Subgroup::significant)
                        .count()).append(" significant\n");
        TextTable t = new TextTable("subgroup", "rows", "rate", "rest", "difference", "interval", "p", "BH q");
        s.subgroups().stream().filter(IntersectionalSearch.Subgroup::significant).forEach(g -> t.row(g.group(),
                Long.toString(g.rows()), num(g.rate()), num(g.restRate()), num(g.difference()),
                "[" + num(g.differenceInterval().lower()) + ", " + num(g.differenceInterval().upper()) + "]",
                num(g.pValue()), num(g.adjustedPValue())));
        if (s.worst().isPresent()) {
            sb.append(t);
        }
        sb.append("worst subgroup: ").append(s.worst().map(g -> g.group() + ", " + s.rate() + " " + num(g.rate())
                + " against " + num(g.restRate()) + ", difference " + num(g.difference()) + " "
                + g.differenceInterval().describe()).orElse("none significant")).append('\n');
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.6g", x);
    }
}
