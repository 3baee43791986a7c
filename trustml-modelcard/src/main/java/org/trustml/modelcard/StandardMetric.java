package org.trustml.modelcard;

/**
 * The metrics trustml puts on cards, with the names their Python peers use: scikit-learn / Hugging
 * Face {@code evaluate} for classification, AIF360 for fairness, ART-style clean/adversarial
 * accuracy for robustness, and drift test outputs.
 */
public enum StandardMetric implements CardMetric {
    ACCURACY("accuracy", MetricDirection.HIGHER_IS_BETTER),
    PRECISION("precision", MetricDirection.HIGHER_IS_BETTER),
    RECALL("recall", MetricDirection.HIGHER_IS_BETTER),
    F1("f1", MetricDirection.HIGHER_IS_BETTER),
    ROC_AUC("roc_auc", MetricDirection.HIGHER_IS_BETTER),
    LOSS("loss", MetricDirection.LOWER_IS_BETTER),
    ERROR_RATE("error_rate", MetricDirection.LOWER_IS_BETTER),
    /** AIF360 {@code statistical_parity_difference}: P(ŷ=1 | unprivileged) − P(ŷ=1 | privileged); 0 is fair. */
    STATISTICAL_PARITY_DIFFERENCE("statistical_parity_difference", MetricDirection.CLOSER_TO_ZERO),
    /** AIF360 {@code disparate_impact}: P(ŷ=1 | unprivileged) / P(ŷ=1 | privileged); 1 is fair. */
    DISPARATE_IMPACT("disparate_impact", MetricDirection.CLOSER_TO_ONE),
    /** AIF360 {@code equal_opportunity_difference}: TPR(unprivileged) − TPR(privileged). */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", MetricDirection.CLOSER_TO_ZERO),
    /** AIF360 {@code average_odds_difference}: mean of the FPR and TPR differences. */
    AVERAGE_ODDS_DIFFERENCE("average_odds_difference", MetricDirection.CLOSER_TO_ZERO),
    /** AIF360 {@code average_abs_odds_difference}. */
    AVERAGE_ABS_ODDS_DIFFERENCE("average_abs_odds_difference", MetricDirection.LOWER_IS_BETTER),
    /** AIF360 {@code theil_index} (generalised entropy with α = 1); 0 is fair. */
    THEIL_INDEX("theil_index", MetricDirection.LOWER_IS_BETTER),
    /** Accuracy on unperturbed inputs in a robustness evaluation. */
    CLEAN_ACCURACY("clean_accuracy", MetricDirection.HIGHER_IS_BETTER),
    /** Accuracy on adversarial inputs at a given attack and ε. */
    ADVERSARIAL_ACCURACY("adversarial_accuracy", MetricDirection.HIGHER_IS_BETTER),
    /** A drift test's statistic (KS D, MMD², ...): larger means more drift. */
    DRIFT_STATISTIC("drift_statistic", MetricDirection.LOWER_IS_BETTER),
    /** A drift test's p-value: smaller means stronger evidence of drift. */
    DRIFT_P_VALUE("drift_p_value", MetricDirection.HIGHER_IS_BETTER),
    /** 1 when a drift check flagged drift, 0 when it did not. */
    DRIFT_DETECTED("drift_detected", MetricDirection.LOWER_IS_BETTER);

    private final String jsonName;
    private final MetricDirection direction;

    StandardMetric(String jsonName, MetricDirection direction) {
        this.jsonName = jsonName;
        this.direction = direction;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    @Override
    public MetricDirection direction() {
        return direction;
    }
}
