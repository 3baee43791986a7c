package org.trustml.report.internal;

import java.util.List;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;

/**
 * The sections of every evaluation, registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: confusion matrices (100), metrics per
 * slice (200), the bless verdict (700) and every metric (900).
 */
public final class EvaluationSectionProvider implements ReportSectionProvider {
    @Override
    public List<ReportSection> sections() {
        return List.of(new ConfusionSection(), new SlicesSection(), new VerdictSection(), new MetricsSection());
    }
}
