/**
 * The CT demo as code: the seeded generator of synthetic chest CT slices with a planted bias
 * ({@link org.trustml.cli.demo.CtScanData}) and the trusted pipeline over them
 * ({@link org.trustml.cli.demo.CtScanDemo}: ingest, filter, image-folder, train, evaluate with fairness,
 * LIME, robustness and drift, bless, model card, HTML report). {@code trustml demo} and the samples
 * both call it, so there is one pipeline to read.
 */
package org.trustml.cli.demo;
