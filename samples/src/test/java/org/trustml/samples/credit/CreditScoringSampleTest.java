package org.trustml.samples.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.table.Table;
import org.trustml.explain.FeatureRule;
import org.trustml.explain.TabularExplanationReport;
import org.trustml.fairness.FairnessMetric;
import org.trustml.publish.ModelKind;
import org.trustml.publish.ModelPackage;
import org.trustml.tabular.TabularModel;

class CreditScoringSampleTest {
    @TempDir
    Path dir;

    @Test
    void generatorPlantsTheDocumentedBias() {
        Table t = CreditData.generate(20_000, 7);
        double[] deservedGood = new double[2];
        double[] labelledGood = new double[2];
        for (int i = 0; i < t.rowCount(); i++) {
            int woman = t.stringColumn("sex").get(i).equals("F") ? 1 : 0;
            if (t.stringColumn("deserved").get(i).equals("good")) {
                deservedGood[woman]++;
                labelledGood[woman] += t.stringColumn("credit").get(i).equals("good") ? 1 : 0;
            }
        }
        // men are never refused; a deserving woman is refused with probability 0.35 (CreditData.REFUSAL_BIAS),
        // so 65 % of them keep "good"; binomial standard error on ~6,000 women is about 0.006
        assertThat(labelledGood[0] / deservedGood[0]).isEqualTo(1.0);
        assertThat(labelledGood[1] / deservedGood[1]).isCloseTo(1 - CreditData.REFUSAL_BIAS, within(0.02));
    }

    @Test
    void reweighingBringsDisparateImpactWithinTheGates() {
        CreditScoringSample.Outcome o = CreditScoringSample.run(dir, 2000, 42);
        // values measured for this seed and size: DI 0.671 before, 0.908 after; accuracy 0.828 / 0.815
        assertThat(o.comparison().get("disparate_impact").get("baseline")).isLessThan(0.8);
        assertThat(o.comparison().get("disparate_impact").get("reweighed")).isBetween(0.8, 1.25);
        assertThat(o.baseline().output().verdict().blessed()).isFalse();
        assertThat(o.baseline().output().verdict().failures()).singleElement()
                .satisfies(f -> assertThat(f.gate().metric()).isEqualTo(FairnessMetric.DISPARATE_IMPACT));
        assertThat(o.published().verdict().blessed()).isTrue();
        // the fairer model pays little accuracy on the (biased) held-out labels
        assertThat(o.comparison().get("accuracy").get("reweighed"))
                .isGreaterThan(o.comparison().get("accuracy").get("baseline") - 0.03);
        assertThat(o.mitigated().record().stages()).extracting(s -> s.name())
                .containsExactly("ingest", "reweighing", "train", "evaluate", "bless", "publish");
        assertThat(dir.resolve("comparison.json")).content().contains("\"disparate_impact\"", "BLESSED");
        // both runs in one MLflow experiment
        assertThat(dir.resolve("mlruns")).isDirectory();
        // the baseline's trust report: a tabular model's page, with its fairness and drift sections
        assertThat(o.report()).content().contains("LOGISTIC_REGRESSION on sex, age_group").contains("evaluated rows")
                .contains("id=\"fairness\"").contains("id=\"drift\"").contains("Bless verdict: NOT_BLESSED")
                .contains("id=\"explanations\"", "perturbation samples per row");
        // LIME tabular explained three held-out applicants for the class the model gave them; sex, a text feature,
        // reads as lime's categorical rules do (sex=F or sex=M)
        TabularExplanationReport lime = (TabularExplanationReport) o.baseline().output().evaluation().evaluators()
                .get("explanations");
        assertThat(lime.rows()).hasSize(3);
        assertThat(lime.rows()).flatExtracting(TabularExplanationReport.ExplainedRow::rules)
                .extracting(FeatureRule::rule).anyMatch(r -> r.equals("sex=F") || r.equals("sex=M"));

        // published: version 1 of the name, a verified package of the Tribuo model
        ModelPackage pkg = o.published();
        assertThat(pkg.directory()).isEqualTo(dir.resolve("registry/credit-scoring/1").toAbsolutePath());
        assertThat(pkg.kind()).isEqualTo(ModelKind.TABULAR_CLASSIFIER);
        assertThat(pkg.evaluation().metric("disparate_impact")).isPresent();
        // the held-out rows are a random sample of all applicants: no column drift (drift.json of the evaluate stage)
        assertThat(pkg.evaluation().metric("dataset_drift")).hasValueSatisfying(m -> assertThat(m.value()).isZero());
        // served: the answer to one request is the packaged model's own prediction for those applicants
        CreditScoringSample.Served served = o.served();
        TabularModel packaged = pkg.tabularModel();
        double[][] expected = packaged.predictProbabilities(packaged.load(), served.applicants());
        assertThat(served.probabilities()).isDeepEqualTo(expected);
        assertThat(served.labels()).hasSize(CreditScoringSample.ASKED);
        for (int i = 0; i < CreditScoringSample.ASKED; i++) {
            assertThat(served.labels().get(i)).isEqualTo(packaged.classes().get(Classification.argmax(expected[i])));
        }
        assertThat(served.request()).contains("\"name\":\"sex\"", "\"datatype\":\"BYTES\"", "\"datatype\":\"INT64\"")
                .doesNotContain("\"credit\"", "\"deserved\""); // features only
        assertThat(dir.resolve("served.json")).content().contains("\"labels\"");
    }
}
