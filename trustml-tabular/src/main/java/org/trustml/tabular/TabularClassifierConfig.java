package org.trustml.tabular;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;
import org.trustml.core.InvalidInputException;

/**
 * How to train a tabular classifier; the tabular train stage's provenance. The seed is the stage's
 * own (derived from the run's seed and recorded in the run record), so it is not repeated here.
 *
 * @param algorithm    the classifier
 * @param label        the column of class labels (any type; its text is the class)
 * @param features     the feature columns: numeric and boolean columns are used as numbers (1/0),
 *                     string columns are one-hot encoded as {@code column=value} features
 * @param weights      a column of instance weights (for example Reweighing's), if any
 * @param testFraction the share of each class held out for the evaluate stage (stratified, seeded)
 * @param epochs       passes over the training rows (logistic regression)
 * @param learningRate AdaGrad's initial rate (logistic regression) or the shrinkage eta (boosting)
 * @param maxDepth     the deepest tree (decision tree, boosting)
 * @param trees        boosting rounds (gradient boosting)
 */
public record TabularClassifierConfig(TabularAlgorithm algorithm, String label, List<String> features,
        Optional<String> weights, double testFraction, int epochs, double learningRate, int maxDepth, int trees) {
    public TabularClassifierConfig {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(label, "label");
        requireNonNull(weights, "weights");
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
        if (seen.contains(label) || weights.filter(seen::contains).isPresent()) {
            throw InvalidInputException.problem("is also a feature").column(seen.contains(label) ? "label" : "weights")
                    .value(seen.contains(label) ? label : weights.get())
                    .expected("label and weight columns that are not features").build();
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw InvalidInputException.problem("is not a fraction").column("testFraction").value(testFraction)
                    .expected("a number in (0, 1)").build();
        }
        atLeastOne("epochs", epochs);
        atLeastOne("maxDepth", maxDepth);
        atLeastOne("trees", trees);
        if (!(learningRate > 0 && learningRate < 10)) {
            throw InvalidInputException.problem("is not a learning rate").column("learningRate").value(learningRate)
                    .expected("a number in (0, 10)").build();
        }
    }

    private static void atLeastOne(String name, int v) {
        if (v < 1) {
            throw InvalidInputException.problem("is too small").column(name).value(v).expected("at least 1").build();
        }
    }

    /** Logistic regression: 20 % held out, 10 epochs, learning rate 0.5. */
    public static TabularClassifierConfig logisticRegression(String label, String... features) {
        return new TabularClassifierConfig(TabularAlgorithm.LOGISTIC_REGRESSION, label, List.of(features),
                Optional.empty(), 0.2, 10, 0.5, 6, 50);
    }

    /** A decision tree: 20 % held out, depth at most 6. */
    public static TabularClassifierConfig decisionTree(String label, String... features) {
        return logisticRegression(label, features).withAlgorithm(TabularAlgorithm.DECISION_TREE);
    }

    /** Gradient boosting: 20 % held out, 50 trees of depth at most 6, eta 0.3 (XGBoost's default). */
    public static TabularClassifierConfig gradientBoosting(String label, String... features) {
        return new TabularClassifierConfig(TabularAlgorithm.GRADIENT_BOOSTING, label, List.of(features),
                Optional.empty(), 0.2, 10, 0.3, 6, 50);
    }

    /** The same with another algorithm. */
    public TabularClassifierConfig withAlgorithm(TabularAlgorithm a) {
        return new TabularClassifierConfig(a, label, features, weights, testFraction, epochs, learningRate, maxDepth, trees);
    }

    /** The same, weighting each row by the value of {@code column}. */
    public TabularClassifierConfig withWeights(String column) {
        return new TabularClassifierConfig(algorithm, label, features, Optional.of(column), testFraction, epochs,
                learningRate, maxDepth, trees);
    }

    /** The same with another held-out share. */
    public TabularClassifierConfig withTestFraction(double fraction) {
        return new TabularClassifierConfig(algorithm, label, features, weights, fraction, epochs, learningRate, maxDepth,
                trees);
    }

    /** The same with other epochs and learning rate. */
    public TabularClassifierConfig withSchedule(int passes, double rate) {
        return new TabularClassifierConfig(algorithm, label, features, weights, testFraction, passes, rate, maxDepth,
                trees);
    }

    /** The same with other tree sizes. */
    public TabularClassifierConfig withTrees(int rounds, int depth) {
        return new TabularClassifierConfig(algorithm, label, features, weights, testFraction, epochs, learningRate, depth,
                rounds);
    }

    /** The Tribuo trainer this configuration names, seeded. */
    public Trainer<Label> tribuoTrainer(long seed) {
        return switch (algorithm()) {
            case LOGISTIC_REGRESSION -> new TransformTrainer<>(
                    new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate(), 0.1), epochs(),
                            Integer.MAX_VALUE, 1, seed),
                    new TransformationMap(List.of(new MeanStdDevTransformation())), true);
            case DECISION_TREE -> new CARTClassificationTrainer(maxDepth(), 1f, 0f, 1f, false, new GiniIndex(), seed);
            case GRADIENT_BOOSTING -> new XGBoostClassificationTrainer(trees(), learningRate(), 0, maxDepth(), 1,
                    1, 1, 1, 0, 1, true, seed);
        };
    }
}
