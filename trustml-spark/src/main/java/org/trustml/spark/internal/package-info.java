/**
 * How trustml-spark computes on DataFrames: the fairness aggregation and its driver-side merge, the
 * consistency sample, the distributed sort behind the numeric drift tests, row numbers for error messages.
 * Not API: use {@link org.trustml.spark.SparkFairness} and {@link org.trustml.spark.SparkDrift}.
 */
package org.trustml.spark.internal;
