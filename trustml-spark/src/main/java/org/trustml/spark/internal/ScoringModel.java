package org.trustml.spark.internal;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.table.ColumnType;
import org.trustml.tabular.TabularAlgorithm;
import org.trustml.tabular.TabularModel;

/**
 * A packaged tabular classifier as it travels to the executors (one broadcast): what the package says about it
 * and the Tribuo model file's bytes, so executors need no file system shared with the driver. Each executor JVM
 * loads it once per model hash ({@link #classifier()}) and keeps it for later tasks: a small cache of the last
 * {@link #CACHED} models, the one piece of JVM-wide state trustml-spark keeps.
 *
 * @param algorithm   the classifier
 * @param label       the label column it was trained on
 * @param features    the feature columns, in the model's order
 * @param classes     the classes, in probability order
 * @param types       the feature columns' types
 * @param modelHash   {@code sha256:…} of the model file (checked by the package on the driver)
 * @param modelBytes  the Tribuo model file (owned by this record: never modified)
 */
public record ScoringModel(TabularAlgorithm algorithm, String label, List<String> features, List<String> classes,
                           Map<String, ColumnType> types, String modelHash, byte[] modelBytes) implements Serializable {
    /** Models kept per executor JVM. */
    public static final int CACHED = 4;
    private static final long serialVersionUID = 1L;
    private static final Map<String, TableClassifier> LOADED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TableClassifier> eldest) {
            return size() > CACHED;
        }
    };

    public ScoringModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /** The package's model, read from its file on the driver. */
    public static ScoringModel of(TabularModel model) {
        try {
            return new ScoringModel(model.algorithm(), model.label(), model.features(), model.classes(),
                    model.columnTypes(), model.modelHash(), Files.readAllBytes(model.model()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + model.model(), e);
        }
    }

    /** The loaded classifier: from this JVM's cache, or read once from the bytes (through a temporary file, deleted). */
    public TableClassifier classifier() {
        synchronized (LOADED) {
            TableClassifier c = LOADED.get(modelHash);
            if (c == null) {
                c = load();
                LOADED.put(modelHash, c);
            }
            return c;
        }
    }

    private TableClassifier load() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("trustml-scoring-");
            Path file = Files.write(dir.resolve("model.tribuo"), modelBytes);
            return new TabularModel(algorithm, label, features, classes, file, modelHash, dir, types, 0, 0).classifier();
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the model " + modelHash, e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("model.tribuo"));
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
