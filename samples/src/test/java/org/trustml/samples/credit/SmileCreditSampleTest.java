package org.trustml.samples.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.PredictionsEvaluation;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.run.ArtifactRecord;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.Table;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.smile.PredictWithSmile;

class SmileCreditSampleTest {
    @TempDir
    Path dir;

    @Test
    void aSmileForestIsEvaluatedBlessedExplainedAndReportedLikeAnyModel() {
        SmileCreditSample.Outcome o = SmileCreditSample.run(dir, 800, 42);
        PredictionsEvaluation e = o.run().output().evaluation();
        assertThat(o.run().record().stages()).extracting(s -> s.name())
                .containsExactly("ingest", "predict", "evaluate", "bless");

        // the predict stage's predictions.csv, read back as Predictions, gives the fairness report bit for bit
        ArtifactRecord written = o.run().record().stages().get(1).artifacts().stream()
                .filter(a -> a.name().equals("predictions.csv")).findFirst().orElseThrow();
        Path csv = o.run().runDirectory().resolve(written.path());
        Predictions fromCsv = Predictions.readCsv(csv, PredictWithSmile.using(o.model()).columns());
        FairnessReport fromStage = (FairnessReport) e.evaluators().get("fairness");
        assertThat(FairnessEvaluator.of("good", Group.where("sex", "M"), "sex", "age_group").report(fromCsv))
                .isEqualTo(fromStage);

        // accuracy and disparate impact recomputed by hand from predictions.csv: DI is AIF360's
        // P(predicted good | F) / P(predicted good | M), the privileged group being sex=M
        Table rows = Table.readCsv(csv, CsvOptions.defaults().withType("credit", ColumnType.STRING)
                .withType("predicted", ColumnType.STRING));
        double right = 0;
        double[] good = new double[2];
        double[] all = new double[2];
        for (int i = 0; i < rows.rowCount(); i++) {
            String predicted = rows.stringColumn("predicted").get(i);
            right += predicted.equals(rows.stringColumn("credit").get(i)) ? 1 : 0;
            int man = rows.stringColumn("sex").get(i).equals("M") ? 1 : 0;
            all[man]++;
            good[man] += predicted.equals("good") ? 1 : 0;
        }
        double accuracy = right / rows.rowCount();
        double disparateImpact = (good[0] / all[0]) / (good[1] / all[1]);
        assertThat(rows.rowCount()).isEqualTo(200); // 800 / 4 held-out applicants
        assertThat(e.metric("accuracy").orElseThrow().value()).isCloseTo(accuracy, within(1e-12));
        assertThat(e.metric("disparate_impact").orElseThrow().value()).isCloseTo(disparateImpact, within(1e-12));

        // the verdict follows the documented gates on those two numbers
        boolean shouldBless = accuracy >= CreditScoringSample.MIN_ACCURACY && disparateImpact >= 0.8
                && disparateImpact <= 1.25;
        assertThat(o.run().output().verdict().blessed()).isEqualTo(shouldBless);
        // the historical labels refuse deserving women (CreditData.REFUSAL_BIAS), so their own DI is far below 1; the
        // forest, given sex as the feature "female", carries part of it into its predictions (measured for this
        // seed and size: labels 0.619, predictions 0.879, so the 0.8 gate passes; accuracy 0.80, so it is blessed)
        double[] labelledGood = new double[2];
        for (int i = 0; i < rows.rowCount(); i++) {
            labelledGood[rows.stringColumn("sex").get(i).equals("M") ? 1 : 0] +=
                    rows.stringColumn("credit").get(i).equals("good") ? 1 : 0;
        }
        double labelsDisparateImpact = (labelledGood[0] / all[0]) / (labelledGood[1] / all[1]);
        assertThat(e.metric("dataset.disparate_impact").orElseThrow().value())
                .isCloseTo(labelsDisparateImpact, within(1e-12));
        assertThat(disparateImpact).isLessThan(1).isGreaterThan(labelsDisparateImpact);

        // LIME (in the evaluate stage, bound to the forest) explains three held-out applicants, each for its predicted
        // class, whose probability it reports as the forest gives it
        Table held = Table.readCsv(dir.resolve("held-out.csv"));
        assertThat(o.explanation().rows()).hasSize(3).allSatisfy(r -> {
            double[] features = o.model().featureRows(held)[r.row()];
            double[] p = o.model().rowProbabilities(List.of(features))[0];
            assertThat(r.probability()).isEqualTo(p[o.model().classes().indexOf(r.predicted())]);
            assertThat(r.rules()).isNotEmpty().allSatisfy(rule -> assertThat(SmileCreditSample.FEATURES)
                    .anyMatch(rule.rule()::contains));
        });
        assertThat(e.metric("lime_score_mean")).isPresent();
        // drift: training vs held-out rows, every feature and both scores tested
        assertThat(o.drift().columns()).extracting(c -> c.column()).containsExactlyInAnyOrder("female", "income", "debt_ratio",
                "years_employed", "history_score", "p_bad", "p_good");

        assertThat(o.report()).content().contains("Smile random forest of 50 trees", "disparate_impact", "drift",
                "Explanations (LIME)", "perturbation samples per row");
    }
}
