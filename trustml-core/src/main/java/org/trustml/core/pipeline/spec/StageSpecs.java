package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKeys;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.io.InputFiles;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;

/**
 * The stage specifications core provides ({@code ingest}, {@code bless}) and the field helpers other
 * modules' specifications share; field names are kebab-case in YAML.
 */
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
     * A gate: {@code metric}; optional {@code slice} ({@code sex=female, age=20-29}); then
     * {@code min} and/or {@code max}, or {@code no-worse-than-baseline} / {@code no-higher-than-baseline}
     * (a tolerance). {@code whole-interval: true} requires the value's whole confidence interval within
     * {@code min}/{@code max} ({@link Gate#wholeInterval(double)}), of level at least {@code min-interval-level}
     * when given. The metric is a name in YAML, resolved to its typed key when the file is read
     * ({@link MetricKeys#resolve(String, String)}): a name that no module on the class path reports is
     * refused then, naming the known ones, not after the pipeline has trained.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record GateSpec(String metric, String slice, Double min, Double max, Double noWorseThanBaseline,
            Double noHigherThanBaseline, Boolean wholeInterval, Double minIntervalLevel) {
        public GateSpec {
            required("metric", metric);
            MetricKeys.resolve(metric, "metric");
            if (minIntervalLevel != null && !Boolean.TRUE.equals(wholeInterval)) {
                throw InvalidInputException.problem("is given without whole-interval: true").column("min-interval-level")
                        .value(minIntervalLevel).expected("whole-interval: true as well").build();
            }
        }

        /** A gate on the point value only. */
        public GateSpec(String metric, String slice, Double min, Double max, Double noWorseThanBaseline,
                Double noHigherThanBaseline) {
            this(metric, slice, min, max, noWorseThanBaseline, noHigherThanBaseline, null, null);
        }

        Gate gate() {
            Gate g = pointGate();
            return Boolean.TRUE.equals(wholeInterval) ? g.wholeInterval(minIntervalLevel == null ? 0 : minIntervalLevel) : g;
        }

        private Gate pointGate() {
            Gate.Builder b = Gate.on(MetricKeys.resolve(metric, "metric"))
                    .inSlice(slice == null ? Slice.OVERALL : Slice.parse(slice));
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

    /** Refuses a missing or blank required field. */
    public static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.problem("is required").column(field).build();
        }
    }

    /** {@code v}, or {@code d} when the field was not given. */
    public static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    /** An enum constant from its kebab-case name ({@code hard-link} → {@code HARD_LINK}). */
    public static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
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
