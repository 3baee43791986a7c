package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.IndexedText;
import org.trustml.explain.internal.Perturbations;

/**
 * LIME for text, as lime 0.2's {@code LimeTextExplainer} with its defaults: words split by {@code \W+},
 * bag of words (removing a word removes every occurrence), 5,000 samples, 10 features, label 1, kernel
 * width 25 on cosine distance × 100, {@code auto} feature selection. Sample {@code i ≥ 1} removes a
 * uniformly chosen number {@code 1…D} of distinct words chosen uniformly without replacement.
 * Immutable: every setter returns a new explainer.
 */
public final class TextExplainer {
    private final int samples;
    private final int numFeatures;
    private final List<Integer> labels;
    private final double kernelWidth;
    private final boolean bow;
    private final String splitExpression;
    private final FeatureSelection selection;
    private final long seed;
    private final OutputKind outputKind;

    private TextExplainer(int samples, int numFeatures, List<Integer> labels, double kernelWidth, boolean bow,
            String splitExpression, FeatureSelection selection, long seed, OutputKind outputKind) {
        this.samples = samples;
        this.numFeatures = numFeatures;
        this.labels = labels;
        this.kernelWidth = kernelWidth;
        this.bow = bow;
        this.splitExpression = splitExpression;
        this.selection = selection;
        this.seed = seed;
        this.outputKind = outputKind;
    }

    static TextExplainer defaults() {
        return new TextExplainer(5000, 10, List.of(1), 25, true, "\\W+", FeatureSelection.AUTO, 0L,
                OutputKind.PROBABILITIES);
    }

    public TextExplainer samples(int n) {
        if (n < 2) {
            throw InvalidInputException.problem("is below 2").column("num_samples").value(n)
                    .expected("at least 2 samples: the text itself and one perturbation").build();
        }
        return new TextExplainer(n, numFeatures, labels, kernelWidth, bow, splitExpression, selection, seed, outputKind);
    }

    public TextExplainer numFeatures(int k) {
        if (k < 1) {
            throw InvalidInputException.problem("is below 1").column("num_features").value(k).build();
        }
        return new TextExplainer(samples, k, labels, kernelWidth, bow, splitExpression, selection, seed, outputKind);
    }

    public TextExplainer labels(int... ls) {
        return new TextExplainer(samples, numFeatures, Arrays.stream(ls).boxed().toList(), kernelWidth, bow,
                splitExpression, selection, seed, outputKind);
    }

    public TextExplainer kernelWidth(double w) {
        if (!(w > 0) || Double.isInfinite(w)) {
            throw InvalidInputException.problem("is not a positive finite number").column("kernel_width").value(w)
                    .build();
        }
        return new TextExplainer(samples, numFeatures, labels, w, bow, splitExpression, selection, seed, outputKind);
    }

    /** Every word occurrence is its own feature, masked as {@code UNKWORDZ} ({@code bow=False}). */
    public TextExplainer positional() {
        return new TextExplainer(samples, numFeatures, labels, kernelWidth, false, splitExpression, selection, seed,
                outputKind);
    }

    public TextExplainer splitExpression(String regex) {
        return new TextExplainer(samples, numFeatures, labels, kernelWidth, bow, requireNonNull(regex, "regex"),
                selection, seed, outputKind);
    }

    public TextExplainer featureSelection(FeatureSelection f) {
        return new TextExplainer(samples, numFeatures, labels, kernelWidth, bow, splitExpression,
                requireNonNull(f, "featureSelection"), seed, outputKind);
    }

    public TextExplainer seed(long s) {
        return new TextExplainer(samples, numFeatures, labels, kernelWidth, bow, splitExpression, selection, s,
                outputKind);
    }

    public TextExplainer output(OutputKind k) {
        return new TextExplainer(samples, numFeatures, labels, kernelWidth, bow, splitExpression, selection, seed,
                requireNonNull(k, "outputKind"));
    }

    /** Explains {@code model}'s output on {@code text}. */
    public TextExplanation explain(RowModel<String> model, String text) {
        requireNonNull(model, "model");
        requireNonNull(text, "text");
        IndexedText indexed = new IndexedText(text, splitExpression, bow, bow ? "" : "UNKWORDZ");
        int d = indexed.featureCount();
        if (d == 0) {
            throw InvalidInputException.problem("has no words").column("text").value(text)
                    .expected("at least one word").build();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] flat = new double[samples * d];
        Arrays.fill(flat, 1.0);
        List<String> texts = new ArrayList<>(samples);
        texts.add(text);
        int[] pool = new int[d];
        for (int i = 1; i < samples; i++) {
            int size = 1 + rng.nextInt(d);
            for (int j = 0; j < d; j++) {
                pool[j] = j;
            }
            BitSet removed = new BitSet(d);
            for (int t = 0; t < size; t++) {
                int pickIdx = t + rng.nextInt(d - t);
                int tmp = pool[t];
                pool[t] = pool[pickIdx];
                pool[pickIdx] = tmp;
                removed.set(pool[t]);
                flat[i * d + pool[t]] = 0.0;
            }
            texts.add(indexed.without(removed));
        }
        double[][] data;
        double[] weights;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(flat, new Shape(samples, d));
            data = Perturbations.toRows(x);
            weights = Perturbations.kernel(Perturbations.cosineDistances(x).mul(100), kernelWidth).toDoubleArray();
        }
        double[][] outputs = model.predict(texts);
        if (outputs.length != samples) {
            throw InvalidInputException.problem("returned " + outputs.length + " rows for " + samples + " inputs")
                    .column("model output").value(outputs.length).expected(samples + " rows").build();
        }
        for (int i = 0; i < samples; i++) {
            ModelOutputs.convert(outputs[i], i, outputKind);
        }
        List<LabelExplanation> exps = new ArrayList<>();
        List<List<FeatureRule>> rules = new ArrayList<>();
        for (int label : labels) {
            if (label < 0 || label >= outputs[0].length) {
                throw InvalidInputException.problem("is not an output of the model").column("labels").value(label)
                        .expected("0.." + (outputs[0].length - 1)).build();
            }
            LabelExplanation e = LimeBase.explain(data, outputs, weights, label, numFeatures, selection);
            exps.add(e);
            rules.add(e.weights().stream().map(w -> new FeatureRule(w.feature(), indexed.feature(w.feature()), w.weight()))
                    .toList());
        }
        List<String> words = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            words.add(indexed.feature(j));
        }
        return new TextExplanation(TextExplanation.SCHEMA_VERSION, seed, samples, words,
                Arrays.stream(outputs[0]).boxed().toList(), exps, rules);
    }
}
