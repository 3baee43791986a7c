package org.trustml.junit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.run.ArtifactRecord;
import org.trustml.core.run.RunRecord;
import org.trustml.core.run.StageRecord;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;

/**
 * An evaluation under test and where it came from: what {@link TrustmlTest} injects and attaches to
 * the test report.
 *
 * @param evaluation   the metric values the gates judge
 * @param runId        the pipeline run's id, named in failure messages
 * @param runDirectory the run's directory ({@code run.json}, artifacts), if there is one
 * @param verdict      the bless stage's verdict, if the run blessed
 * @param modelCard    the model card, if one was made or found
 */
public record EvaluatedRun(MetricSource evaluation, Optional<String> runId, Optional<Path> runDirectory,
        Optional<Verdict> verdict, Optional<ModelCard> modelCard) {
    /** The file names a model card is looked for under in a run directory, in order. */
    public static final String[] CARD_FILES = {"model-card.yaml", "model-card.yml", "model-card.json"};

    public EvaluatedRun {
        requireNonNull(evaluation, "evaluation");
        requireNonNull(runId, "runId");
        requireNonNull(runDirectory, "runDirectory");
        requireNonNull(verdict, "verdict");
        requireNonNull(modelCard, "modelCard");
    }

    /** An evaluation made outside a pipeline run. */
    public static EvaluatedRun of(MetricSource evaluation) {
        return new EvaluatedRun(evaluation, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A finished pipeline whose last stage evaluated ({@link MetricSource}) or blessed
     * ({@link Blessing}, whose verdict is kept).
     */
    public static EvaluatedRun of(PipelineRun<?> run) {
        requireNonNull(run, "run");
        Object out = run.output();
        Optional<String> id = Optional.of(run.record().runId());
        if (out instanceof Blessing<?> b) {
            return new EvaluatedRun(b.evaluation(), id, Optional.of(run.runDirectory()), Optional.of(b.verdict()),
                    Optional.empty());
        }
        if (out instanceof MetricSource m) {
            return new EvaluatedRun(m, id, Optional.of(run.runDirectory()), Optional.empty(), Optional.empty());
        }
        throw InvalidInputException.problem("does not end in an evaluation").file(run.recordFile())
                .value(out == null ? "null" : out.getClass().getName())
                .expected("a pipeline ending in an evaluate or bless stage").build();
    }

    /**
     * Loads a finished run from its directory: {@code run.json}, the last {@code evaluation.json}
     * artifact, {@code verdict.json} if the run blessed, and a model card saved beside them
     * ({@link #CARD_FILES}) if there is one.
     */
    public static EvaluatedRun load(Path runDirectory) {
        requireNonNull(runDirectory, "runDirectory");
        RunRecord record = RunRecord.read(runDirectory.resolve(RunRecord.FILE_NAME));
        Evaluation evaluation = artifact(record, "evaluation.json")
                .map(p -> read(runDirectory.resolve(p), Evaluation.class))
                .orElseThrow(() -> InvalidInputException.problem("has no evaluation.json artifact")
                        .file(runDirectory.resolve(RunRecord.FILE_NAME))
                        .expected("a run with an evaluate stage").build());
        Optional<Verdict> verdict = artifact(record, "verdict.json").map(p -> read(runDirectory.resolve(p), Verdict.class));
        Optional<ModelCard> card = Optional.empty();
        for (String name : CARD_FILES) {
            Path f = runDirectory.resolve(name);
            if (card.isEmpty() && Files.isRegularFile(f)) {
                card = Optional.of(ModelCards.read(f));
            }
        }
        return new EvaluatedRun(evaluation, Optional.of(record.runId()), Optional.of(runDirectory), verdict, card);
    }

    /** The same run with this model card attached. */
    public EvaluatedRun withModelCard(ModelCard card) {
        return new EvaluatedRun(evaluation, runId, runDirectory, verdict, Optional.of(requireNonNull(card, "card")));
    }

    private static Optional<String> artifact(RunRecord record, String name) {
        Optional<String> path = Optional.empty();
        for (StageRecord s : record.stages()) {
            for (ArtifactRecord a : s.artifacts()) {
                if (a.name().equals(name)) {
                    path = Optional.of(a.path());
                }
            }
        }
        return path;
    }

    private static <T> T read(Path file, Class<T> type) {
        return Json.read(file, type, "the " + file.getFileName() + " the pipeline wrote, listed in run.json");
    }
}
