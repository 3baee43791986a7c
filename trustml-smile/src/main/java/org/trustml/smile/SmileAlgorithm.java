package org.trustml.smile;

/** The Smile 3.1 classifiers {@link SmileClassifier} trains. */
public enum SmileAlgorithm {
    /**
     * Logistic regression ({@code smile.classification.LogisticRegression}): binomial for two classes,
     * multinomial for more, fitted by L-BFGS with an L2 penalty {@code λ/2·‖w‖²}. Deterministic: no
     * random choice is made.
     */
    LOGISTIC_REGRESSION,
    /**
     * Breiman's random forest ({@code smile.classification.RandomForest}, Gini splits, {@code √d}
     * features tried per split); the probabilities are the trees' posteriors weighted by each tree's
     * out-of-bag accuracy. Each tree gets its own seed.
     */
    RANDOM_FOREST,
    /**
     * Friedman's gradient tree boosting ({@code smile.classification.GradientTreeBoost}): logistic
     * loss for two classes, softmax for more; stochastic when {@code subsample < 1}.
     */
    GRADIENT_TREE_BOOST
}
