package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.StrictYaml;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;

/**
 * A pipeline written as YAML, for {@code trustml run pipeline.yaml}:
 *
 * <pre>
 * seed: 42
 * experiment: covid-ct          # optional; MLflow experiment
 * mlruns: trustml-runs/mlruns   # optional; MLflow file store (this is the default), beside the file
 * stages:
 *   - ingest: {csv: metadata.csv}
 *   - image-folder: {file-column: filename, label-column: finding, images: images, output: work/dataset}
 *   - train: {architecture: mobilenet-v2, input-size: 64, epochs: 5}
 *   - evaluate: {slices: [sex, age_group]}
 *   - bless:
 *       gates:
 *         - {metric: accuracy, min: 0.8}
 * </pre>
 *
 * Relative paths are resolved against the YAML file's folder. Unknown fields, wrong types and
 * stages that do not fit together are errors naming the file, line, column and field path. The
 * file is read by {@link StrictYaml} (at most {@value #MAX_BYTES} bytes of UTF-8, nested at most
 * {@value #MAX_DEPTH} levels), which refuses aliases, tags, duplicate keys and a second document
 * before anything is bound, so the pipeline that runs is the one the file says.
 *
 * @param seed       the run's seed
 * @param experiment the MLflow experiment (default {@code Default})
 * @param mlruns     the MLflow file store folder
 * @param runName    the run's name
 * @param stages     the stages, in order
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PipelineSpec(Long seed, String experiment, String mlruns, String runName, List<StageSpec> stages) {
    public PipelineSpec {
        if (seed == null) {
            throw InvalidInputException.problem("is required").column("seed").expected("an integer seed").build();
        }
        if (stages == null || stages.isEmpty()) {
            throw InvalidInputException.problem("is required").column("stages").expected("a list of stages").build();
        }
        stages = List.copyOf(stages);
    }

    /** Largest pipeline file read: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting of mappings and sequences in a pipeline file. */
    public static final int MAX_DEPTH = 50;

    private static final String EXPECTED = "a pipeline file as described in docs/core.md (Pipelines in YAML)";
    private static final StrictYaml YAML = StrictYaml.withLimits(MAX_BYTES, MAX_DEPTH);
    private static final ObjectReader READER;

    static {
        YAMLMapper mapper = YAMLMapper.builder(YAML.factory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        StageSpecKinds.all().forEach((name, type) -> mapper.registerSubtypes(new NamedType(type, name)));
        EvaluatorSpecKinds.all().forEach((name, type) -> mapper.registerSubtypes(new NamedType(type, name)));
        READER = mapper.readerFor(PipelineSpec.class);
    }

    /** Reads a pipeline file and checks that its stages can be built and fit together. */
    public static PipelineSpec read(Path file) {
        String text = YAML.read(file, EXPECTED);
        PipelineSpec spec;
        try {
            spec = READER.readValue(text);
        } catch (JsonProcessingException e) {
            throw located(file, e);
        }
        if (spec == null) {
            throw InvalidInputException.problem("is empty").file(file).expected(EXPECTED).build();
        }
        try {
            spec.toPipeline(file.toAbsolutePath().getParent(), file);
        } catch (InvalidInputException e) {
            throw within(e, file, 0, null);
        }
        return spec;
    }

    /**
     * {@code e} placed in the pipeline file {@code file} (at {@code line} when known) under the field path
     * {@code prefix} (may be null): its own field joins the path ({@code stages[2].train} + {@code epochs}), its
     * problem, value and expectation are kept. An error that names another file or a row (a reference table that
     * cannot be read) keeps its whole message after the field path.
     */
    static InvalidInputException within(InvalidInputException e, Path file, long line, String prefix) {
        InvalidInputException.Builder b;
        if (e.file().isPresent() || e.line().isPresent()) {
            b = InvalidInputException.problem(oneLine(e.getMessage()));
            if (prefix != null && !prefix.isEmpty()) {
                b.column(prefix);
            }
        } else {
            b = InvalidInputException.problem(oneLine(e.problemText()));
            String field = prefix == null || prefix.isEmpty() ? e.column().orElse(null)
                    : e.column().map(c -> prefix + "." + c).orElse(prefix);
            if (field != null) {
                b.column(field);
            }
            e.value().ifPresent(b::value);
            e.expected().ifPresent(b::expected);
        }
        b.file(file);
        if (line > 0) {
            b.line(line);
        }
        return b.build(e);
    }

    private static InvalidInputException located(Path file, JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? fieldPath(m.getPath()) : null;
        JsonLocation at = e.getLocation();
        if (e.getCause() instanceof InvalidInputException ii) {
            return within(ii, file, at != null && at.getLineNr() > 0 ? at.getLineNr() : 0, path);
        }
        String problem = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException t && t.getTypeId() != null) {
            problem = unknownKind(t.getTypeId(), t.getBaseType() != null
                    && t.getBaseType().getRawClass() == EvaluatorSpec.class);
        }
        InvalidInputException.Builder b = InvalidInputException.problem(oneLine(problem)).file(file);
        if (at != null && at.getLineNr() > 0) {
            b.line(at.getLineNr());
        }
        if (path != null && !path.isEmpty()) {
            b.column(path);
        }
        return b.expected(EXPECTED).build(e);
    }

    /** The problem of a kind no module on the class path provides, naming the module to add and the known kinds. */
    static String unknownKind(String kind, boolean evaluator) {
        java.util.Optional<String> module = evaluator ? EvaluatorSpecKinds.moduleOf(kind) : StageSpecKinds.moduleOf(kind);
        java.util.Set<String> known = evaluator ? EvaluatorSpecKinds.all().keySet() : StageSpecKinds.all().keySet();
        return "names the " + (evaluator ? "evaluator" : "stage") + " kind '" + kind
                + "', which no module on the class path provides" + module.map(m -> "; add " + m).orElse("")
                + " (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")";
    }

    private static String fieldPath(List<JsonMappingException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return s.toString();
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    /**
     * The typed pipeline these stages make, paths resolved against {@code base}. A stage whose
     * input does not accept the previous stage's output is an error naming both.
     */
    public Pipeline<?> toPipeline(Path base) {
        return toPipeline(base, null);
    }

    /**
     * The same for the stages of {@code file} (null when not read from one), so that a stage that checks part of
     * its configuration only when it runs names the file and the stage ({@link StageSource}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Pipeline<?> toPipeline(Path base, Path file) {
        StageSpec first = stages.get(0);
        if (first.inputType() != Void.class) {
            throw InvalidInputException.problem("cannot start a pipeline").column("stages[0]").value(first.kind())
                    .expected("a source stage such as ingest").build();
        }
        Pipeline p = Pipeline.from((Stage<Void, Object>) build(first, 0, base, file));
        for (int i = 1; i < stages.size(); i++) {
            StageSpec prev = stages.get(i - 1);
            StageSpec next = stages.get(i);
            if (!next.inputType().isAssignableFrom(prev.outputType())) {
                throw InvalidInputException.problem("cannot follow " + prev.kind() + ", which gives a "
                                + prev.outputType().getSimpleName()).column("stages[" + i + "]").value(next.kind())
                        .expected("a stage that takes a " + prev.outputType().getSimpleName()).build();
            }
            p = p.then((Stage) build(next, i, base, file));
        }
        return p;
    }

    private static Stage<?, ?> build(StageSpec spec, int index, Path base, Path file) {
        try {
            return spec.build(base, new StageSource(java.util.Optional.ofNullable(file), index, spec.kind()));
        } catch (InvalidInputException e) {
            throw within(e, null, 0, "stages[" + index + "]." + spec.kind());
        }
    }

    /** Runs the pipeline (paths relative to {@code base}), tracking into {@code mlruns} under {@code base}. */
    public PipelineRun<?> run(Path base) {
        return run(base, org.trustml.core.pipeline.Progress.NONE);
    }

    /** The same, reporting stages' progress to {@code progress}. */
    public PipelineRun<?> run(Path base, org.trustml.core.pipeline.Progress progress) {
        return run(base, null, progress);
    }

    /** The same for the stages of {@code file} (see {@link #toPipeline(Path, Path)}). */
    public PipelineRun<?> run(Path base, Path file, org.trustml.core.pipeline.Progress progress) {
        return toPipeline(base, file).run(runOptions(base).withProgress(progress));
    }

    /**
     * How the file says to run: its seed, experiment and run name, tracked into its MLflow file store
     * ({@code mlruns}, default {@code trustml-runs/mlruns}) under {@code base}. A caller adds what the file does not
     * say (progress, an MLflow tracking server) and runs {@link #toPipeline} with it.
     */
    public RunOptions runOptions(Path base) {
        RunOptions o = RunOptions.seed(seed)
                .withMlflowStore(base.resolve(mlruns != null ? Path.of(mlruns) : RunOptions.DEFAULT_MLRUNS));
        if (experiment != null) {
            o = o.withExperiment(experiment);
        }
        if (runName != null) {
            o = o.withRunName(runName);
        }
        return o;
    }
}
