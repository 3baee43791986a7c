/**
 * The trust report: one self-contained HTML page ({@link org.trustml.report.HtmlReport}) of an evaluated
 * and judged image classifier — confusion matrices, metrics per slice, fairness bars with the gates'
 * thresholds, LIME overlays, adversarial examples, drift, the bless verdict and the model card. It sits
 * above the fairness, explain, adversarial, drift and model-card modules (it reads their results), and
 * nothing but the CLI and applications depends on it.
 */
package org.trustml.report;
