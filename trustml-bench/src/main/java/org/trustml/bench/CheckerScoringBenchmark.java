package org.trustml.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.trustml.drift.AutoencoderChecker;
import org.trustml.drift.AutoencoderConfig;
import org.trustml.drift.Samples;

/**
 * Scoring 20,000 grey 28×28 images with the default convolutional autoencoder checker (8/16
 * filters), CPU; one op = the whole batch, so images/s = 20,000 / time. The checker scores in
 * plain Java ({@code ConvScorer}); {@link #score20000ImagesOnLibtorch} runs the same network's
 * forward pass on DJL's PyTorch engine for the side-by-side ratio. The checker is trained for one
 * epoch on 256 images in the setup (the weights do not change the cost of scoring).
 * {@link ProcessCpu} records the process CPU time next to the wall time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class CheckerScoringBenchmark {
    static final int IMAGES = 20_000;

    AutoencoderChecker checker;
    Samples batch;

    static float[][] noise(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] out = new float[n][28 * 28];
        for (float[] img : out) {
            for (int i = 0; i < img.length; i++) {
                img[i] = (float) r.nextDouble();
            }
        }
        return out;
    }

    @Setup(Level.Trial)
    public void setUp() {
        checker = AutoencoderChecker.train(Samples.images(noise(1, 256), 1, 28, 28),
                AutoencoderConfig.defaults().withEpochs(1));
        batch = Samples.images(noise(2, IMAGES), 1, 28, 28);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        checker.close();
    }

    @Benchmark
    public double[] score20000Images(ProcessCpu cpu) {
        cpu.begin();
        double[] scores = checker.score(batch);
        cpu.end();
        return scores;
    }

    @Benchmark
    public double[] score20000ImagesOnLibtorch(ProcessCpu cpu) {
        cpu.begin();
        double[] scores = checker.scoreOnEngine(batch);
        cpu.end();
        return scores;
    }
}
