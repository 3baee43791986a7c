package org.trustml.samples.gates;

import org.trustml.core.evaluation.Blessing;

import org.trustml.core.pipeline.PipelineRun;
import org.trustml.junit.EvaluatedRun;
import org.trustml.junit.EvaluationContext;
import org.trustml.junit.EvaluationSource;

/** Trains and evaluates the tiny classifier once for a test class, with its model card. */
public final class TinyClassifierSource implements EvaluationSource {
    @Override
    public EvaluatedRun evaluate(EvaluationContext context) {
        PipelineRun<Blessing<TinyClassifier.TinyEvaluation>> run = TinyClassifier.run(context.workDirectory(), 7);
        return EvaluatedRun.of(run).withModelCard(TinyClassifier.card(run));
    }
}
