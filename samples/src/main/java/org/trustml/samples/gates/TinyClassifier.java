package org.trustml.samples.gates;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trustml.adversarial.Attack;
import org.trustml.adversarial.Fgsm;
import org.trustml.adversarial.Pgd;
import org.trustml.adversarial.Robustness;
import org.trustml.adversarial.RobustnessReport;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.Bless;
import org.trustml.core.table.LongColumn;
import org.trustml.core.tracking.Tracker;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftReport;
import org.trustml.drift.DriftTest;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;

/**
 * The sample pipeline: generate {@link TinyData} → train a {@link TinyModel} → evaluate (accuracy per
 * sex, AIF360 fairness with privileged {@code sex=M} and favorable class {@code warm}, PGD robustness
 * at eps 0 and 0.05, KS drift of the test split's colour means against the training split) → bless by
 * {@link #GATES}. 150 full-batch steps of a 3,122-parameter perceptron (192·16 + 16 + 16·2 + 2) on 48 training images: small enough for a
 * test suite (see docs/junit.md for measured times).
 */
public final class TinyClassifier {
    /** The gates the bless stage applies; the sample's tests apply them again. */
    public static final List<Gate> GATES = List.of(
            Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9),
            Gate.on(ClassificationMetric.ACCURACY).inSlice(Slice.of("sex", "F")).atLeast(0.8),
            Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.2, 0.2));

    private TinyClassifier() {}

    /**
     * What the evaluate stage gives: each check's own report, and all their numbers as one
     * {@link MetricSource} (a fairness value already in the classification report is not repeated).
     *
     * @param model          the evaluated model
     * @param test           the evaluated split
     * @param classification accuracy, precision, recall … overall and per sex
     * @param fairness       AIF360 metrics across sex
     * @param robustness     one PGD report per eps
     * @param drift          the test split against the training split
     */
    public record TinyEvaluation(TinyModel model, TinyData test, ClassificationReport classification,
            FairnessReport fairness, List<RobustnessReport> robustness, DriftReport drift)
            implements MetricSource, AutoCloseable {
        public TinyEvaluation {
            robustness = List.copyOf(robustness);
        }

        @Override
        public List<MetricValue> metrics() {
            List<MetricValue> all = new ArrayList<>(classification.metrics());
            Set<String> seen = new HashSet<>();
            all.forEach(m -> seen.add(m.name() + " @ " + m.slice()));
            fairness.metrics().stream().filter(m -> seen.add(m.name() + " @ " + m.slice())).forEach(all::add);
            robustness.forEach(r -> all.addAll(r.atEps().metrics()));
            all.addAll(drift.metrics());
            return all;
        }

        /** Frees the model (the {@code @TrustmlTest} extension calls this after the last test). */
        @Override
        public void close() {
            model.close();
        }
    }

    /** The pipeline, its run directory under {@code runs}. */
    public static PipelineRun<Blessing<TinyEvaluation>> run(Path runs, long seed) {
        return Pipeline.from(new Generate(24, seed)).then(new Train(150, seed)).then(new Evaluate(List.of(0.0, 0.05), seed))
                .then(Bless.<TinyEvaluation>by(GATES))
                .run(RunOptions.seed(seed).withTracker(Tracker.none(runs.toAbsolutePath())));
    }

    /** The model card of a run: metadata from its record, every metric of its evaluation. */
    public static ModelCard card(PipelineRun<Blessing<TinyEvaluation>> run) {
        return ModelCards.from(run).name("Tiny warm/cool classifier (trustml sample)")
                .overview("A two-layer perceptron telling warm from cool 8x8 colour patches; women's patches carry a "
                        + "fainter signal (a planted bias). The sample of gating a model in a JUnit test suite.")
                .modelArchitecture("MLP: flatten(192) -> 16 ReLU -> 2 logits (DJL, PyTorch engine)")
                .performance(run.output().evaluation()).build();
    }

    /** Source stage: generated data, the first half for training, the second for test. */
    record Generate(int perGroup, long seed) implements Stage<Void, TinyData> {
        @Override
        public String name() {
            return "generate";
        }

        @Override
        public Object config() {
            return this;
        }

        @Override
        public TinyData apply(Void input, RunContext context) {
            return TinyData.generate(perGroup, seed);
        }
    }

    /** Trains on the first half of the data. */
    record Train(int epochs, long seed) implements Stage<TinyData, Split> {
        @Override
        public String name() {
            return "train";
        }

        @Override
        public Object config() {
            return this;
        }

        @Override
        public Split apply(TinyData data, RunContext context) {
            int half = data.size() / 2;
            TinyData train = data.rows(0, half);
            return new Split(TinyModel.train(train, epochs, seed), train, data.rows(half, data.size()));
        }
    }

    /** A trained model and its two splits. */
    record Split(TinyModel model, TinyData train, TinyData test) {}

    /** Evaluates the model on the test split. */
    record Evaluate(List<Double> eps, long seed) implements Stage<Split, TinyEvaluation> {
        @Override
        public String name() {
            return "evaluate";
        }

        @Override
        public Object config() {
            return this;
        }

        @Override
        public TinyEvaluation apply(Split in, RunContext context) {
            TinyData test = in.test();
            double[][] p = in.model().probabilities(test);
            int[] truth = new int[test.size()];
            int[] predicted = new int[test.size()];
            long[] predictedLong = new long[test.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = (int) test.labels()[i];
                predicted[i] = p[i][1] > p[i][0] ? 1 : 0;
                predictedLong[i] = predicted[i];
            }
            ClassificationReport classification = Classification.of(truth, predicted, TinyData.CLASSES).scores(p)
                    .slicesBy(test.table(), "sex").report();
            FairnessReport fairness = Fairness.of(test.table().withColumn(LongColumn.of("prediction", predictedLong)))
                    .label("label").prediction("prediction").privileged(Group.where("sex", "M")).favorable(1L).report();
            List<RobustnessReport> robustness = new ArrayList<>();
            try (NDManager m = in.model().manager().newSubManager()) {
                NDArray x = m.create(test.images(), new Shape(test.size(), 3, TinyData.SIZE, TinyData.SIZE));
                for (double e : eps) {
                    Attack attack = e == 0 ? Fgsm.builder().eps(0f).clip(0, 1).build()
                            : Pgd.builder().eps((float) e).epsStep((float) (e / 4)).maxIter(10).randomInit(1, seed)
                                    .clip(0, 1).build();
                    robustness.add(Robustness.of(in.model().forAttacks()).attack(attack).on(x, test.labels()).report());
                }
            }
            String[] colours = {"red", "green", "blue"};
            DriftReport drift = Drift.between(in.train().table().select(colours), test.table().select(colours))
                    .tests(DriftTest.KS).report();
            TinyEvaluation evaluation = new TinyEvaluation(in.model(), test, classification, fairness, robustness, drift);
            context.logMetric("accuracy", classification.overall().accuracy());
            return evaluation;
        }
    }
}
