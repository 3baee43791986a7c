package org.trustml.explain.internal;

/**
 * One binary decision tree as flat arrays (node 0 the root), what the TreeSHAP algorithms walk. A node is a
 * leaf when {@code left[n] < 0}. An internal node sends a row left when its feature's value is below the
 * threshold: {@code (float) x < (float) t} for XGBoost ({@link #floatLessThan}), {@code x ≤ t} for CART trees
 * (Tribuo, scikit-learn); a missing value (NaN) goes to the default child. Leaf {@code n} adds
 * {@code values[n][k]} to the ensemble's output {@code outputs[k]}. The arrays are owned by this object.
 */
public final class DecisionTree {
    public final int[] left;
    public final int[] right;
    public final int[] feature;
    public final double[] threshold;
    public final boolean[] defaultLeft;
    /** Training weight reaching each node (XGBoost's {@code sum_hessian}, sample counts); NaN when unknown. */
    public final double[] cover;
    public final double[][] values;
    public final int[] outputs;
    public final boolean floatLessThan;
    private final int depth;

    public DecisionTree(int[] left, int[] right, int[] feature, double[] threshold, boolean[] defaultLeft,
            double[] cover, double[][] values, int[] outputs, boolean floatLessThan) {
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.threshold = threshold;
        this.defaultLeft = defaultLeft;
        this.cover = cover;
        this.values = values;
        this.outputs = outputs;
        this.floatLessThan = floatLessThan;
        this.depth = depth(0);
    }

    private int depth(int node) {
        return isLeaf(node) ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    public boolean isLeaf(int node) {
        return left[node] < 0;
    }

    /** Edges on the longest root-to-leaf path. */
    public int depth() {
        return depth;
    }

    /** The child of internal node {@code node} that a row with value {@code v} of its feature goes to. */
    public int child(int node, double v) {
        if (Double.isNaN(v)) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        boolean goesLeft = floatLessThan ? (float) v < (float) threshold[node] : v <= threshold[node];
        return goesLeft ? left[node] : right[node];
    }

    /** The leaf row {@code x} ends in. */
    public int leaf(double[] x) {
        int n = 0;
        while (!isLeaf(n)) {
            n = child(n, x[feature[n]]);
        }
        return n;
    }

    /** The cover-weighted mean of the leaf values, per tree output: TreeSHAP's path-dependent E[f]. */
    public double[] expectation() {
        double[] e = new double[outputs.length];
        expectation(0, 1.0, e);
        return e;
    }

    private void expectation(int node, double share, double[] e) {
        if (isLeaf(node)) {
            for (int k = 0; k < e.length; k++) {
                e[k] += share * values[node][k];
            }
            return;
        }
        expectation(left[node], share * cover[left[node]] / cover[node], e);
        expectation(right[node], share * cover[right[node]] / cover[node], e);
    }
}
