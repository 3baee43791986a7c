package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustml.core.io.Json;

/**
 * What an attack did to a model: accuracies before and after, success rate, perturbation sizes,
 * a per-class breakdown and ART's {@code empirical_robustness} and {@code loss_sensitivity}.
 * Serialises to JSON ({@link #toJson()}); {@link #metric} and {@link #metrics()} give the numbers by
 * typed id for a bless gate or a model card.
 *
 * @param schemaVersion version of this JSON layout
 * @param mode {@code white_box} (crafted on the evaluated model) or {@code transfer}
 * @param craftedOn the model whose gradients made the examples
 * @param evaluatedOn the model the examples were evaluated on
 * @param attackName ART's attack class name
 * @param attack the attack's configuration
 * @param samples number of inputs
 * @param classes number of model outputs
 * @param labelsSource {@code given} or {@code model_predictions} (ART's default without labels)
 * @param cleanAccuracy accuracy on the clean inputs
 * @param adversarialAccuracy accuracy on the adversarial inputs
 * @param attackSuccessRate ART's compute_success on the evaluated model
 * @param perturbationLinf stats of ‖δ‖∞ over all samples
 * @param perturbationL1 stats of ‖δ‖₁ over all samples
 * @param perturbationL2 stats of ‖δ‖₂ over all samples
 * @param perClass the same accuracies per label
 * @param empiricalRobustness ART's empirical_robustness on the crafting model (NaN if no sample flipped, +∞ if a
 *     flipped sample is all zeros)
 * @param empiricalRobustnessReason why empirical_robustness is not a finite number, if it is not
 * @param lossSensitivity ART's loss_sensitivity on the crafting model
 */
public record RobustnessReport(
        int schemaVersion,
        String mode,
        @JsonProperty("crafted_on") String craftedOn,
        @JsonProperty("evaluated_on") String evaluatedOn,
        @JsonProperty("attack_name") String attackName,
        Attack attack,
        int samples,
        int classes,
        @JsonProperty("labels_source") String labelsSource,
        @JsonProperty("clean_accuracy") double cleanAccuracy,
        @JsonProperty("adversarial_accuracy") double adversarialAccuracy,
        @JsonProperty("attack_success_rate") double attackSuccessRate,
        @JsonProperty("perturbation_linf") NormStats perturbationLinf,
        @JsonProperty("perturbation_l1") NormStats perturbationL1,
        @JsonProperty("perturbation_l2") NormStats perturbationL2,
        @JsonProperty("per_class") List<ClassRobustness> perClass,
        @JsonProperty("empirical_robustness") double empiricalRobustness,
        @JsonProperty("empirical_robustness_reason") Optional<String> empiricalRobustnessReason,
        @JsonProperty("loss_sensitivity") double lossSensitivity) {

    /** The JSON layout version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public RobustnessReport {
        requireNonNull(mode, "mode");
        requireNonNull(craftedOn, "craftedOn");
        requireNonNull(evaluatedOn, "evaluatedOn");
        requireNonNull(attackName, "attackName");
        requireNonNull(attack, "attack");
        requireNonNull(labelsSource, "labelsSource");
        requireNonNull(perturbationLinf, "perturbationLinf");
        requireNonNull(perturbationL1, "perturbationL1");
        requireNonNull(perturbationL2, "perturbationL2");
        requireNonNull(empiricalRobustnessReason, "empiricalRobustnessReason");
        perClass = List.copyOf(perClass);
        if (samples < 0 || classes < 0) {
            throw new IllegalArgumentException("samples and classes must be >= 0, got " + samples + ", " + classes);
        }
    }

    /** One metric over all samples. */
    public RobustnessValue metric(RobustnessMetric id) {
        requireNonNull(id, "id");
        Optional<String> none = Optional.empty();
        return switch (id) {
            case CLEAN_ACCURACY -> new RobustnessValue(id, cleanAccuracy, "all", none);
            case ADVERSARIAL_ACCURACY -> new RobustnessValue(id, adversarialAccuracy, "all", none);
            case ATTACK_SUCCESS_RATE -> new RobustnessValue(id, attackSuccessRate, "all", none);
            case PERTURBATION_LINF_MEAN -> new RobustnessValue(id, perturbationLinf.mean(), "all", none);
            case PERTURBATION_LINF_MEDIAN -> new RobustnessValue(id, perturbationLinf.median(), "all", none);
            case PERTURBATION_LINF_MAX -> new RobustnessValue(id, perturbationLinf.max(), "all", none);
            case PERTURBATION_L1_MEAN -> new RobustnessValue(id, perturbationL1.mean(), "all", none);
            case PERTURBATION_L1_MEDIAN -> new RobustnessValue(id, perturbationL1.median(), "all", none);
            case PERTURBATION_L1_MAX -> new RobustnessValue(id, perturbationL1.max(), "all", none);
            case PERTURBATION_L2_MEAN -> new RobustnessValue(id, perturbationL2.mean(), "all", none);
            case PERTURBATION_L2_MEDIAN -> new RobustnessValue(id, perturbationL2.median(), "all", none);
            case PERTURBATION_L2_MAX -> new RobustnessValue(id, perturbationL2.max(), "all", none);
            case EMPIRICAL_ROBUSTNESS -> new RobustnessValue(id, empiricalRobustness, "all", empiricalRobustnessReason);
            case LOSS_SENSITIVITY -> new RobustnessValue(id, lossSensitivity, "all", none);
        };
    }

    /** Every metric over all samples, then accuracies and success rate per class ({@code class=<label>}). */
    @JsonIgnore
    public List<RobustnessValue> metrics() {
        List<RobustnessValue> out = new ArrayList<>();
        for (RobustnessMetric id : RobustnessMetric.values()) {
            out.add(metric(id));
        }
        for (ClassRobustness c : perClass) {
            String slice = "class=" + c.label();
            out.add(new RobustnessValue(RobustnessMetric.CLEAN_ACCURACY, c.cleanAccuracy(), slice, Optional.empty()));
            out.add(new RobustnessValue(RobustnessMetric.ADVERSARIAL_ACCURACY, c.adversarialAccuracy(), slice,
                    Optional.empty()));
            out.add(new RobustnessValue(RobustnessMetric.ATTACK_SUCCESS_RATE, c.attackSuccessRate(), slice,
                    Optional.empty()));
        }
        return List.copyOf(out);
    }

    /**
     * The metrics as gates and model cards read them: on the slice {@code eps=<the attack's eps>} for all
     * samples and {@code eps=<eps>, class=<label>} per class, as {@link RobustnessEvaluator} lists them; the
     * float eps is written as its shortest decimal ({@code 0.03f} → {@code 0.03}).
     */
    @JsonIgnore
    public org.trustml.core.evaluation.Evaluation atEps() {
        org.trustml.core.evaluation.Slice at = org.trustml.core.evaluation.Slice.of("eps",
                Double.toString(Double.parseDouble(Float.toString(attack.eps()))));
        List<org.trustml.core.evaluation.MetricValue> out = new ArrayList<>();
        for (RobustnessValue v : metrics()) {
            org.trustml.core.evaluation.Slice s = v.slice().equals("all") ? at
                    : at.and("class", v.slice().substring(v.slice().indexOf('=') + 1));
            out.add(new org.trustml.core.evaluation.MetricValue(v.metric().jsonName(), s, v.value(), v.reason()));
        }
        return org.trustml.core.evaluation.Evaluation.of(out);
    }

    /** The report as pretty-printed JSON. */
    public String toJson() {
        return Json.toJson(this);
    }
}
