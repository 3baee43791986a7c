package org.trustml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustml.fairness.Condition;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessOptions;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.fairness.IntersectionalReport;
import org.trustml.fairness.FairnessValue;
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
                + "unique column names, every row as long as the header, fields of at most 16 Mi characters."})
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

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
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
        return f.protectedColumns(protectedColumns.toArray(String[]::new)).features(features.toArray(String[]::new));
    }

    private static Group group(List<String> values) {
        List<Condition> conditions = values.stream().map(Condition::parse).toList();
        return new Group(conditions);
    }

    static String render(FairnessReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.rows()).append(" rows; privileged ").append(r.spec().privileged()).append("; unprivileged ")
                .append(r.spec().unprivileged().map(Group::toString).orElse("not privileged")).append('\n');
        section(sb, "dataset", r.dataset());
        if (!r.classification().isEmpty()) {
            section(sb, "classification", r.classification());
        }
        sb.append("\nsmoothed EDF ").append(num(r.differentialFairness().epsilon())).append(" between ")
                .append(r.differentialFairness().higher()).append(" and ").append(r.differentialFairness().lower())
                .append('\n');
        IntersectionalReport in = r.intersectional();
        sb.append("worst intersectional group by ").append(in.rateName()).append(": ").append(in.worstGroup()).append('\n');
        if (!r.undefined().isEmpty()) {
            sb.append("\nundefined:\n");
            r.undefined().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, Map<String, FairnessValue> values) {
        TextTable t = new TextTable(name, "overall", "privileged", "unprivileged", "between");
        values.forEach((k, v) -> t.row(k, v.perGroup() ? num(v.overall()) : "", v.perGroup() ? num(v.privileged()) : "",
                v.perGroup() ? num(v.unprivileged()) : "", v.perGroup() ? "" : num(v.between())));
        sb.append('\n').append(t);
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.6g", x);
    }
}
