/**
 * How trustml-spark computes on DataFrames: the fairness aggregation and its driver-side merge, the
 * consistency sample, the distributed sort behind the numeric drift tests, the scoring of partitions, row
 * numbers for error messages. Not API: use the classes of {@code org.trustml.spark}.
 */
package org.trustml.spark.internal;
