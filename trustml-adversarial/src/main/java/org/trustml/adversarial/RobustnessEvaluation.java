package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;

/**
 * What {@link RobustnessEvaluator} gives the evaluate stage: every {@link RobustnessReport} metric on
 * the slice {@code eps=<eps>} (per class {@code eps=<eps>, class=<label>}), and the PNG sheets of
 * adversarial examples it drew, one per eps.
 *
 * @param schemaVersion the JSON format's version
 * @param metrics       the values; no (name, slice) twice
 * @param examples      the example sheets, in eps order
 */
public record RobustnessEvaluation(int schemaVersion, List<MetricValue> metrics, List<ExampleSheet> examples)
        implements MetricSource {
    /** The format this version writes. */
    public static final int SCHEMA_VERSION = 1;

    public RobustnessEvaluation {
        metrics = Evaluation.of(metrics).metrics(); // copies and rejects a (name, slice) twice
        examples = List.copyOf(examples);
    }

    /**
     * One PNG sheet of adversarial examples: per row the original, the perturbation magnified so that
     * its largest |δ| spans the grey range, and the adversarial example, captioned with the predicted
     * classes (a changed prediction is marked "flipped").
     *
     * @param eps     the attack's budget
     * @param rows    examples on the sheet
     * @param flipped how many of them the attack made the model change its prediction on
     * @param file    the PNG
     */
    public record ExampleSheet(double eps, int rows, int flipped, Path file) {
        public ExampleSheet {
            requireNonNull(file, "file");
        }
    }
}
