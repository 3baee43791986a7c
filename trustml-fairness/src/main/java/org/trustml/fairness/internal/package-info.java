/**
 * Implementation details of trustml-fairness: canonical values, primitive maps, sums, the k-d tree, and
 * the HTML report's fairness section ({@code FairnessSection}, found by the report with ServiceLoader).
 */
package org.trustml.fairness.internal;
