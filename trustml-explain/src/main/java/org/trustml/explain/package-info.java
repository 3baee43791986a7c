/**
 * LIME explanations for images, tables and text, SHAP values (KernelSHAP, exact Shapley values, TreeSHAP) with their
 * own quality, native segmenters, and the evaluators that run them in the evaluate stage (issues: trustml-explain,
 * 23).
 */
package org.trustml.explain;
