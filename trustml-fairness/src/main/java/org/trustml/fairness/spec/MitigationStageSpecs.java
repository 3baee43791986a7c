package org.trustml.fairness.spec;

import static org.trustml.core.pipeline.spec.StageSpecs.choice;
import static org.trustml.core.pipeline.spec.StageSpecs.or;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.core.table.Table;
import org.trustml.fairness.mitigation.CalibratedEqOddsPostprocessing;
import org.trustml.fairness.mitigation.DisparateImpactRemover;
import org.trustml.fairness.mitigation.EqOddsPostprocessing;
import org.trustml.fairness.mitigation.RejectOptionClassification;
import org.trustml.fairness.mitigation.Reweighing;

/**
 * The bias mitigation stages of pipeline files, each a table → table stage of {@link org.trustml.fairness.mitigation}:
 * pre-processing before {@code train-tabular} ({@code reweighing} writes a weights column for its {@code weights};
 * {@code disparate-impact-remover} repairs feature columns) and post-processing of a table of predictions
 * ({@code reject-option-classification}, {@code eq-odds-postprocessing}, {@code calibrated-eq-odds-postprocessing}).
 * Groups are written as AIF360 writes them: {@code privileged: [{sex: M}]}; {@code unprivileged} defaults to every
 * row not privileged.
 */
