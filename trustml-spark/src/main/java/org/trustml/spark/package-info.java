/**
 * trustml's analyses on Apache Spark DataFrames, with the single-machine numbers: {@link org.trustml.spark.SparkFairness}
 * (the fairness report from one distributed aggregation of sufficient statistics) and
 * {@link org.trustml.spark.SparkDrift} (the drift report, numeric tests on a distributed sort). Spark is a
 * {@code provided} dependency: the application or the cluster brings it.
 */
package org.trustml.spark;
