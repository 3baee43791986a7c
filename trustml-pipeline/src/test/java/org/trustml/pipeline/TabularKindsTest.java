package org.trustml.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.Progress;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.io.Json;
import org.trustml.core.run.StageRecord;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.drift.ColumnDriftEvaluator;
import org.trustml.drift.DriftReport;
import org.trustml.explain.DiscretizerKind;
import org.trustml.explain.TabularExplanationReport;
import org.trustml.explain.ShapReport;
import org.trustml.explain.TabularLimeEvaluator;
import org.trustml.explain.TabularShapEvaluator;
import org.trustml.explain.TreeShapEvaluator;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.fairness.mitigation.CalibratedEqOddsPostprocessing;
import org.trustml.fairness.mitigation.EqOddsPostprocessing;
import org.trustml.fairness.mitigation.RejectOptionClassification;
import org.trustml.fairness.mitigation.Target;
import org.trustml.publish.Publication;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularFixtures;

/** Every tabular kind of pipeline files read, built and run on tiny data: the mitigations, the evaluators, the ends. */
class TabularKindsTest {
    @TempDir
    Path dir;

    private PipelineRun<?> run(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.yaml"), yaml);
        assertThat(PipelineCheck.lines(PipelineCheck.check(file))).isEmpty();
        return PipelineSpec.read(file).run(dir, file, Progress.NONE);
    }

