package org.trustml.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two JSON reports: the same shape and text everywhere, numbers equal to a relative tolerance,
 * {@code |a − b| ≤ tol · max(|a|, |b|)}, or within 1e-15 absolutely (a difference such as
 * {@code statistical_parity_difference} of two rates that differ by a rounding is a few ulps of its operands,
 * not of itself); NaN and infinities (written as strings) must match exactly.
 */
final class JsonNumbers {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNumbers() {}

    static void assertClose(String expected, String actual, double tolerance) {
        List<String> problems = new ArrayList<>();
        try {
            compare("$", MAPPER.readTree(expected), MAPPER.readTree(actual), tolerance, problems);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(problems).as("differences beyond %s", tolerance).isEmpty();
    }

    private static void compare(String path, JsonNode a, JsonNode b, double tol, List<String> problems) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            double d = Math.abs(x - y);
            if (!(d <= tol * Math.max(Math.abs(x), Math.abs(y)) || d <= 1e-15)) {
                problems.add(path + ": expected " + x + " but was " + y);
            }
            return;
        }
        if (a.getNodeType() != b.getNodeType()) {
            problems.add(path + ": expected " + a + " but was " + b);
            return;
        }
        if (a.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            List<String> other = new ArrayList<>();
            b.fieldNames().forEachRemaining(other::add);
            if (!names.equals(other)) {
                problems.add(path + ": fields " + names + " but " + other);
                return;
            }
            for (String n : names) {
                compare(path + "." + n, a.get(n), b.get(n), tol, problems);
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                problems.add(path + ": " + a.size() + " elements but " + b.size());
                return;
            }
            Iterator<JsonNode> i = a.elements();
            Iterator<JsonNode> j = b.elements();
            int k = 0;
            while (i.hasNext()) {
                compare(path + "[" + k++ + "]", i.next(), j.next(), tol, problems);
            }
        } else if (!a.equals(b)) {
            problems.add(path + ": expected " + a + " but was " + b);
        }
    }
}
