/**
 * The service-provider interface of the HTML trust report: a module contributes sections by listing a
 * {@link org.trustml.core.report.ReportSectionProvider} in
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}; the report (trustml-report)
 * finds every provider on the class path with {@link java.util.ServiceLoader}, orders their
 * {@link org.trustml.core.report.ReportSection}s and lets each one that applies to the
 * {@link org.trustml.core.report.ReportInput} write its body through an
 * {@link org.trustml.core.report.HtmlWriter}, which escapes every value and admits only a fixed set of
 * tags and attributes. Plots are described as {@link org.trustml.core.report.Chart} records and drawn by
 * the report, so an analysis module needs no plotting library. The SPI lives in core, not in
 * trustml-report, so that the analysis modules implement it without depending on the report and the
 * report depends on none of them.
 */
package org.trustml.core.report;
