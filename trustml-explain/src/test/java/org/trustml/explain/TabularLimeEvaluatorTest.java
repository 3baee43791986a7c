package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

class TabularLimeEvaluatorTest {
    private static final List<String> CLASSES = List.of("bad", "good");

    /**
     * P(good) = σ(2·income − 3·[sex = F] + 0.5·[owner]); reads only its three features and records the column
     * types it was given.
     */
    static final class Scorecard implements TableClassifier {
        final List<Table> seen = new ArrayList<>();

        @Override
        public List<String> classes() {
            return CLASSES;
        }

        @Override
        public List<String> features() {
            return List.of("income", "sex", "owner");
        }

        @Override
        public double[][] probabilities(Table rows) {
            seen.add(rows);
            double[][] p = new double[rows.rowCount()][];
            for (int i = 0; i < p.length; i++) {
                double z = 2 * rows.column("income").number(i) - 3 * (rows.column("sex").format(i).equals("F") ? 1 : 0)
                        + 0.5 * rows.column("owner").number(i);
                double good = 1 / (1 + Math.exp(-z));
                p[i] = new double[] {1 - good, good};
            }
            return p;
        }
    }

    /** {@code n} applicants: income ~ N(0, 1) (an integer-valued column when {@code longs}), sex M/F, owner. */
    static Table applicants(int n, long seed) {
        Random r = new Random(seed);
        double[] income = new double[n];
        String[] sex = new String[n];
        boolean[] owner = new boolean[n];
        String[] id = new String[n];
        for (int i = 0; i < n; i++) {
            income[i] = r.nextGaussian();
            sex[i] = r.nextBoolean() ? "F" : "M";
            owner[i] = r.nextDouble() < 0.3;
            id[i] = "a" + i;
        }
        return Table.of(StringColumn.of("id", id), DoubleColumn.of("income", income), StringColumn.of("sex", sex),
                BooleanColumn.of("owner", owner));
    }

