package org.trustml.core.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trustml.core.InvalidInputException;

/**
 * A plot a section asks for: what to draw, not how. The report draws it (trustml-report uses XChart)
 * and embeds it as a PNG through {@link HtmlWriter#chart(Chart, String)}, so a module that contributes
 * a section needs no plotting library. NaN values are drawn as 0 (grouped bars) or left out (lines);
 * the section's table says which value is undefined.
 */
public sealed interface Chart permits Chart.GroupedBars, Chart.GatedBar, Chart.Lines {
    /** One named series of values, one per category or x. */
    record Series(String name, List<Double> values) {
        public Series {
            requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    /**
     * Grouped bars: one group per category, one bar per series, with an optional horizontal reference line.
     *
     * @param title      the chart's title
     * @param yTitle     the y axis's title (may be empty)
     * @param categories the groups, left to right
     * @param series     the bars of each group; each has one value per category
     * @param yMin       the y axis's lower end
     * @param yMax       the y axis's upper end, above {@code yMin}
     * @param width      pixels, positive
     * @param height     pixels, positive
     * @param reference  a horizontal line, e.g. a test's threshold
     */
    record GroupedBars(String title, String yTitle, List<String> categories, List<Series> series, double yMin,
            double yMax, int width, int height, OptionalDouble reference) implements Chart {
        public GroupedBars {
            requireNonNull(title, "title");
            requireNonNull(yTitle, "yTitle");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            requireNonNull(reference, "reference");
            for (Series s : series) {
                sameLength(s, categories.size(), "categories");
            }
            checkAxis(yMin, yMax);
            if (width <= 0 || height <= 0) {
                throw InvalidInputException.problem("is not a size").column("width x height").value(width + "x" + height)
                        .expected("positive pixels").build();
            }
        }
    }

    /**
     * One metric as a bar with its gate's bounds drawn as dashed lines: green when the gate passed, red when
     * it failed, blue when no gate applies; its confidence interval, if any, as an error bar.
     *
     * @param metric   the metric's name (the chart's title)
     * @param value    its value (NaN is drawn as 0 and labelled "undefined")
     * @param lower    the gate's lower bound, if any
     * @param upper    the gate's upper bound, if any
     * @param gate     whether a gate judged the value, and how
     * @param yMin     the y axis's lower end
     * @param yMax     the y axis's upper end, above {@code yMin}
     * @param errorBar the value's confidence interval, drawn as a whisker from its lower to its upper end
     */
    record GatedBar(String metric, double value, OptionalDouble lower, OptionalDouble upper, GateOutcome gate,
            double yMin, double yMax, Optional<ErrorBar> errorBar) implements Chart {
        public GatedBar {
            requireNonNull(metric, "metric");
            requireNonNull(lower, "lower");
            requireNonNull(upper, "upper");
            requireNonNull(gate, "gate");
            requireNonNull(errorBar, "errorBar");
            checkAxis(yMin, yMax);
        }

        /** A bar without an error bar. */
        public GatedBar(String metric, double value, OptionalDouble lower, OptionalDouble upper, GateOutcome gate,
                double yMin, double yMax) {
            this(metric, value, lower, upper, gate, yMin, yMax, Optional.empty());
        }
    }

    /**
     * An interval drawn as an error bar (asymmetric: a bootstrap interval need not be centred on the value).
     *
     * @param lower its lower end, finite
     * @param upper its upper end, finite and {@code >= lower}
     */
    record ErrorBar(double lower, double upper) {
        public ErrorBar {
            if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower <= upper)) {
                throw InvalidInputException.problem("is not an interval").column("errorBar").value(lower + ", " + upper)
                        .expected("finite lower <= upper").build();
            }
        }
    }

    /** Whether a gate judged a {@link GatedBar}'s value. */
    enum GateOutcome { PASSED, FAILED, NO_GATE }

    /**
     * Lines through (x, y) points, one per series (NaN points are left out), with an optional horizontal
     * reference line.
     *
     * @param title     the chart's title
     * @param xTitle    the x axis's title
     * @param yTitle    the y axis's title
     * @param x         the x values
     * @param series    the lines; each has one y per x
     * @param reference a horizontal line, if any
     * @param yMin      the y axis's lower end
     * @param yMax      the y axis's upper end, above {@code yMin}
     */
    record Lines(String title, String xTitle, String yTitle, List<Double> x, List<Series> series,
            OptionalDouble reference, double yMin, double yMax) implements Chart {
        public Lines {
            requireNonNull(title, "title");
            requireNonNull(xTitle, "xTitle");
            requireNonNull(yTitle, "yTitle");
            x = List.copyOf(x);
            series = List.copyOf(series);
            requireNonNull(reference, "reference");
            for (Series s : series) {
                sameLength(s, x.size(), "x values");
            }
            checkAxis(yMin, yMax);
        }
    }

    private static void sameLength(Series s, int expected, String of) {
        if (s.values().size() != expected) {
            throw InvalidInputException.problem("has " + s.values().size() + " values").column("series " + s.name())
                    .expected("one per " + of.replaceAll("s$", "") + ": " + expected).build();
        }
    }

    private static void checkAxis(double yMin, double yMax) {
        if (!(yMin < yMax)) {
            throw InvalidInputException.problem("is not a range").column("yMin, yMax").value(yMin + ", " + yMax)
                    .expected("finite yMin below yMax").build();
        }
    }
}
