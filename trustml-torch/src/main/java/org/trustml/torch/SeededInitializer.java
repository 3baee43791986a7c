package org.trustml.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Random weights from a generator that belongs to one training run, so a run's starting point depends
 * on its seed only: not on DJL's engine-wide generator, which every model in the JVM shares (seeding it
 * with {@code Engine.setRandomSeed} is a process-wide side effect, and two runs that draw from it at the
 * same time get each other's numbers). Use one instance per network, for {@code Parameter.Type.WEIGHT}:
 * <pre>{@code
 * new DefaultTrainingConfig(loss).optInitializer(SeededInitializer.heNormal(seed), Parameter.Type.WEIGHT)
 * }</pre>
 * DJL initialises parameters in block order, so the same seed gives the same weights every time; other
 * parameter types keep DJL's constant defaults (bias and β 0, γ 1, running mean 0, running variance 1).
 *
 * <p>Fans are DJL's ({@code XavierInitializer}): for a weight of shape {@code (d0, d1, k…)},
 * {@code fan_in = d1·Πk} and {@code fan_out = d0·Πk}; a vector {@code (d0)} has fan_in 1 and fan_out d0.
 * Not thread-safe: one network, one thread.
 */
public final class SeededInitializer implements Initializer {
    private final SplittableRandom random;
    private final boolean gaussian;

    private SeededInitializer(long seed, boolean gaussian) {
        this.random = new SplittableRandom(seed);
        this.gaussian = gaussian;
    }

    /**
     * N(0, 2 / fan_in) (He et al., ICCV 2015): the distribution of DJL's default weight initializer
     * ({@code XavierInitializer(GAUSSIAN, IN, 2)}), drawn from this run's generator.
     */
    public static SeededInitializer heNormal(long seed) {
        return new SeededInitializer(seed, true);
    }

    /** U(−b, b) with b = √(6 / (fan_in + fan_out)) (Glorot and Bengio, AISTATS 2010; Keras' default). */
    public static SeededInitializer glorotUniform(long seed) {
        return new SeededInitializer(seed, false);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long receptive = shape.dimension() <= 2 ? 1 : shape.slice(2).size();
        long fanIn = (shape.dimension() > 1 ? shape.get(1) : 1) * receptive;
        long fanOut = shape.get(0) * receptive;
        float[] values = new float[Math.toIntExact(shape.size())];
        if (gaussian) {
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
        } else {
            double bound = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
