package org.trustml.smile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.evaluation.PredictionColumns;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.Table;

/**
 * The stage that scores labelled rows with a trained {@link SmileClassifier} and gives its
 * {@link Predictions}, so that {@link org.trustml.core.stages.EvaluatePredictions} (metrics per slice,
 * fairness …) and the bless stage follow it in a pipeline:
 * <pre>{@code
 * Pipeline.from(Ingest.csv(heldOut)).then(PredictWithSmile.using(model))
 *         .then(EvaluatePredictions.onAllRows().slicedBy("sex").with(fairness)).then(Bless.by(gates))
 * }</pre>
 * Writes {@code predictions.csv}: the predictions in the layout
 * {@code Predictions.readCsv(file, PredictionColumns.of(label, "predicted"))} reads back.
 */
public final class PredictWithSmile implements Stage<Table, Predictions> {
    /**
     * The stage's provenance: the model's training configuration and seed, and its classes.
     *
     * @param model      how the model was trained
     * @param seed       the seed it was trained with
     * @param classes    its classes, by index
     * @param description one line describing it
     */
    public record Config(SmileClassifierConfig model, long seed, List<String> classes, String description) {
        public Config {
            requireNonNull(model, "model");
            classes = List.copyOf(classes);
            requireNonNull(description, "description");
        }
    }

    private final SmileClassifier model;

    private PredictWithSmile(SmileClassifier model) {
        this.model = requireNonNull(model, "model");
    }

    /** Scores with this model. */
    public static PredictWithSmile using(SmileClassifier model) {
        return new PredictWithSmile(model);
    }

    /** The columns of {@code predictions.csv}: the label column is the truth, {@code predicted} the prediction. */
    public PredictionColumns columns() {
        return PredictionColumns.of(model.label(), "predicted");
    }

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public Config config() {
        return new Config(model.config(), model.seed(), model.classes(), model.description());
    }

    @Override
    public Predictions apply(Table rows, RunContext context) {
        Predictions p = model.predictions(rows);
        context.writeArtifact("predictions.csv", p.toTable(columns()).csvContent());
        return p;
    }
}
