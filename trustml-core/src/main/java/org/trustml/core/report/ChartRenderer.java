package org.trustml.core.report;

/**
 * Draws a {@link Chart} as PNG bytes. trustml-report provides one (XChart, headless); a section's test can
 * pass a stub that records the charts it was asked for.
 */
@FunctionalInterface
public interface ChartRenderer {
    /** The chart as a PNG file's bytes. */
    byte[] png(Chart chart);
}
