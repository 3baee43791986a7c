package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.trustml.core.InvalidInputException;

/**
 * Looks metric names up among the {@link MetricCatalog}s on the class path (core's
 * {@link ClassificationMetric}, and fairness, adversarial, drift and explain when present): how a
 * pipeline file's {@code metric: accuracy} becomes a typed key. Catalogs are read anew on each call
 * (a few classes; no state is kept).
 */
public final class MetricKeys {
    private MetricKeys() {}

    /**
     * The key named {@code name}: a fixed name of a catalog (the first catalog's key when two list the
     * same name: they judge the same values), a parameterised one ({@code precision:cat}), or
     * {@code <evaluator>.<known name>}, the form an evaluate stage gives a value that differs from
     * the classification report's ({@link CombinedMetrics}).
     */
    public static Optional<MetricKey> find(String name) {
        requireNonNull(name, "name");
        List<MetricCatalog> catalogs = catalogs();
        Optional<MetricKey> found = lookup(catalogs, name);
        if (found.isPresent()) {
            return found;
        }
        int dot = name.indexOf('.');
        if (dot > 0 && lookup(catalogs, name.substring(dot + 1)).isPresent()) {
            return Optional.of(MetricKey.named(name));
        }
        return Optional.empty();
    }

    /**
     * The key named {@code name}, or an {@link InvalidInputException} naming {@code field}, the name and
     * every name known on the class path.
     */
    public static MetricKey resolve(String name, String field) {
        return find(name).orElseThrow(() -> InvalidInputException.problem("is not a known metric").column(field)
                .value(name).expected("one of " + String.join(", ", knownNames()) + " (or <evaluator>.<name> for an"
                        + " evaluator's value that differs from the classification report's)")
                .build());
    }

    /** Every fixed name, then every parameterised form, in catalog order; each once. */
    public static List<String> knownNames() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        for (MetricCatalog c : catalogs()) {
            c.metrics().forEach(k -> names.put(k.jsonName(), true));
            patterns.addAll(c.patterns());
        }
        List<String> out = new ArrayList<>(names.keySet());
        patterns.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    private static Optional<MetricKey> lookup(List<MetricCatalog> catalogs, String name) {
        for (MetricCatalog c : catalogs) {
            for (MetricKey k : c.metrics()) {
                if (k.jsonName().equals(name)) {
                    return Optional.of(k);
                }
            }
        }
        for (MetricCatalog c : catalogs) {
            Optional<MetricKey> k = c.parse(name);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    /** Core's catalog first, then the others in class-path order. */
    private static List<MetricCatalog> catalogs() {
        List<MetricCatalog> out = new ArrayList<>();
        out.add(ClassificationMetric.CATALOG);
        for (MetricCatalog c : ServiceLoader.load(MetricCatalog.class, MetricCatalog.class.getClassLoader())) {
            out.add(c);
        }
        return out;
    }
}
