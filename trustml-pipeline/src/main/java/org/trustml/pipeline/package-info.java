/**
 * Pipeline files beyond core's reader: the {@code transform} and {@code filter} stages written in the Common
 * Expression Language ({@link org.trustml.pipeline.RowExpression}, {@link org.trustml.pipeline.ExpressionTransform},
 * {@link org.trustml.pipeline.ExpressionFilter}, registered by {@link org.trustml.pipeline.ExpressionStageSpecs}), the
 * JSON Schema of pipeline files generated from the registered kinds ({@link org.trustml.pipeline.PipelineSchema}) and
 * the located check that reports every error of a file with its line, column and the valid choices
 * ({@link org.trustml.pipeline.PipelineCheck}, behind {@code trustml run --check}).
 */
package org.trustml.pipeline;
