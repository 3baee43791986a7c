package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.Discretizer;
import org.trustml.explain.internal.Perturbations;

/**
 * LIME for table rows, as lime 0.2's {@code LimeTabularExplainer} with its defaults: kernel width
 * {@code 0.75·√d}, continuous features binned by quartiles, 5,000 samples, 10 features, label 1,
 * {@code auto} feature selection. Immutable: every setter returns a new explainer.
 *
 * <p>Sampling ({@code __data_inverse}): binned and categorical features are drawn from their training
 * frequencies (bins of the training column, or category values); the interpretable sample is 1 where
 * the draw equals the explained row's bin/category. A drawn bin becomes a value by a truncated normal
 * inside the bin. Without binning, continuous features are drawn from {@code N(mean, std²)} of the
 * training column and scaled as {@code (x − mean)/std} (population std; 0 → 1). Distances are Euclidean
 * on the scaled samples, weights {@code sqrt(exp(−d²/w²))}.
 */
public final class TabularExplainer {
    private final TabularData training;
    private final TabularMode mode;
    private final DiscretizerKind discretizer;
    private final double kernelWidth;
    private final int samples;
    private final int numFeatures;
    private final List<Integer> labels;
    private final int topLabels;
    private final FeatureSelection selection;
    private final long seed;
    private final OutputKind outputKind;

    private TabularExplainer(TabularData training, TabularMode mode, DiscretizerKind discretizer, double kernelWidth,
            int samples, int numFeatures, List<Integer> labels, int topLabels, FeatureSelection selection, long seed,
            OutputKind outputKind) {
        this.training = training;
        this.mode = mode;
        this.discretizer = discretizer;
        this.kernelWidth = kernelWidth;
        this.samples = samples;
        this.numFeatures = numFeatures;
        this.labels = labels;
        this.topLabels = topLabels;
        this.selection = selection;
        this.seed = seed;
        this.outputKind = outputKind;
    }

    static TabularExplainer of(TabularData training) {
        requireNonNull(training, "training");
        return new TabularExplainer(training, TabularMode.CLASSIFICATION, DiscretizerKind.QUARTILE,
                0.75 * Math.sqrt(training.featureCount()), 5000, 10, List.of(1), 0, FeatureSelection.AUTO, 0L,
                OutputKind.PROBABILITIES);
    }

    private TabularExplainer with(TabularMode m, DiscretizerKind dk, double kw, int n, int nf, List<Integer> ls, int top,
            FeatureSelection fs, long s, OutputKind ok) {
        return new TabularExplainer(training, m, dk, kw, n, nf, ls, top, fs, s, ok);
    }

    /** Classification (probabilities, default) or regression (one raw output, label 0). */
    public TabularExplainer mode(TabularMode m) {
        requireNonNull(m, "mode");
        OutputKind ok = m == TabularMode.REGRESSION ? OutputKind.RAW : outputKind;
        List<Integer> ls = m == TabularMode.REGRESSION ? List.of(0) : labels;
        return with(m, discretizer, kernelWidth, samples, numFeatures, ls, 0, selection, seed, ok);
    }

    public TabularExplainer discretizer(DiscretizerKind k) {
        requireNonNull(k, "discretizer");
        if (k == DiscretizerKind.ENTROPY && training.labels().isEmpty()) {
            throw InvalidInputException.problem("needs training labels").column("discretizer").value("entropy")
                    .expected("TabularData.withLabels(…) or another discretizer").build();
        }
        return with(mode, k, kernelWidth, samples, numFeatures, labels, topLabels, selection, seed, outputKind);
    }

    public TabularExplainer kernelWidth(double w) {
        if (!(w > 0) || Double.isInfinite(w)) {
            throw InvalidInputException.problem("is not a positive finite number").column("kernel_width").value(w)
                    .build();
        }
        return with(mode, discretizer, w, samples, numFeatures, labels, topLabels, selection, seed, outputKind);
    }

    public TabularExplainer samples(int n) {
        if (n < 2) {
            throw InvalidInputException.problem("is below 2").column("num_samples").value(n)
                    .expected("at least 2 samples: the row itself and one perturbation").build();
        }
        return with(mode, discretizer, kernelWidth, n, numFeatures, labels, topLabels, selection, seed, outputKind);
    }

