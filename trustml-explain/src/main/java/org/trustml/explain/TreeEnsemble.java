package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.DecisionTree;

/**
 * Decision trees whose leaves add up to a model's outputs, in a form TreeSHAP walks whatever trained them:
 * {@code f_k(x) = base_k + Σ_trees leaf value for output k}. Read XGBoost models with {@link XGBoostTrees}, Tribuo's
 * CART trees and XGBoost models with {@link TribuoTrees}, or build one with {@link #builder}. Immutable.
 */
public final class TreeEnsemble {
    /** How an internal node compares a row's value {@code x} with its threshold {@code t} to send it left. */
    public enum Split {
        /** {@code (float) x < (float) t}, missing (NaN) to the node's default child: XGBoost. */
        XGBOOST,
        /** {@code x ≤ t}: CART trees (Tribuo, scikit-learn); NaN goes to the default child (right unless set). */
        LESS_OR_EQUAL
    }

    private final List<String> features;
    private final List<String> outputs;
    private final double[] base;
    private final Split split;
    private final List<DecisionTree> trees;

    private TreeEnsemble(List<String> features, List<String> outputs, double[] base, Split split,
            List<DecisionTree> trees) {
        this.features = features;
        this.outputs = outputs;
        this.base = base;
        this.split = split;
        this.trees = trees;
    }

    /** A builder of an ensemble over {@code features} with outputs named {@code outputs} (classes, "margin" …). */
    public static Builder builder(List<String> features, List<String> outputs, Split split) {
        return new Builder(features, outputs, split);
    }

    /** The features, by index (a tree's feature {@code j} is {@code features().get(j)}). */
    public List<String> features() {
        return features;
    }

    /** The outputs' names, by index. */
    public List<String> outputs() {
        return outputs;
    }

    /** The constant each output starts from (XGBoost's base score as a margin), a new array. */
    public double[] base() {
        return base.clone();
    }

    public Split split() {
        return split;
    }

    /** Number of trees. */
    public int size() {
        return trees.size();
    }

    /** The deepest tree's depth (edges on its longest path). */
    public int depth() {
        return trees.stream().mapToInt(DecisionTree::depth).max().orElse(0);
    }

