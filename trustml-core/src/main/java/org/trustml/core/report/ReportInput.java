package org.trustml.core.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Verdict;

/**
 * What a report is about, as every {@link ReportSection} sees it: model-neutral, so the same sections
 * serve an image classifier, a tabular model or predictions that came from elsewhere.
 *
 * @param title          the report's title; not blank
 * @param runId          the pipeline run the evaluation came from, if any
 * @param model          one line that describes the evaluated model, if known
 * @param unit           what one evaluated row is, plural, for captions: {@code "images"}, {@code "rows"}
 * @param evaluation     every metric of the evaluation (the "all metrics" section lists them)
 * @param classification the classification report (confusion matrices, metrics per slice), if there is one
 * @param evaluators     each plugged-in evaluator's result by name, in the evaluation's order; sections pick
 *                       theirs by type ({@link #results(Class)})
 * @param verdict        the bless verdict
 * @param attachments    further objects a section may render, e.g. a model card; sections pick theirs by
 *                       type ({@link #attachment(Class)})
 */
public record ReportInput(String title, Optional<String> runId, Optional<String> model, String unit,
        MetricSource evaluation, Optional<ClassificationReport> classification, Map<String, MetricSource> evaluators,
        Verdict verdict, List<Object> attachments) {
    public ReportInput {
        requireNonNull(title, "title");
        if (title.isBlank()) {
            throw InvalidInputException.problem("is blank").column("title").expected("a title for the report").build();
        }
        requireNonNull(runId, "runId");
        requireNonNull(model, "model");
        requireNonNull(unit, "unit");
        if (unit.isBlank()) {
            throw InvalidInputException.problem("is blank").column("unit")
                    .expected("what one evaluated row is, plural: images, rows").build();
        }
        requireNonNull(evaluation, "evaluation");
        requireNonNull(classification, "classification");
        requireNonNull(verdict, "verdict");
        evaluators = Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
        attachments = List.copyOf(attachments);
    }

    /** A report of {@code evaluation} judged by {@code verdict}, with no classification report, evaluators or attachments. */
    public static ReportInput of(String title, MetricSource evaluation, Verdict verdict) {
        return new ReportInput(title, Optional.empty(), Optional.empty(), "rows", evaluation, Optional.empty(), Map.of(),
                verdict, List.of());
    }

    /** The same input naming the run it came from. */
    public ReportInput withRunId(String id) {
        return new ReportInput(title, Optional.of(requireNonNull(id, "runId")), model, unit, evaluation, classification,
                evaluators, verdict, attachments);
    }

    /** The same input with this description of the model and this unit ({@code "images"}, {@code "rows"}). */
    public ReportInput withModel(String description, String unit) {
        return new ReportInput(title, runId, Optional.of(requireNonNull(description, "model")), unit, evaluation,
                classification, evaluators, verdict, attachments);
    }

    /** The same input with this classification report (confusion matrices, metrics per slice). */
    public ReportInput withClassification(ClassificationReport report) {
        return new ReportInput(title, runId, model, unit, evaluation, Optional.of(requireNonNull(report, "classification")),
                evaluators, verdict, attachments);
    }

    /** The same input with these evaluator results, by name, in this map's order. */
    public ReportInput withEvaluators(Map<String, ? extends MetricSource> results) {
        return new ReportInput(title, runId, model, unit, evaluation, classification,
                new LinkedHashMap<>(requireNonNull(results, "evaluators")), verdict, attachments);
    }

    /** The same input with one more attachment. */
    public ReportInput withAttachment(Object attachment) {
        List<Object> all = new ArrayList<>(attachments);
        all.add(requireNonNull(attachment, "attachment"));
        return new ReportInput(title, runId, model, unit, evaluation, classification, evaluators, verdict, all);
    }

    /** The evaluator results of this type, by evaluator name, in the evaluation's order. */
    public <T> Map<String, T> results(Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        evaluators.forEach((name, result) -> {
            if (type.isInstance(result)) {
                out.put(name, type.cast(result));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The first attachment of this type, if any. */
    public <T> Optional<T> attachment(Class<T> type) {
        return attachments.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
