package org.trustml.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.trustml.explain.RowModel;
import org.trustml.explain.Shap;
import org.trustml.explain.ShapBackground;
import org.trustml.explain.ShapExplanation;
import org.trustml.explain.TreeEnsemble;
import org.trustml.explain.TribuoTrees;

/**
 * SHAP speed (issue 23): KernelSHAP on 1,000 rows of a 20-feature tabular model, and TreeSHAP on an XGBoost model of
 * 100 trees, side by side with XGBoost4J's own TreeSHAP ({@code Booster.predictContrib}) on the same rows.
 *
 * <p>The tabular model is a logistic model with neighbour interactions, {@code p = σ(Σ w_j x_j + Σ v_j x_j x_{j+1})}
 * (two outputs), cheap on purpose so that the numbers are KernelSHAP's own cost; background {@code shap.kmeans} of 10
 * centres of 1,000 training rows; shap's auto budget {@code 2·20 + 2048 = 2088} coalitions per row, i.e. about
 * 20,900 model rows per explained row. The XGBoost model: Tribuo's {@code XGBoostClassificationTrainer}, 50 rounds
 * of depth 6 on 20 features and two classes (multi:softprob: one tree per class and round, 100 trees), trained on
 * 2,000 seeded rows; explained on 1,000 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ShapBenchmark {
    static final int D = 20;
    static final int ROWS = 1000;

    private double[][] rows;
    private ShapBackground background;
    private RowModel<double[]> logistic;
    private TreeEnsemble trees;
    private double[][] treeRows;
    private ShapBackground treeBackground;
    private Booster booster;
    private DMatrix matrix;

    @Setup(Level.Trial)
    public void setUp() throws XGBoostError {
        SplittableRandom r = new SplittableRandom(23);
        double[] w = new double[D];
        double[] v = new double[D];
        for (int j = 0; j < D; j++) {
            w[j] = r.nextGaussian();
            v[j] = 0.3 * r.nextGaussian();
        }
        double[][] train = gaussian(ROWS, r);
        rows = gaussian(ROWS, r);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < D; j++) {
            names.add("f" + j);
        }
        background = ShapBackground.kmeans(names, train, 10, 0);
        logistic = batch -> {
            double[][] out = new double[batch.size()][];
            for (int i = 0; i < out.length; i++) {
                double[] x = batch.get(i);
                double z = 0;
                for (int j = 0; j < D; j++) {
                    z += w[j] * x[j] + (j + 1 < D ? v[j] * x[j] * x[j + 1] : 0);
                }
                double p = 1 / (1 + Math.exp(-z));
                out[i] = new double[] {1 - p, p};
            }
            return out;
        };

        double[][] xgbTrain = gaussian(2 * ROWS, r);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("bench", labels), labels);
        String[] featureNames = names.toArray(new String[0]);
        for (double[] x : xgbTrain) {
            double z = 0;
            for (int j = 0; j < D; j++) {
                z += w[j] * x[j] + (j + 1 < D ? v[j] * x[j] * x[j + 1] : 0);
            }
            data.add(new ArrayExample<>(new Label(z > 0 ? "yes" : "no"), featureNames, x));
        }
        @SuppressWarnings("unchecked")
        XGBoostModel<Label> model = (XGBoostModel<Label>) new XGBoostClassificationTrainer(50, 0.3, 0, 6, 1, 1, 1, 1, 0,
                1, true, 1L).train(data);
        trees = TribuoTrees.of(model, List.of("no", "yes"));
        if (trees.size() != 100) {
            throw new IllegalStateException("expected 100 trees, got " + trees.size());
        }
        // Tribuo's feature ids are the names sorted: f0, f1, f10, f11 …; reorder the rows to match
        treeRows = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            treeRows[i] = new double[D];
            for (int j = 0; j < D; j++) {
                treeRows[i][j] = rows[i][Integer.parseInt(trees.features().get(j).substring(1))];
            }
        }
        treeBackground = ShapBackground.sample(trees.features(), treeRows, 100, 0);
        booster = model.getInnerModels().get(0);
        float[] flat = new float[ROWS * D];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < D; j++) {
                flat[i * D + j] = (float) treeRows[i][j];
            }
        }
        matrix = new DMatrix(flat, ROWS, D, Float.NaN);
    }

    static double[][] gaussian(int n, SplittableRandom r) {
        double[][] x = new double[n][D];
        for (double[] row : x) {
            for (int j = 0; j < D; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        matrix.dispose();
    }

    /** KernelSHAP with its defaults: stops once every standard error is at most 0.01. */
    @Benchmark
    public List<ShapExplanation> kernelShapAnytime() {
        return Shap.kernel().explainRows(logistic, background, rows);
    }

    /** KernelSHAP spending shap's whole auto budget (2,088 coalitions per row), as shap does. */
    @Benchmark
    public List<ShapExplanation> kernelShapFullBudget() {
        return Shap.kernel().tolerance(0).explainRows(logistic, background, rows);
    }

    /** The same on two threads (the same values bit for bit). */
    @Benchmark
    public List<ShapExplanation> kernelShapFullBudgetTwoThreads() {
        return Shap.kernel().tolerance(0).threads(2).explainRows(logistic, background, rows);
    }

    @Benchmark
    public List<ShapExplanation> treeShapPathDependent() {
        return Shap.treePathDependent(trees).explain(treeRows);
    }

    /** Against 100 background rows (shap's advice). */
    @Benchmark
    public List<ShapExplanation> treeShapInterventional() {
        return Shap.treeInterventional(trees, treeBackground).explain(treeRows);
    }

    /** XGBoost4J 1.6.2's own path-dependent TreeSHAP in C++ on the same rows, single-threaded (Tribuo's setting). */
    @Benchmark
    public float[][] xgboostPredContrib() throws XGBoostError {
        return booster.predictContrib(matrix, 0);
    }
}
