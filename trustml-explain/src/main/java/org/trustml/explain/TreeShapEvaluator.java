package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.table.Table;
import org.trustml.tabular.TabularEvaluationInput;
import org.trustml.tabular.TabularEvaluator;
import org.trustml.tabular.TabularModel;

/**
 * The TreeSHAP check of the tabular evaluate stage, for the tree models trustml-tabular trains (a decision tree or
 * gradient boosting; other models are refused by name): exact SHAP values ({@link TreeShap}) of every evaluated
 * row for its predicted class, summarised as each feature column's mean |SHAP value|, with {@code rows} rows (chosen
 * as {@link TabularLimeEvaluator} chooses them) kept in detail. XGBoost's values are in margin units (its raw
 * log-odds score of the class), a decision tree's in probability. A text column's one-hot features are summed into
 * the column, as shap's documentation advises for one-hot encodings.
 *
 * <ul>
 * <li>{@link #pathDependent}: the trees' covers: XGBoost's own; a decision tree's counted from the
 * {@linkplain #against background rows} (pass the training rows), which it then needs.</li>
 * <li>{@link #interventional}: against the background rows, or the evaluated rows when none are given, sampled down
 * to {@code backgroundSize} rows (100 by default, shap's advice).</li>
 * </ul>
 */
public final class TreeShapEvaluator implements TabularEvaluator {
    /**
     * The evaluator's configuration, as the run record keeps it.
     *
     * @param method         {@code tree_path_dependent} or {@code tree_interventional}
     * @param rows           rows kept in detail
     * @param backgroundSize background rows kept (interventional)
     * @param seed           seed of the background sample
     * @param background     where the background comes from: {@code "evaluated rows"} or the background table's
     *                       row count and content hash
     */
    public record Config(ShapMethod method, int rows, int backgroundSize, long seed, String background) {}

    private final ShapMethod method;
    private final int rows;
    private final int backgroundSize;
    private final long seed;
    private final Optional<Table> background;

    private TreeShapEvaluator(ShapMethod method, int rows, int backgroundSize, long seed, Optional<Table> background) {
        Arguments.atLeast(1, "rows", rows, "at least one row in detail");
        Arguments.atLeast(1, "background_size", backgroundSize, "at least one background row");
        this.method = method;
        this.rows = rows;
        this.backgroundSize = backgroundSize;
        this.seed = seed;
        this.background = background;
    }

    /** Path-dependent TreeSHAP, {@code rows} rows in detail. */
    public static TreeShapEvaluator pathDependent(int rows) {
        return new TreeShapEvaluator(ShapMethod.TREE_PATH_DEPENDENT, rows, 100, 0, Optional.empty());
    }

    /** Interventional TreeSHAP, {@code rows} rows in detail, a background of at most 100 rows. */
    public static TreeShapEvaluator interventional(int rows) {
        return new TreeShapEvaluator(ShapMethod.TREE_INTERVENTIONAL, rows, 100, 0, Optional.empty());
    }

    /** The same keeping at most {@code n} background rows (a seeded sample without replacement). */
    public TreeShapEvaluator withBackgroundSize(int n) {
        return new TreeShapEvaluator(method, rows, n, seed, background);
    }

    public TreeShapEvaluator withSeed(long s) {
        return new TreeShapEvaluator(method, rows, backgroundSize, s, background);
    }

    /** The same with {@code rows} as background (interventional) or cover rows (a decision tree, path-dependent). */
    public TreeShapEvaluator against(Table rows) {
        return new TreeShapEvaluator(method, this.rows, backgroundSize, seed, Optional.of(requireNonNull(rows, "rows")));
    }

    @Override
    public String name() {
        return "tree_shap";
    }

    @Override
    public Config config() {
        return new Config(method, rows, backgroundSize, seed,
                background.map(t -> t.rowCount() + " rows, " + t.contentHash()).orElse("evaluated rows"));
    }

    @Override
    public ShapReport evaluate(TabularEvaluationInput in, RunContext context) {
        TabularModel model = in.model();
        TreeEnsemble trees = TribuoTrees.of(model);
        double[][] x = TribuoTrees.featureRows(model, trees, in.rows());
        TreeShap explainer;
        String where;
        if (method == ShapMethod.TREE_PATH_DEPENDENT) {
            if (!trees.hasCovers()) {
                Table covers = background.orElseThrow(() -> InvalidInputException.problem("keeps no node counts")
                        .column("model").value(model.algorithm().name().toLowerCase(java.util.Locale.ROOT))
                        .expected("the training rows to count them: TreeShapEvaluator.pathDependent(n).against(rows),"
                                + " or the interventional method").build());
                trees = trees.withCovers(TribuoTrees.featureRows(model, trees, covers));
                where = "covers counted on " + covers.rowCount() + " rows";
            } else {
                where = "tree covers";
            }
            explainer = Shap.treePathDependent(trees);
        } else {
            Table rowsTable = background.orElse(in.rows());
            ShapBackground all = ShapBackground.of(trees.features(), TribuoTrees.featureRows(model, trees, rowsTable));
            ShapBackground bg = ShapBackground.sample(trees.features(), all.rows(), backgroundSize, seed);
            explainer = Shap.treeInterventional(trees, bg);
            where = (background.isPresent() ? rowsTable.rowCount() + " background rows" : rowsTable.rowCount()
                    + " evaluated rows") + ", sample of " + bg.size();
        }
        List<String> columns = model.features();
        int[] columnOf = columnOf(trees.features(), columns);
        List<Integer> chosen = LimeEvaluator.choose(in.truth(), model.classes().size(), rows);
        ShapRows out = new ShapRows(columns);
        for (int i = 0; i < x.length; i++) {
            ShapExplanation e = explainer.explain(x[i]);
            int predicted = in.predicted()[i];
            boolean detail = chosen.contains(i);
            out.add(i, detail ? model.classes().get(in.truth()[i]) : null, model.classes().get(predicted), predicted, e,
                    columnOf);
            if (context != null && (i + 1) % 100 == 0) {
                context.progress("TreeSHAP", i + 1, x.length);
            }
        }
        String units = trees.split() == TreeEnsemble.Split.XGBOOST ? "margin" : "probability";
        return out.report(method, units, seed, where);
    }

    /**
     * Per tree feature, the model column it comes from: the column of that name, or for a one-hot feature
     * {@code column=value} the longest column name followed by {@code =}; −1 if none.
     */
    static int[] columnOf(List<String> features, List<String> columns) {
        int[] out = new int[features.size()];
        for (int j = 0; j < out.length; j++) {
            String f = features.get(j);
            out[j] = columns.indexOf(f);
            if (out[j] < 0) {
                int best = -1;
                for (int c = 0; c < columns.size(); c++) {
                    String prefix = columns.get(c) + "=";
                    if (f.startsWith(prefix) && (best < 0 || columns.get(c).length() > columns.get(best).length())) {
                        best = c;
                    }
                }
                out[j] = best;
            }
        }
        return out;
    }
}
