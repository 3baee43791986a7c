package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FGSM on a two-class linear model, where the step is known in closed form. With logits
 * z = W x + b and label 0, ∇ₓ CE = Wᵀ(softmax(z) − e₀) = p₁ (w₁ − w₀) with p₁ &gt; 0, so the direction
 * is that of w₁ − w₀ whatever x is.
 */
class LinearModelTest {
    // w1 - w0 = (0.5, -2.0, 0.25, 1.0): sign (+, -, +, +); ||.||_2 = sqrt(0.25 + 4 + 0.0625 + 1) = 2.3048861;
    // largest |.| at index 1.
    private static final float[][] W = {{0.5f, 1.0f, -0.25f, 0f}, {1.0f, -1.0f, 0f, 1.0f}};
    private static final float[] B = {0.1f, -0.1f};
    private static final float[] X = {0.5f, 0.5f, 0.5f, 0.5f, 0.2f, 0.9f, 0.0f, 0.6f};

    private NDManager manager;
    private GradientClassifier model;
    private NDArray x;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        model = LinearModels.linear(manager, W, B);
        x = manager.create(X, new Shape(2, 4));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] fgsm(Fgsm attack, long... labels) {
        return Robustness.of(model).attack(attack).on(x, labels).generate().adversarialValues();
    }

    @Test
    void anAllZeroSampleThatFlipsMakesEmpiricalRobustnessInfiniteWithAReason() {
        // sample 1 is all zeros: logits b = (0.1, -0.1), class 0; FGSM-inf with eps 0.5 moves it by
        // 0.5 * (+1, -1, +1, +1), logits (-0.275, 1.4), class 1. ‖δ‖∞ / ‖x‖∞ = 0.5 / 0 = +inf, as ART's
        // division gives; it used to be reported with no reason
        NDArray zero = manager.create(new float[] {0, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f}, new Shape(2, 4));
        RobustnessReport r = Robustness.of(model).attack(Fgsm.builder().norm(Norm.INF).eps(0.5f).epsStep(0.5f).build())
                .on(zero, new long[] {0, 0}).report();
        assertThat(r.empiricalRobustness()).isInfinite();
        assertThat(r.empiricalRobustnessReason()).hasValue("sample 1 is all zeros and changed class: its relative "
                + "perturbation ||delta|| / ||x|| is infinite (ART divides by zero too)");
        assertThat(r.metric(RobustnessMetric.EMPIRICAL_ROBUSTNESS).reason()).isEqualTo(r.empiricalRobustnessReason());
    }

    @Test
    void infStepIsEpsTimesTheSignOfTheWeightDifference() {
        float[] adv = fgsm(Fgsm.builder().norm(Norm.INF).eps(0.1f).build(), 0, 0);
        // x + 0.1 * (+1, -1, +1, +1), no clipping
        assertThat(adv).containsExactly(new float[] {0.6f, 0.4f, 0.6f, 0.6f, 0.3f, 0.8f, 0.1f, 0.7f}, within(1e-6f));
    }

    @Test
    void clippingHappensBeforeProjection() {
        float[] adv = fgsm(Fgsm.builder().norm(Norm.INF).eps(0.2f).clip(0, 1).build(), 0, 0);
        // sample 2: 0.2+0.2, 0.9-0.2, 0.0+0.2, 0.6+0.2 all inside [0, 1]; sample 1 likewise
        assertThat(adv).containsExactly(new float[] {0.7f, 0.3f, 0.7f, 0.7f, 0.4f, 0.7f, 0.2f, 0.8f}, within(1e-6f));
        float[] clipped = fgsm(Fgsm.builder().norm(Norm.INF).eps(0.5f).clip(0, 1).build(), 0, 0);
        // sample 1: 0.5 +/- 0.5 = 1, 0, 1, 1; sample 2: 0.2+0.5=0.7, 0.9-0.5=0.4, 0+0.5=0.5, 0.6+0.5=1.1 -> clipped to 1
        assertThat(clipped).containsExactly(new float[] {1f, 0f, 1f, 1f, 0.7f, 0.4f, 0.5f, 1.0f}, within(1e-6f));
    }

    @Test
    void l2StepIsTheNormalisedWeightDifference() {
        float[] adv = fgsm(Fgsm.builder().norm(Norm.L2).eps(1f).build(), 0, 0);
        double n = Math.sqrt(0.25 + 4 + 0.0625 + 1);
        float[] d = {(float) (0.5 / n), (float) (-2 / n), (float) (0.25 / n), (float) (1 / n)};
        for (int j = 0; j < 4; j++) {
            assertThat(adv[j]).isCloseTo(X[j] + d[j], within(1e-5f));
            assertThat(adv[4 + j]).isCloseTo(X[4 + j] + d[j], within(1e-5f));
        }
    }

    @Test
    void l1StepPutsAllOfEpsOnTheLargestGradientCoordinate() {
        float[] adv = fgsm(Fgsm.builder().norm(Norm.L1).eps(0.3f).build(), 0, 0);
        // index 1 carries -0.3; projection scales by min(1, 0.3 / (0.3 + 1e-7)) = 0.99999967
        assertThat(adv).containsExactly(new float[] {0.5f, 0.2f, 0.5f, 0.5f, 0.2f, 0.6f, 0.0f, 0.6f}, within(1e-6f));
    }

    @Test
    void targetedStepGoesTheOtherWay() {
        float[] adv = Robustness.of(model).attack(Fgsm.builder().eps(0.1f).targeted(true).build()).on(x, new long[] {1, 1})
                .targets(new long[] {0, 0}).generate().adversarialValues();
        // towards class 0: minus the untargeted direction
        assertThat(adv).containsExactly(new float[] {0.4f, 0.6f, 0.4f, 0.4f, 0.1f, 1.0f, -0.1f, 0.5f}, within(1e-6f));
    }

    @Test
    void samplesWithZeroGradientStayWhereTheyAre() {
        // identical rows of W give a constant softmax, so the gradient is 0 for every input
        GradientClassifier flat = LinearModels.linear(manager, new float[][] {{1, 2, 3, 4}, {1, 2, 3, 4}}, new float[] {0, 0});
        for (Norm norm : Norm.values()) {
            float[] adv = Robustness.of(flat).attack(Pgd.builder().norm(norm).eps(0.3f).epsStep(0.1f).maxIter(3).build())
                    .on(x, new long[] {0, 1}).generate().adversarialValues();
            assertThat(adv).as("norm %s", norm).containsExactly(X);
        }
    }
}
