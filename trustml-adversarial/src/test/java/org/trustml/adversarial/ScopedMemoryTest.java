package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacks leave nothing behind: every batch and iteration scope is closed, and nothing is attached
 * to a long-lived manager (the caller's, the model's, the engine's system manager). A guard against
 * real leaks; the process's resident size is measured by {@code AdversarialMemory} in trustml-bench
 * (BENCHMARKS.md), not asserted here (it is noisy).
 */
class ScopedMemoryTest extends TinyCnnTestBase {
    private static final int ROUNDS = 3;

    @Test
    void noArraysAreLeftInTheCallersManager() {
        try (NDManager caller = NDManager.newBaseManager()) {
            NDArray inputs = caller.create(x.toFloatArray(), x.getShape());
            int before = caller.getManagedArrays().size();
            for (Attack attack : attacks()) {
                Robustness.of(cnn).attack(attack).on(inputs, y).run();
                assertThat(caller.getManagedArrays()).as(attack.artName()).hasSize(before);
            }
        }
    }

    /**
     * The engine's system manager is the root of every manager in the process (the caller's, the
     * TorchScript model's, and any sub-manager left open), and {@code getManagedArrays()} counts
     * recursively, so an array attached anywhere and never closed shows up in its count.
     */
    @Test
    void repeatedAttacksLeaveTheArrayCountOfEveryManagerUnchanged() {
        try (NDManager caller = NDManager.newBaseManager()) {
            NDManager system = caller.getParentManager();
            NDArray inputs = caller.create(x.toFloatArray(), x.getShape());
            float[][] w = new float[3][64];
            for (int k = 0; k < 3; k++) {
                w[k][k] = 1;
                w[k][63 - k] = -1;
            }
            GradientClassifier linear = LinearModels.linear(caller, w, new float[] {0, 0, 0});
            NDArray linearInputs = caller.create(x.toFloatArray(), new Shape(8, 64));
            int systemBefore = system.getManagedArrays().size();
            int callerBefore = caller.getManagedArrays().size();
            for (int round = 0; round < ROUNDS; round++) {
                for (Attack attack : attacks()) {
                    Robustness.of(cnn).attack(attack).on(inputs, y).run();
                    Robustness.of(cnn).attack(attack).on(inputs).generate();
                    Robustness.transfer(cnn, cnn.withoutGradients()).attack(attack).on(inputs, y).run();
                    Robustness.of(linear).attack(attack).on(linearInputs, y).run();
                }
                Robustness.of(cnn).attack(Fgsm.builder().eps(0.1f).targeted(true).batchSize(3).build())
                        .on(inputs, y).targets(t).run();
                assertThat(system.getManagedArrays()).as("all managers after round %d", round + 1)
                        .hasSize(systemBefore);
                assertThat(caller.getManagedArrays()).as("caller's manager after round %d", round + 1)
                        .hasSize(callerBefore);
            }
        }
    }

    private static List<Attack> attacks() {
        return List.of(
                Fgsm.builder().eps(0.1f).batchSize(3).clip(0, 1).build(),
                Fgsm.builder().eps(0.1f).batchSize(3).randomInit(2, 7).clip(0, 1).build(),
                Fgsm.builder().eps(0.3f).epsStep(0.05f).minimal(true).batchSize(3).build(),
                Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(10).batchSize(3).randomInit(2, 5).decay(0.5).build(),
                Pgd.builder().norm(Norm.L2).eps(0.5f).epsStep(0.1f).maxIter(3).batchSize(5).build());
    }
}
