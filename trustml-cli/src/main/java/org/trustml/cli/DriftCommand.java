package org.trustml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.table.Table;
import org.trustml.drift.ColumnDrift;
import org.trustml.drift.Correction;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftCheck;
import org.trustml.drift.DriftReport;
import org.trustml.drift.DriftTest;
import org.trustml.drift.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trustml drift ...}: statistical drift tests between two tables, and the autoencoder checker. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare a current CSV table with a reference one, column by column (KS, chi-square, "
                + "PSI, Wasserstein, Jensen-Shannon, Cramer-von Mises; MMD over the numeric columns).",
            "Without --tests each column gets Evidently's default test. P-values as scipy."},
        subcommands = {DriftAutoencoderCommand.class},
        footer = {"", "Exit codes: 0 done (drift or not, unless --fail-on-drift), 3 drift found with --fail-on-drift, "
                + "2 bad input, 1 internal error."})
final class DriftCommand implements Callable<Integer> {
    /** Exit code for "drift detected" with {@code --fail-on-drift}. */
    static final int DRIFT_FOUND = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--reference", paramLabel = "CSV", description = "The reference table (required); with --spark also "
            + "Parquet or JSON Lines, at any location Spark reads.")
    String reference;

    @Option(names = "--current", paramLabel = "CSV", description = "The current table (required), as --reference.")
    String current;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Compute on Apache Spark with this master (local[*], spark://HOST:7077, yarn, k8s://...): numeric "
                    + "columns on an exact distributed sort, the same report (no MMD). Needs Spark 4 on the class path "
                    + "(the trustml launcher adds $SPARK_HOME/jars).")
    String spark;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN",
            description = "Numeric columns to treat as categorical (text and boolean columns always are).")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN", description = "Only these columns.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--tests", split = ",", paramLabel = "TEST",
            description = "Any of ks, chi2, chi2-gof, z, psi, wasserstein, js, cvm, mmd (default: Evidently's choice per "
                    + "column). chi2 is the two-sample chi-square (scipy's chi2_contingency); chi2-gof is Evidently's "
                    + "one-sample goodness of fit to the reference shares, too eager when the reference is a sample.")
    List<String> tests = new ArrayList<>();

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--correction", defaultValue = "none",
            description = "none, bonferroni, fdr (Benjamini-Hochberg) or share (Evidently: drift when at least "
                    + "--share of the columns drift) (default: ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--share", defaultValue = "0.5", description = "Share of drifted columns for --correction share "
            + "(default: ${DEFAULT-VALUE}).")
    double share;

    @Option(names = "--label", paramLabel = "COLUMN", description = "A label column whose class balance is tested.")
    String label;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the MMD permutations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fail-on-drift", description = "Exit with code 3 when the dataset drifted.")
    boolean failOnDrift;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        if (reference == null || current == null) {
            throw InvalidInputException.problem("is missing").column(reference == null ? "--reference" : "--current")
                    .expected("--reference CSV and --current CSV (or a subcommand: autoencoder)").build();
        }
        DriftReport report = spark != null ? SparkSupport.drift(spark, reference, current, this)
                : configure(Drift.between(Table.readCsv(Path.of(reference)), Table.readCsv(Path.of(current)))).report();
        if (format == OutputFormat.json) {
            spec.commandLine().getOut().println(Json.toJson(report));
        } else {
            spec.commandLine().getOut().print(render(report));
        }
        return failOnDrift && report.drifted() ? DRIFT_FOUND : 0;
    }

    /** The command's options on a check of either engine. */
    DriftCheck configure(DriftCheck check) {
        check.categorical(categorical.toArray(String[]::new)).alpha(alpha).correction(Correction.parse(correction))
                .shareThreshold(share).seed(seed);
        if (!columns.isEmpty()) {
            check.columns(columns.toArray(String[]::new));
        }
        if (!tests.isEmpty()) {
            check.tests(tests.stream().map(DriftTest::parse).toArray(DriftTest[]::new));
        }
        if (label != null) {
            check.label(label);
        }
        return check;
    }

    static String render(DriftReport r) {
        TextTable t = new TextTable("column", "kind", "test", "statistic", "p-value / distance", "threshold", "drift", "note");
        List<ColumnDrift> all = new ArrayList<>(r.columns());
        r.classBalance().ifPresent(all::add);
        for (ColumnDrift c : all) {
            for (TestResult x : c.tests()) {
                String name = c.column() + (r.classBalance().filter(b -> b == c).isPresent() ? " (class balance)" : "");
                t.row(name, c.kind(), x.test().jsonName(), num(x.statistic()),
                        x.pValue().map(p -> "p=" + num(p)).orElseGet(() -> "d=" + num(x.distance().orElseThrow())),
                        num(x.threshold()), x.drifted() ? "DRIFT" : "-",
                        c.unseenCategories().isEmpty() ? x.note().orElse("")
                                : "unseen: " + String.join(", ", c.unseenCategories()));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(t);
        r.mmd().ifPresent(m -> sb.append("mmd over ").append(m.columns().size()).append(" numeric columns: mmd2=")
                .append(num(m.statistic())).append(" p=").append(num(m.pValue()))
                .append(m.drifted() ? " DRIFT" : "").append('\n'));
        sb.append(String.format(Locale.ROOT, "dataset: %s (%d of %d columns drifted, share %.3f, correction %s)%n",
                r.drifted() ? "DRIFT" : "no drift", r.driftedColumns().size(), r.columns().size(), r.driftShare(),
                r.correction().jsonName()));
        return sb.toString();
    }

    static String num(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
