package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.IndexedText;

/**
 * {@link CoalitionGame#text}: the players are the distinct words (lime's {@code \W+} split, bag of words); a
 * coalition's text drops every occurrence of the absent words, as LIME's perturbations do.
 */
final class TextGame extends ModelGame {
    private final RowModel<String> model;
    private final IndexedText indexed;

    TextGame(RowModel<String> model, String text) {
        this(model, new IndexedText(requireNonNull(text, "text"), "\\W+", true, ""), text);
    }

    private TextGame(RowModel<String> model, IndexedText indexed, String text) {
        super(words(indexed, text));
        this.model = requireNonNull(model, "model");
        this.indexed = indexed;
    }

    private static List<String> words(IndexedText indexed, String text) {
        if (indexed.featureCount() == 0) {
            throw InvalidInputException.problem("has no words").column("text").value(text)
                    .expected("at least one word").build();
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < indexed.featureCount(); j++) {
            names.add(indexed.feature(j));
        }
        return names;
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
