package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.core.table.Table;
import org.trustml.tabular.TabularModel;

/**
 * The trees of the Tribuo classifiers trustml-tabular trains, as {@link TreeEnsemble}s over the model's Tribuo
 * features (numeric columns by name, text columns one-hot as {@code column=value}):
 * <ul>
 * <li>a CART tree ({@code TreeModel}, {@code DECISION_TREE}): {@code x ≤ t} goes left, as Tribuo's
 * {@code SplitNode}; a leaf's values are its class distribution normalised to sum 1, the probabilities Tribuo
 * predicts. Tribuo keeps no node counts: path-dependent TreeSHAP needs {@link TreeEnsemble#withCovers} from the
 * training rows;</li>
 * <li>XGBoost ({@code XGBoostModel}, {@code GRADIENT_BOOSTING}): the booster's JSON ({@code toByteArray("json")},
 * read by {@link XGBoostTrees}), one output per class: the raw margin whose softmax is the probability Tribuo
 * predicts, with XGBoost's covers.</li>
 * </ul>
 * Outputs follow the classes' order. {@link #featureRows} turns table rows into the vectors the trees read, as
 * Tribuo gives them to the model: a feature the row lacks is 0 for CART (Tribuo's sparse default) and missing
 * (NaN, the default child) for XGBoost, which gets only the features present.
 */
public final class TribuoTrees {
    private TribuoTrees() {}

    /** The trees of a trained tabular model (refused unless it is a decision tree or gradient boosting). */
    public static TreeEnsemble of(TabularModel model) {
        requireNonNull(model, "model");
        return of(model.load(), model.classes());
    }

    /** The trees of a Tribuo classifier whose outputs are {@code classes}, in that order. */
    public static TreeEnsemble of(Model<Label> model, List<String> classes) {
        requireNonNull(model, "model");
        List<String> names = featureNames(model.getFeatureIDMap());
        if (model instanceof TreeModel<Label> tree) {
            return cart(tree, names, List.copyOf(classes));
        }
        if (model instanceof XGBoostModel<Label> boosted) {
            return xgboost(boosted, names, List.copyOf(classes));
        }
        throw InvalidInputException.problem("is not a tree model").column("model").value(model.getClass().getSimpleName())
                .expected("a Tribuo CART tree (TreeModel) or XGBoost model (XGBoostModel)").build();
    }

    /**
     * {@code rows} as the trees' feature vectors ({@code [row][tree feature]}), through the model's own encoding
     * ({@link TabularModel#examples}).
     */
    public static double[][] featureRows(TabularModel model, TreeEnsemble trees, Table rows) {
        List<Example<Label>> examples = model.examples(rows);
        List<String> features = trees.features();
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int j = 0; j < features.size(); j++) {
            index.put(features.get(j), j);
        }
        double absent = trees.split() == TreeEnsemble.Split.XGBOOST ? Double.NaN : 0.0;
        double[][] out = new double[examples.size()][features.size()];
        for (int r = 0; r < out.length; r++) {
            Arrays.fill(out[r], absent);
            for (Feature f : examples.get(r)) {
                Integer j = index.get(f.getName());
                if (j != null) {
                    out[r][j] = f.getValue();
                }
            }
        }
        return out;
    }

    private static List<String> featureNames(ImmutableFeatureMap map) {
        List<String> names = new ArrayList<>(map.size());
        for (int j = 0; j < map.size(); j++) {
            names.add(map.get(j).getName());
        }
        return names;
    }

    private static TreeEnsemble cart(TreeModel<Label> model, List<String> features, List<String> classes) {
        List<Node<Label>> nodes = new ArrayList<>();
        Deque<Node<Label>> queue = new ArrayDeque<>();
        queue.add(model.getRoot());
        while (!queue.isEmpty()) {
            Node<Label> n = queue.poll();
            nodes.add(n);
            if (n instanceof SplitNode<Label> s) {
                queue.add(s.getLessThanOrEqual());
                queue.add(s.getGreaterThan());
            }
        }
        int size = nodes.size();
        int[] left = new int[size];
        int[] right = new int[size];
        int[] feature = new int[size];
        double[] threshold = new double[size];
        double[][] values = new double[size][];
        int next = 1;
        for (int i = 0; i < size; i++) {
            Node<Label> n = nodes.get(i);
            if (n instanceof SplitNode<Label> s) {
                left[i] = next++;
                right[i] = next++;
                feature[i] = s.getFeatureID();
                threshold[i] = s.splitValue();
            } else if (n instanceof LeafNode<Label> leaf) {
                left[i] = -1;
                right[i] = -1;
                values[i] = distribution(leaf, classes);
            } else {
                throw new TrustmlException("unknown Tribuo tree node " + n.getClass().getName());
            }
        }
        int[] outputs = java.util.stream.IntStream.range(0, classes.size()).toArray();
        return TreeEnsemble.builder(features, classes, TreeEnsemble.Split.LESS_OR_EQUAL)
                .tree(left, right, feature, threshold, null, null, values, outputs).build();
    }

    /** The leaf's class scores in {@code classes} order, clipped at 0 and normalised (uniform if all are 0). */
    private static double[] distribution(LeafNode<Label> leaf, List<String> classes) {
        Map<String, Label> scores = leaf.getDistribution();
        double[] p = new double[classes.size()];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            Label l = scores.get(classes.get(k));
            p[k] = l == null ? 0 : Math.max(0, l.getScore());
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = sum > 0 ? p[k] / sum : 1.0 / p.length;
        }
        return p;
    }

    private static TreeEnsemble xgboost(XGBoostModel<Label> model, List<String> features, List<String> classes) {
        List<Booster> boosters = model.getInnerModels();
        if (boosters.size() != 1) {
            throw InvalidInputException.problem("has " + boosters.size() + " boosters").column("model")
                    .expected("one XGBoost booster (a classifier)").build();
        }
        byte[] json;
        try {
            json = boosters.get(0).toByteArray("json");
        } catch (XGBoostError e) {
            throw new TrustmlException("XGBoost could not write its model as JSON: " + e.getMessage(), e);
        }
        TreeEnsemble raw = XGBoostTrees.parse(json, "the Tribuo XGBoost model");
        if (raw.outputs().size() != classes.size()) {
            throw InvalidInputException.problem("has " + raw.outputs().size() + " outputs").column("model")
                    .value(raw.outputs().size()).expected(classes.size() + ", one margin per class").build();
        }
        if (raw.features().size() > features.size()) {
            throw InvalidInputException.problem("has " + raw.features().size() + " features").column("model")
                    .expected("at most the " + features.size() + " of the Tribuo feature map").build();
        }
        int[] outputOf = new int[classes.size()];
        for (int k = 0; k < outputOf.length; k++) {
            String label = model.getOutputIDInfo().getOutput(k).getLabel();
            outputOf[k] = classes.indexOf(label);
            if (outputOf[k] < 0) {
                throw InvalidInputException.problem("predicts class '" + label + "'").column("model").value(label)
                        .expected("one of " + classes).build();
            }
        }
        return raw.relabel(features.subList(0, raw.features().size()), classes, outputOf);
    }
}
