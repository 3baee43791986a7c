package org.trustml.core.table;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;

/**
 * The ordered column names and types of a {@link Table}. Names are unique.
 *
 * @param fields the columns, in order
 */
public record Schema(List<Field> fields) {

    /** One column of a schema. */
    public record Field(String name, ColumnType type) {
        public Field {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    public Schema {
        fields = List.copyOf(requireNonNull(fields, "fields"));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Integer before = seen.put(fields.get(i).name(), i);
            if (before != null) {
                throw InvalidInputException.problem("is a duplicate column name")
                        .value(fields.get(i).name())
                        .expected("unique names; columns " + (before + 1) + " and " + (i + 1) + " share it")
                        .build();
            }
        }
    }

    public int size() {
        return fields.size();
    }

    public List<String> names() {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableList());
    }

    /** The field with this name, if any. */
    public Optional<Field> find(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
