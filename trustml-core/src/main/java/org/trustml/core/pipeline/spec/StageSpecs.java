package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.ImageEvaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.images.ImageDataset;
import org.trustml.core.images.Split;
import org.trustml.core.io.InputFiles;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.EvaluateImageClassifier;
import org.trustml.core.stages.ImageFolder;
import org.trustml.core.stages.Ingest;
import org.trustml.core.stages.TrainImageClassifier;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;
import org.trustml.core.train.Architecture;
import org.trustml.core.train.ImageClassifierConfig;
import org.trustml.core.train.TrainedModel;

/** The stage specifications a YAML pipeline may list; field names are kebab-case in YAML. */
public final class StageSpecs {
    private StageSpecs() {}

    /**
     * {@code ingest}: exactly one of {@code csv}, {@code json-lines}, {@code cloud-annotations}
     * (a path); optional {@code types} (column → double, long, string, boolean) and
     * {@code separator} (CSV).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record IngestSpec(String csv, String jsonLines, String cloudAnnotations, Map<String, ColumnType> types,
            String separator) implements StageSpec {
        public IngestSpec {
            long given = java.util.stream.Stream.of(csv, jsonLines, cloudAnnotations).filter(s -> s != null).count();
            if (given != 1) {
                throw InvalidInputException.problem("names " + given + " sources").column("ingest")
                        .expected("exactly one of csv, json-lines, cloud-annotations").build();
            }
            types = types == null ? Map.of() : Map.copyOf(types);
            if (separator != null && separator.length() != 1) {
                throw InvalidInputException.problem("is not one character").column("separator").value(separator)
                        .expected("a single separator character such as ';'").build();
            }
        }

        public String kind() {
            return "ingest";
        }

        public Class<?> inputType() {
            return Void.class;
        }

        public Class<?> outputType() {
            return Table.class;
        }

        public Stage<?, ?> build(Path base) {
            if (csv != null) {
                CsvOptions o = CsvOptions.defaults().withTypes(types);
                return Ingest.csv(base.resolve(csv), separator == null ? o : o.withSeparator(separator.charAt(0)));
            }
            return jsonLines != null ? Ingest.jsonLines(base.resolve(jsonLines), types)
                    : Ingest.cloudAnnotations(base.resolve(cloudAnnotations));
        }
    }

    /**
     * {@code image-folder}: {@code file-column}, {@code label-column}, {@code output} (required);
     * {@code images} (folder of the relative file names; default: the YAML's folder),
     * {@code validation} and {@code test} fractions (0.15 each), {@code placement} (copy or
     * hard-link), {@code max-unreadable} (0.05).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record ImageFolderSpec(String fileColumn, String labelColumn, String images, String output, Double validation,
            Double test, String placement, Double maxUnreadable) implements StageSpec {
        public ImageFolderSpec {
            required("file-column", fileColumn);
            required("label-column", labelColumn);
            required("output", output);
        }

        public String kind() {
            return "image-folder";
        }

        public Class<?> inputType() {
            return Table.class;
        }

        public Class<?> outputType() {
            return ImageDataset.class;
        }

        public Stage<?, ?> build(Path base) {
            ImageFolder.Builder b = ImageFolder.builder(fileColumn, labelColumn)
                    .imagesIn(images == null ? base : base.resolve(images)).output(base.resolve(output))
                    .split(validation == null ? 0.15 : validation, test == null ? 0.15 : test);
            if (placement != null) {
                b.placement(choice("placement", placement, ImageFolder.Placement.class));
            }
            if (maxUnreadable != null) {
                b.maxUnreadableFraction(maxUnreadable);
            }
            return b.build();
        }
    }

    /**
     * {@code train}: {@code architecture} (mobilenet-v2, resnet-18, torchscript), {@code input-size},
     * {@code epochs}, {@code batch-size}, {@code learning-rate}, {@code flip}, {@code crop},
     * {@code patience}, {@code initial-weights} (DJL {@code .params}, or the {@code .pt} file torchscript
     * requires); defaults as {@link ImageClassifierConfig#mobileNetV2()}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record TrainSpec(String architecture, Integer inputSize, Integer epochs, Integer batchSize,
            Double learningRate, Boolean flip, Boolean crop, Integer patience, String initialWeights) implements StageSpec {
        public String kind() {
            return "train";
        }

        public Class<?> inputType() {
            return ImageDataset.class;
        }

        public Class<?> outputType() {
            return TrainedModel.class;
        }

        public Stage<?, ?> build(Path base) {
            ImageClassifierConfig d = ImageClassifierConfig.mobileNetV2();
            ImageClassifierConfig c = new ImageClassifierConfig(
                    architecture == null ? d.architecture() : choice("architecture", architecture, Architecture.class),
                    or(inputSize, d.inputSize()), or(epochs, d.epochs()), or(batchSize, d.batchSize()),
                    learningRate == null ? d.learningRate() : learningRate, flip == null ? d.flip() : flip,
                    crop == null ? d.crop() : crop, or(patience, d.patience()),
                    Optional.ofNullable(initialWeights).map(w -> base.resolve(w).toString()));
            return TrainImageClassifier.with(c);
        }
    }

    /**
     * {@code evaluate}: {@code split} (train, val, test; default test), {@code slices} (columns),
     * {@code cross-slices} (lists of columns).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record EvaluateSpec(String split, List<String> slices, List<List<String>> crossSlices) implements StageSpec {
        public String kind() {
            return "evaluate";
        }

        public Class<?> inputType() {
            return TrainedModel.class;
        }

        public Class<?> outputType() {
            return ImageEvaluation.class;
        }

        public Stage<?, ?> build(Path base) {
            EvaluateImageClassifier e = EvaluateImageClassifier.onTestSplit();
            if (split != null) {
                e = e.on(Arrays.stream(Split.values()).filter(s -> s.folder().equals(split)).findFirst()
                        .orElseThrow(() -> InvalidInputException.problem("is not a split").column("split").value(split)
                                .expected("train, val or test").build()));
            }
            if (slices != null) {
                e = e.slicedBy(slices.toArray(String[]::new));
            }
            for (List<String> cross : crossSlices == null ? List.<List<String>>of() : crossSlices) {
                e = e.crossSlicedBy(cross.toArray(String[]::new));
            }
            return e;
        }
    }

    /**
     * A gate: {@code metric}; optional {@code slice} ({@code sex=female, age=20-29}); then
     * {@code min} and/or {@code max}, or {@code no-worse-than-baseline} / {@code no-higher-than-baseline}
     * (a tolerance).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record GateSpec(String metric, String slice, Double min, Double max, Double noWorseThanBaseline,
            Double noHigherThanBaseline) {
        public GateSpec {
            required("metric", metric);
        }

        Gate gate() {
            Gate.Builder b = Gate.on(metric).inSlice(slice == null ? Slice.OVERALL : Slice.parse(slice));
            if (noWorseThanBaseline != null) {
                return b.noWorseThanBaseline(noWorseThanBaseline);
            }
            if (noHigherThanBaseline != null) {
                return b.noHigherThanBaseline(noHigherThanBaseline);
            }
            if (min != null && max != null) {
                return b.between(min, max);
            }
            if (min == null && max == null) {
                throw InvalidInputException.problem("has no threshold").column(metric)
                        .expected("min, max, no-worse-than-baseline or no-higher-than-baseline").build();
            }
            return min != null ? b.atLeast(min) : b.atMost(max);
        }
    }

    /**
     * {@code bless}: {@code gates} (a list of {@link GateSpec}), optional {@code baseline} (an
     * {@code evaluation.json} of an earlier run, for change thresholds) and
     * {@code stop-when-not-blessed} (default true).
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record BlessSpec(List<GateSpec> gates, String baseline, Boolean stopWhenNotBlessed) implements StageSpec {
        public BlessSpec {
            if (gates == null || gates.isEmpty()) {
                throw InvalidInputException.problem("has no gates").column("bless")
                        .expected("a list of gates, e.g. - {metric: accuracy, min: 0.9}").build();
            }
            gates = List.copyOf(gates);
        }

        public String kind() {
            return "bless";
        }

        public Class<?> inputType() {
            return MetricSource.class;
        }

        public Class<?> outputType() {
            return org.trustml.core.evaluation.Blessing.class;
        }

        public Stage<?, ?> build(Path base) {
            Bless<MetricSource> b = Bless.by(gates.stream().map(GateSpec::gate).toList());
            if (baseline != null) {
                Path file = base.resolve(baseline);
                InputFiles.requireReadableFile(file, "the evaluation.json of an earlier run");
                try {
                    b = b.againstBaseline(Json.readerFor(Evaluation.class).readValue(file.toFile(), Evaluation.class));
                } catch (java.io.IOException e) {
                    throw InvalidInputException.problem("cannot be read as an evaluation: " + e.getMessage()).file(file)
                            .column("baseline").expected("the evaluation.json of an earlier run").build(e);
                }
            }
            return stopWhenNotBlessed == null || stopWhenNotBlessed ? b.stoppingWhenNotBlessed() : b;
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.problem("is required").column(field).build();
        }
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    /** An enum constant from its kebab-case name ({@code hard-link} → {@code HARD_LINK}). */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String key = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().replace("_", "").equals(key.replace("_", ""))) {
                return e;
            }
        }
        throw InvalidInputException.problem("is not a choice").column(field).value(value)
                .expected("one of " + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")))
                .build();
    }
}
