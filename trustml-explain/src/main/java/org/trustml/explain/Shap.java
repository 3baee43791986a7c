package org.trustml.explain;

/**
 * Entry point of SHAP explanations (Lundberg and Lee, NeurIPS 2017; Lundberg et al., Nature Machine
 * Intelligence 2020):
 * <pre>{@code
 * ShapBackground bg = ShapBackground.kmeans(names, trainingRows, 10, 0);
 * ShapExplanation e = Shap.kernel().seed(7).explain(model, bg, row);          // any model
 * ShapExplanation t = Shap.treePathDependent(XGBoostTrees.read(path)).explain(row);  // tree models, exact
 * }</pre>
 * Every explanation says how exact it is: standard errors, a convergence flag and the additivity error.
 */
public final class Shap {
    private Shap() {}

    /** KernelSHAP with shap's {@code KernelExplainer} defaults (see {@link KernelShap}). */
    public static KernelShap kernel() {
        return KernelShap.defaults();
    }

    /** Shapley values over every coalition, for few features (see {@link ExactShapley}). */
    public static ExactShapley exact() {
        return ExactShapley.defaults();
    }

    /** Path-dependent TreeSHAP (shap's {@code feature_perturbation="tree_path_dependent"}, XGBoost's pred_contribs). */
    public static TreeShap treePathDependent(TreeEnsemble trees) {
        return TreeShap.pathDependent(trees);
    }

    /** Interventional TreeSHAP against background rows (shap's {@code feature_perturbation="interventional"}). */
    public static TreeShap treeInterventional(TreeEnsemble trees, ShapBackground background) {
        return TreeShap.interventional(trees, background);
    }
}
