package org.trustml.explain.internal;

/**
 * Interventional TreeSHAP against one reference row: the exact Shapley values of the game
 * {@code v(S) = f(x_S, r_~S)} for one tree, in time linear in its nodes (Lundberg et al., "From local explanations
 * to global understanding with explainable AI for trees", Nature Machine Intelligence 2020, the independent
 * TreeSHAP; averaging over background rows {@code r} gives the interventional value function
 * {@code E_r[f(x_S, r_~S)]}).
 *
 * <p>Walking down, a split where x and r go the same way is followed once; where they part on a feature not yet
 * met, both ways are followed, the feature joining the set X (x's way) or R (r's way); a feature met again
 * follows the side its set chose. A leaf with value {@code v} reached with {@code |X| = p}, {@code |R| = n} is the
 * game {@code v·1[X ⊆ S, R ∩ S = ∅]}, whose Shapley values are {@code +v (p−1)! n! / (p+n)!} for each feature of
 * X and {@code −v p! (n−1)! / (p+n)!} for each of R. Not thread-safe (make one per thread).
 */
public final class InterventionalTreeShap {
    private final int features;
    private boolean[] inX = new boolean[0];
    private boolean[] inR = new boolean[0];
    private int[] xs = new int[0];
    private int[] rs = new int[0];
    /** {@code coef[p][n] = p! n! / (p + n + 1)!}. */
    private double[][] coef = new double[0][];

    public InterventionalTreeShap(int features) {
        this.features = features;
        this.inX = new boolean[features];
        this.inR = new boolean[features];
    }

    /** Adds {@code weight ×} tree {@code t}'s attributions of {@code x} against reference {@code r} to {@code phi}. */
    public void accumulate(DecisionTree t, double[] x, double[] r, double weight, double[][] phi) {
        int depth = t.depth();
        if (xs.length < depth + 1) {
            xs = new int[depth + 1];
            rs = new int[depth + 1];
            coef = new double[depth + 2][depth + 2];
            for (int p = 0; p <= depth + 1; p++) {
                for (int n = 0; p + n <= depth + 1; n++) {
                    coef[p][n] = coefficient(p, n);
                }
            }
        }
        recurse(t, x, r, weight, phi, 0, 0, 0);
    }

    private static double coefficient(int p, int n) {
        // p! n! / (p + n + 1)! = 1 / ((p + n + 1) · C(p + n, p))
        return 1.0 / ((p + n + 1) * KernelCoalitions.binomial(p + n, p));
    }

    private void recurse(DecisionTree t, double[] x, double[] r, double weight, double[][] phi, int node, int p,
            int n) {
        if (t.isLeaf(node)) {
            double[] v = t.values[node];
            double plus = p > 0 ? weight * coef[p - 1][n] : 0;
            double minus = n > 0 ? weight * coef[p][n - 1] : 0;
            for (int k = 0; k < v.length; k++) {
                double[] out = phi[t.outputs[k]];
                for (int i = 0; i < p; i++) {
                    out[xs[i]] += plus * v[k];
                }
                for (int i = 0; i < n; i++) {
                    out[rs[i]] -= minus * v[k];
                }
            }
            return;
        }
        int f = t.feature[node];
        int cx = t.child(node, x[f]);
        int cr = t.child(node, r[f]);
        if (cx == cr) {
            recurse(t, x, r, weight, phi, cx, p, n);
        } else if (inX[f]) {
            recurse(t, x, r, weight, phi, cx, p, n);
        } else if (inR[f]) {
            recurse(t, x, r, weight, phi, cr, p, n);
        } else {
            inX[f] = true;
            xs[p] = f;
            recurse(t, x, r, weight, phi, cx, p + 1, n);
            inX[f] = false;
            inR[f] = true;
            rs[n] = f;
            recurse(t, x, r, weight, phi, cr, p, n + 1);
            inR[f] = false;
        }
    }

    /** Number of features the attributions are over. */
    public int features() {
        return features;
    }
}
