package org.trustml.torch;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Gradient recording that several threads can use at once. DJL's PyTorch engine allows one open
 * {@link GradientCollector} per JVM: {@code PtGradientCollector} keeps a static flag and a second one
 * fails with "A PtGradientCollector is already collecting", so two trainings, attacks or saliency maps
 * on different threads would fail at random. Every gradient trustml computes opens its collector here,
 * which holds one JVM-wide lock from opening to closing: the forward and backward passes of concurrent
 * runs take turns, everything else (optimizer steps, inference, data loading) runs in parallel, and each
 * run computes exactly what it computes alone. A collector opened outside trustml at the same time still
 * collides with DJL's flag: open yours here too.
 */
public final class GradientCollectors {
    private static final ReentrantLock LOCK = new ReentrantLock();

    private GradientCollectors() {}

    /** A collector of {@code engine}, holding the gradient lock until it is closed. */
    public static GradientCollector open(Engine engine) {
        requireNonNull(engine, "engine");
        return open(engine::newGradientCollector);
    }

    /** A collector for {@code trainer}'s model, holding the gradient lock until it is closed. */
    public static GradientCollector open(Trainer trainer) {
        requireNonNull(trainer, "trainer");
        return open(trainer::newGradientCollector);
    }

    private static GradientCollector open(Supplier<GradientCollector> factory) {
        LOCK.lock();
        try {
            return new Locked(factory.get());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    /** Delegates to DJL's collector; closing it releases the lock (once). */
    private static final class Locked implements GradientCollector {
        private final GradientCollector delegate;
        private boolean closed;

        Locked(GradientCollector delegate) {
            this.delegate = delegate;
        }

        @Override
        public void backward(NDArray target) {
            delegate.backward(target);
        }

        @Override
        public void zeroGradients() {
            delegate.zeroGradients();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                delegate.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
