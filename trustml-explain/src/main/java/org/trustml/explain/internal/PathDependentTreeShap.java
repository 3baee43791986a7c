package org.trustml.explain.internal;

/**
 * Path-dependent TreeSHAP: Lundberg, Erion and Lee, "Consistent Individualized Feature Attribution for Tree
 * Ensembles" (2018), Algorithm 2, in O(L D²) per tree (L leaves, D depth). The value of a coalition S is the
 * tree's expectation when the features outside S follow the training data down the tree, i.e. each split on an
 * absent feature sends the row both ways weighted by the children's covers ({@code r_child / r_node}). The
 * attributions of a tree sum to {@code f(x) − E[f]} with {@code E[f]} the cover-weighted mean of its leaves.
 *
 * <p>The path {@code m} holds, per unique feature met on the way down, its fraction of "zero" (absent: the cover
 * share) and "one" (present: 1 when x goes this way, else 0) paths and the permutation weights {@code w}; EXTEND
 * adds a feature, UNWIND removes one, both as in the paper's pseudo-code. A feature split on again deeper down
 * is first unwound and re-extended with the product of its fractions. One instance reuses its path buffers; it
 * is not thread-safe (make one per thread).
 */
public final class PathDependentTreeShap {
    /** Path storage per recursion level; level {@code l} holds a path of at most {@code l + 1} elements. */
    private int[][] d = new int[0][];
    private double[][] z = new double[0][];
    private double[][] o = new double[0][];
    private double[][] w = new double[0][];

    /** Adds tree {@code t}'s attributions for row {@code x} to {@code phi[output][feature]}. */
    public void accumulate(DecisionTree t, double[] x, double[][] phi) {
        int levels = t.depth() + 2;
        if (d.length < levels) {
            d = new int[levels][levels + 1];
            z = new double[levels][levels + 1];
            o = new double[levels][levels + 1];
            w = new double[levels][levels + 1];
        }
        recurse(t, x, phi, 0, 0, 0, 1.0, 1.0, -1);
    }

    /**
     * RECURSE(j, m, p_z, p_o, p_i): {@code level} indexes the path buffer, {@code length} the elements the path
     * had before this node's EXTEND.
     */
    private void recurse(DecisionTree t, double[] x, double[][] phi, int node, int level, int length, double pz,
            double po, int pi) {
        if (pz == 0 && po == 0) {
            return; // a cold branch no training row reaches: every weight below is 0
        }
        if (level > 0) {
            System.arraycopy(d[level - 1], 0, d[level], 0, length);
            System.arraycopy(z[level - 1], 0, z[level], 0, length);
            System.arraycopy(o[level - 1], 0, o[level], 0, length);
            System.arraycopy(w[level - 1], 0, w[level], 0, length);
        }
        int l = extend(level, length, pz, po, pi);
        if (t.isLeaf(node)) {
            double[] v = t.values[node];
            for (int i = 1; i < l; i++) {
                double s = unwoundSum(level, l, i) * (o[level][i] - z[level][i]);
                for (int k = 0; k < v.length; k++) {
                    phi[t.outputs[k]][d[level][i]] += s * v[k];
                }
            }
            return;
        }
        int f = t.feature[node];
        int hot = t.child(node, x[f]);
        int cold = hot == t.left[node] ? t.right[node] : t.left[node];
        double iz = 1;
        double io = 1;
        int k = 1;
        while (k < l && d[level][k] != f) {
            k++;
        }
        if (k < l) {
            iz = z[level][k];
            io = o[level][k];
            unwind(level, l, k);
            l--;
        }
        double cover = t.cover[node];
        recurse(t, x, phi, hot, level + 1, l, iz * t.cover[hot] / cover, io, f);
        recurse(t, x, phi, cold, level + 1, l, iz * t.cover[cold] / cover, 0, f);
    }

    /** EXTEND: appends (p_i, p_z, p_o) to the path of {@code l} elements at {@code level}; returns the new length. */
    private int extend(int level, int l, double pz, double po, int pi) {
        int[] dd = d[level];
        double[] zz = z[level];
        double[] oo = o[level];
        double[] ww = w[level];
        dd[l] = pi;
        zz[l] = pz;
        oo[l] = po;
        ww[l] = l == 0 ? 1 : 0;
        for (int i = l - 1; i >= 0; i--) {
            ww[i + 1] += po * ww[i] * (i + 1) / (l + 1);
            ww[i] = pz * ww[i] * (l - i) / (l + 1);
        }
        return l + 1;
    }

    /** UNWIND: removes element {@code i} from the path of {@code l} elements at {@code level}, in place. */
    private void unwind(int level, int l, int i) {
        int[] dd = d[level];
        double[] zz = z[level];
        double[] oo = o[level];
        double[] ww = w[level];
        double one = oo[i];
        double zero = zz[i];
        double n = ww[l - 1];
        for (int j = l - 2; j >= 0; j--) {
            if (one != 0) {
                double tmp = ww[j];
                ww[j] = n * l / ((j + 1) * one);
                n = tmp - ww[j] * zero * (l - j - 1) / l;
            } else {
                ww[j] = ww[j] * l / (zero * (l - j - 1));
            }
        }
        for (int j = i; j < l - 1; j++) {
            dd[j] = dd[j + 1];
            zz[j] = zz[j + 1];
            oo[j] = oo[j + 1];
        }
    }

    /** {@code sum(UNWIND(m, i).w)} without changing the path. */
    private double unwoundSum(int level, int l, int i) {
        double[] ww = w[level];
        double one = o[level][i];
        double zero = z[level][i];
        double n = ww[l - 1];
        double total = 0;
        for (int j = l - 2; j >= 0; j--) {
            if (one != 0) {
                double wj = n * l / ((j + 1) * one);
                total += wj;
                n = ww[j] - wj * zero * (l - j - 1) / l;
            } else {
                total += ww[j] * l / (zero * (l - j - 1));
            }
        }
        return total;
    }
}
