package org.trustml.junit;

/**
 * Makes the evaluation a {@link TrustmlTest} class gates: typically runs a pipeline (train, evaluate,
 * bless) in {@link EvaluationContext#workDirectory()} and returns {@link EvaluatedRun#of(
 * org.trustml.core.pipeline.PipelineRun)}. Called once per test class.
 */
@FunctionalInterface
public interface EvaluationSource {
    /** Makes or loads the evaluation; any exception fails every test of the class. */
    EvaluatedRun evaluate(EvaluationContext context) throws Exception;
}