    static Predictions predictions(TableClassifier model, Table rows) {
        double[][] p = model.probabilities(rows);
        int[] predicted = new int[p.length];
        int[] truth = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            predicted[i] = p[i][1] > p[i][0] ? 1 : 0;
            truth[i] = i % 5 == 0 ? 1 - predicted[i] : predicted[i];
        }
        return Predictions.of(CLASSES, truth, predicted, p, rows);
    }

    @Test
    void explainsRowsOfEachClassWithReadableRulesAndLimesNumbersOnTheEncodedRows() {
        Scorecard model = new Scorecard();
        Table train = applicants(300, 1);
        Table test = applicants(40, 2);
        Predictions p = predictions(model, test);
        TabularLimeEvaluator lime = TabularLimeEvaluator.of(4).withSamples(400).withSeed(9).against(train);

        TabularExplanationReport report = lime.evaluate(new TableEvaluationInput(model, p), null);
        Table perturbed = model.seen.get(model.seen.size() - 1);

        assertThat(report.features()).containsExactly("income", "sex", "owner");
        assertThat(report.rows()).hasSize(4);
        // the classes in turn, in row order: first row of class 0, first of class 1, second of class 0, …
        assertThat(report.rows()).extracting(TabularExplanationReport.ExplainedRow::row)
                .containsExactlyElementsOf(LimeEvaluator.choose(p.truth(), 2, 4));
        for (TabularExplanationReport.ExplainedRow r : report.rows()) {
            assertThat(r.predicted()).isEqualTo(CLASSES.get(p.predicted(r.row())));
            assertThat(r.probability()).isEqualTo(p.probability(r.row(), p.predicted(r.row())));
            String sex = test.column("sex").format(r.row());
            String owner = test.column("owner").format(r.row());
            assertThat(r.rules()).extracting(FeatureRule::rule).contains("sex=" + sex, "owner=" + owner);
            // the same as LIME on the rows encoded by hand: sex as F=0, M=1 and owner as false=0, true=1, categorical
            double[][] encoded = new double[train.rowCount()][3];
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = new double[] {train.column("income").number(i),
                        train.column("sex").format(i).equals("F") ? 0 : 1, train.column("owner").number(i)};
            }
            TabularData data = TabularData.of(List.of("income", "sex", "owner"), encoded).withCategorical(Set.of(1, 2));
            RowModel<double[]> byHand = rows -> model.probabilities(Table.of(
                    DoubleColumn.of("income", rows.stream().mapToDouble(x -> x[0]).toArray()),
                    StringColumn.of("sex", rows.stream().map(x -> x[1] == 0 ? "F" : "M").toList()),
                    DoubleColumn.of("owner", rows.stream().mapToDouble(x -> x[2]).toArray())));
            double[] row = {test.column("income").number(r.row()), sex.equals("F") ? 0 : 1,
                    test.column("owner").number(r.row())};
            int label = p.predicted(r.row());
            TabularExplanation direct = Lime.tabular(data).samples(400).seed(9).labels(label).explain(byHand, row);
            assertThat(r.score()).isEqualTo(direct.explanations().get(0).score());
            assertThat(r.intercept()).isEqualTo(direct.explanations().get(0).intercept());
            assertThat(r.rules()).extracting(FeatureRule::weight)
                    .containsExactlyElementsOf(direct.rulesFor(label).stream().map(FeatureRule::weight).toList());
        }
        // sex carries the largest coefficient, so its rule leads every row's explanation
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.rules().get(0).rule()).startsWith("sex="));
        // the model saw its columns typed as trained: text, boolean and (for numbers) double
        assertThat(perturbed.column("sex")).isInstanceOf(StringColumn.class);
        assertThat(perturbed.column("owner")).isInstanceOf(BooleanColumn.class);
        assertThat(perturbed.column("income")).isInstanceOf(DoubleColumn.class);
        assertThat(perturbed.rowCount()).isEqualTo(400);
        assertThat(report.metrics()).extracting(m -> m.name())
                .containsExactly("lime_score_mean", "lime_score_min");
    }

    @Test
    void withoutBackgroundTheEvaluatedRowsGiveTheStatisticsAndTheSameSeedTheSameReport() {
        Scorecard model = new Scorecard();
        Table test = applicants(60, 3);
        Predictions p = predictions(model, test);
        TabularLimeEvaluator lime = TabularLimeEvaluator.of(2).withSamples(300).withSeed(4);
        TabularExplanationReport own = lime.evaluate(new TableEvaluationInput(model, p), null);
        assertThat(lime.evaluate(new TableEvaluationInput(model, p), null)).isEqualTo(own);
        assertThat(lime.against(test).evaluate(new TableEvaluationInput(model, p), null)).isEqualTo(own);
        assertThat(lime.config().background()).isEqualTo("evaluated rows");
        assertThat(lime.against(test).config().background()).isEqualTo("60 rows, " + test.contentHash());
    }

    @Test
    void boundToAModelItRunsOnItsPredictions() {
        Scorecard model = new Scorecard();
        Predictions p = predictions(model, applicants(30, 5));
        TabularLimeEvaluator lime = TabularLimeEvaluator.of(2).withSamples(200);
        PredictionsEvaluator bound = lime.on(model);
        assertThat(bound.name()).isEqualTo("explanations");
        assertThat(bound.config()).isEqualTo(lime.config());
        assertThat(bound.evaluate(p, null)).isEqualTo(lime.evaluate(new TableEvaluationInput(model, p), null));
    }

    @Test
    void integerColumnsAreContinuousFeatures() {
        Scorecard model = new Scorecard();
        Table test = applicants(40, 6);
        long[] income = new long[40];
        for (int i = 0; i < income.length; i++) {
            income[i] = Math.round(2 * test.column("income").number(i));
        }
        Table longs = test.drop("income").withColumn(LongColumn.of("income", income));
        TabularExplanationReport r = TabularLimeEvaluator.of(1).withSamples(200)
                .evaluate(new TableEvaluationInput(model, predictions(model, longs)), null);
        assertThat(r.rows().get(0).rules()).extracting(FeatureRule::rule).anyMatch(s -> s.contains("income")
                && (s.contains("<") || s.contains(">")));
    }

    @Test
    void badInputIsNamed() {
        Scorecard model = new Scorecard();
        Table test = applicants(20, 7);
        Predictions p = predictions(model, test);
        assertThatThrownBy(() -> TabularLimeEvaluator.of(1).against(test.drop("sex"))
                .evaluate(new TableEvaluationInput(model, p), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sex").hasMessageContaining("background");
        Table gap = test.drop("income").withColumn(DoubleColumn.of("income", new double[] {Double.NaN, 1, 2, 3, 4, 5,
                6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
        assertThatThrownBy(() -> TabularLimeEvaluator.of(1).against(gap).evaluate(new TableEvaluationInput(model, p),
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("income")
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> TabularLimeEvaluator.of(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> TabularLimeEvaluator.of(1).withSamples(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("num_samples");
        assertThatThrownBy(() -> TabularLimeEvaluator.of(1).withDiscretizer(DiscretizerKind.ENTROPY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("entropy");
        Table numericSex = test.drop("sex").withColumn(DoubleColumn.of("sex", new double[20]));
        assertThatThrownBy(() -> TabularLimeEvaluator.of(1).against(numericSex)
                .evaluate(new TableEvaluationInput(model, p), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sex").hasMessageContaining("type");
    }
}
