package org.trustml.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.basicmodelzoo.cv.classification.MobileNetV2;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import org.trustml.adversarial.GradientClassifier;
import org.trustml.adversarial.Pgd;
import org.trustml.adversarial.Robustness;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.torch.GradientCheck;

/**
 * How fast each convolution path of libtorch is, one path per JVM (the choice is process-wide):
 * <ul>
 *   <li>{@code default}: what a library user gets, trustml's check first (oneDNN capped at SSE4.1);</li>
 *   <li>{@code after-matmul}: a matrix product runs before trustml's first call, so oneDNN starts with its
 *       AVX-512 kernels and trustml switches oneDNN off (libtorch's own convolutions);</li>
 *   <li>{@code unchecked}: run with {@code -Dtrustml.torch.gradients=trust}: oneDNN's AVX-512 kernels, whose
 *       gradients are wrong on this machine (speed reference only).</li>
 * </ul>
 * Measures PGD-40 (eps 0.1, step 0.01, batch 128) on {@code n} 28×28 inputs of the small CNN, a MobileNetV2
 * training step at 64×64 (batch 32, Adam) and a MobileNetV2 forward pass (batch 64). Prints medians.
 *
 * <pre>java -cp trustml-bench/target/benchmarks.jar -Dai.djl.pytorch.num_threads=1 org.trustml.bench.GradientPaths default 256 5</pre>
 */
public final class GradientPaths {
    private GradientPaths() {}

    public static void main(String[] args) {
        String path = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (path.equals("after-matmul")) {
            try (NDManager m = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
                m.ones(new Shape(4, 4)).matMul(m.ones(new Shape(4, 4))).toFloatArray();
            }
        }
        GradientCheck check = ConvolutionGradients.ensureCorrect();
        double[] pgd = new double[reps];
        double[] step = new double[reps];
        double[] forward = new double[reps];
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            SequentialBlock block = AdversarialBench.cnn(m);
            GradientClassifier model = AdversarialBench.classifier(block);
            NDArray xs = m.create(AdversarialBench.inputs(n, 1), new Shape(n, 1, 28, 28));
            long[] y = AdversarialBench.labels(n, 2);
            Pgd attack = Pgd.builder().eps(0.1f).epsStep(0.01f).maxIter(40).batchSize(128).clip(0, 1).build();
            for (int rep = -1; rep < reps; rep++) {
                long t0 = System.nanoTime();
                Robustness.of(model).attack(attack).on(xs, y).generate();
                if (rep >= 0) {
                    pgd[rep] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        try (Model model = Model.newInstance("mobilenet", "PyTorch")) {
            model.setBlock(MobileNetV2.builder().setOutSize(2).build());
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(32, 3, 64, 64));
                NDManager m = trainer.getManager();
                NDArray x = m.randomUniform(0, 1, new Shape(32, 3, 64, 64));
                NDArray labels = m.create(new float[32]);
                NDArray batch64 = m.randomUniform(0, 1, new Shape(64, 3, 64, 64));
                for (int rep = -1; rep < reps; rep++) {
                    long t0 = System.nanoTime();
                    try (NDManager s = m.newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(out));
                        gc.backward(loss);
                        loss.getFloat();
                    }
                    trainer.step();
                    long t1 = System.nanoTime();
                    try (NDManager s = m.newSubManager()) {
                        trainer.evaluate(new NDList(batch64)).singletonOrThrow().toType(DataType.FLOAT32, false)
                                .toFloatArray();
                    }
                    long t2 = System.nanoTime();
                    if (rep >= 0) {
                        step[rep] = (t1 - t0) / 1e6;
                        forward[rep] = (t2 - t1) / 1e6;
                    }
                }
            }
        }
        System.out.printf("%s (remedy %s): PGD-40 on %d inputs %.0f ms · MobileNetV2 64x64 training step (batch 32) "
                + "%.0f ms · forward (batch 64) %.0f ms — medians of %d%n", path, check.remedy(), n, median(pgd),
                median(step), median(forward), reps);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
