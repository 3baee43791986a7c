package org.trustml.smile;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trustml.core.InvalidInputException;

/**
 * How to train a {@link SmileClassifier}. The seed is passed to {@link SmileClassifier#train} and
 * kept by the model, so it is not repeated here. Parameters an algorithm does not use are ignored
 * (trees for logistic regression, {@code lambda} for the tree ensembles).
 *
 * @param algorithm the classifier
 * @param label     the column of class labels (any type; its text is the class)
 * @param features  the feature columns: numeric or boolean (1/0); encode categories as numbers first
 * @param lambda    logistic regression's L2 penalty λ ≥ 0 (Smile's default 0.1)
 * @param trees     trees in the forest, or boosting rounds
 * @param maxDepth  the deepest a tree may grow (at least 2)
 * @param maxNodes  the most leaves a tree may have (at least 2)
 * @param nodeSize  a node with fewer rows is not split (at least 1)
 * @param shrinkage boosting's learning rate, in (0, 1]
 * @param subsample the share of rows each tree sees, in (0, 1]: drawn without replacement when below 1;
 *                  at 1 the forest draws a bootstrap sample and boosting uses every row
 */
public record SmileClassifierConfig(SmileAlgorithm algorithm, String label, List<String> features, double lambda,
        int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample) {
    public SmileClassifierConfig {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(label, "label");
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("features")
                    .expected("at least one feature column").build();
        }
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (!seen.add(f)) {
                throw InvalidInputException.problem("is listed twice").column("features").value(f)
                        .expected("each feature column once").build();
            }
        }
        if (seen.contains(label)) {
            throw InvalidInputException.problem("is also a feature").column("label").value(label)
                    .expected("a label column that is not a feature").build();
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw InvalidInputException.problem("is not a penalty").column("lambda").value(lambda)
                    .expected("a finite number >= 0").build();
        }
        atLeast("trees", trees, 1);
        atLeast("maxDepth", maxDepth, 2);
        atLeast("maxNodes", maxNodes, 2);
        atLeast("nodeSize", nodeSize, 1);
        fraction("shrinkage", shrinkage);
        fraction("subsample", subsample);
    }

    private static void atLeast(String name, int v, int min) {
        if (v < min) {
            throw InvalidInputException.problem("is too small").column(name).value(v).expected("at least " + min).build();
        }
    }

    private static void fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw InvalidInputException.problem("is out of range").column(name).value(v).expected("a number in (0, 1]")
                    .build();
        }
    }

    /** Logistic regression with Smile's default penalty λ = 0.1. */
    public static SmileClassifierConfig logisticRegression(String label, String... features) {
        return new SmileClassifierConfig(SmileAlgorithm.LOGISTIC_REGRESSION, label, List.of(features), 0.1, 100, 20,
                500, 5, 0.05, 1.0);
    }

    /** A random forest of 100 trees (Smile's defaults otherwise: depth 20, 500 leaves, node size 5, bootstrap). */
    public static SmileClassifierConfig randomForest(String label, String... features) {
        return logisticRegression(label, features).withAlgorithm(SmileAlgorithm.RANDOM_FOREST);
    }

    /**
     * Gradient tree boosting, 100 rounds of trees with at most 6 leaves, shrinkage 0.05, subsample 0.7
     * (Smile's defaults but the number of rounds).
     */
    public static SmileClassifierConfig gradientTreeBoost(String label, String... features) {
        return new SmileClassifierConfig(SmileAlgorithm.GRADIENT_TREE_BOOST, label, List.of(features), 0.1, 100, 20, 6,
                5, 0.05, 0.7);
    }

    /** The same with another algorithm. */
    public SmileClassifierConfig withAlgorithm(SmileAlgorithm a) {
        return new SmileClassifierConfig(a, label, features, lambda, trees, maxDepth, maxNodes, nodeSize, shrinkage,
                subsample);
    }

    /** The same with another L2 penalty (logistic regression). */
    public SmileClassifierConfig withLambda(double penalty) {
        return new SmileClassifierConfig(algorithm, label, features, penalty, trees, maxDepth, maxNodes, nodeSize,
                shrinkage, subsample);
    }

    /** The same with other tree sizes: how many trees, how deep, how many leaves. */
    public SmileClassifierConfig withTrees(int count, int depth, int leaves) {
        return new SmileClassifierConfig(algorithm, label, features, lambda, count, depth, leaves, nodeSize, shrinkage,
                subsample);
    }

    /** The same with another learning rate and row share (boosting; the share also applies to the forest). */
    public SmileClassifierConfig withSampling(double rate, double share) {
        return new SmileClassifierConfig(algorithm, label, features, lambda, trees, maxDepth, maxNodes, nodeSize, rate,
                share);
    }
}
