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
            spec.toPipeline(file.toAbsolutePath().getParent());
        } catch (InvalidInputException e) {
            throw InvalidInputException.problem(e.getMessage()).file(file).build(e);
        }
        return spec;
    }

    private static InvalidInputException located(Path file, JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? fieldPath(m.getPath()) : null;
        Throwable cause = e.getCause();
        String problem = cause instanceof InvalidInputException ii ? ii.getMessage() : e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException t && t.getTypeId() != null) {
            problem = "names the stage kind '" + t.getTypeId() + "', which no module on the class path provides"
                    + moduleHint(t.getTypeId()) + " (known: " + String.join(", ", StageSpecKinds.all().keySet()) + ")";
        }
        JsonLocation at = e.getLocation();
        InvalidInputException.Builder b = InvalidInputException.problem(oneLine(problem)).file(file);
        if (at != null && at.getLineNr() > 0) {
            b.line(at.getLineNr());
        }
        if (path != null && !path.isEmpty()) {
            b.column(path);
        }
        return b.expected(EXPECTED).build(e);
    }

    /** The module that provides a kind trustml knows of, for the error when it is missing. */
    private static String moduleHint(String kind) {
        return switch (kind) {
            case "image-folder", "train", "evaluate" -> "; add trustml-vision";
            case "train-tabular", "evaluate-tabular" -> "; add trustml-tabular";
            default -> "";
        };
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
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Pipeline<?> toPipeline(Path base) {
        StageSpec first = stages.get(0);
        if (first.inputType() != Void.class) {
            throw InvalidInputException.problem("cannot start a pipeline").column("stages[0]").value(first.kind())
                    .expected("a source stage such as ingest").build();
        }
        Pipeline p = Pipeline.from((Stage<Void, Object>) build(first, 0, base));
        for (int i = 1; i < stages.size(); i++) {
            StageSpec prev = stages.get(i - 1);
            StageSpec next = stages.get(i);
            if (!next.inputType().isAssignableFrom(prev.outputType())) {
                throw InvalidInputException.problem("cannot follow " + prev.kind() + ", which gives a "
                                + prev.outputType().getSimpleName()).column("stages[" + i + "]").value(next.kind())
                        .expected("a stage that takes a " + prev.outputType().getSimpleName()).build();
            }
            p = p.then((Stage) build(next, i, base));
        }
        return p;
    }

    private static Stage<?, ?> build(StageSpec spec, int index, Path base) {
        try {
            return spec.build(base);
        } catch (InvalidInputException e) {
            throw InvalidInputException.problem(e.getMessage()).column("stages[" + index + "]." + spec.kind()).build(e);
        }
    }

    /** Runs the pipeline (paths relative to {@code base}), tracking into {@code mlruns} under {@code base}. */
    public PipelineRun<?> run(Path base) {
        return run(base, org.trustml.core.pipeline.Progress.NONE);
    }

    /** The same, reporting stages' progress to {@code progress}. */
    public PipelineRun<?> run(Path base, org.trustml.core.pipeline.Progress progress) {
        return toPipeline(base).run(runOptions(base).withProgress(progress));
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
