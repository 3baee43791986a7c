package org.trustml.modelcard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustml.modelcard.internal.PythonFloats;

/**
 * The data a template sees: plain maps, lists and strings (Mustache renders a missing or empty
 * value as an empty section). Values are raw text; the template engine escapes them.
 */
final class CardView {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    private static final Pattern WEB_LINK = Pattern.compile("(?i)https?://[^\\s]+");

    private CardView() {}

    /** The view of a card. */
    static Map<String, Object> of(ModelCard card) {
        Map<String, Object> v = new LinkedHashMap<>();
        ModelDetails d = card.details();
        v.put("name", d.name().orElse("Untitled model"));
        put(v, "schemaVersion", card.schemaVersion());
        put(v, "overview", d.overview());
        put(v, "documentation", d.documentation());
        v.put("owners", d.owners().stream().map(o -> row("name", o.name(), "contact", o.contact())).toList());
        d.version().ifPresent(ver -> v.put("version", row("name", ver.name(), "date", ver.date(), "diff", ver.diff())));
        v.put("licenses", d.licenses().stream()
                .map(l -> l.identifier().orElseGet(() -> l.customText().orElse(""))).toList());
        v.put("references", d.references().stream().map(r -> link(r.reference().orElse(""))).toList());
        v.put("citations", d.citations().stream().map(c -> row("style", c.style(), "citation", c.citation())).toList());
        put(v, "path", d.path());
        v.put("hasDetails", !d.owners().isEmpty() || d.version().isPresent() || !d.licenses().isEmpty()
                || !d.references().isEmpty() || !d.citations().isEmpty() || d.documentation().isPresent()
                || d.path().isPresent());

        ModelParameters p = card.parameters();
        put(v, "architecture", p.modelArchitecture());
        put(v, "inputFormat", p.inputFormat());
        put(v, "outputFormat", p.outputFormat());
        v.put("inputFormatMap", p.inputFormatMap().stream().map(kv -> row("key", kv.key(), "value", kv.value())).toList());
        v.put("outputFormatMap", p.outputFormatMap().stream().map(kv -> row("key", kv.key(), "value", kv.value())).toList());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Dataset ds : p.data()) {
            Map<String, Object> m = row("name", ds.name(), "description", ds.description());
            ds.link().ifPresent(l -> m.put("link", link(l)));
            ds.sensitive().ifPresent(s -> m.put("sensitive", String.join(", ", s.sensitiveData())));
            ds.graphics().ifPresent(g -> m.put("datasetGraphics", graphics(g)));
            data.add(m);
        }
        v.put("datasets", data);
        v.put("hasParameters", p.modelArchitecture().isPresent() || p.inputFormat().isPresent()
                || p.outputFormat().isPresent() || !p.inputFormatMap().isEmpty() || !p.outputFormatMap().isEmpty()
                || !data.isEmpty());

        List<Map<String, Object>> metrics = new ArrayList<>();
        for (PerformanceMetric m : card.analysis().performanceMetrics()) {
            Map<String, Object> row = row("type", m.type());
            row.put("slice", m.slice().orElse("overall"));
            row.put("value", shown(m.value()));
            m.confidenceInterval().ifPresent(ci -> row.put("interval",
                    "[" + shown(ci.lowerBound()) + ", " + shown(ci.upperBound()) + "]"));
            metrics.add(row);
        }
        v.put("metrics", metrics);
        card.analysis().graphics().ifPresent(g -> v.put("graphics", graphics(g)));
        v.put("hasAnalysis", !metrics.isEmpty() || card.analysis().graphics().isPresent());

        Considerations c = card.considerationsOrEmpty();
        v.put("users", c.users().stream().map(u -> u.description().orElse("")).toList());
        v.put("useCases", c.useCases().stream().map(u -> u.description().orElse("")).toList());
        v.put("limitations", c.limitations().stream().map(u -> u.description().orElse("")).toList());
        v.put("tradeoffs", c.tradeoffs().stream().map(u -> u.description().orElse("")).toList());
        v.put("risks", c.ethicalConsiderations().stream()
                .map(r -> row("name", r.name(), "mitigation", r.mitigationStrategy())).toList());

        Completeness completeness = Completeness.of(card);
        v.put("missing", completeness.missing().stream().map(Completeness.Missing::toString).toList());
        v.put("incomplete", !completeness.isComplete());
        List<String> lists = v.entrySet().stream().filter(e -> e.getValue() instanceof List<?>).map(Map.Entry::getKey).toList();
        for (String key : lists) {
            v.put("has_" + key, !((List<?>) v.get(key)).isEmpty());
        }
        return v;
    }

    /** A metric's text as shown: a number with at most 4 significant digits, other text as it is. */
    private static String shown(Optional<String> text) {
        return text.map(t -> PythonFloats.parse(t).map(CardView::number).orElse(t)).orElse("");
    }

    /** A number with at most 4 significant digits, plain notation ({@code 0.9123}, {@code 12350}). */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> graphics(GraphicsCollection g) {
        Map<String, Object> m = row("description", g.description());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Graphic graphic : g.collection()) {
            Map<String, Object> item = row("name", graphic.name());
            graphic.image().filter(CardView::isPng).ifPresentOrElse(img -> item.put("image", img),
                    () -> item.put("broken", "the image is not a base64-encoded PNG and is not shown"));
            items.add(item);
        }
        m.put("items", items);
        return m;
    }

    /** Whether a string is standard base64 of bytes that start with the PNG signature. */
    static boolean isPng(String base64) {
        if (base64.length() % 4 != 0 || !BASE64.matcher(base64).matches()) {
            return false;
        }
        byte[] head = Base64.getDecoder().decode(base64.substring(0, Math.min(base64.length(), 12)));
        return head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
    }

    /** A link the templates may make clickable: only http(s) URLs get an href. */
    private static Map<String, Object> link(String uri) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", uri);
        if (WEB_LINK.matcher(uri).matches()) {
            m.put("href", uri);
        }
        return m;
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value instanceof Optional<?> o) {
                o.ifPresent(x -> m.put(key, x));
            } else if (value != null) {
                m.put(key, value);
            }
        }
        return m;
    }

    private static void put(Map<String, Object> v, String key, Optional<String> value) {
        value.ifPresent(x -> v.put(key, x));
    }
}
