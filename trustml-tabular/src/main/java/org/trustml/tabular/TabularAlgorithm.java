package org.trustml.tabular;


/** The tabular classifiers the tabular train stage offers, all trained by Tribuo 4.3. */
public enum TabularAlgorithm {
    /**
     * Multinomial logistic regression: Tribuo's {@code LinearSGDTrainer} with the log-multiclass
     * objective and AdaGrad, on features standardised to mean 0 and variance 1 (fitted on the
     * training rows).
     */
    LOGISTIC_REGRESSION,
    /** A CART decision tree (Tribuo {@code CARTClassificationTrainer}, Gini impurity). */
    DECISION_TREE,
    /** Gradient-boosted trees: Tribuo's {@code XGBoostClassificationTrainer} (XGBoost 1.6, single thread). */
    GRADIENT_BOOSTING
}
