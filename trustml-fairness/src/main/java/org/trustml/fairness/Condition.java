package org.trustml.fairness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.fairness.internal.Values;

/**
 * An AND of {@code column = value} tests, one AIF360 group dict such as {@code {sex: 1, race: white}}.
 * Values are kept in a canonical text form ({@code 1}, {@code 1L}, {@code 1.0} and {@code "1"} are the
 * same value), so a condition written in Java, on the command line or read from JSON matches the same rows.
 *
 * @param values column → canonical value, in the order given; never empty
 */
public record Condition(Map<String, String> values) {
    public Condition {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("condition").expected("at least one column=value").build();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((c, v) -> copy.put(Objects.requireNonNull(c, "column"), Values.canonical(Objects.requireNonNull(v, "value"))));
        values = Collections.unmodifiableMap(copy);
    }

    /** {@code column = value}. */
    public static Condition of(String column, Object value) {
        return new Condition(Map.of(column, Values.canonical(value)));
    }

    /** This condition AND {@code column = value}. */
    public Condition and(String column, Object value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put(column, Values.canonical(value));
        return new Condition(m);
    }

    /**
     * The canonical text form in which conditions, group keys and label values are compared: integral
     * numbers without a fraction ({@code 1}, {@code 1L}, {@code 1.0}, {@code "1"} and {@code "1.0"} are all
     * {@code 1}), other numbers as {@link Double#toString}, booleans as {@code true}/{@code false}, other text
     * as is. Engines that read values themselves (trustml-spark) canonicalise through this.
     */
    public static String canonical(Object value) {
        return Values.canonical(Objects.requireNonNull(value, "value"));
    }

    /**
     * Parses {@code sex=1,race=white} (commas AND the parts), as the CLI's {@code --privileged} takes it.
     */
    public static Condition parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw InvalidInputException.problem("is not a group condition").value(text)
                        .expected("column=value[,column=value...], e.g. sex=1,race=white").build();
            }
            m.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new Condition(m);
    }

    /** True when the row's values (looked up by column) satisfy every test. */
    public boolean matches(Function<String, String> valueOf) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getValue().equals(valueOf.apply(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
