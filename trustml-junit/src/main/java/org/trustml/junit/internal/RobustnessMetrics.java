package org.trustml.junit.internal;

import java.util.ArrayList;
import java.util.List;
import org.trustml.adversarial.RobustnessReport;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;

/** A single attack's {@link RobustnessReport} as metric values on the slice {@code eps=<eps>}. */
public final class RobustnessMetrics {
    private RobustnessMetrics() {}

    /**
     * The report's values as the robustness evaluator lists them: {@code eps=<eps>} for all samples,
     * {@code eps=<eps>, class=<label>} per class; the float eps is written as its shortest decimal
     * ({@code 0.03f} → {@code 0.03}).
     */
    public static Evaluation of(RobustnessReport report) {
        Slice at = Slice.of("eps", Double.toString(Double.parseDouble(Float.toString(report.attack().eps()))));
        List<MetricValue> out = new ArrayList<>();
        for (org.trustml.adversarial.MetricValue v : report.metrics()) {
            Slice s = v.slice().equals("all") ? at : at.and("class", v.slice().substring(v.slice().indexOf('=') + 1));
            out.add(new MetricValue(v.metric().jsonName(), s, v.value(), v.reason()));
        }
        return Evaluation.of(out);
    }
}
