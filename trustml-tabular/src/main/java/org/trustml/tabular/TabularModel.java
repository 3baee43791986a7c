package org.trustml.tabular;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.run.ContentAddressable;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;
import org.trustml.tabular.internal.TribuoTables;

/**
 * A trained tabular classifier: the Tribuo model in Tribuo's protobuf format, what it tells apart
 * from which columns, and the rows held out for evaluation.
 *
 * @param algorithm   the classifier
 * @param label       the label column
 * @param features    the feature columns, as trained on
 * @param classes     the labels, by index (sorted)
 * @param model       the Tribuo model file ({@code Model.serializeToFile}, protobuf)
 * @param modelHash   {@code sha256:…} of that file
 * @param heldOut     the held-out rows as CSV (every column of the input table)
 * @param columnTypes the input table's column types, so that {@link #heldOutRows()} reads them back alike
 * @param trainRows   rows trained on
 * @param testRows    rows held out
 */
public record TabularModel(TabularAlgorithm algorithm, String label, List<String> features, List<String> classes,
        Path model, String modelHash, Path heldOut, Map<String, ColumnType> columnTypes, int trainRows, int testRows)
        implements ContentAddressable {
    public TabularModel {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(label, "label");
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        requireNonNull(model, "model");
        requireNonNull(modelHash, "modelHash");
        requireNonNull(heldOut, "heldOut");
        columnTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
    }

    @Override
    public String contentHash() {
        return modelHash;
    }

    /** Reads the Tribuo model back from {@link #model()}. */
    public Model<Label> load() {
        Model<?> m;
        try {
            m = Model.deserializeFromFile(model);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.problem("cannot be read as a Tribuo model: " + e.getMessage()).file(model)
                    .expected("a model written by Tribuo 4.3's Model.serializeToFile").build(e);
        }
        if (!m.validate(Label.class)) {
            throw InvalidInputException.problem("is not a classification model").file(model)
                    .value(m.getClass().getSimpleName()).expected("a Tribuo model of Labels").build();
        }
        return m.castModel(Label.class);
    }

    /**
     * The model as a model-neutral {@link TableClassifier} (what LIME tabular and other
     * {@link org.trustml.core.evaluation.TableEvaluator}s query): reads the Tribuo model once, then predicts
     * any table with the feature columns.
     */
    public TableClassifier classifier() {
        Model<Label> loaded = load();
        return new TableClassifier() {
            @Override
            public List<String> classes() {
                return classes;
            }

            @Override
            public List<String> features() {
                return features;
            }

            @Override
            public double[][] probabilities(Table rows) {
                return predictProbabilities(loaded, rows);
            }
        };
    }

    /** The held-out rows, with the column types of the table trained on. */
    public Table heldOutRows() {
        return Table.readCsv(heldOut, CsvOptions.defaults().withTypes(columnTypes));
    }

    /**
     * The rows as the Tribuo examples the model is given when it predicts them (which need the feature columns,
     * not the label): numbers and booleans (1/0) as features named by their column, text columns one-hot as
     * {@code column=value} features for the values present in {@code rows}.
     */
    public List<Example<Label>> examples(Table rows) {
        return TribuoTables.examples(rows, Optional.empty(), features, Optional.empty());
    }

    /**
     * Class probabilities for each row of {@code rows} (which need the feature columns, not the label),
     * one column per class in {@link #classes()} order.
     */
    public double[][] predictProbabilities(Model<Label> loaded, Table rows) {
        return TribuoTables.probabilities(loaded, examples(rows), classes);
    }
}
