package org.trustml.modelcard.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Cards of MCT's early v0.0.2 schema revision (commit 4161ebb) in the final revision's shape.
 *
 * <p>The early file typed {@code performance_metrics[].value} as a number; the final one (commit
 * f895074, MCT 1.2.0 to 2.1.0) types it, and the {@code confidence_interval} bounds it added, as
 * strings. Earlier trustml versions wrote numbers in both places. Everything else an early card
 * may hold is valid in the final revision, so reading an early card only needs these numbers
 * turned into the text MCT's last release would write for them: Python's {@code str(float)} for a
 * decimal ({@link PythonFloats#repr}), the digits for an integer.
 */
public final class EarlyRevision {
    private EarlyRevision() {}

    /** Whether the node at {@code path} is a metric value or bound that the early revision wrote as a number. */
    public static boolean isNumberOfEarlyRevision(List<?> path, JsonNode node) {
        return node != null && node.isNumber() && isValueOrBound(path);
    }

    /** Rewrites, in place, every number the early revision allowed where the final one wants a string. */
    public static void upgrade(JsonNode card) {
        for (JsonNode metric : card.path("quantitative_analysis").path("performance_metrics")) {
            if (metric instanceof ObjectNode m) {
                toText(m, "value");
                if (m.get("confidence_interval") instanceof ObjectNode ci) {
                    toText(ci, "lower_bound");
                    toText(ci, "upper_bound");
                }
            }
        }
    }

    private static boolean isValueOrBound(List<?> p) {
        boolean metric = p.size() >= 4 && "quantitative_analysis".equals(p.get(0))
                && "performance_metrics".equals(p.get(1)) && p.get(2) instanceof Integer;
        return metric && (p.size() == 4 && "value".equals(p.get(3))
                || p.size() == 5 && "confidence_interval".equals(p.get(3))
                        && ("lower_bound".equals(p.get(4)) || "upper_bound".equals(p.get(4))));
    }

    private static void toText(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n != null && n.isNumber()) {
            String text = n.isIntegralNumber() ? n.bigIntegerValue().toString() : PythonFloats.repr(n.doubleValue());
            parent.set(field, TextNode.valueOf(text));
        }
    }
}
