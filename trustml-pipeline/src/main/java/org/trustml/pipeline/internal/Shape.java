package org.trustml.pipeline.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a value of a pipeline file may be, derived from the kinds' records ({@link Shapes}): the one model from which
 * {@code PipelineSchema} writes the JSON Schema and {@code PipelineCheck} checks a located YAML tree, so the two cannot
 * disagree.
 */
public sealed interface Shape {
    /** A scalar: {@code string}, {@code integer}, {@code number} or {@code boolean} (JSON Schema's type names). */
    record Scalar(String type) implements Shape {}

    /** One of these strings (an enum, kebab-case or lower-case). */
    record Choice(List<String> values) implements Shape {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** A list. */
    record ListOf(Shape items) implements Shape {}

    /** A mapping of any keys to values of one shape. */
    record MapOf(Shape values) implements Shape {}

    /**
     * A mapping of these fields (no others).
     *
     * @param name        its name in {@code $defs} and messages ({@code stage.train}, {@code gate})
     * @param description what it is (the record's {@code @JsonClassDescription})
     * @param fields      field name → shape, in the record's order
     * @param required    the fields that must be given
     */
    record Fields(String name, String description, Map<String, Shape> fields, Set<String> required) implements Shape {
        public Fields {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
            required = Set.copyOf(required);
        }
    }

    /**
     * A single-key mapping naming one of these kinds, whose value has the kind's fields.
     *
     * @param name  {@code stage} or {@code evaluator}
     * @param kinds kind name → its fields
     */
    record OneKind(String name, Map<String, Fields> kinds) implements Shape {
        public OneKind {
            kinds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(kinds));
        }
    }
}
