package org.trustml.samples.credit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.Group;
import org.trustml.fairness.mitigation.Reweighing;
import org.trustml.fairness.mitigation.Target;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;

/**
 * Sample (3): a credit-scoring pipeline with Tribuo's logistic regression on applicants from
 * {@link CreditData} (historical labels biased against women), run twice on the same data and seed:
 * as is, and with Reweighing (AIF360's pre-processing) before training. Each run is evaluated on
 * its held-out rows, per sex and age group, with the fairness report, and judged by the same gates:
 * accuracy at least {@value #MIN_ACCURACY} and disparate impact within the four-fifths rule
 * [0.8, 1.25]. Writes {@code comparison.json} (the metrics before and after, and both verdicts).
 *
 * <pre>
 * mvn -q -pl samples -am package -DskipTests
 * java -cp "samples/target/classes:trustml-cli/target/lib/*" org.trustml.samples.credit.CreditScoringSample out
 * </pre>
 *
 * Reweighing is fitted on the whole table before the train stage holds rows out; the weights only
 * use counts per (sex, label), and evaluation ignores them.
 */
public final class CreditScoringSample {
    /** The accuracy gate. */
    public static final double MIN_ACCURACY = 0.7;
    /** The metrics the comparison lists, overall. */
    public static final List<String> COMPARED = List.of("accuracy", "disparate_impact", "statistical_parity_difference",
            "equal_opportunity_difference", "average_odds_difference");

    private CreditScoringSample() {}

    /** Both runs and what changed. */
    public record Outcome(PipelineRun<Blessing<TabularEvaluation>> baseline,
            PipelineRun<Blessing<TabularEvaluation>> mitigated, Map<String, Map<String, Double>> comparison) {}

    /** Generates {@code applicants} rows under {@code out}, runs both pipelines and writes the comparison. */
    public static Outcome run(Path out, int applicants, long seed) {
        Path csv = CreditData.write(out.resolve("applicants.csv"), applicants, seed);
        RunOptions options = RunOptions.seed(seed).withExperiment("credit-scoring")
                .withMlflowStore(out.resolve("mlruns"));
        TabularClassifierConfig config = TabularClassifierConfig.logisticRegression("credit", "sex", "age_group",
                "income", "debt_ratio", "years_employed", "history");
        PipelineRun<Blessing<TabularEvaluation>> baseline = Pipeline.from(Ingest.csv(csv))
                .then(TrainTabularClassifier.with(config)).then(evaluate()).then(bless())
                .run(options.withRunName("baseline"));
        Reweighing reweighing = new Reweighing(new Reweighing.Config(
                new Target("credit", "good", Group.where("sex", "M"), Optional.empty()), Optional.empty(), "weight"));
        PipelineRun<Blessing<TabularEvaluation>> mitigated = Pipeline.from(Ingest.csv(csv)).then(reweighing)
                .then(TrainTabularClassifier.with(config.withWeights("weight"))).then(evaluate()).then(bless())
                .run(options.withRunName("reweighed"));
        Map<String, Map<String, Double>> comparison = new LinkedHashMap<>();
        for (String metric : COMPARED) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("baseline", value(baseline, metric));
            row.put("reweighed", value(mitigated, metric));
            comparison.put(metric, row);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("metrics", comparison);
        file.put("baseline_verdict", baseline.output().verdict());
        file.put("reweighed_verdict", mitigated.output().verdict());
        AtomicFiles.write(out.resolve("comparison.json"), o -> Json.writer().writeValue(o, file));
        return new Outcome(baseline, mitigated, comparison);
    }

    private static EvaluateTabularClassifier evaluate() {
        return EvaluateTabularClassifier.onHeldOutRows().slicedBy("sex", "age_group")
                .with(FairnessEvaluator.of("good", Group.where("sex", "M"), "sex", "age_group"));
    }

    private static Bless<TabularEvaluation> bless() {
        return Bless.by(Gate.on(ClassificationMetric.ACCURACY).atLeast(MIN_ACCURACY),
                Gate.on(FairnessMetric.DISPARATE_IMPACT).between(0.8, 1.25));
    }

    private static double value(PipelineRun<Blessing<TabularEvaluation>> run, String metric) {
        return run.output().evaluation().metric(metric).map(MetricValue::value).orElse(Double.NaN);
    }

    public static void main(String[] args) throws java.io.IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "credit-scoring"));
        Outcome o = run(out, args.length > 1 ? Integer.parseInt(args[1]) : 5000, 42);
        o.comparison().forEach((m, v) -> System.out.printf("%-32s baseline %8.4f   reweighed %8.4f%n", m,
                v.get("baseline"), v.get("reweighed")));
        System.out.println("baseline:  " + o.baseline().output().verdict().summary());
        System.out.println("reweighed: " + o.mitigated().output().verdict().summary());
        System.out.println("comparison: " + out.resolve("comparison.json"));
    }
}
