/**
 * A tiny image classifier gated in a JUnit test suite: generated data, a seconds-long pipeline
 * (train, evaluate with fairness, robustness and drift, bless) and its model card.
 */
package org.trustml.samples.gates;
