package org.trustml.core.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An immutable chain of stages that starts from a source. Types are checked by the compiler:
 * {@code then} only accepts a stage whose input type the previous stage's output satisfies.
 *
 * <pre>{@code
 * PipelineRun<Table> run = Pipeline.from(Ingest.csv(path))
 *         .then(Transform.column("finding", s -> s.replace('/', '_')))
 *         .then(Filter.rows(r -> !r.string("filename").contains(".gz")))
 *         .run(RunOptions.seed(42));
 * }</pre>
 *
 * @param <O> the output of the last stage
 */
public final class Pipeline<O> {
    private final List<Stage<?, ?>> stages;

    private Pipeline(List<Stage<?, ?>> stages) {
        this.stages = List.copyOf(stages);
    }

    /** A pipeline whose first stage is a source (it takes no input). */
    public static <O> Pipeline<O> from(Stage<Void, O> source) {
        return new Pipeline<>(List.of(requireNonNull(source, "source")));
    }

    /** A new pipeline: this one followed by {@code next}. This pipeline is unchanged. */
    public <R> Pipeline<R> then(Stage<? super O, R> next) {
        List<Stage<?, ?>> more = new ArrayList<>(stages);
        more.add(requireNonNull(next, "next"));
        return new Pipeline<>(more);
    }

    /** The stages, in order. */
    public List<Stage<?, ?>> stages() {
        return stages;
    }

    /**
     * Runs every stage in order, records the run ({@code run.json} in the run directory and the
     * tracker) and returns the last output. A failing stage fails the run: the record is still
     * written, with that stage FAILED, and a {@link org.trustml.core.pipeline.PipelineException} is thrown.
     */
    public PipelineRun<O> run(RunOptions options) {
        return new PipelineRunner(stages, requireNonNull(options, "options")).run();
    }

    @Override
    public String toString() {
        return stages.stream().map(Stage::name).collect(Collectors.joining(" -> ", "Pipeline[", "]"));
    }
}
