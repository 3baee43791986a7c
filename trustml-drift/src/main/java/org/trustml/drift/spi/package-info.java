/**
 * What an engine implements to run the drift tests where its data lives: {@link org.trustml.drift.spi.DriftData}
 * (the two tables' row counts, columns and kinds), {@link org.trustml.drift.spi.NumericColumnPair} (a numeric
 * column's two sorted samples, queried in batches) and {@link org.trustml.drift.spi.CategoricalCounts}. The drift
 * module's tables implement it in memory; trustml-spark implements it with a distributed sort. Every formula
 * stays in the drift module: an engine answers queries about sorted values and counts, never computes a test.
 * This package depends on nothing else in trustml.
 */
package org.trustml.drift.spi;
