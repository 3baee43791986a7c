package org.trustml.smile;

import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import org.trustml.core.TrustmlException;
import org.trustml.smile.internal.SmileModel;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Fits Smile classifiers reproducibly without touching the caller's random state.
 *
 * <p>Smile draws its random numbers from {@code MathEx}'s per-thread generator, seeded by
 * {@code MathEx.setSeed} on the current thread. Each fit therefore runs on a {@link ForkJoinPool} of its
 * own: the fit task seeds its worker thread's generator with the caller's seed, and the random forest's
 * parallel tree building (a parallel stream inside that task) runs on the same pool, each tree seeding
 * its thread with its own seed drawn from the caller's. The pool is shut down afterwards, so no thread of
 * the application (nor of the common pool) has its Smile generator reseeded.
 */
final class SmileFits {
    /** Logistic regression's L-BFGS tolerance and iteration cap (Smile's defaults). */
    static final double TOLERANCE = 1e-5;
    static final int MAX_ITERATIONS = 500;

    private SmileFits() {}

    /** Fits {@code config}'s classifier on rows {@code x} with class indices {@code y} (every class present). */
    public static SmileModel fit(SmileClassifierConfig config, double[][] x, int[] y, long seed) {
        return isolated(config, seed, () -> switch (config.algorithm()) {
            case LOGISTIC_REGRESSION -> new SmileModel.OverArrays(
                    LogisticRegression.fit(x, y, config.lambda(), TOLERANCE, MAX_ITERATIONS));
            case RANDOM_FOREST -> {
                String[] names = config.features().toArray(String[]::new);
                yield new SmileModel.OverFrames(RandomForest.fit(formula(config), frame(config, x, y), config.trees(),
                        0, SplitRule.GINI, config.maxDepth(), config.maxNodes(), config.nodeSize(),
                        config.subsample(), null, LongStream.of(treeSeeds(seed, config.trees()))), names);
            }
            case GRADIENT_TREE_BOOST -> new SmileModel.OverFrames(GradientTreeBoost.fit(formula(config),
                    frame(config, x, y), config.trees(), config.maxDepth(), config.maxNodes(), config.nodeSize(),
                    config.shrinkage(), config.subsample()), config.features().toArray(String[]::new));
        });
    }

    /**
     * {@code count} distinct seeds above 1 (Smile's forest reseeds a tree only for seeds above 1) drawn
     * from {@code seed}: tree {@code t} gets the {@code t}-th, whichever thread grows it.
     */
    static long[] treeSeeds(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<Long> seeds = new LinkedHashSet<>();
        while (seeds.size() < count) {
            seeds.add(random.nextLong(2, Long.MAX_VALUE));
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }

    private static Formula formula(SmileClassifierConfig config) {
        return Formula.lhs(config.label());
    }

    private static DataFrame frame(SmileClassifierConfig config, double[][] x, int[] y) {
        return DataFrame.of(x, config.features().toArray(String[]::new)).merge(IntVector.of(config.label(), y));
    }

    private static <M> M isolated(SmileClassifierConfig config, long seed, Callable<M> fit) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return pool.submit(() -> {
                MathEx.setSeed(seed);
                return fit.call();
            }).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TrustmlException t) {
                throw t;
            }
            throw new TrustmlException("Smile failed to train " + config.algorithm() + " on " + config.features()
                    + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustmlException("interrupted while Smile trained " + config.algorithm(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
