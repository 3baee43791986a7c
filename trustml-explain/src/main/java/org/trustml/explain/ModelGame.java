package org.trustml.explain;

import java.util.Arrays;
import java.util.List;

/**
 * What the built-in games share: named players, the width of the model's output rows (learnt from its first answer,
 * asked for {@code v(N)} when needed first) and the count of model rows evaluated.
 */
abstract class ModelGame implements CoalitionGame {
    private final List<String> players;
    /** The model's output width; −1 until it has answered. */
    protected int outputs = -1;
    protected long modelRows;

    ModelGame(List<String> players) {
        this.players = List.copyOf(players);
    }

    @Override
    public final List<String> players() {
        return players;
    }

    @Override
    public final int outputs() {
        if (outputs < 0) {
            boolean[] all = new boolean[players.size()];
            Arrays.fill(all, true);
            values(List.of(all));
        }
        return outputs;
    }

    @Override
    public final long modelRows() {
        return modelRows;
    }
}
