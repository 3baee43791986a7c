package org.trustml.samples.credit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.PredictionsEvaluation;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.report.ReportInput;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.EvaluatePredictions;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Column;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftReport;
import org.trustml.explain.TabularExplanationReport;
import org.trustml.explain.TabularLimeEvaluator;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.Group;
import org.trustml.report.HtmlReport;
import org.trustml.smile.PredictWithSmile;
import org.trustml.smile.SmileClassifier;
import org.trustml.smile.SmileClassifierConfig;

/**
 * Sample: a Smile random forest (trustml-smile; Smile is GPL-3) on the applicants of {@link CreditData},
 * whose historical labels are biased against women, checked with the same model-neutral tools as any
 * other model. The forest is trained on {@code applicants} rows from {@code seed}; a quarter as many
 * applicants from {@code seed + 1} are held out. A pipeline ingests the held-out CSV, scores it
 * ({@link PredictWithSmile}: {@code predictions.csv}), evaluates the predictions per sex and age group
 * with the fairness report and LIME tabular on three applicants ({@link TabularLimeEvaluator} bound to the
 * forest, sampling around the training rows) in {@link EvaluatePredictions}, and blesses them by the gates of
 * {@link CreditScoringSample} (accuracy at least {@value CreditScoringSample#MIN_ACCURACY}, disparate
 * impact within [0.8, 1.25]). Then drift's column tests compare the training and held-out rows' features and
 * scores, and the HTML report ({@code report.html}) shows the evaluation, fairness, the explanations, drift and
 * the verdict.
 *
 * <pre>
 * mvn -q -pl samples -am package -DskipTests
 * java -cp "samples/target/classes:trustml-cli/target/lib/*:trustml-smile/target/classes:$HOME/.m2/repository/com/github/haifengl/smile-core/3.1.1/smile-core-3.1.1.jar:$HOME/.m2/repository/com/github/haifengl/smile-base/3.1.1/smile-base-3.1.1.jar" \
 *     org.trustml.samples.credit.SmileCreditSample out
 * </pre>
 */
public final class SmileCreditSample {
    /**
     * The numeric features (Smile's classifiers take numbers): credit history encoded as 1, 0, −1, and sex
     * as {@code female} 1/0, as the Tribuo sample feeds sex to its model, so the forest can learn the
     * labels' bias (without it no feature carries sex, and the bias does not reach the predictions).
     */
    public static final List<String> FEATURES = List.of("female", "income", "debt_ratio", "years_employed",
            "history_score");

    private SmileCreditSample() {}

    /**
     * What the sample made.
     *
     * @param model       the trained forest
     * @param run         the pipeline run: ingest, predict, evaluate, bless
     * @param explanation LIME's explanations of three held-out applicants, each for its predicted class
     * @param drift       training against held-out rows, features and scores
     * @param report      the HTML report
     */
    public record Outcome(SmileClassifier model, PipelineRun<Blessing<PredictionsEvaluation>> run,
            TabularExplanationReport explanation, DriftReport drift, Path report) {}

    /**
     * {@link CreditData}'s applicants with {@code history} as a number ({@code history_score}: good 1, fair 0,
     * poor −1) and {@code female} (1 for sex F, else 0).
     */
    public static Table numeric(Table applicants) {
        return applicants.deriveDouble("history_score", r -> switch (r.string("history")) {
            case "good" -> 1;
            case "fair" -> 0;
            default -> -1;
        }).deriveLong("female", r -> r.string("sex").equals("F") ? 1 : 0);
    }

    /** Trains on {@code applicants} rows, evaluates, explains, checks drift and writes everything under {@code out}. */
    public static Outcome run(Path out, int applicants, long seed) {
        Table train = numeric(CreditData.generate(applicants, seed));
        Path heldOut = numeric(CreditData.generate(Math.max(40, applicants / 4), seed + 1))
                .writeCsv(out.resolve("held-out.csv"));
        SmileClassifier model = SmileClassifier.train(train, SmileClassifierConfig
                .randomForest("credit", FEATURES.toArray(String[]::new)).withTrees(50, 8, 32), seed);

        PipelineRun<Blessing<PredictionsEvaluation>> run = Pipeline.from(Ingest.csv(heldOut))
                .then(PredictWithSmile.using(model))
                .then(EvaluatePredictions.onAllRows().slicedBy("sex", "age_group")
                        .with(FairnessEvaluator.of("good", Group.where("sex", "M"), "sex", "age_group"))
                        .with(TabularLimeEvaluator.of(3).withSamples(2000).withSeed(seed).against(train).on(model)))
                .then(Bless.<PredictionsEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(CreditScoringSample.MIN_ACCURACY),
                        Gate.on(FairnessMetric.DISPARATE_IMPACT).between(0.8, 1.25)))
                .run(RunOptions.seed(seed).withExperiment("smile-credit").withTracker(Tracker.none(out.resolve("runs"))));

        Table held = Table.readCsv(heldOut);
        TabularExplanationReport explanation = (TabularExplanationReport) run.output().evaluation().evaluators()
                .get("explanations");

        DriftReport drift = Drift.between(inputsAndScores(model, train), inputsAndScores(model, held)).seed(seed)
                .report();

        Blessing<PredictionsEvaluation> blessing = run.output();
        Map<String, MetricSource> sections = new LinkedHashMap<>(blessing.evaluation().evaluators());
        sections.put("drift", drift);
        Path report = HtmlReport.of(ReportInput.of("Smile credit model", blessing.evaluation(), blessing.verdict())
                .withRunId(run.record().runId()).withModel(model.description(), "applicants")
                .withClassification(blessing.evaluation().classification()).withEvaluators(sections))
                .write(out.resolve("report.html"));
        return new Outcome(model, run, explanation, drift, report);
    }

    /** The feature columns and the model's class probabilities ({@code p_bad}, {@code p_good}) of {@code rows}. */
    static Table inputsAndScores(SmileClassifier model, Table rows) {
        List<Column> columns = new ArrayList<>(model.featureTable(rows).columns());
        columns.addAll(model.probabilityTable(rows).columns());
        return Table.of(columns);
    }

    public static void main(String[] args) throws java.io.IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "smile-credit"));
        Outcome o = run(out, args.length > 1 ? Integer.parseInt(args[1]) : 4000, 42);
        PredictionsEvaluation e = o.run().output().evaluation();
        System.out.println(o.model().description());
        System.out.printf("accuracy %.4f   disparate impact %.4f%n", e.metric("accuracy").orElseThrow().value(),
                e.metric("disparate_impact").orElseThrow().value());
        System.out.println("verdict: " + o.run().output().verdict().summary());
        System.out.println("drifted columns: " + o.drift().driftedColumns());
        System.out.println("report: " + o.report());
    }
}
