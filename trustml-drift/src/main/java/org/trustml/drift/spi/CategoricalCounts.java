package org.trustml.drift.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often each category of one column occurs in the reference and the current table, missing values left
 * out and counted. Categories are text, as a {@code Table} column formats its values ({@code 3}, {@code 2.5},
 * {@code true}, the string itself).
 *
 * @param reference        category → count in the reference table (counts ≥ 1)
 * @param current          category → count in the current table (counts ≥ 1)
 * @param referenceMissing missing reference values
 * @param currentMissing   missing current values
 */
public record CategoricalCounts(Map<String, Long> reference, Map<String, Long> current, long referenceMissing,
                                long currentMissing) {
    public CategoricalCounts {
        reference = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(reference, "reference")));
        current = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(current, "current")));
        if (referenceMissing < 0 || currentMissing < 0) {
            throw new IllegalArgumentException("missing counts must be >= 0: " + referenceMissing + ", " + currentMissing);
        }
        reference.values().forEach(CategoricalCounts::checkCount);
        current.values().forEach(CategoricalCounts::checkCount);
    }

    private static void checkCount(Long c) {
        if (c == null || c < 1) {
            throw new IllegalArgumentException("a category's count must be >= 1, got " + c);
        }
    }
}
