package org.trustml.core.pipeline;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Work a module needs done before a DJL engine first starts in a pipeline's process, found with
 * {@code ServiceLoader} ({@code META-INF/services/org.trustml.core.pipeline.EngineStart}). trustml-torch
 * uses it to check libtorch's convolution gradients before libtorch loads, when oneDNN can still be kept
 * on its correct kernels ({@code org.trustml.torch.TorchEngineStart}).
 */
public interface EngineStart {
    /** Called by {@link RunContext#ndManager()} before its first NDManager on {@code engineName}. */
    void beforeStart(String engineName);

    /** Runs every registered {@link EngineStart} for {@code engineName}. */
    static void runAll(String engineName) {
        for (EngineStart hook : Holder.HOOKS) {
            hook.beforeStart(engineName);
        }
    }

    /** The hooks on the class path, found once. */
    final class Holder {
        static final List<EngineStart> HOOKS =
                ServiceLoader.load(EngineStart.class, EngineStart.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get).toList();

        private Holder() {}
    }
}
