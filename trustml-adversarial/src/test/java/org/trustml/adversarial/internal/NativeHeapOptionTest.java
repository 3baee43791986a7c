package org.trustml.adversarial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.adversarial.Fgsm;
import org.trustml.adversarial.GradientClassifier;
import org.trustml.adversarial.Models;
import org.trustml.adversarial.NativeHeap;
import org.trustml.adversarial.Norm;
import org.trustml.adversarial.ClassifierOutput;
import org.trustml.adversarial.Robustness;
import org.trustml.adversarial.RobustnessEvaluator;

/**
 * glibc's process-wide {@code malloc_trim(0)} runs after an attack only when the caller asks for it
 * ({@link NativeHeap#TRIM}); a plain library call leaves the allocator alone. It used to run after every attack.
 */
class NativeHeapOptionTest {

    @Test
    void anAttackTrimsTheNativeHeapOnlyWhenAsked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // logits x·Wᵀ with W = ((1, 0), (0, 1)): the identity on two features
            NDArray w = manager.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            GradientClassifier model = Models.block("identity", new LambdaBlock(
                    l -> new NDList(l.singletonOrThrow().matMul(w)), "identity"), ClassifierOutput.LOGITS, Device.cpu());
            NDArray x = manager.create(new float[] {0.2f, 0.8f, 0.9f, 0.1f}, new Shape(2, 2));
            Fgsm fgsm = Fgsm.builder().norm(Norm.INF).eps(0.1f).build();

            long before = NativeMemory.calls();
            Robustness.of(model).attack(fgsm).on(x).generate();
            Robustness.of(model).attack(fgsm).on(x).run();
            assertThat(NativeMemory.calls()).as("calls after two attacks with the default").isEqualTo(before);

            Robustness.of(model).attack(fgsm).on(x).nativeHeap(NativeHeap.TRIM).generate();
            assertThat(NativeMemory.calls()).as("calls after an attack with TRIM").isEqualTo(before + 1);
        }
    }

    @Test
    void theEvaluatorKeepsTheHeapUnlessTold() {
        RobustnessEvaluator evaluator = new RobustnessEvaluator(Norm.INF, List.of(0.1), 3, 8, 1);
        assertThat(evaluator.nativeHeap()).isEqualTo(NativeHeap.KEEP);
        assertThat(evaluator.withNativeHeap(NativeHeap.TRIM).nativeHeap()).isEqualTo(NativeHeap.TRIM);
    }
}
