package org.trustml.core.report;

import java.util.List;

/**
 * What a module registers in {@code META-INF/services/org.trustml.core.report.ReportSectionProvider} to
 * add sections to the HTML trust report. Implementations are public, have a public no-argument
 * constructor (as {@link java.util.ServiceLoader} requires) and hold no state.
 */
public interface ReportSectionProvider {
    /** This module's sections, in any order (the report orders them by {@link ReportSection#order()}). */
    List<ReportSection> sections();
}
