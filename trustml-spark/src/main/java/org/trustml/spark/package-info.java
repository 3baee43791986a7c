/**
 * trustml's analyses on Apache Spark DataFrames, with the single-machine numbers:
 * {@link org.trustml.spark.SparkFairness} (the fairness report from one distributed aggregation of sufficient
 * statistics), {@link org.trustml.spark.SparkDrift} (the drift report, numeric tests on an exact distributed sort),
 * {@link org.trustml.spark.SparkScoring} (batch scoring of a published tabular package, then fairness and drift of
 * its predictions) and {@link org.trustml.spark.SparkFiles} (tables read by Spark). Spark is a {@code provided}
 * dependency: the application or the cluster brings it.
 */
package org.trustml.spark;
