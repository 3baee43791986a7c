package org.trustml.tabular.stages;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.Table;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularModel;
import org.trustml.tabular.internal.TribuoTables;

/**
 * The train stage for tables, the tabular twin of {@code TrainImageClassifier} (trustml-vision): holds out
 * {@link TabularClassifierConfig#testFraction()} of each class (stratified, shuffled with the
 * stage's seed), trains the configured Tribuo classifier on the rest with the stage's seed, and
 * writes the model in Tribuo's protobuf format as {@code model/model.tribuo}, the held-out rows as
 * {@code data/held-out.csv} and the {@link TabularModel} as {@code model/model.json}. Logs
 * {@code train_rows}, {@code test_rows}, {@code features} (after one-hot encoding),
 * {@code train_accuracy} and {@code train_log_loss} (on the training rows, natural log,
 * probabilities clipped to [1e-15, 1 − 1e-15]). The same table and seed give the same split and the
 * same model parameters, so the same predictions (XGBoost runs single-threaded for that); the model
 * file itself differs from run to run, as Tribuo's provenance inside it records the training time.
 */
public final class TrainTabularClassifier implements Stage<Table, TabularModel> {
    private static final double LOG_LOSS_EPS = 1e-15;
    private final TabularClassifierConfig config;

    private TrainTabularClassifier(TabularClassifierConfig config) {
        this.config = requireNonNull(config, "config");
    }

    /** A tabular train stage with this configuration. */
    public static TrainTabularClassifier with(TabularClassifierConfig config) {
        return new TrainTabularClassifier(config);
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public TabularClassifierConfig config() {
        return config;
    }

    @Override
    public TabularModel apply(Table table, RunContext context) {
        List<String> classes = TribuoTables.classes(table, config.label());
        List<Example<Label>> all = TribuoTables.examples(table, config.label(), config.features(), config.weights());
        TribuoTables.Split split = TribuoTables.split(table, config.label(), classes, config.testFraction(),
                context.random());
        List<Example<Label>> train = java.util.Arrays.stream(split.train()).mapToObj(all::get).toList();
        if (config.algorithm() == org.trustml.tabular.TabularAlgorithm.LOGISTIC_REGRESSION) {
            TribuoTables.requireVarying(train);
        }
        Model<Label> model = config.tribuoTrainer(context.seed())
                .train(TribuoTables.dataset("trustml table " + table.contentHash(), train));

        byte[] bytes = serialise(model);
        Path file = context.writeArtifact("model/model.tribuo", out -> out.write(bytes));
        Table heldOut = table.take(split.test());
        Path heldOutFile = context.writeArtifact("data/held-out.csv", heldOut.csvContent());
        Map<String, ColumnType> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.type()));
        TabularModel result = new TabularModel(config.algorithm(), config.label(), config.features(), classes, file,
                ContentHash.of(bytes), heldOutFile, types, split.train().length, split.test().length);
        context.writeArtifact("model/model.json", out -> Json.writer().writeValue(out, result));

        double[][] p = TribuoTables.probabilities(model, train, classes);
        double correct = 0;
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            int truth = classes.indexOf(train.get(i).getOutput().getLabel());
            correct += Classification.argmax(p[i]) == truth ? 1 : 0;
            loss -= Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[i][truth])));
        }
        context.logMetric("train_rows", split.train().length);
        context.logMetric("test_rows", split.test().length);
        context.logMetric("features", model.getFeatureIDMap().size());
        context.logMetric("train_accuracy", correct / p.length);
        context.logMetric("train_log_loss", loss / p.length);
        return result;
    }

    private static byte[] serialise(Model<Label> model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serializeToStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise the Tribuo model", e);
        }
        return out.toByteArray();
    }
}
