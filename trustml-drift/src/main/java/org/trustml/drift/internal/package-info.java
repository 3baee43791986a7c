/**
 * Implementation of the drift tests: sorting, the two-sample statistics and their null
 * distributions, binning, kernels, the autoencoder networks and the HTML report's drift section
 * ({@code DriftSection}, found by the report with ServiceLoader). Not API: use
 * {@link org.trustml.drift.Drift} and {@link org.trustml.drift.AutoencoderChecker}.
 */
package org.trustml.drift.internal;