    @Test
    void aTabularPipelineWithEveryEvaluatorCardReportAndPublication() throws IOException {
        TabularFixtures.applicantsCsv(dir, 300, 3);
        PipelineRun<?> run = run("""
                seed: 3
                stages:
                  - ingest: {csv: applicants.csv}
                  - drift-check: {reference: applicants.csv, categorical: [region, sex]}
                  - transform: {columns: {income_k: "income / 1000.0"}}
                  - disparate-impact-remover: {features: [income], sensitive: sex, repair-level: 0.5}
                  - reweighing: {label: approved, favorable: "yes", privileged: [{sex: M}]}
                  - train-tabular: {label: approved, features: [income, years, region, member],
                                    weights: instance_weights, epochs: 3}
                  - evaluate-tabular:
                      slices: [sex]
                      evaluators:
                        - fairness: {favorable: "yes", privileged: [{sex: M}], protected-columns: [sex]}
                        - drift: {reference: applicants.csv, columns: [income, years]}
                        - lime-tabular: {rows: 2, samples: 200, features: 3, seed: 1}
                  - bless:
                      gates:
                        - {metric: accuracy, min: 0.5}
                        - {metric: statistical_parity_difference, min: -1, max: 1}
                        - {metric: drift_share, max: 1}
                        - {metric: lime_score_mean, min: -1}
                  - model-card: {name: Credit (test), output: out/card.yaml}
                  - report: {title: Credit (test), output: out/report.html, model-card: out/card.yaml}
                  - publish: {registry: registry, name: credit}
                """);
        assertThat(run.record().stages()).extracting(StageRecord::name).containsExactly("ingest", "drift-check",
                "transform", "disparate-impact-remover", "reweighing", "train", "evaluate", "bless", "model-card",
                "report", "publish");
        Publication p = (Publication) run.output();
        assertThat(p.name()).isEqualTo("credit");
        assertThat(p.blessed()).isTrue();
        StageRecord evaluate = run.record().stages().get(6);
        assertThat(evaluate.artifacts()).extracting(a -> a.name()).contains("fairness.json", "drift.json",
                "explanations.json", "evaluation.json");
        assertThat(evaluate.config().get("evaluators").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("fairness", "drift", "explanations");
        assertThat(dir.resolve("out/card.yaml")).content().contains("Credit (test)");
        assertThat(dir.resolve("out/report.html")).content().contains("Credit (test)").contains("Model card");
        assertThat(run.record().stages().get(3).config().get("repairLevel").asDouble()).isEqualTo(0.5);
        assertThat(run.record().stages().get(4).metrics()).isNotNull();
    }

    @Test
    void theEvaluatorsGiveWhatTheirJavaTwinsGive() throws IOException {
        TabularFixtures.applicantsCsv(dir, 300, 4);
        PipelineRun<?> run = run("""
                seed: 4
                stages:
                  - ingest: {csv: applicants.csv}
                  - train-tabular: {label: approved, features: [income, years, region, member]}
                  - evaluate-tabular:
                      evaluators:
                        - fairness: {favorable: "yes", privileged: [{sex: M}], protected-columns: [sex]}
                        - drift: {reference: applicants.csv, columns: [income]}
                        - lime-tabular: {rows: 1, samples: 100, features: 2, seed: 5, discretizer: decile}
                        - shap: {method: kernel, rows: 1, samples: 60, seed: 5, summary: sample, background-size: 5}
                  - bless: {stop-when-not-blessed: false, gates: [{metric: accuracy, min: 0}]}
                """);
        TabularEvaluation e = ((Blessing<TabularEvaluation>) run.output()).evaluation();
        assertThat(e.result(FairnessReport.class)).isPresent();
        assertThat(e.result(DriftReport.class)).isPresent();
        assertThat(e.result(TabularExplanationReport.class).orElseThrow().numSamples()).isEqualTo(100);
        // each evaluator is the one the Java API builds with the same settings: the run record says so
        JsonNode recorded = run.record().stages().get(2).config().get("evaluators");
        assertThat(recorded.get("fairness")).isEqualTo(Json.toTree(
                FairnessEvaluator.of("yes", Group.where("sex", "M"), "sex").config()));
        assertThat(recorded.get("drift")).isEqualTo(Json.toTree(ColumnDriftEvaluator.against(
                Table.readCsv(dir.resolve("applicants.csv")), "income").config()));
        assertThat(recorded.get("explanations")).isEqualTo(Json.toTree(TabularLimeEvaluator.of(1).withSamples(100)
                .withFeatures(2).withSeed(5).withDiscretizer(DiscretizerKind.DECILE).config()));
        assertThat(recorded.get("shap")).isEqualTo(Json.toTree(TabularShapEvaluator.kernel(1).withSamples(60)
                .withSeed(5).withBackground(TabularShapEvaluator.Summary.SAMPLE, 5).config()));
        assertThat(e.result(ShapReport.class)).isPresent();
    }

    @Test
    void treeShapRunsOnATreeModel() throws IOException {
        TabularFixtures.applicantsCsv(dir, 200, 6);
        PipelineRun<?> run = run("""
                seed: 6
                stages:
                  - ingest: {csv: applicants.csv}
                  - train-tabular: {algorithm: decision-tree, label: approved, features: [income, years], max-depth: 3}
                  - evaluate-tabular:
                      evaluators:
                        - tree-shap: {rows: 2, background: applicants.csv}
                  - bless: {stop-when-not-blessed: false, gates: [{metric: accuracy, min: 0}]}
                """);
        TabularEvaluation e = ((Blessing<TabularEvaluation>) run.output()).evaluation();
        assertThat(e.result(ShapReport.class)).isPresent();
        assertThat(run.record().stages().get(2).config().get("evaluators").get("tree_shap"))
                .isEqualTo(Json.toTree(TreeShapEvaluator.pathDependent(2)
                        .against(Table.readCsv(dir.resolve("applicants.csv"))).config()));
    }

    /** Rows with a biased score and prediction, as trustml-fairness's MitigationTest makes them. */
    private Path scored(int n, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder csv = new StringBuilder("sex,y,yhat,score\n");
        for (int i = 0; i < n; i++) {
            int sex = r.nextInt(2);
            double x = r.nextGaussian() + 0.7 * sex;
            int y = r.nextDouble() < 1 / (1 + Math.exp(-(x + 0.6 * sex))) ? 1 : 0;
            double score = 1 / (1 + Math.exp(-(1.5 * x + 0.8 * sex + 0.5 * r.nextGaussian())));
            csv.append(sex).append(',').append(y).append(',').append(score > 0.5 ? 1 : 0).append(',').append(score)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("scored.csv"), csv);
    }

    @Test
    void thePostProcessingMitigationsGiveTheJavaStagesTables() throws IOException {
        Path scored = scored(600, 9);
        PipelineRun<?> fromFile = run("""
                seed: 11
                stages:
                  - ingest: {csv: scored.csv}
                  - reject-option-classification: {label: y, favorable: 1, privileged: [{sex: 1}], score: score,
                                                   output: roc, num-thresholds: 20, num-margins: 10}
                  - eq-odds-postprocessing: {label: y, favorable: 1, privileged: [{sex: 1}], prediction: yhat, output: eo}
                  - calibrated-eq-odds-postprocessing: {label: y, favorable: 1, privileged: [{sex: 1}], score: score,
                                                        output-score: ceo_score, output-label: ceo, cost-constraint: fnr}
                """);
        Target t = new Target("y", "1", Group.where("sex", 1), Optional.empty());
        RejectOptionClassification.Config d = RejectOptionClassification.Config.defaults(t, "score", "roc");
        Table fromJava = Pipeline.from(Ingest.csv(scored))
                .then(new RejectOptionClassification(new RejectOptionClassification.Config(t, "score", "roc",
                        d.lowThreshold(), d.highThreshold(), 20, 10, d.metric(), d.metricLow(), d.metricHigh())))
                .then(new EqOddsPostprocessing(new EqOddsPostprocessing.Config(t, "yhat", "eo")))
                .then(new CalibratedEqOddsPostprocessing(new CalibratedEqOddsPostprocessing.Config(t, "score", "ceo_score",
                        "ceo", CalibratedEqOddsPostprocessing.CostConstraint.FNR, 0.5)))
                .run(RunOptions.seed(11).withTracker(Tracker.none(dir.resolve("java")))).output();
        Table table = (Table) fromFile.output();
        assertThat(table.columnNames()).containsExactly("sex", "y", "yhat", "score", "roc", "eo", "ceo_score", "ceo");
        assertThat(table).isEqualTo(fromJava);
        assertThat(fromFile.record().stages().get(1).config().get("numThresholds").asInt()).isEqualTo(20);
    }
}
