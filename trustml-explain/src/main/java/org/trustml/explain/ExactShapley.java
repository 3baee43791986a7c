package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.KernelCoalitions;

/**
 * Shapley values by their definition (Shapley 1953), over every coalition: for {@code M} players,
 * <pre>φ_i = Σ_{S ⊆ N∖{i}} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S))</pre>
 * with the game's value function (for a table row {@code v(S) = E_b[f(x_S, b_~S)]}, the interventional value
 * function KernelSHAP and interventional TreeSHAP estimate), after the link. It evaluates all {@code 2^M}
 * coalitions, so it is for few features (at most {@link #maxPlayers}, 16 by default): the reference the sampling
 * explainers are tested against, and exact for small models. Values are exact up to rounding: standard errors 0,
 * converged. Immutable.
 */
public final class ExactShapley {
    private static final int CHUNK = 4096;
    private final ShapLink link;
    private final int maxPlayers;
    private final int batchRows;

    private ExactShapley(ShapLink link, int maxPlayers, int batchRows) {
        this.link = link;
        this.maxPlayers = maxPlayers;
        this.batchRows = batchRows;
    }

    static ExactShapley defaults() {
        return new ExactShapley(ShapLink.IDENTITY, 16, 10_000);
    }

    public ExactShapley link(ShapLink l) {
        return new ExactShapley(requireNonNull(l, "link"), maxPlayers, batchRows);
    }

    /** The most players it accepts (2^M coalitions are evaluated); at most 24. */
    public ExactShapley maxPlayers(int m) {
        if (m < 1 || m > 24) {
            throw InvalidInputException.problem("is out of range").column("max_players").value(m)
                    .expected("1..24 (2^M coalitions are evaluated)").build();
        }
        return new ExactShapley(link, m, batchRows);
    }

    /** Model rows per call for tabular games (default 10,000). */
    public ExactShapley batchRows(int n) {
        return new ExactShapley(link, maxPlayers, Arguments.atLeast(1, "batch_rows", n, "at least one row per call"));
    }

    /** Explains {@code row} of a model over rows against {@code background}. */
    public ShapExplanation explain(RowModel<double[]> model, ShapBackground background, double[] row) {
        return explain(CoalitionGame.tabular(model, background, row, batchRows));
    }

    /** Explains any game with at most {@link #maxPlayers} players. */
    public ShapExplanation explain(CoalitionGame game) {
        requireNonNull(game, "game");
        List<String> players = game.players();
        int m = players.size();
        if (m > maxPlayers) {
            throw InvalidInputException.problem("has " + m + " players").column("features").value(m)
                    .expected("at most " + maxPlayers + " for exact Shapley values (2^M coalitions); use KernelSHAP")
                    .build();
        }
        int count = 1 << m;
        double[][] v = new double[count][];
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            List<boolean[]> masks = new ArrayList<>(end - start);
            for (int s = start; s < end; s++) {
                boolean[] mask = new boolean[m];
                for (int j = 0; j < m; j++) {
                    mask[j] = (s >> j & 1) != 0;
                }
                masks.add(mask);
            }
            double[][] values = game.values(masks);
            for (int s = start; s < end; s++) {
                double[] row = values[s - start];
                double[] linked = new double[row.length];
                for (int d = 0; d < row.length; d++) {
                    linked[d] = link.apply(row[d], "v(S), output " + d);
                }
                v[s] = linked;
            }
        }
        int outputs = v[0].length;
        double[] weight = new double[m]; // weight[s] = s! (M − s − 1)! / M! = 1 / (M · C(M − 1, s))
        for (int s = 0; s < m; s++) {
            weight[s] = 1.0 / (m * KernelCoalitions.binomial(m - 1, s));
        }
        double[][] phi = new double[outputs][m];
        for (int s = 0; s < count; s++) {
            int size = Integer.bitCount(s);
            for (int i = 0; i < m; i++) {
                if ((s >> i & 1) != 0) {
                    continue;
                }
                int with = s | 1 << i;
                for (int d = 0; d < outputs; d++) {
                    phi[d][i] += weight[size] * (v[with][d] - v[s][d]);
                }
            }
        }
        return ShapExplanation.of(ShapMethod.EXACT, link, players, v[0], v[count - 1], phi, new double[outputs][m],
                true, count, game.modelRows(), 0);
    }
}
