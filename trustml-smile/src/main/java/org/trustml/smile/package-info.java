/**
 * Smile classifiers as trustml models (optional module; Smile is GPL-3, so no other trustml module
 * depends on this one). {@link org.trustml.smile.SmileClassifier} trains logistic regression, a random
 * forest or gradient tree boosting ({@link org.trustml.smile.SmileAlgorithm},
 * {@link org.trustml.smile.SmileClassifierConfig}) on a {@link org.trustml.core.table.Table}, seeded,
 * and gives model-neutral {@link org.trustml.core.evaluation.Predictions} for the evaluate stage,
 * fairness, the bless gates and the report, a row model for LIME and tables for drift's column tests.
 */
package org.trustml.smile;
