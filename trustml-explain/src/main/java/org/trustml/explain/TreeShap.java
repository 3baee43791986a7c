package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.DecisionTree;
import org.trustml.explain.internal.InterventionalTreeShap;
import org.trustml.explain.internal.PathDependentTreeShap;

/**
 * Exact TreeSHAP for a {@link TreeEnsemble}'s raw outputs (XGBoost margins, CART class probabilities), as
 * {@code shap.TreeExplainer(model, model_output="raw")}:
 * <ul>
 * <li>{@linkplain #pathDependent path-dependent} ({@code feature_perturbation="tree_path_dependent"}, Lundberg et
 * al. 2018, Algorithm 2): absent features follow the training covers down each tree; {@code E[f]} is the
 * cover-weighted mean of the leaves plus the base. XGBoost's {@code predict(…, pred_contribs=True)} computes the
 * same. Needs every node's cover.</li>
 * <li>{@linkplain #interventional interventional} ({@code feature_perturbation="interventional"}): the exact Shapley
 * values of {@code v(S) = E_b[f(x_S, b_~S)]} over the weighted background rows (the value function KernelSHAP
 * estimates), computed per tree and background row in time linear in the tree ({@code InterventionalTreeShap});
 * {@code E[f] = Σ_b w_b f(b)}. Costs grow with the background: shap samples it down to 100 rows.</li>
 * </ul>
 * Values are exact (standard errors 0, converged); the additivity error is rounding. No randomness. Immutable;
 * {@link #explain} may be called from several threads.
 */
public final class TreeShap {
    private final TreeEnsemble trees;
    private final Optional<ShapBackground> background;
    private final double[] expected;

    private TreeShap(TreeEnsemble trees, Optional<ShapBackground> background) {
        this.trees = trees;
        this.background = background;
        this.expected = background.isPresent() ? backgroundMean() : coverMean();
    }

    /**
     * Path-dependent TreeSHAP; every node needs a positive cover (XGBoost's {@code sum_hessian}, or
     * {@link TreeEnsemble#withCovers} from the training rows).
     */
    static TreeShap pathDependent(TreeEnsemble trees) {
        requireNonNull(trees, "trees");
        List<DecisionTree> list = trees.trees();
        for (int t = 0; t < list.size(); t++) {
            DecisionTree tree = list.get(t);
            for (int n = 0; n < tree.left.length; n++) {
                if (!tree.isLeaf(n) && !(tree.cover[n] > 0)) {
                    throw InvalidInputException.problem(Double.isNaN(tree.cover[n]) ? "has no cover" : "has cover "
                            + tree.cover[n]).column("tree " + t + " node " + n).value(tree.cover[n])
                            .expected("a positive cover on every split for path-dependent TreeSHAP: count them with "
                                    + "TreeEnsemble.withCovers(training rows), or use the interventional method")
                            .build();
                }
            }
        }
        return new TreeShap(trees, Optional.empty());
    }

    /** Interventional TreeSHAP against {@code background}, whose features must be the trees'. */
    static TreeShap interventional(TreeEnsemble trees, ShapBackground background) {
        requireNonNull(trees, "trees");
        requireNonNull(background, "background");
        if (!background.featureNames().equals(trees.features())) {
            throw InvalidInputException.problem("has other features than the trees").column("background")
                    .value(background.featureNames()).expected("the trees' features " + trees.features()).build();
        }
        return new TreeShap(trees, Optional.of(background));
    }

    /** The method: path-dependent or interventional. */
    public ShapMethod method() {
        return background.isPresent() ? ShapMethod.TREE_INTERVENTIONAL : ShapMethod.TREE_PATH_DEPENDENT;
    }

    /** {@code E[f]} per output. */
    public double[] expectedValues() {
        return expected.clone();
    }

    /** SHAP values of {@code x} (one value per tree feature; NaN is missing) for every output. */
    public ShapExplanation explain(double[] x) {
        trees.checkRow(x, "row");
        int outputs = trees.outputs().size();
        int d = trees.features().size();
        double[][] phi = new double[outputs][d];
        if (background.isEmpty()) {
            PathDependentTreeShap walk = new PathDependentTreeShap();
            for (DecisionTree t : trees.trees()) {
                walk.accumulate(t, x, phi);
            }
        } else {
            ShapBackground b = background.get();
            InterventionalTreeShap walk = new InterventionalTreeShap(d);
            for (DecisionTree t : trees.trees()) {
                for (int r = 0; r < b.size(); r++) {
                    walk.accumulate(t, x, b.row(r), b.weight(r), phi);
                }
            }
        }
        return ShapExplanation.of(method(), ShapLink.IDENTITY, trees.features(), expected, trees.predict(x), phi,
                new double[outputs][d], true, 0, 0, 0);
    }

    /** SHAP values of every row. */
    public List<ShapExplanation> explain(double[][] rows) {
        requireNonNull(rows, "rows");
        List<ShapExplanation> out = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            out.add(explain(row));
        }
        return out;
    }

    private double[] coverMean() {
        double[] e = trees.base();
        for (DecisionTree t : trees.trees()) {
            double[] m = t.expectation();
            for (int k = 0; k < m.length; k++) {
                e[t.outputs[k]] += m[k];
            }
        }
        return e;
    }

    private double[] backgroundMean() {
        ShapBackground b = background.get();
        double[] e = new double[trees.outputs().size()];
        for (int r = 0; r < b.size(); r++) {
            double[] f = trees.predict(b.row(r));
            for (int k = 0; k < e.length; k++) {
                e[k] += b.weight(r) * f[k];
            }
        }
        return e;
    }
}
