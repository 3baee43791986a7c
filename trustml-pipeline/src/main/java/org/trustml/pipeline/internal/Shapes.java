package org.trustml.pipeline.internal;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;

/**
 * The shapes of pipeline files, read from the records of the kinds registered on the class path
 * ({@link StageSpecKinds}, {@link EvaluatorSpecKinds}): each record component is a field, named as Jackson names it
 * (kebab-case under {@code @JsonNaming}, or its {@code @JsonProperty}), required when marked {@link Required}.
 * Java types map to shapes: {@code String} → string, {@code Integer}/{@code Long} → integer, {@code Double} → number,
 * {@code Boolean} → boolean, an enum → its constants in lower case, {@code List}, {@code Map<String, V>}, another
 * record → its fields, {@link EvaluatorSpec} → one evaluator kind.
 */
public final class Shapes {
    /** The fields of a pipeline file's top level. */
    public static final String PIPELINE = "pipeline";

    private final Map<String, Shape.Fields> defs = new TreeMap<>();
    private final Shape.OneKind stages;
    private final Shape.OneKind evaluators;
    private final Shape.Fields pipeline;

    private Shapes() {
        Map<String, Shape.Fields> e = new TreeMap<>();
        EvaluatorSpecKinds.all().forEach((name, type) -> e.put(name, fields("evaluator." + name, type)));
        evaluators = new Shape.OneKind("evaluator", e);
        Map<String, Shape.Fields> s = new TreeMap<>();
        StageSpecKinds.all().forEach((name, type) -> s.put(name, fields("stage." + name, type)));
        stages = new Shape.OneKind("stage", s);
        Map<String, Shape> top = new LinkedHashMap<>();
        top.put("seed", new Shape.Scalar("integer"));
        top.put("experiment", new Shape.Scalar("string"));
        top.put("mlruns", new Shape.Scalar("string"));
        top.put("run-name", new Shape.Scalar("string"));
        top.put("stages", new Shape.ListOf(stages));
        pipeline = new Shape.Fields(PIPELINE, "A trustml pipeline file: a seed and the stages, in order.", top,
                Set.of("seed", "stages"));
    }

    /** The shapes of the kinds on the class path, read anew. */
    public static Shapes ofClassPath() {
        return new Shapes();
    }

    /** The top level. */
    public Shape.Fields pipeline() {
        return pipeline;
    }

    /** The stage kinds. */
    public Shape.OneKind stages() {
        return stages;
    }

    /** The evaluator kinds. */
    public Shape.OneKind evaluators() {
        return evaluators;
    }

    /** Every record's fields by name ({@code stage.train}, {@code evaluator.fairness}, {@code gate} …). */
    public Map<String, Shape.Fields> definitions() {
        return java.util.Collections.unmodifiableMap(defs);
    }

    private Shape.Fields fields(String name, Class<?> record) {
        Shape.Fields known = defs.get(name);
        if (known != null) {
            return known;
        }
        if (!record.isRecord()) {
            throw new IllegalStateException(record.getName() + " is not a record: a kind's configuration must be one");
        }
        boolean kebab = record.isAnnotationPresent(JsonNaming.class)
                && record.getAnnotation(JsonNaming.class).value() == PropertyNamingStrategies.KebabCaseStrategy.class;
        Map<String, Shape> fields = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty p = c.getAnnotation(JsonProperty.class);
            String field = p != null && !p.value().isEmpty() ? p.value()
                    : kebab ? new PropertyNamingStrategies.KebabCaseStrategy().translate(c.getName()) : c.getName();
            fields.put(field, shape(c.getGenericType(), name + "." + field));
            if (c.isAnnotationPresent(Required.class)) {
                required.add(field);
            }
        }
        JsonClassDescription d = record.getAnnotation(JsonClassDescription.class);
        Shape.Fields f = new Shape.Fields(name, d == null ? "" : d.value(), fields, required);
        defs.put(name, f);
        return f;
    }

    private Shape shape(Type type, String where) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return new Shape.ListOf(shape(args[0], where));
            }
            if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
                return new Shape.MapOf(shape(args[1], where));
            }
        } else if (type instanceof Class<?> c) {
            if (c == String.class) {
                return new Shape.Scalar("string");
            }
            if (c == Integer.class || c == Long.class || c == int.class || c == long.class) {
                return new Shape.Scalar("integer");
            }
            if (c == Double.class || c == double.class) {
                return new Shape.Scalar("number");
            }
            if (c == Boolean.class || c == boolean.class) {
                return new Shape.Scalar("boolean");
            }
            if (c.isEnum()) {
                return new Shape.Choice(Arrays.stream(c.getEnumConstants())
                        .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList());
            }
            if (c == EvaluatorSpec.class) {
                return evaluators;
            }
            if (c.isRecord() && !StageSpec.class.isAssignableFrom(c)) {
                return fields(c.getSimpleName().replaceAll("Spec$", "").toLowerCase(Locale.ROOT), c);
            }
        }
        throw new IllegalStateException("the field " + where + " has the type " + type.getTypeName()
                + ", which pipeline files cannot write: use String, Integer, Long, Double, Boolean, an enum, a List, a "
                + "Map with String keys, a record or EvaluatorSpec");
    }
}
