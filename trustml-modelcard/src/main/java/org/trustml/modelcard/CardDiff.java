package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trustml.modelcard.internal.CardMappers;
import org.trustml.modelcard.internal.JsonPaths;

/**
 * What changed between two versions of a card, for the reviewer who approves the new model: every
 * metric matched by (type, slice) with its old and new value, the delta and whether it got worse
 * given the metric's direction ({@link MetricDirection}); and the JSON paths of every other field
 * that changed (outside {@code performance_metrics}).
 *
 * <p>When a card lists the same (type, slice) twice, the first entry is compared.
 *
 * @param schemaVersion version of this result's JSON layout ({@value #SCHEMA_VERSION})
 * @param metrics       one entry per (type, slice) in either card: old card's order, then new ones
 * @param changedFields JSON paths of other fields that differ, e.g. {@code $.model_details.version.name}
 */
public record CardDiff(int schemaVersion, List<MetricChange> metrics, List<String> changedFields) {
    /** The layout version written by this library. */
    public static final int SCHEMA_VERSION = 1;

    public CardDiff {
        metrics = List.copyOf(metrics);
        changedFields = List.copyOf(changedFields);
    }

    /** Compares an old card with a new one. */
    public static CardDiff between(ModelCard before, ModelCard after) {
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        Map<String, PerformanceMetric> old = byKey(before.analysis().performanceMetrics());
        Map<String, PerformanceMetric> now = byKey(after.analysis().performanceMetrics());
        Set<String> keys = new LinkedHashSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<MetricChange> changes = new ArrayList<>();
        for (String key : keys) {
            PerformanceMetric a = old.get(key);
            PerformanceMetric b = now.get(key);
            PerformanceMetric any = a != null ? a : b;
            String type = any.type().orElse("");
            MetricDirection direction = CardMetric.directionOf(type);
            Optional<Double> x = a == null ? Optional.empty() : a.numericValue();
            Optional<Double> y = b == null ? Optional.empty() : b.numericValue();
            MetricChange.Verdict verdict;
            Optional<Double> delta = Optional.empty();
            if (a == null) {
                verdict = MetricChange.Verdict.ADDED;
            } else if (b == null) {
                verdict = MetricChange.Verdict.REMOVED;
            } else if (x.isPresent() && y.isPresent()) {
                double d = y.get() - x.get();
                delta = Optional.of(d);
                verdict = x.get().equals(y.get()) ? MetricChange.Verdict.UNCHANGED
                        : direction.isWorse(x.get(), y.get()) ? MetricChange.Verdict.WORSE
                        : direction.isBetter(x.get(), y.get()) ? MetricChange.Verdict.BETTER
                        : MetricChange.Verdict.MOVED;
            } else {
                // not both numbers ("0.1, 0.5", absent): compare the text
                verdict = a.value().equals(b.value()) ? MetricChange.Verdict.UNCHANGED : MetricChange.Verdict.MOVED;
            }
            changes.add(new MetricChange(type, any.slice(), x, y, delta, direction, verdict));
        }
        List<String> fields = new ArrayList<>();
        fieldDiff(withoutMetrics(before), withoutMetrics(after), new ArrayList<>(), fields);
        return new CardDiff(SCHEMA_VERSION, changes, fields);
    }

    /** The metrics that got worse. */
    public List<MetricChange> worse() {
        return metrics.stream().filter(m -> m.verdict() == MetricChange.Verdict.WORSE).toList();
    }

    /** The slices (or "overall") with at least one metric that got worse, in order. */
    public List<String> slicesThatGotWorse() {
        return worse().stream().map(m -> m.slice().orElse("overall")).distinct().toList();
    }

    /** True when nothing differs. */
    public boolean isEmpty() {
        return changedFields.isEmpty() && metrics.stream().allMatch(m -> m.verdict() == MetricChange.Verdict.UNCHANGED);
    }

    /** A plain-text report: one line per changed metric, then the slices that got worse, then other fields. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (MetricChange m : metrics) {
            if (m.verdict() == MetricChange.Verdict.UNCHANGED) {
                continue;
            }
            sb.append(String.format(java.util.Locale.ROOT, "%-9s %s [%s]: %s -> %s%s%n", m.verdict(), m.type(),
                    m.slice().orElse("overall"), m.before().map(CardView::number).orElse("-"),
                    m.after().map(CardView::number).orElse("-"),
                    m.delta().map(d -> " (" + (d >= 0 ? "+" : "") + CardView.number(d) + ")").orElse("")));
        }
        List<String> slices = slicesThatGotWorse();
        sb.append(slices.isEmpty() ? "No slice got worse." : "Slices that got worse: " + String.join("; ", slices))
                .append(System.lineSeparator());
        for (String f : changedFields) {
            sb.append("changed   ").append(f).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static Map<String, PerformanceMetric> byKey(List<PerformanceMetric> metrics) {
        Map<String, PerformanceMetric> out = new LinkedHashMap<>();
        for (PerformanceMetric m : metrics) {
            out.putIfAbsent(m.key(), m);
        }
        return out;
    }

    private static JsonNode withoutMetrics(ModelCard card) {
        ObjectNode tree = CardMappers.json().valueToTree(card);
        JsonNode qa = tree.get("quantitative_analysis");
        if (qa instanceof ObjectNode o) {
            o.remove("performance_metrics");
        }
        return tree;
    }

    private static void fieldDiff(JsonNode a, JsonNode b, List<Object> path, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                path.add(n);
                fieldDiff(a.get(n), b.get(n), path, out);
                path.remove(path.size() - 1);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext() || ib.hasNext(); i++) {
                path.add(i);
                fieldDiff(ia.hasNext() ? ia.next() : null, ib.hasNext() ? ib.next() : null, path, out);
                path.remove(path.size() - 1);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(JsonPaths.format(path));
        }
    }
}
