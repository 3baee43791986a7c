/**
 * Implementation of the drift tests that knows nothing of the drift API: sorting, the two-sample statistics
 * and their null distributions, binning, category counts, kernels and MMD, the exceedance test, k-center
 * selection and the autoencoder networks. The classes that work in the API's types (the per-column tests, the
 * checker's training, scoring, batch verdict and saved file) are package-private in {@code org.trustml.drift};
 * nothing here imports that package. Not API: use {@code org.trustml.drift.Drift} and
 * {@code org.trustml.drift.AutoencoderChecker}.
 */
package org.trustml.drift.internal;
