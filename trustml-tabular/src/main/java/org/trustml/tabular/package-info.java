/**
 * Tabular classifiers on Tribuo: the configuration ({@link TabularClassifierConfig}, {@link
 * TabularAlgorithm}: logistic regression, CART, XGBoost), the trained {@link TabularModel}, and its
 * evaluation ({@link TabularEvaluation}, {@link TabularEvaluator}). The stages and their pipeline-file
 * kinds are in {@link org.trustml.tabular.stages}.
 */
package org.trustml.tabular;
