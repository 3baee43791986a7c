package org.trustml.explain;

import java.util.List;
import org.trustml.core.evaluation.MetricValue;

/** The metrics of an explanation report: mean and smallest local-model score, none when nothing was explained. */
final class LimeScores {
    private LimeScores() {}

    static List<MetricValue> of(double[] scores) {
        if (scores.length == 0) {
            return List.of();
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : scores) {
            sum += s;
            min = Math.min(min, s);
        }
        return List.of(MetricValue.of(ExplanationMetric.LIME_SCORE_MEAN, sum / scores.length),
                MetricValue.of(ExplanationMetric.LIME_SCORE_MIN, min));
    }
}
