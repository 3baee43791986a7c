package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Transfer mode: craft on the TorchScript CNN, evaluate on a second model seen only through
 * {@code predict} (as a TensorFlow SavedModel would be).
 */
class TransferTest {

    @Test
    void craftsOnTheSurrogateAndEvaluatesOnThePredictOnlyTarget() {
        try (TorchScriptModel cnn = Fixtures.cnn();
                TorchScriptModel mlp = Models.torchScript(Fixtures.path("other_mlp.pt"), ClassifierOutput.LOGITS);
                NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(Fixtures.floats("x.npy"), new Shape(8, 1, 8, 8));
            long[] y = Fixtures.longs("y.npy");
            Pgd pgd = Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(10).batchSize(3).clip(0, 1).build();
            AttackResult transfer = Robustness.transfer(cnn, mlp.withoutGradients()).attack(pgd).on(x, y).run();
            // the examples are the surrogate's (same as the white-box PGD fixture) ...
            assertThat(transfer.adversarialValues())
                    .containsExactly(Fixtures.floats("expected_pgd_inf.npy"), org.assertj.core.api.Assertions.within(1e-5f));
            // ... and they are judged by the target: its clean predictions are torch's for other_mlp.pt
            assertThat(transfer.cleanPredictions()).containsExactly(Fixtures.longs("pred_mlp.npy"));
            RobustnessReport r = transfer.report().orElseThrow();
            assertThat(r.mode()).isEqualTo("transfer");
            assertThat(r.craftedOn()).isEqualTo("tiny_cnn.pt");
            assertThat(r.evaluatedOn()).isEqualTo("other_mlp.pt");
            long[] advPred = transfer.adversarialPredictions();
            long[] clean = transfer.cleanPredictions();
            int changed = 0;
            for (int i = 0; i < advPred.length; i++) {
                changed += advPred[i] != clean[i] ? 1 : 0;
            }
            assertThat(r.attackSuccessRate()).isEqualTo(changed / 8.0);
        }
    }
}
