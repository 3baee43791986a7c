/**
 * The typed pipeline: {@link org.trustml.core.pipeline.Stage}s chained with
 * {@link org.trustml.core.pipeline.Pipeline#from(Stage)} and
 * {@link org.trustml.core.pipeline.Pipeline#then(Stage)} (a stage that cannot take the previous
 * output does not compile), run with {@link org.trustml.core.pipeline.RunOptions}, each stage
 * given a {@link org.trustml.core.pipeline.RunContext}.
 */
package org.trustml.core.pipeline;
