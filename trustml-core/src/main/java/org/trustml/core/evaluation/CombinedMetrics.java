package org.trustml.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics of an evaluate stage's result: the classification report's, then each evaluator's. */
public final class CombinedMetrics {
    private CombinedMetrics() {}

    /**
     * An evaluator metric with the name and slice of one already listed (a fairness report's overall
     * {@code accuracy}, say) is left out when it has the same value, and listed as
     * {@code <evaluator>.<name>} when it differs (weighted counts, another favorable class), so no
     * number is lost and none is listed twice.
     */
    public static List<MetricValue> of(ClassificationReport classification, Map<String, MetricSource> evaluators) {
        List<MetricValue> all = new ArrayList<>(classification.metrics());
        Map<String, MetricValue> seen = new LinkedHashMap<>();
        all.forEach(m -> seen.put(m.name() + " @ " + m.slice(), m));
        evaluators.forEach((name, source) -> {
            for (MetricValue m : source.metrics()) {
                MetricValue earlier = seen.putIfAbsent(m.name() + " @ " + m.slice(), m);
                if (earlier == null) {
                    all.add(m);
                } else if (Double.compare(earlier.value(), m.value()) != 0 && Math.abs(earlier.value() - m.value()) > 1e-12) {
                    all.add(new MetricValue(name + "." + m.name(), m.slice(), m.value(), m.undefinedReason(), m.interval()));
                }
            }
        });
        return all;
    }
}