    /** True when every node of every tree has a known cover (path-dependent TreeSHAP needs them). */
    public boolean hasCovers() {
        for (DecisionTree t : trees) {
            for (double c : t.cover) {
                if (Double.isNaN(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The outputs for {@code x} (one value per feature; NaN is a missing value). */
    public double[] predict(double[] x) {
        checkRow(x, "row");
        double[] out = base.clone();
        for (DecisionTree t : trees) {
            double[] v = t.values[t.leaf(x)];
            for (int k = 0; k < v.length; k++) {
                out[t.outputs[k]] += v[k];
            }
        }
        return out;
    }

    /**
     * The same trees with each node's cover counted as the number of {@code rows} passing through it (the training
     * rows for path-dependent TreeSHAP, as scikit-learn records {@code n_node_samples}).
     */
    public TreeEnsemble withCovers(double[][] rows) {
        requireNonNull(rows, "rows");
        List<DecisionTree> covered = new ArrayList<>();
        for (DecisionTree t : trees) {
            double[] cover = new double[t.left.length];
            for (int i = 0; i < rows.length; i++) {
                checkRow(rows[i], "cover row " + (i + 1));
                int n = 0;
                cover[0]++;
                while (!t.isLeaf(n)) {
                    n = t.child(n, rows[i][t.feature[n]]);
                    cover[n]++;
                }
            }
            covered.add(new DecisionTree(t.left, t.right, t.feature, t.threshold, t.defaultLeft, cover, t.values,
                    t.outputs, t.floatLessThan));
        }
        return new TreeEnsemble(features, outputs, base, split, List.copyOf(covered));
    }

    /**
     * The same trees under other names: {@code features} (as many), {@code outputs}, old output {@code k} becoming
     * output {@code outputOf[k]}.
     */
    TreeEnsemble relabel(List<String> newFeatures, List<String> newOutputs, int[] outputOf) {
        double[] b = new double[newOutputs.size()];
        for (int k = 0; k < base.length; k++) {
            b[outputOf[k]] = base[k];
        }
        List<DecisionTree> moved = new ArrayList<>();
        for (DecisionTree t : trees) {
            int[] o = new int[t.outputs.length];
            for (int k = 0; k < o.length; k++) {
                o[k] = outputOf[t.outputs[k]];
            }
            moved.add(new DecisionTree(t.left, t.right, t.feature, t.threshold, t.defaultLeft, t.cover, t.values, o,
                    t.floatLessThan));
        }
        return new TreeEnsemble(List.copyOf(newFeatures), List.copyOf(newOutputs), b, split, List.copyOf(moved));
    }

    /** The trees, for the explainers in this package. */
    List<DecisionTree> trees() {
        return trees;
    }

    void checkRow(double[] x, String what) {
        requireNonNull(x, what);
        if (x.length != features.size()) {
            throw InvalidInputException.problem("has " + x.length + " values").column(what).value(x.length)
                    .expected(features.size() + " values, one per tree feature").build();
        }
        for (int j = 0; j < x.length; j++) {
            if (Double.isInfinite(x[j])) {
                throw InvalidInputException.problem("is infinite").column(features.get(j)).value(x[j])
                        .expected("a finite number, or NaN for a missing value").build();
            }
        }
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + trees.size() + " trees, depth " + depth() + ", " + features.size() + " features, "
                + outputs.size() + " outputs, " + split + "]";
    }

    /** Collects trees; each is checked when added. */
    public static final class Builder {
        private final List<String> features;
        private final List<String> outputs;
        private final Split split;
        private double[] base;
        private final List<DecisionTree> trees = new ArrayList<>();

        private Builder(List<String> features, List<String> outputs, Split split) {
            this.features = List.copyOf(features);
            this.outputs = List.copyOf(outputs);
            this.split = requireNonNull(split, "split");
            if (this.features.isEmpty() || this.outputs.isEmpty()) {
                throw InvalidInputException.problem("is empty").column(this.features.isEmpty() ? "features" : "outputs")
                        .expected("at least one").build();
            }
            this.base = new double[this.outputs.size()];
        }

        /** The constant each output starts from (default 0). */
        public Builder base(double... values) {
            if (values.length != outputs.size()) {
                throw InvalidInputException.problem("has " + values.length + " values").column("base").value(values.length)
                        .expected(outputs.size() + ", one per output").build();
            }
            this.base = values.clone();
            return this;
        }

        /**
         * Adds a tree of {@code n} nodes, node 0 the root; a node is a leaf when {@code left[n] < 0}.
         *
         * @param left        left child per node (−1 for a leaf)
         * @param right       right child per node (−1 for a leaf)
         * @param feature     split feature per internal node
         * @param threshold   split threshold per internal node
         * @param defaultLeft per node, whether a missing value goes left (null: right)
         * @param cover       training weight per node (null or NaN when unknown)
         * @param leafValues  per node (read at leaves), one value per entry of {@code treeOutputs}
         * @param treeOutputs the ensemble outputs this tree's leaf values add to
         */
        public Builder tree(int[] left, int[] right, int[] feature, double[] threshold, boolean[] defaultLeft,
                double[] cover, double[][] leafValues, int... treeOutputs) {
            int t = trees.size();
            int n = left.length;
            String where = "tree " + t;
            if (n == 0 || right.length != n || feature.length != n || threshold.length != n
                    || (defaultLeft != null && defaultLeft.length != n) || (cover != null && cover.length != n)
                    || leafValues.length != n) {
                throw InvalidInputException.problem("has arrays of different lengths").column(where).value(n)
                        .expected("one entry per node in every array").build();
            }
            for (int k : treeOutputs) {
                if (k < 0 || k >= outputs.size()) {
                    throw InvalidInputException.problem("is not an output").column(where + " outputs").value(k)
                            .expected("0.." + (outputs.size() - 1)).build();
                }
            }
            int[] parents = new int[n];
            Arrays.fill(parents, -1);
            for (int i = 0; i < n; i++) {
                String node = where + " node " + i;
                if (left[i] < 0 != right[i] < 0) {
                    throw InvalidInputException.problem("has one child").column(node).value(left[i] + "/" + right[i])
                            .expected("two children or none").build();
                }
                if (left[i] < 0) {
                    if (leafValues[i] == null || leafValues[i].length != treeOutputs.length) {
                        throw InvalidInputException.problem("has the wrong number of leaf values").column(node)
                                .expected(treeOutputs.length + ", one per tree output").build();
                    }
                    for (double v : leafValues[i]) {
                        if (!Double.isFinite(v)) {
                            throw InvalidInputException.problem("has a non-finite leaf value").column(node).value(v)
                                    .expected("finite numbers").build();
                        }
                    }
                    continue;
                }
                for (int c : new int[] {left[i], right[i]}) {
                    if (c <= 0 || c >= n || parents[c] >= 0) {
                        throw InvalidInputException.problem("has an invalid child").column(node).value(c)
                                .expected("a node 1.." + (n - 1) + " that no other node has as a child").build();
                    }
                    parents[c] = i;
                }
                if (feature[i] < 0 || feature[i] >= features.size()) {
                    throw InvalidInputException.problem("splits on an unknown feature").column(node).value(feature[i])
                            .expected("0.." + (features.size() - 1)).build();
                }
                if (Double.isNaN(threshold[i])) {
                    throw InvalidInputException.problem("has a NaN threshold").column(node).expected("a number").build();
                }
            }
            for (int i = 1; i < n; i++) {
                if (parents[i] < 0) {
                    throw InvalidInputException.problem("is not reached from the root").column(where + " node " + i)
                            .expected("every node a child of another (node 0 the root)").build();
                }
            }
            double[] c = new double[n];
            Arrays.fill(c, Double.NaN);
            if (cover != null) {
                System.arraycopy(cover, 0, c, 0, n);
            }
            double[][] values = new double[n][];
            for (int i = 0; i < n; i++) {
                values[i] = left[i] < 0 ? leafValues[i].clone() : new double[0];
            }
            trees.add(new DecisionTree(left.clone(), right.clone(), feature.clone(), threshold.clone(),
                    defaultLeft == null ? new boolean[n] : defaultLeft.clone(), c, values, treeOutputs.clone(),
                    split == Split.XGBOOST));
            return this;
        }

        public TreeEnsemble build() {
            if (trees.isEmpty()) {
                throw InvalidInputException.problem("has no trees").column("trees").value(0)
                        .expected("at least one tree").build();
            }
            return new TreeEnsemble(features, outputs, base.clone(), split, List.copyOf(trees));
        }
    }
}
