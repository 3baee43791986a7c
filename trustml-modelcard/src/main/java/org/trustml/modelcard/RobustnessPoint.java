package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.InvalidInputException;

/**
 * Clean versus adversarial accuracy under one attack at one perturbation budget ε (ART's
 * robustness evaluation shape). It goes on the card as {@code clean_accuracy} (slice
 * {@code attack=fgsm, eps=0.03}) and {@code adversarial_accuracy} with the same slice.
 *
 * @param attack              the attack's name, e.g. {@code fgsm}, {@code pgd}
 * @param epsilon             the budget ε ≥ 0 (in the attack's norm)
 * @param cleanAccuracy       accuracy on the unperturbed inputs, in [0, 1]
 * @param adversarialAccuracy accuracy on the adversarial inputs, in [0, 1]
 */
public record RobustnessPoint(String attack, double epsilon, double cleanAccuracy, double adversarialAccuracy) {
    public RobustnessPoint {
        requireNonNull(attack, "attack");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw InvalidInputException.problem("is not a perturbation budget").column("epsilon").value(epsilon)
                    .expected("a finite number >= 0").build();
        }
        checkAccuracy("cleanAccuracy", cleanAccuracy);
        checkAccuracy("adversarialAccuracy", adversarialAccuracy);
    }

    private static void checkAccuracy(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw InvalidInputException.problem("is not an accuracy").column(name).value(v)
                    .expected("a number in [0, 1]").build();
        }
    }

    /** The slice written on the card: {@code attack=fgsm, eps=0.03}. */
    public String slice() {
        return "attack=" + attack + ", eps=" + epsilon;
    }

    /** The two card entries. */
    public List<PerformanceMetric> toPerformanceMetrics() {
        return List.of(
                PerformanceMetric.of(StandardMetric.CLEAN_ACCURACY.jsonName(), cleanAccuracy, slice()),
                PerformanceMetric.of(StandardMetric.ADVERSARIAL_ACCURACY.jsonName(), adversarialAccuracy, slice()));
    }
}
