package org.trustml.explain;

import java.util.List;

/**
 * What KernelSHAP and exact Shapley explain: a model's output on one input as a cooperative game whose players
 * are the input's features (table columns, superpixels, words) and whose value {@code v(S)} is the model's output
 * when only the features in {@code S} are present, the others "absent". How a feature is absent is the game's:
 * {@link #tabular} replaces it with background rows' values and averages ({@code E_b[f(x_S, b_~S)]}, shap's
 * {@code KernelExplainer}); {@link #image} fills superpixels; {@link #text} drops words. The explainers ask for
 * many coalitions at once, so a game batches its model calls.
 */
public interface CoalitionGame {
    /** The players' names, in order ({@code mask[j]} is player {@code j}). */
    List<String> players();

    /** Number of model outputs (classes); each coalition's value has this many entries. */
    int outputs();

    /**
     * {@code v(S)} for every coalition, {@code [coalition][output]}: {@code coalitions.get(i)[j]} says whether
     * player {@code j} is present. The masks are the caller's and not kept.
     */
    double[][] values(List<boolean[]> coalitions);

    /**
     * Which players can change the value at all: KernelSHAP gives the others 0 and leaves them out of its
     * regression, as shap's {@code varying_groups} does. Every player by default.
     */
    default boolean[] varying() {
        boolean[] all = new boolean[players().size()];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /** Model rows evaluated so far (coalitions × background rows for tables), for the record of the cost. */
    long modelRows();

    /**
     * A table row against background rows, for any model over rows: {@code v(S) = Σ_b w_b f(x_S, b_~S)}, the
     * interventional value function of shap's {@code KernelExplainer}. Model calls hold at most {@code batchRows}
     * rows (whole coalitions; at least one coalition per call).
     */
    static CoalitionGame tabular(RowModel<double[]> model, ShapBackground background, double[] row, int batchRows) {
        return new TabularGame(model, background, row, batchRows);
    }

    /**
     * An image split into superpixels: a coalition keeps its superpixels and fills the others as {@code fill} says
     * (as LIME hides them), so {@code v(∅)} is the model on the fully hidden image; images go to the model
     * {@code batchSize} at a time as {@code [N, 3, H, W]} float RGB in [0, 1], and its outputs are read as
     * {@code kind} says.
     */
    static CoalitionGame image(BatchModel model, RgbImage image, Segmentation segmentation, HideColor fill,
            OutputKind kind, int batchSize) {
        return new ImageGame(model, image, segmentation, fill, kind, batchSize);
    }

    /**
     * A text split into words as lime splits it ({@code \W+}, bag of words: a word absent is every occurrence
     * removed); {@code v(∅)} is the model on the text without words.
     */
    static CoalitionGame text(RowModel<String> model, String text) {
        return new TextGame(model, text);
    }
}
