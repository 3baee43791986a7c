package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Adversarial examples on a TorchScript CNN equal those computed in torch 1.13 by
 * {@code fixtures/make_fixtures.py} with ART 1.20's formulas (expected_*.npy). Tolerance 1e-5:
 * libtorch 2.7 (DJL) and 1.13 (the script) may differ in the last float bits of a gradient.
 */
class TorchScriptParityTest extends TinyCnnTestBase {
    private static final float TOL = 1e-5f;

    private static float[] run(Attack attack, long[] labels) {
        return Robustness.of(cnn).attack(attack).on(x, labels).generate().adversarialValues();
    }

    private static void assertMatches(float[] actual, String expected) {
        assertThat(actual).containsExactly(Fixtures.floats(expected), within(TOL));
    }

    @Test
    void predictionsMatchTorch() {
        AttackResult r = Robustness.of(cnn).attack(Fgsm.builder().eps(0f).build()).on(x, y).generate();
        assertThat(r.cleanPredictions()).containsExactly(Fixtures.longs("pred.npy"));
    }

    @Test
    void fgsmInAllThreeNorms() {
        assertMatches(run(Fgsm.builder().norm(Norm.INF).eps(0.1f).clip(0, 1).build(), y), "expected_fgsm_inf.npy");
        assertMatches(run(Fgsm.builder().norm(Norm.L2).eps(0.5f).clip(0, 1).build(), y), "expected_fgsm_l2.npy");
        assertMatches(run(Fgsm.builder().norm(Norm.L1).eps(0.5f).clip(0, 1).build(), y), "expected_fgsm_l1.npy");
    }

    @Test
    void targetedFgsmFlipsTheGradient() {
        float[] adv = Robustness.of(cnn).attack(Fgsm.builder().eps(0.1f).targeted(true).clip(0, 1).build())
                .on(x, y).targets(t).generate().adversarialValues();
        assertMatches(adv, "expected_fgsm_inf_targeted.npy");
    }

    @Test
    void withoutLabelsTheModelsPredictionsAreUsed() {
        assertMatches(run(Fgsm.builder().eps(0.1f).clip(0, 1).build(), null), "expected_fgsm_inf_predicted_labels.npy");
    }

    @Test
    void probabilityOutputsTakeTheLogOfTheProbabilities() {
        try (TorchScriptModel probs = Models.torchScript(Fixtures.path("tiny_cnn_probs.pt"), ClassifierOutput.PROBABILITIES)) {
            float[] adv = Robustness.of(probs).attack(Fgsm.builder().eps(0.1f).clip(0, 1).build()).on(x, y)
                    .generate().adversarialValues();
            assertMatches(adv, "expected_fgsm_inf_probs.npy");
        }
    }

    @Test
    void minimalFgsmStopsAtTheFirstFlippingEps() {
        assertMatches(run(Fgsm.builder().eps(0.3f).epsStep(0.01f).minimal(true).batchSize(3).clip(0, 1).build(), y),
                "expected_fgsm_minimal_inf.npy");
    }

    @Test
    void pgdInAllThreeNormsWithBatches() {
        assertMatches(run(Pgd.builder().norm(Norm.INF).eps(0.1f).epsStep(0.02f).maxIter(10).batchSize(3).clip(0, 1)
                .build(), y), "expected_pgd_inf.npy");
        assertMatches(run(Pgd.builder().norm(Norm.L2).eps(0.5f).epsStep(0.1f).maxIter(10).batchSize(3).clip(0, 1)
                .build(), y), "expected_pgd_l2.npy");
        assertMatches(run(Pgd.builder().norm(Norm.L1).eps(1f).epsStep(0.25f).maxIter(10).batchSize(3).clip(0, 1)
                .build(), y), "expected_pgd_l1.npy");
    }

    @Test
    void pgdWithMomentumAndTargeted() {
        assertMatches(run(Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(10).batchSize(3).decay(0.9).clip(0, 1)
                .build(), y), "expected_pgd_inf_momentum.npy");
        float[] targeted = Robustness.of(cnn).attack(Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(10).batchSize(3)
                .targeted(true).clip(0, 1).build()).on(x, y).targets(t).generate().adversarialValues();
        assertMatches(targeted, "expected_pgd_inf_targeted.npy");
    }

    @Test
    void lossSensitivityMatchesTorch() {
        RobustnessReport r = Robustness.of(cnn).attack(Fgsm.builder().eps(0.1f).clip(0, 1).build()).on(x, y).report();
        assertThat(r.lossSensitivity()).isCloseTo(Fixtures.npy("expected_loss_sensitivity.npy").toDoubles()[0],
                within(1e-6));
    }
}