    public TabularExplainer numFeatures(int k) {
        if (k < 1) {
            throw InvalidInputException.problem("is below 1").column("num_features").value(k).build();
        }
        return with(mode, discretizer, kernelWidth, samples, k, labels, topLabels, selection, seed, outputKind);
    }

    public TabularExplainer labels(int... ls) {
        return with(mode, discretizer, kernelWidth, samples, numFeatures, Arrays.stream(ls).boxed().toList(), 0,
                selection, seed, outputKind);
    }

    public TabularExplainer topLabels(int k) {
        if (k < 1) {
            throw InvalidInputException.problem("is below 1").column("top_labels").value(k).build();
        }
        return with(mode, discretizer, kernelWidth, samples, numFeatures, labels, k, selection, seed, outputKind);
    }

    public TabularExplainer featureSelection(FeatureSelection f) {
        return with(mode, discretizer, kernelWidth, samples, numFeatures, labels, topLabels,
                requireNonNull(f, "featureSelection"), seed, outputKind);
    }

    public TabularExplainer seed(long s) {
        return with(mode, discretizer, kernelWidth, samples, numFeatures, labels, topLabels, selection, s, outputKind);
    }

    /** What a classifier returns (default probabilities); regression always uses raw outputs. */
    public TabularExplainer output(OutputKind k) {
        return with(mode, discretizer, kernelWidth, samples, numFeatures, labels, topLabels, selection, seed,
                mode == TabularMode.REGRESSION ? OutputKind.RAW : requireNonNull(k, "outputKind"));
    }

    /** Explains a DJL-style model that takes {@code [N, d]} float32 rows. */
    public TabularExplanation explain(BatchModel model, double[] row) {
        requireNonNull(model, "model");
        try (NDManager manager = NDManager.newBaseManager()) {
            return explain(model.overRows(manager), row);
        }
    }

