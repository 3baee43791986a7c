package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;
import org.trustml.tabular.TabularAlgorithm;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularEvaluator;
import org.trustml.tabular.TabularModel;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;

/** TreeSHAP on the Tribuo trees trustml-tabular trains: the trees predict as Tribuo does, and XGBoost agrees. */
class TribuoTreesTest {
    @TempDir
    Path dir;

    /** 240 rows: x1, x2 ~ N(0, 1), region north/south/east, owner true/false; approved when a noisy score is > 0. */
    Path loans() throws IOException {
        Random r = new Random(3);
        StringBuilder s = new StringBuilder("x1,x2,region,owner,approved\n");
        String[] regions = {"north", "south", "east"};
        for (int i = 0; i < 240; i++) {
            double x1 = Math.round(r.nextGaussian() * 100) / 100.0;
            double x2 = Math.round(r.nextGaussian() * 100) / 100.0;
            int region = r.nextInt(3);
            boolean owner = r.nextBoolean();
            double score = x1 + x2 * (owner ? 1 : -0.5) + (region == 1 ? 0.7 : 0) + 0.3 * r.nextGaussian();
            s.append(x1).append(',').append(x2).append(',').append(regions[region]).append(',').append(owner)
                    .append(',').append(score > 0 ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve("loans.csv"), s);
    }

    TabularModel train(TabularAlgorithm algorithm) throws IOException {
        TabularClassifierConfig config = TabularClassifierConfig.decisionTree("approved", "x1", "x2", "region", "owner")
                .withAlgorithm(algorithm).withTrees(15, 3);
        return Pipeline.from(Ingest.csv(loans())).then(TrainTabularClassifier.with(config))
                .run(RunOptions.seed(7).withTracker(Tracker.none(dir.resolve("runs")))).output();
    }

    @Test
    void cartTreesPredictTribuosProbabilitiesAndExplainThem() throws IOException {
        TabularModel model = train(TabularAlgorithm.DECISION_TREE);
        TreeEnsemble trees = TribuoTrees.of(model);
        assertThat(trees.split()).isEqualTo(TreeEnsemble.Split.LESS_OR_EQUAL);
        assertThat(trees.outputs()).containsExactly("no", "yes");
        assertThat(trees.hasCovers()).isFalse();
        Table rows = model.heldOutRows();
        double[][] x = TribuoTrees.featureRows(model, trees, rows);
        double[][] p = model.predictProbabilities(model.load(), rows);
        for (int i = 0; i < x.length; i++) {
            assertThat(trees.predict(x[i])).containsExactly(p[i], within(1e-12));
        }
        // covers counted from the rows trained on: every row, as the full table holds them and more
        Table all = Table.readCsv(dir.resolve("loans.csv"));
        TreeEnsemble covered = trees.withCovers(TribuoTrees.featureRows(model, trees, all));
        for (int i = 0; i < 5; i++) {
            ShapExplanation e = Shap.treePathDependent(covered).explain(x[i]);
            ShapExplanation truth = Shap.exact().explain(TreeShapTest.pathDependentGame(covered, x[i]));
            assertThat(e.values(1)).containsExactly(truth.values(1), within(1e-12));
            assertThat(e.outputValues().get(1)).isCloseTo(p[i][1], within(1e-12));
        }
    }

    @Test
    void xgboostTreesGiveXGBoost4jsOwnContributions() throws IOException, XGBoostError {
        TabularModel model = train(TabularAlgorithm.GRADIENT_BOOSTING);
        TreeEnsemble trees = TribuoTrees.of(model);
        assertThat(trees.split()).isEqualTo(TreeEnsemble.Split.XGBOOST);
        assertThat(trees.size()).isEqualTo(30); // 15 rounds × one tree per class (multi:softprob)
        assertThat(trees.features()).contains("x1", "x2", "owner", "region=east", "region=north", "region=south");
        @SuppressWarnings("unchecked")
        XGBoostModel<Label> tribuo = (XGBoostModel<Label>) (Object) model.load();
        Table rows = model.heldOutRows();
        // one row alone: Tribuo one-hot encodes only its own region, so the others are missing to XGBoost
        for (Table t : new Table[] {rows, rows.take(new int[] {0})}) {
            double[][] x = TribuoTrees.featureRows(model, trees, t);
            double[][] p = model.predictProbabilities(model.load(), t);
            int d = trees.features().size();
            float[] flat = new float[x.length * d];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < d; j++) {
                    flat[i * d + j] = (float) x[i][j];
                }
            }
            DMatrix matrix = new DMatrix(flat, x.length, d, Float.NaN);
            float[][] contribs = tribuo.getInnerModels().get(0).predictContrib(matrix, 0); // [row][class·(d+1)]
            for (int i = 0; i < x.length; i++) {
                double[] margin = trees.predict(x[i]);
                double[] softmax = softmax(margin);
                assertThat(softmax).containsExactly(p[i], within(1e-6));
                ShapExplanation e = Shap.treePathDependent(trees).explain(x[i]);
                for (int k = 0; k < 2; k++) {
                    int label = tribuo.getOutputIDInfo().getID(new Label(trees.outputs().get(k)));
                    for (int j = 0; j < d; j++) {
                        assertThat(e.values(k)[j]).as("row %d class %d feature %d", i, k, j)
                                .isCloseTo(contribs[i][label * (d + 1) + j], within(2e-5));
                    }
                    assertThat(e.expectedValues().get(k)).isCloseTo(contribs[i][label * (d + 1) + d], within(2e-5));
                }
            }
            matrix.dispose();
        }
    }

    static double[] softmax(double[] z) {
        double max = Math.max(z[0], z[1]);
        double a = Math.exp(z[0] - max);
        double b = Math.exp(z[1] - max);
        return new double[] {a / (a + b), b / (a + b)};
    }

    TabularEvaluation evaluate(TabularAlgorithm algorithm, TabularEvaluator evaluator) throws IOException {
        TabularClassifierConfig config = TabularClassifierConfig.decisionTree("approved", "x1", "x2", "region", "owner")
                .withAlgorithm(algorithm).withTrees(15, 3);
        return Pipeline.from(Ingest.csv(loans())).then(TrainTabularClassifier.with(config))
                .then(EvaluateTabularClassifier.onHeldOutRows().with(evaluator))
                .run(RunOptions.seed(7).withTracker(Tracker.none(dir.resolve("runs")))).output();
    }

    @Test
    void theTreeShapEvaluatorSumsOneHotFeaturesIntoTheirColumn() throws IOException {
        TabularEvaluation evaluation = evaluate(TabularAlgorithm.GRADIENT_BOOSTING, TreeShapEvaluator.pathDependent(3));
        ShapReport report = (ShapReport) evaluation.evaluators().get("tree_shap");
        TabularModel model = evaluation.model();
        assertThat(report.features()).containsExactly("x1", "x2", "region", "owner");
        assertThat(report.units()).isEqualTo("margin");
        assertThat(report.background()).isEqualTo("tree covers");
        assertThat(report.rowsInMean()).isEqualTo(model.testRows());
        assertThat(report.rows()).hasSize(3);
        assertThat(report.metric("shap_additivity_error").orElseThrow().value()).isLessThan(1e-9);
        TreeEnsemble trees = TribuoTrees.of(model);
        ShapReport.ExplainedRow first = report.rows().get(0);
        double[] x = TribuoTrees.featureRows(model, trees, model.heldOutRows())[first.row()];
        ShapExplanation e = Shap.treePathDependent(trees).explain(x);
        int k = model.classes().indexOf(first.predicted());
        double region = 0;
        for (int j = 0; j < trees.features().size(); j++) {
            region += trees.features().get(j).startsWith("region=") ? e.values(k)[j] : 0;
        }
        assertThat(first.values().get(2)).isCloseTo(region, within(1e-15));
        assertThat(first.values().get(0)).isEqualTo(e.values(k)[trees.features().indexOf("x1")]);
    }

    @Test
    void aDecisionTreeNeedsItsTrainingRowsForPathDependentValues() throws IOException {
        assertThatThrownBy(() -> evaluate(TabularAlgorithm.DECISION_TREE, TreeShapEvaluator.pathDependent(2)))
                .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("node counts")
                .hasMessageContaining("against(rows)");
        Table all = Table.readCsv(dir.resolve("loans.csv"));
        ShapReport covered = (ShapReport) evaluate(TabularAlgorithm.DECISION_TREE,
                TreeShapEvaluator.pathDependent(2).against(all)).evaluators().get("tree_shap");
        assertThat(covered.background()).isEqualTo("covers counted on 240 rows");
        ShapReport inter = (ShapReport) evaluate(TabularAlgorithm.DECISION_TREE,
                TreeShapEvaluator.interventional(2).withBackgroundSize(20)).evaluators().get("tree_shap");
        assertThat(inter.method()).isEqualTo(ShapMethod.TREE_INTERVENTIONAL);
        assertThat(inter.units()).isEqualTo("probability");
        assertThat(inter.background()).endsWith("evaluated rows, sample of 20");
        assertThat(inter.metric("shap_additivity_error").orElseThrow().value()).isLessThan(1e-12);
    }

    @Test
    void refusesAModelWithoutTrees() throws IOException {
        TabularModel model = train(TabularAlgorithm.LOGISTIC_REGRESSION);
        assertThatThrownBy(() -> TribuoTrees.of(model)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a tree model");
    }
}
