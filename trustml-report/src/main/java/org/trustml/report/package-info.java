/**
 * The trust report: one self-contained HTML page ({@link org.trustml.report.HtmlReport}) of an evaluated and
 * judged model, made of the sections that the modules on the class path provide through
 * {@link org.trustml.core.report.ReportSectionProvider} (confusion matrices, metrics per slice and the verdict
 * from here; fairness, LIME overlays, adversarial examples, drift and the model card from their modules). It
 * depends on trustml-core only; nothing but the CLI and applications depends on it.
 */
package org.trustml.report;
