package org.trustml.core.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * The metrics a module's evaluators report, so names read from pipeline files resolve to typed keys
 * ({@link MetricKeys}). A module lists its implementation in
 * {@code META-INF/services/org.trustml.core.evaluation.MetricCatalog}.
 */
public interface MetricCatalog {
    /** Every metric with a fixed name, e.g. every constant of the module's id enum. */
    List<MetricKey> metrics();

    /**
     * A parameterised name this module writes ({@code precision:<class>}), if {@code name} is one.
     * The default knows none.
     */
    default Optional<MetricKey> parse(String name) {
        return Optional.empty();
    }

    /** The parameterised forms {@link #parse} accepts, for messages ({@code precision:<class>}). */
    default List<String> patterns() {
        return List.of();
    }
}
