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
 * The explanation check of the tabular evaluate stage: LIME tabular ({@link TabularExplainer}, lime 0.2's
 * {@code LimeTabularExplainer}) on {@code rows} of the evaluated rows, each explained for the class the model
 * predicted. The rows are chosen in row order taking the classes in turn, as {@link LimeEvaluator} chooses
 * images, so every class is shown. The model is any {@link TableClassifier} (a Tribuo model in
 * {@code EvaluateTabularClassifier}, a Smile model bound with {@link TableEvaluator#on}, …).
 *
 * <p>LIME's sampling statistics come from the {@linkplain #against background rows} (lime's
 * {@code training_data}: pass the training rows), or from the evaluated rows when none are given. Numeric
 * feature columns are continuous features, binned by the discretizer (quartiles, lime's default); text and
 * boolean columns are categorical features, drawn with their background frequencies, and their rules read
 * {@code column=value} as lime's {@code categorical_names} make them. A perturbed row reaches the model as a
 * table of the feature columns: numbers as {@code double} columns, categories as their text or boolean values.
 *
 * <p>The result ({@link TabularExplanationReport}) lists each row's top rules with their weights; as a metric
 * source it gives the local models' fit ({@code lime_score_mean}, {@code lime_score_min}).
 */
public final class TabularLimeEvaluator implements TableEvaluator {

    /**
     * The evaluator's configuration, as the run record keeps it.
     *
     * @param rows        how many rows to explain
     * @param samples     LIME's {@code num_samples} per row
     * @param features    LIME's {@code num_features}: rules kept per row
     * @param seed        seed of the perturbations
     * @param discretizer how continuous features are binned
     * @param background  where the sampling statistics come from: {@code "evaluated rows"} or the background
     *                    table's row count and content hash
     */
    public record Config(int rows, int samples, int features, long seed, DiscretizerKind discretizer,
            String background) {}

    private final int rows;
    private final int samples;
    private final int features;
    private final long seed;
    private final DiscretizerKind discretizer;
    private final Optional<Table> background;

    private TabularLimeEvaluator(int rows, int samples, int features, long seed, DiscretizerKind discretizer,
            Optional<Table> background) {
        Arguments.atLeast(1, "rows", rows, "at least one row to explain");
        Arguments.atLeast(2, "num_samples", samples, "at least 2 samples: the row itself and one perturbation");
        Arguments.atLeast(1, "num_features", features, "at least one rule per row");
        if (requireNonNull(discretizer, "discretizer") == DiscretizerKind.ENTROPY) {
            throw InvalidInputException.problem("needs training labels").column("discretizer").value("entropy")
                    .expected("quartile, decile or none (the evaluator's background rows carry no labels)").build();
        }
        this.rows = rows;
        this.samples = samples;
        this.features = features;
        this.seed = seed;
        this.discretizer = discretizer;
        this.background = background;
    }

    /** {@code rows} rows with lime's defaults: 5,000 samples, 10 features, quartile bins, seed 0. */
    public static TabularLimeEvaluator of(int rows) {
        return new TabularLimeEvaluator(rows, 5000, 10, 0, DiscretizerKind.QUARTILE, Optional.empty());
    }

    /** The same with {@code n} LIME samples per row (fewer is faster and noisier). */
    public TabularLimeEvaluator withSamples(int n) {
        return new TabularLimeEvaluator(rows, n, features, seed, discretizer, background);
    }

    /** The same keeping {@code k} rules per row. */
    public TabularLimeEvaluator withFeatures(int k) {
        return new TabularLimeEvaluator(rows, samples, k, seed, discretizer, background);
    }

    /** The same with another seed of the perturbations. */
    public TabularLimeEvaluator withSeed(long s) {
        return new TabularLimeEvaluator(rows, samples, features, s, discretizer, background);
    }

    /** The same with another binning of continuous features ({@link DiscretizerKind#ENTROPY} is refused). */
    public TabularLimeEvaluator withDiscretizer(DiscretizerKind k) {
        return new TabularLimeEvaluator(rows, samples, features, seed, k, background);
    }

    /**
     * The same taking LIME's sampling statistics from {@code rows} (lime's {@code training_data}; usually the
     * rows the model was trained on), which need the model's feature columns.
     */
    public TabularLimeEvaluator against(Table rows) {
        return new TabularLimeEvaluator(this.rows, samples, features, seed, discretizer,
                Optional.of(requireNonNull(rows, "rows")));
    }

    @Override
    public String name() {
        return "explanations";
    }

    @Override
    public Config config() {
        return new Config(rows, samples, features, seed, discretizer, TableFeatures.backgroundLabel(background));
    }

    @Override
    public TabularExplanationReport evaluate(TableEvaluationInput in, RunContext context) {
        TableClassifier model = in.model();
        Predictions p = in.predictions();
        Table evaluated = p.attributes();
        TableFeatures encoding = TableFeatures.of(model.features(), background.orElse(evaluated), evaluated);
        TabularExplainer explainer = Lime.tabular(encoding.background()).discretizer(discretizer)
                .samples(samples).numFeatures(features).seed(seed);
        RowModel<double[]> rowModel = encoding.rowModel(model);
        List<Integer> chosen = LimeEvaluator.choose(p.truth(), p.classes().size(), rows);
        List<TabularExplanationReport.ExplainedRow> out = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            int i = chosen.get(k);
            int label = p.predicted(i);
            TabularExplanation e = explainer.labels(label).explain(rowModel, encoding.encoded(i));
            LabelExplanation local = e.explanations().get(0);
            List<FeatureRule> rules = encoding.readable(e.rulesFor(label), i);
            out.add(new TabularExplanationReport.ExplainedRow(i, p.classes().get(p.truth(i)),
                    p.classes().get(label), e.prediction().get(label), local.score(), local.intercept(), rules));
            if (context != null) {
                context.progress("LIME", k + 1, chosen.size());
            }
        }
        return new TabularExplanationReport(TabularExplanationReport.SCHEMA_VERSION, samples, seed,
                encoding.background().featureNames(), out);
    }
}
