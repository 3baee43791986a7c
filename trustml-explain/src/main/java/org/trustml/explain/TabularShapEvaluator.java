package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.evaluation.TableEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.table.Table;

/**
 * The SHAP check of the tabular evaluate stage for any {@link TableClassifier}: KernelSHAP ({@link KernelShap}) or
 * exact Shapley values ({@link ExactShapley}) of the predicted class's probability on {@code rows} of the evaluated
 * rows, chosen as {@link TabularLimeEvaluator} chooses them (row order, classes in turn; row {@code n} of them
 * explained with seed {@code seed + n·0x9E3779B97F4A7C15}, as {@link KernelShap#explainRows}). The players are the
 * model's feature columns: a text or boolean column is one player (its values are category codes, as for LIME), so
 * a category's effect is not split over one-hot columns.
 *
 * <p>Absent features take background values: the {@linkplain #against background rows} (pass the training rows),
 * or the evaluated rows when none are given, summarised as shap advises by {@code shap.kmeans} (10 weighted centres
 * by default, each coordinate rounded to a value of its column so categories stay valid) or a plain sample. The
 * result ({@link ShapReport}) holds every explained row's values, standard errors and convergence, and each column's
 * mean |SHAP value|.
 */
public final class TabularShapEvaluator implements TableEvaluator {
    /** How the background rows are summarised. */
    public enum Summary {
        /** {@code shap.kmeans}: weighted k-means centres rounded to column values. */
        KMEANS,
        /** {@code shap.sample}: rows drawn without replacement, equally weighted. */
        SAMPLE
    }

    /**
     * The evaluator's configuration, as the run record keeps it.
     *
     * @param method         {@code kernel} or {@code exact}
     * @param rows           how many rows to explain
     * @param samples        KernelSHAP's budget of coalitions per row (0: shap's auto, {@code 2M + 2048})
     * @param tolerance      KernelSHAP stops once every standard error is at most this
     * @param seed           seed of the sampling and of the background summary
     * @param summary        how the background is summarised
     * @param backgroundSize centres or rows kept
     * @param background     where the background comes from: {@code "evaluated rows"} or the background table's
     *                       row count and content hash
     */
    public record Config(ShapMethod method, int rows, int samples, double tolerance, long seed, Summary summary,
            int backgroundSize, String background) {}

    private final ShapMethod method;
    private final int rows;
    private final KernelShap kernel;
    private final Summary summary;
    private final int backgroundSize;
    private final Optional<Table> background;

    private TabularShapEvaluator(ShapMethod method, int rows, KernelShap kernel, Summary summary, int backgroundSize,
            Optional<Table> background) {
        Arguments.atLeast(1, "rows", rows, "at least one row to explain");
        Arguments.atLeast(1, "background_size", backgroundSize, "at least one background row");
        this.method = method;
        this.rows = rows;
        this.kernel = kernel;
        this.summary = requireNonNull(summary, "summary");
        this.backgroundSize = backgroundSize;
        this.background = background;
    }

    /** KernelSHAP on {@code rows} rows: shap's auto budget, tolerance 0.01, seed 0, background k-means of 10. */
    public static TabularShapEvaluator kernel(int rows) {
        return new TabularShapEvaluator(ShapMethod.KERNEL, rows, Shap.kernel(), Summary.KMEANS, 10, Optional.empty());
    }

    /** Exact Shapley values on {@code rows} rows (at most 16 feature columns), background k-means of 10. */
    public static TabularShapEvaluator exact(int rows) {
        return new TabularShapEvaluator(ShapMethod.EXACT, rows, Shap.kernel(), Summary.KMEANS, 10, Optional.empty());
    }

    /** The same with KernelSHAP's budget of {@code n} coalitions per row (0: shap's auto). */
    public TabularShapEvaluator withSamples(int n) {
        return new TabularShapEvaluator(method, rows, kernel.samples(n), summary, backgroundSize, background);
    }

    /** The same stopping KernelSHAP once every standard error is at most {@code t} (0: spend the budget). */
    public TabularShapEvaluator withTolerance(double t) {
        return new TabularShapEvaluator(method, rows, kernel.tolerance(t), summary, backgroundSize, background);
    }

    public TabularShapEvaluator withSeed(long s) {
        return new TabularShapEvaluator(method, rows, kernel.seed(s), summary, backgroundSize, background);
    }

    /** The same summarising the background as {@code s} says, keeping {@code size} centres or rows. */
    public TabularShapEvaluator withBackground(Summary s, int size) {
        return new TabularShapEvaluator(method, rows, kernel, s, size, background);
    }

    /** The same taking the background from {@code rows} (usually the training rows; they need the feature columns). */
    public TabularShapEvaluator against(Table rows) {
        return new TabularShapEvaluator(method, this.rows, kernel, summary, backgroundSize,
                Optional.of(requireNonNull(rows, "rows")));
    }

    @Override
    public String name() {
        return "shap";
    }

    @Override
    public Config config() {
        return new Config(method, rows, kernel.samples(), kernel.tolerance(), kernel.seed(), summary, backgroundSize,
                TableFeatures.backgroundLabel(background));
    }

    @Override
    public ShapReport evaluate(TableEvaluationInput in, RunContext context) {
        TableClassifier model = in.model();
        Predictions p = in.predictions();
        Table evaluated = p.attributes();
        TableFeatures encoding = TableFeatures.of(model.features(), background.orElse(evaluated), evaluated);
        TabularData data = encoding.background();
        double[][] backgroundRows = data.rows(); // a copy: taken once
        int k = Math.min(backgroundSize, backgroundRows.length);
        ShapBackground bg = summary == Summary.KMEANS
                ? ShapBackground.kmeans(data.featureNames(), backgroundRows, k, kernel.seed())
                : ShapBackground.sample(data.featureNames(), backgroundRows, k, kernel.seed());
        if (method == ShapMethod.EXACT && data.featureCount() > 16) {
            throw InvalidInputException.problem("has " + data.featureCount() + " feature columns").column("method")
                    .value("exact").expected("at most 16 columns for exact Shapley values; use kernel").build();
        }
        RowModel<double[]> rowModel = encoding.rowModel(model);
        List<Integer> chosen = LimeEvaluator.choose(p.truth(), p.classes().size(), rows);
        double[][] xs = chosen.stream().map(encoding::encoded).toArray(double[][]::new);
        List<ShapExplanation> explained = new ArrayList<>();
        if (method == ShapMethod.EXACT) {
            for (double[] x : xs) {
                explained.add(Shap.exact().explain(rowModel, bg, x));
            }
        } else {
            explained = kernel.explainRows(rowModel, bg, xs);
        }
        ShapRows out = new ShapRows(data.featureNames());
        for (int n = 0; n < chosen.size(); n++) {
            int i = chosen.get(n);
            out.add(i, p.classes().get(p.truth(i)), p.classes().get(p.predicted(i)), p.predicted(i), explained.get(n),
                    null);
        }
        String where = background.map(t -> t.rowCount() + " background rows").orElse(evaluated.rowCount()
                + " evaluated rows");
        return out.report(method, "probability", kernel.seed(),
                where + ", " + (summary == Summary.KMEANS ? "k-means of " : "sample of ") + bg.size());
    }
}
