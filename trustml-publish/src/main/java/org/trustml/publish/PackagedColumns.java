package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.ColumnType;
import org.trustml.tabular.TabularAlgorithm;

/**
 * The part of {@code model.json} a tabular classifier needs: what it was trained on, so that a served
 * request can be turned into the same rows.
 *
 * @param algorithm the classifier
 * @param label     the label column trained on
 * @param features  the feature columns, in training order
 * @param types     each feature column's type (numbers and booleans are used as numbers, strings one-hot)
 * @param trainRows rows trained on
 * @param testRows  rows held out for evaluation
 */
public record PackagedColumns(TabularAlgorithm algorithm, String label, List<String> features,
        Map<String, ColumnType> types, int trainRows, int testRows) {
    public PackagedColumns {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(label, "label");
        features = List.copyOf(features);
        types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        for (String f : features) {
            if (types.get(f) == null) {
                throw InvalidInputException.problem("has no type").column(f)
                        .expected("a type for every feature column in 'types'").build();
            }
        }
    }

    /** The same with the types of the feature columns only. */
    public PackagedColumns withFeatureTypesOnly() {
        return new PackagedColumns(algorithm, label, features, featureTypes(), trainRows, testRows);
    }

    /** Each feature column with its type, in training order. */
    public Map<String, ColumnType> featureTypes() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        features.forEach(f -> out.put(f, types.get(f)));
        return out;
    }
}