public final class MitigationStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("reweighing", ReweighingSpec.class, "disparate-impact-remover", DisparateImpactRemoverSpec.class,
                "reject-option-classification", RejectOptionClassificationSpec.class,
                "eq-odds-postprocessing", EqOddsPostprocessingSpec.class,
                "calibrated-eq-odds-postprocessing", CalibratedEqOddsPostprocessingSpec.class);
    }

    /** A table → table stage's types. */
    private interface TableStage extends StageSpec {
        default Class<?> inputType() {
            return Table.class;
        }

        default Class<?> outputType() {
            return Table.class;
        }
    }

    /**
     * {@code reweighing} ({@link Reweighing}): {@code label}, {@code favorable}, {@code privileged} (required),
     * {@code unprivileged}, {@code weights} (an existing weights column), {@code output} (default
     * {@code instance_weights}, AIF360's name).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Reweighing (Kamiran and Calders; AIF360 Reweighing): writes row weights (output, default "
            + "instance_weights) under which label and group are independent; train-tabular reads them as weights.")
    public record ReweighingSpec(@Required String label, @Required String favorable, @Required List<Map<String,
            String>> privileged,
            List<Map<String, String>> unprivileged, String weights, String output) implements TableStage {
        public ReweighingSpec {
            Groups.target(label, favorable, privileged, unprivileged);
        }

        public String kind() {
            return "reweighing";
        }

        public Stage<?, ?> build(Path base) {
            return new Reweighing(new Reweighing.Config(Groups.target(label, favorable, privileged, unprivileged),
                    Optional.ofNullable(weights), output == null ? "instance_weights" : output));
        }
    }

    /**
     * {@code disparate-impact-remover} ({@link DisparateImpactRemover}): {@code features} and {@code sensitive}
     * (required), {@code repair-level} in [0, 1] (default 1, AIF360's).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Disparate impact remover (Feldman et al.; AIF360 DisparateImpactRemover): moves each of the "
            + "features towards a distribution shared by the groups of the sensitive column; repair-level in [0, 1].")
    public record DisparateImpactRemoverSpec(@Required List<String> features, @Required String sensitive,
            Double repairLevel)
            implements TableStage {
        public DisparateImpactRemoverSpec {
            if (features == null || features.isEmpty()) {
                throw InvalidInputException.problem("is required").column("features")
                        .expected("a list of numeric feature columns").build();
            }
            Groups.required("sensitive", sensitive);
            features = List.copyOf(features);
            config(features, sensitive, repairLevel);
        }

        public String kind() {
            return "disparate-impact-remover";
        }

        public Stage<?, ?> build(Path base) {
            return new DisparateImpactRemover(config(features, sensitive, repairLevel));
        }

        private static DisparateImpactRemover.Config config(List<String> features, String sensitive,
                Double repairLevel) {
            return new DisparateImpactRemover.Config(features, sensitive, repairLevel == null ? 1.0 : repairLevel);
        }
    }

    /**
     * {@code reject-option-classification} ({@link RejectOptionClassification}): {@code label}, {@code favorable},
     * {@code privileged}, {@code score}, {@code output} (required), {@code unprivileged}; the search grid and bounds
     * default to AIF360's ({@code low-threshold} 0.01, {@code high-threshold} 0.99, {@code num-thresholds} 100,
     * {@code num-margins} 50, {@code metric} statistical-parity-difference within ±0.05).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Reject option classification (Kamiran et al.; AIF360 RejectOptionClassification): relabels "
            + "predictions near the threshold of the score column in favour of the unprivileged; writes output (0/1).")
    public record RejectOptionClassificationSpec(@Required String label, @Required String favorable,
            @Required List<Map<String, String>> privileged,
            List<Map<String, String>> unprivileged, @Required String score, @Required String output,
            Double lowThreshold,
            Double highThreshold, Integer numThresholds, Integer numMargins, String metric, Double metricLow,
            Double metricHigh) implements TableStage {
        public RejectOptionClassificationSpec {
            Groups.required("score", score);
            Groups.required("output", output);
            config(label, favorable, privileged, unprivileged, score, output, lowThreshold, highThreshold, numThresholds,
                    numMargins, metric, metricLow, metricHigh);
        }

        public String kind() {
            return "reject-option-classification";
        }

        public Stage<?, ?> build(Path base) {
            return new RejectOptionClassification(config(label, favorable, privileged, unprivileged, score, output,
                    lowThreshold, highThreshold, numThresholds, numMargins, metric, metricLow, metricHigh));
        }

        private static RejectOptionClassification.Config config(String label, String favorable,
                List<Map<String, String>> privileged, List<Map<String, String>> unprivileged, String score, String output,
                Double lowThreshold, Double highThreshold, Integer numThresholds, Integer numMargins, String metric,
                Double metricLow, Double metricHigh) {
            RejectOptionClassification.Config d = RejectOptionClassification.Config.defaults(
                    Groups.target(label, favorable, privileged, unprivileged), score, output);
            return new RejectOptionClassification.Config(d.target(), score, output,
                    lowThreshold == null ? d.lowThreshold() : lowThreshold,
                    highThreshold == null ? d.highThreshold() : highThreshold, or(numThresholds, d.numThresholds()),
                    or(numMargins, d.numMargins()),
                    metric == null ? d.metric() : choice("metric", metric, RejectOptionClassification.Metric.class),
                    metricLow == null ? d.metricLow() : metricLow, metricHigh == null ? d.metricHigh() : metricHigh);
        }
    }

    /**
     * {@code eq-odds-postprocessing} ({@link EqOddsPostprocessing}): {@code label}, {@code favorable},
     * {@code privileged}, {@code prediction} (the predicted label column), {@code output} (required),
     * {@code unprivileged}. Seeded by the run.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Equalized-odds post-processing (Hardt et al.; AIF360 EqOddsPostprocessing): flips predicted "
            + "labels per group so that TPR and FPR match; writes output (0/1); seeded by the run.")
    public record EqOddsPostprocessingSpec(@Required String label, @Required String favorable,
            @Required List<Map<String, String>> privileged,
            List<Map<String, String>> unprivileged, @Required String prediction,
            @Required String output) implements TableStage {
        public EqOddsPostprocessingSpec {
            Groups.required("prediction", prediction);
            Groups.required("output", output);
            Groups.target(label, favorable, privileged, unprivileged);
        }

        public String kind() {
            return "eq-odds-postprocessing";
        }

        public Stage<?, ?> build(Path base) {
            return new EqOddsPostprocessing(new EqOddsPostprocessing.Config(
                    Groups.target(label, favorable, privileged, unprivileged), prediction, output));
        }
    }

    /**
     * {@code calibrated-eq-odds-postprocessing} ({@link CalibratedEqOddsPostprocessing}): {@code label},
     * {@code favorable}, {@code privileged}, {@code score}, {@code output-score}, {@code output-label} (required),
     * {@code unprivileged}, {@code cost-constraint} (fnr, fpr or weighted; default weighted, AIF360's) and
     * {@code threshold} (0.5). Seeded by the run.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Calibrated equalized-odds post-processing (Pleiss et al.; AIF360 "
            + "CalibratedEqOddsPostprocessing): mixes scores with the group's base rate; writes output-score and "
            + "output-label; cost-constraint fnr, fpr or weighted (default).")
    public record CalibratedEqOddsPostprocessingSpec(@Required String label, @Required String favorable,
            @Required List<Map<String, String>> privileged, List<Map<String, String>> unprivileged,
            @Required String score,
            @Required String outputScore, @Required String outputLabel, String costConstraint,
            Double threshold) implements TableStage {
        public CalibratedEqOddsPostprocessingSpec {
            Groups.required("score", score);
            Groups.required("output-score", outputScore);
            Groups.required("output-label", outputLabel);
            config(label, favorable, privileged, unprivileged, score, outputScore, outputLabel, costConstraint, threshold);
        }

        public String kind() {
            return "calibrated-eq-odds-postprocessing";
        }

        public Stage<?, ?> build(Path base) {
            return new CalibratedEqOddsPostprocessing(config(label, favorable, privileged, unprivileged, score,
                    outputScore, outputLabel, costConstraint, threshold));
        }

        private static CalibratedEqOddsPostprocessing.Config config(String label, String favorable,
                List<Map<String, String>> privileged, List<Map<String, String>> unprivileged, String score,
                String outputScore, String outputLabel, String costConstraint, Double threshold) {
            return new CalibratedEqOddsPostprocessing.Config(Groups.target(label, favorable, privileged, unprivileged),
                    score, outputScore, outputLabel, costConstraint == null
                            ? CalibratedEqOddsPostprocessing.CostConstraint.WEIGHTED
                            : choice("cost-constraint", costConstraint, CalibratedEqOddsPostprocessing.CostConstraint.class),
                    threshold == null ? 0.5 : threshold);
        }
    }
}