    /** Explains any model over rows (Tribuo, ONNX, a Java function). */
    public TabularExplanation explain(RowModel<double[]> model, double[] row) {
        requireNonNull(model, "model");
        requireNonNull(row, "row");
        int d = training.featureCount();
        if (row.length != d) {
            throw InvalidInputException.problem("has " + row.length + " values").column("row").value(row.length)
                    .expected(d + " values, one per feature").build();
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(row[j])) {
                throw InvalidInputException.problem("is not a finite number").column(training.featureNames().get(j))
                        .value(row[j]).build();
            }
        }
        Discretizer[] bins = discretizers(d);
        double[] mean = new double[d];
        double[] scale = new double[d];
        boolean[] categoricalLike = new boolean[d];
        for (int j = 0; j < d; j++) {
            categoricalLike[j] = bins[j] != null || training.categorical().contains(j);
            if (categoricalLike[j]) {
                scale[j] = 1;
            } else {
                double[] col = training.column(j);
                double m = Arrays.stream(col).average().orElse(0);
                double v = Arrays.stream(col).map(x -> (x - m) * (x - m)).sum() / col.length;
                mean[j] = m;
                scale[j] = v == 0 ? 1 : Math.sqrt(v);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] data = new double[samples][d];
        for (double[] r : data) {
            for (int j = 0; j < d; j++) {
                r[j] = rng.nextGaussian() * scale[j] + mean[j];
            }
        }
        data[0] = row.clone();
        double[][] inverse = new double[samples][];
        for (int i = 0; i < samples; i++) {
            inverse[i] = data[i].clone();
        }
        for (int j = 0; j < d; j++) {
            if (!categoricalLike[j]) {
                continue;
            }
            double[] values = bins[j] != null ? binColumn(bins[j], training.column(j)) : training.column(j);
            TreeMap<Double, Integer> freq = new TreeMap<>();
            for (double v : values) {
                freq.merge(v, 1, Integer::sum);
            }
            double[] keys = freq.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] cum = new double[keys.length];
            double acc = 0;
            int t = 0;
            for (int c : freq.values()) {
                acc += (double) c / values.length;
                cum[t++] = acc;
            }
            double first = bins[j] != null ? bins[j].bin(row[j]) : row[j];
            for (int i = 0; i < samples; i++) {
                double drawn = keys[pick(cum, rng.nextDouble())];
                data[i][j] = drawn == first || i == 0 ? 1 : 0;
                inverse[i][j] = i == 0 ? row[j] : drawn;
            }
        }
        for (int j = 0; j < d; j++) {
            if (bins[j] != null) {
                for (int i = 1; i < samples; i++) {
                    inverse[i][j] = bins[j].undiscretize((int) inverse[i][j], rng);
                }
            }
        }
        inverse[0] = row.clone();
        double[][] scaled;
        double[] weights;
        try (NDManager manager = NDManager.newBaseManager()) {
            double[] flat = new double[samples * d];
            for (int i = 0; i < samples; i++) {
                System.arraycopy(data[i], 0, flat, i * d, d);
            }
            NDArray x = manager.create(flat, new Shape(samples, d));
            NDArray s = x.sub(manager.create(mean)).div(manager.create(scale));
            scaled = Perturbations.toRows(s);
            weights = Perturbations.kernel(Perturbations.euclideanDistances(s), kernelWidth).toDoubleArray();
        }
        double[][] outputs = model.predict(Arrays.asList(inverse));
        if (outputs.length != samples) {
            throw InvalidInputException.problem("returned " + outputs.length + " rows for " + samples + " inputs")
                    .column("model output").value(outputs.length).expected(samples + " rows").build();
        }
        for (int i = 0; i < samples; i++) {
            ModelOutputs.convert(outputs[i], i, outputKind);
        }
        List<Integer> explained = chooseLabels(outputs[0]);
        List<LabelExplanation> exps = new ArrayList<>();
        List<List<FeatureRule>> rules = new ArrayList<>();
        for (int label : explained) {
            LabelExplanation e = LimeBase.explain(scaled, outputs, weights, label, numFeatures, selection);
            exps.add(e);
            List<FeatureRule> r = new ArrayList<>();
            for (FeatureWeight fw : e.weights()) {
                r.add(new FeatureRule(fw.feature(), ruleName(fw.feature(), row, bins), fw.weight()));
            }
            rules.add(r);
        }
        return new TabularExplanation(TabularExplanation.SCHEMA_VERSION, seed, samples, kernelWidth, mode, discretizer,
                Arrays.stream(outputs[0]).boxed().toList(), exps, rules);
    }

    private String ruleName(int f, double[] row, Discretizer[] bins) {
        String name = training.featureNames().get(f);
        if (bins[f] != null) {
            return bins[f].name(bins[f].bin(row[f]));
        }
        if (training.categorical().contains(f)) {
            double v = row[f];
            return name + "=" + (v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v));
        }
        return name;
    }

    private List<Integer> chooseLabels(double[] first) {
        if (mode == TabularMode.REGRESSION) {
            return List.of(0);
        }
        if (topLabels > 0) {
            return LimeBase.topK(first, topLabels);
        }
        for (int l : labels) {
            if (l < 0 || l >= first.length) {
                throw InvalidInputException.problem("is not an output of the model").column("labels").value(l)
                        .expected("0.." + (first.length - 1)).build();
            }
        }
        return labels;
    }

    private Discretizer[] discretizers(int d) {
        Discretizer[] out = new Discretizer[d];
        if (discretizer == DiscretizerKind.NONE) {
            return out;
        }
        int[] trainingLabels = training.labels().stream().mapToInt(Integer::intValue).toArray();
        for (int j = 0; j < d; j++) {
            if (training.categorical().contains(j)) {
                continue;
            }
            String name = training.featureNames().get(j);
            double[] col = training.column(j);
            out[j] = switch (discretizer) {
                case QUARTILE -> Discretizer.quartile(name, col);
                case DECILE -> Discretizer.decile(name, col);
                case ENTROPY -> Discretizer.entropy(name, col, trainingLabels);
                case NONE -> null;
            };
        }
        return out;
    }

    private static double[] binColumn(Discretizer b, double[] col) {
        double[] out = new double[col.length];
        for (int i = 0; i < col.length; i++) {
            out[i] = b.bin(col[i]);
        }
        return out;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
