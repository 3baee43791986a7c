package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.trustml.core.InvalidInputException;

/**
 * {@link CoalitionGame#tabular}: {@code v(S) = Σ_b w_b f(x_S, b_~S)} over the background rows, {@code v(N) = f(x)}
 * from one model row. A player is varying unless {@code x}'s value is close to every background value of its
 * column ({@code |x − b| ≤ 10⁻⁸ + 10⁻⁵ |b|}, numpy's {@code isclose}, as shap's {@code varying_groups}).
 */
final class TabularGame extends ModelGame {
    private final RowModel<double[]> model;
    private final ShapBackground background;
    private final double[] x;
    private final int batchRows;

    TabularGame(RowModel<double[]> model, ShapBackground background, double[] x, int batchRows) {
        super(requireNonNull(background, "background").featureNames());
        this.model = requireNonNull(model, "model");
        this.background = requireNonNull(background, "background");
        requireNonNull(x, "row");
        Arguments.atLeast(1, "batch_rows", batchRows, "at least one model row per call");
        int d = background.featureNames().size();
        if (x.length != d) {
            throw InvalidInputException.problem("has " + x.length + " values").column("row").value(x.length)
                    .expected(d + " values, one per background feature").build();
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[j])) {
                throw InvalidInputException.problem("is not a finite number").column(background.featureNames().get(j))
                        .value(x[j]).expected("a finite value in the explained row").build();
            }
        }
        this.x = x.clone();
        this.batchRows = batchRows;
    }

    @Override
    public boolean[] varying() {
        boolean[] v = new boolean[x.length];
        for (int j = 0; j < x.length; j++) {
            for (int i = 0; i < background.size() && !v[j]; i++) {
                double b = background.row(i)[j];
                v[j] = !(Math.abs(x[j] - b) <= 1e-8 + 1e-5 * Math.abs(b));
            }
        }
        return v;
    }

    @Override
    public double[][] values(List<boolean[]> coalitions) {
        double[][] out = new double[coalitions.size()][];
        double[] fx = null;
        if (outputs < 0 || coalitions.stream().anyMatch(TabularGame::full)) {
            fx = predict(List.of(x))[0];
        }
        int n = background.size();
        int perCall = Math.max(1, batchRows / n);
        List<Integer> pending = new ArrayList<>();
        for (int c = 0; c < coalitions.size(); c++) {
            if (full(coalitions.get(c))) {
                out[c] = fx.clone();
            } else {
                pending.add(c);
            }
        }
        for (int start = 0; start < pending.size(); start += perCall) {
            List<Integer> chunk = pending.subList(start, Math.min(pending.size(), start + perCall));
            List<double[]> rows = new ArrayList<>(chunk.size() * n);
            for (int c : chunk) {
                boolean[] mask = coalitions.get(c);
                for (int i = 0; i < n; i++) {
                    double[] r = background.row(i).clone();
                    for (int j = 0; j < r.length; j++) {
                        if (mask[j]) {
                            r[j] = x[j];
                        }
                    }
                    rows.add(r);
                }
            }
            double[][] y = predict(rows);
            for (int k = 0; k < chunk.size(); k++) {
                double[] v = new double[outputs];
                for (int i = 0; i < n; i++) {
                    double w = background.weight(i);
                    double[] yi = y[k * n + i];
                    for (int o = 0; o < outputs; o++) {
                        v[o] += yi[o] * w;
                    }
                }
                out[chunk.get(k)] = v;
            }
        }
        return out;
    }

    private static boolean full(boolean[] mask) {
        for (boolean b : mask) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private double[][] predict(List<double[]> rows) {
        double[][] y = model.predict(rows);
        modelRows += rows.size();
        outputs = ModelOutputs.checkRows(y, rows.size(), outputs);
        return y;
    }
}
