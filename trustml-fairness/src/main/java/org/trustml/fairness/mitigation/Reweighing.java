package org.trustml.fairness.mitigation;

import java.util.Objects;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;

/**
 * Reweighing (Kamiran and Calders, "Data preprocessing techniques for classification without
 * discrimination", KAIS 2012; AIF360 {@code Reweighing}): each row of group g ∈ {privileged, unprivileged}
 * and label y gets weight
 * <pre>  w = W_y · W_g / (W · W_{g,y})</pre>
 * with W the (weighted) counts, multiplied into its existing weight, so that label and group are
 * independent under the new weights: the weighted statistical parity difference becomes 0.
 * Rows in neither group keep their weight. Every (group, label) cell needs a positive weight W_{g,y}:
 * otherwise no weights make label and group independent (AIF360 divides by zero and writes NaN weights
 * into a cell of zero-weight rows, or leaves an empty cell's group unbalanced), and {@link #transform}
 * fails naming the group and label.
 */
public final class Reweighing implements Stage<Table, Table> {

    /**
     * @param target        label and groups
     * @param weights       existing weight column to multiply into, if any
     * @param outputColumn  column written with the new weights (replaced if present)
     */
    public record Config(Target target, Optional<String> weights, String outputColumn) {
        public Config {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(outputColumn, "outputColumn");
        }
    }

    private final Config config;

    public Reweighing(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "reweighing";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Table apply(Table input, RunContext context) {
        return transform(input);
    }

    /** The table with the weight column written. */
    public Table transform(Table table) {
        byte[] group = config.target().membership(table);
        boolean[] fav = config.target().favorable(table, config.target().label());
        double[] w = config.weights().map(c -> Target.numbers(table, c)).orElseGet(() -> {
            double[] ones = new double[table.rowCount()];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        });
        double[][] cell = new double[3][2];
        double[] byLabel = new double[2];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw InvalidInputException.problem("is not a valid instance weight").row(i + 1L)
                        .column(config.weights().orElse("weight")).value(Double.toString(w[i]))
                        .expected("a finite number >= 0").build();
            }
            if (group[i] == 0) {
                continue;
            }
            int y = fav[i] ? 1 : 0;
            cell[group[i]][y] += w[i];
            byLabel[y] += w[i];
            total += w[i];
        }
        requirePositiveCells(cell);
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            int g = group[i];
            if (g == 0) {
                out[i] = w[i];
                continue;
            }
            int y = fav[i] ? 1 : 0;
            double wg = cell[g][0] + cell[g][1];
            out[i] = w[i] * byLabel[y] * wg / (total * cell[g][y]);
        }
        return table.withColumn(DoubleColumn.of(config.outputColumn(), out));
    }

    /** {@code cell[g][y]}: total weight of group g (1 privileged, 2 unprivileged) and label y (1 favorable). */
    private void requirePositiveCells(double[][] cell) {
        for (int g = 1; g <= 2; g++) {
            for (int y = 1; y >= 0; y--) {
                if (!(cell[g][y] > 0)) {
                    throw InvalidInputException.problem("has no " + (y == 1 ? "favorable" : "unfavorable") + " labels "
                            + (config.weights().isPresent() ? "with a positive weight " : "") + "in the "
                            + (g == 1 ? "privileged" : "unprivileged") + " group, so no weights make label and group "
                            + "independent").column(config.target().label())
                            .expected("both label values, with a positive total weight, in both groups").build();
                }
            }
        }
    }
}
