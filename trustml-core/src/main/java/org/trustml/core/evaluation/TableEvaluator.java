package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import org.trustml.core.pipeline.RunContext;

/**
 * A check that queries a table model beyond its predictions (LIME tabular asks it about perturbed rows).
 * The tabular evaluate stage ({@code EvaluateTabularClassifier}, trustml-tabular) runs it on the model it
 * evaluates; {@link #on} binds it to any other {@link TableClassifier} (a Smile model, say) so that
 * {@link org.trustml.core.stages.EvaluatePredictions} runs it on that model's predictions.
 */
public interface TableEvaluator extends Evaluator<TableEvaluationInput> {
    /** This evaluator on {@code model}'s predictions: a {@link PredictionsEvaluator} with the same name and config. */
    default PredictionsEvaluator on(TableClassifier model) {
        requireNonNull(model, "model");
        TableEvaluator self = this;
        return new PredictionsEvaluator() {
            @Override
            public String name() {
                return self.name();
            }

            @Override
            public Object config() {
                return self.config();
            }

            @Override
            public MetricSource evaluate(Predictions predictions, RunContext context) {
                return self.evaluate(new TableEvaluationInput(model, predictions), context);
            }
        };
    }
}
