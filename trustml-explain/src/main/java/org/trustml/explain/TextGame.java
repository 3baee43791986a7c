package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.IndexedText;

/**
 * {@link CoalitionGame#text}: the players are the distinct words (lime's {@code \W+} split, bag of words); a
 * coalition's text drops every occurrence of the absent words, as LIME's perturbations do.
 */
final class TextGame implements CoalitionGame {
    private final RowModel<String> model;
    private final IndexedText indexed;
    private final List<String> players;
    private int outputs = -1;
    private long modelRows;

    TextGame(RowModel<String> model, String text) {
        this.model = requireNonNull(model, "model");
        this.indexed = new IndexedText(requireNonNull(text, "text"), "\\W+", true, "");
        if (indexed.featureCount() == 0) {
            throw InvalidInputException.problem("has no words").column("text").value(text)
                    .expected("at least one word").build();
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < indexed.featureCount(); j++) {
            names.add(indexed.feature(j));
        }
        this.players = List.copyOf(names);
    }

    @Override
    public List<String> players() {
        return players;
    }

    @Override
    public int outputs() {
        if (outputs < 0) {
            boolean[] all = new boolean[players.size()];
            Arrays.fill(all, true);
            values(List.of(all));
        }
        return outputs;
    }

    @Override
    public long modelRows() {
        return modelRows;
    }

    @Override
    public double[][] values(List<boolean[]> coalitions) {
        List<String> texts = new ArrayList<>(coalitions.size());
        for (boolean[] mask : coalitions) {
            BitSet removed = new BitSet(mask.length);
            for (int j = 0; j < mask.length; j++) {
                removed.set(j, !mask[j]);
            }
            texts.add(indexed.without(removed));
        }
        if (texts.isEmpty()) {
            return new double[0][];
        }
        double[][] y = model.predict(texts);
        modelRows += texts.size();
        outputs = ModelOutputs.checkRows(y, texts.size(), outputs);
        return y;
    }
}
