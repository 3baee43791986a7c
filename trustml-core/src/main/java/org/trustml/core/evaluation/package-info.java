/**
 * What every evaluator's result has in common, and the gates that judge it: {@link MetricSource}
 * (metric values by name and {@link Slice}), {@link Evaluation} (a merged, serialisable set of
 * values), {@link Gate} (TFX/TFMA-style value and change thresholds) and {@link Verdict}. The
 * bless stage ({@link org.trustml.core.stages.Bless}) and the JUnit assertions use the same gates.
 * {@link Predictions} are a classifier's predictions whatever made them; {@link PredictionsEvaluator}s
 * (fairness …) and the classification report per slice are computed from them alone.
 */
package org.trustml.core.evaluation;
