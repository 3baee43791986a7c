/**
 * Implementation details of trustml-explain: the weighted ridge and lasso path behind LIME's local models, colour
 * conversion, discretizers and tokenisation; KernelSHAP's coalition design and constrained regression, k-means,
 * the flat decision trees and both TreeSHAP algorithms. Works on arrays only and never imports the API package.
 * Not part of the public API.
 */
package org.trustml.explain.internal;
