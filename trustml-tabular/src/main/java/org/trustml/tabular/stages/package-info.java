/**
 * The tabular stages of a pipeline, {@link TrainTabularClassifier} and {@link EvaluateTabularClassifier},
 * and their pipeline-file kinds ({@link TabularStageSpecs}: {@code train-tabular}, {@code evaluate-tabular}).
 */
package org.trustml.tabular.stages;
