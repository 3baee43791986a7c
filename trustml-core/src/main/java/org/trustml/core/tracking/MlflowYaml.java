package org.trustml.core.tracking;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the flat {@code meta.yaml} maps of MLflow's file store: keys sorted, block style, strings
 * single-quoted (a {@code '} doubled), integers bare, {@code null}, and the empty list {@code []}.
 */
final class MlflowYaml {
    private MlflowYaml() {}

    static String write(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(k).append(": ").append(scalar(v)).append('\n'));
        return sb.toString();
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof List<?> l && l.isEmpty()) {
            return "[]";
        }
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        throw new IllegalArgumentException("not a meta.yaml scalar: " + v);
    }
}
