package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.io.Json;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

class TabularShapEvaluatorTest {
    @Test
    void explainsEachChosenRowsPredictedClassOverTheFeatureColumns() {
        TabularLimeEvaluatorTest.Scorecard model = new TabularLimeEvaluatorTest.Scorecard();
        Table train = TabularLimeEvaluatorTest.applicants(200, 1);
        Table test = TabularLimeEvaluatorTest.applicants(30, 2);
        Predictions p = TabularLimeEvaluatorTest.predictions(model, test);
        TabularShapEvaluator shap = TabularShapEvaluator.kernel(4)
                .withBackground(TabularShapEvaluator.Summary.SAMPLE, 6).withSeed(3).against(train);

        ShapReport report = shap.evaluate(new TableEvaluationInput(model, p), null);

        assertThat(report.features()).containsExactly("income", "sex", "owner");
        assertThat(report.method()).isEqualTo(ShapMethod.KERNEL);
        assertThat(report.units()).isEqualTo("probability");
        assertThat(report.rows()).extracting(ShapReport.ExplainedRow::row)
                .containsExactlyElementsOf(LimeEvaluator.choose(p.truth(), 2, 4));
        // the same as exact Shapley values on rows encoded by hand (sex F=0, M=1; owner false=0, true=1) against
        // the same sample of the training rows: three players are all enumerated, so KernelSHAP is exact
        double[][] encoded = new double[train.rowCount()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = new double[] {train.column("income").number(i),
                    train.column("sex").format(i).equals("F") ? 0 : 1, train.column("owner").number(i)};
        }
        List<String> names = List.of("income", "sex", "owner");
        ShapBackground bg = ShapBackground.sample(names, encoded, 6, 3);
        RowModel<double[]> byHand = rows -> model.probabilities(Table.of(
                DoubleColumn.of("income", rows.stream().mapToDouble(x -> x[0]).toArray()),
                StringColumn.of("sex", rows.stream().map(x -> x[1] == 0 ? "F" : "M").toList()),
                DoubleColumn.of("owner", rows.stream().mapToDouble(x -> x[2]).toArray())));
        for (ShapReport.ExplainedRow r : report.rows()) {
            int label = p.predicted(r.row());
            assertThat(r.predicted()).isEqualTo(p.classes().get(label));
            double[] x = {test.column("income").number(r.row()), test.column("sex").format(r.row()).equals("F") ? 0 : 1,
                    test.column("owner").number(r.row())};
            ShapExplanation exact = Shap.exact().explain(byHand, bg, x);
            for (int j = 0; j < 3; j++) {
                assertThat(r.values().get(j)).isCloseTo(exact.values(label)[j], within(1e-12));
            }
            assertThat(r.outputValue()).isCloseTo(p.probability(r.row(), label), within(1e-15));
            assertThat(r.converged()).isTrue();
            assertThat(r.standardErrors()).containsOnly(0.0);
        }
        double mean = report.rows().stream().mapToDouble(r -> Math.abs(r.values().get(1))).average().orElseThrow();
        assertThat(report.meanAbsolute().get(1)).isCloseTo(mean, within(1e-15));
        assertThat(report.rowsInMean()).isEqualTo(4);
        assertThat(report.metrics()).extracting(m -> m.name())
                .containsExactly("shap_additivity_error", "shap_standard_error_max", "shap_converged_fraction");
        assertThat(report.metric("shap_additivity_error").orElseThrow().value()).isLessThan(1e-12);
        assertThat(report.metric("shap_converged_fraction").orElseThrow().value()).isEqualTo(1.0);
        assertThat(Json.toJson(report)).contains("\"schemaVersion\" : 1").contains("\"method\" : \"kernel\"");
        assertThat(shap.evaluate(new TableEvaluationInput(model, p), null)).isEqualTo(report);
    }

    @Test
    void exactAndKernelAgreeWithTheDefaultKMeansBackground() {
        TabularLimeEvaluatorTest.Scorecard model = new TabularLimeEvaluatorTest.Scorecard();
        Predictions p = TabularLimeEvaluatorTest.predictions(model, TabularLimeEvaluatorTest.applicants(40, 4));
        ShapReport kernel = TabularShapEvaluator.kernel(3).evaluate(new TableEvaluationInput(model, p), null);
        ShapReport exact = TabularShapEvaluator.exact(3).evaluate(new TableEvaluationInput(model, p), null);
        assertThat(exact.method()).isEqualTo(ShapMethod.EXACT);
        assertThat(kernel.background()).isEqualTo("40 evaluated rows, k-means of 10");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(kernel.rows().get(i).values().get(j)).isCloseTo(exact.rows().get(i).values().get(j),
                        within(1e-12));
            }
        }
    }

    @Test
    void namesAFeatureColumnTheBackgroundLacks() {
        TabularLimeEvaluatorTest.Scorecard model = new TabularLimeEvaluatorTest.Scorecard();
        Table test = TabularLimeEvaluatorTest.applicants(20, 5);
        Predictions p = TabularLimeEvaluatorTest.predictions(model, test);
        Table noSex = Table.of(test.column("income"), test.column("owner"));
        assertThatThrownBy(() -> TabularShapEvaluator.kernel(2).against(noSex)
                .evaluate(new TableEvaluationInput(model, p), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'sex'")
                .hasMessageContaining("background");
        assertThatThrownBy(() -> TabularShapEvaluator.kernel(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rows");
    }
}
