package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PGD's {@code num_random_init} as ART 1.20's {@code ProjectedGradientDescentNumpy.generate}: the first
 * restart gives the examples, and each later restart replaces a sample's example only where it succeeds
 * ({@code compute_success_array}: the prediction differs from the clean prediction).
 */
class RandomRestartTest extends TinyCnnTestBase {

    private static AttackResult pgd(int restarts, float eps) {
        // one batch of all 8 samples: the first restart draws the same noise whatever the number of restarts
        return Robustness.of(cnn).attack(Pgd.builder().eps(eps).epsStep(eps / 4).maxIter(4).batchSize(8)
                .randomInit(restarts, 99).clip(0, 1).build()).on(x, y).generate();
    }

    private static boolean[] success(AttackResult r) {
        long[] clean = r.cleanPredictions();
        long[] adv = r.adversarialPredictions();
        boolean[] s = new boolean[clean.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = adv[i] != clean[i];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(floats = {0.05f, 0.1f, 0.2f})
    void laterRestartsOnlyReplaceWhereTheySucceed(float eps) {
        AttackResult one = pgd(1, eps);
        AttackResult five = pgd(5, eps);
        boolean[] s1 = success(one);
        boolean[] s5 = success(five);
        int d = Math.toIntExact(one.sampleShape().size());
        for (int i = 0; i < s1.length; i++) {
            float[] a = Arrays.copyOfRange(one.adversarialValues(), i * d, (i + 1) * d);
            float[] b = Arrays.copyOfRange(five.adversarialValues(), i * d, (i + 1) * d);
            if (!Arrays.equals(a, b)) {
                assertThat(s5[i]).as("sample %d was replaced by a restart that did not succeed", i).isTrue();
            }
            if (s1[i]) {
                assertThat(s5[i]).as("sample %d succeeded in the first restart and must stay a success", i).isTrue();
            }
        }
    }
}
