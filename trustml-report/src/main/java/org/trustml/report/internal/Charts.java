package org.trustml.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The report's plots, drawn with XChart and encoded as PNG bytes by its {@link BitmapEncoder}
 * (java.awt on a BufferedImage: no display needed). Every chart uses the same plain style.
 */
public final class Charts {
    private static final Color BAR = new Color(60, 110, 190);
    private static final Color PASS = new Color(40, 140, 80);
    private static final Color FAIL = new Color(190, 50, 40);
    private static final Color[] SERIES = {BAR, new Color(230, 140, 40), new Color(40, 150, 130),
        new Color(150, 80, 170), new Color(120, 120, 120)};

    private Charts() {}

    /** One named series of values, one per category. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /**
     * Grouped bars: one group per category, one bar per series (NaN values are drawn as 0 and should be
     * flagged in the table next to the chart), with an optional horizontal reference line.
     */
    public static byte[] groupedBars(String title, String yTitle, List<String> categories, List<Series> series,
            double yMin, double yMax, int width, int height, OptionalDouble reference) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).yAxisTitle(yTitle)
                .build();
        style(chart);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax).setXAxisLabelRotation(categories.size() > 4 ? 30 : 0)
                .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
                .setSeriesColors(SERIES);
        chart.getStyler().setAnnotationLineColor(FAIL);
        for (Series s : series) {
            chart.addSeries(s.name(), categories, s.values().stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList());
        }
        reference.ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        return png(chart);
    }

    /**
     * One metric as a bar, with the gate's bounds (when there is a gate) drawn as horizontal lines: the
     * bar is green when the value is within them, red when not, blue when no gate applies.
     */
    public static byte[] gatedBar(String metric, double value, OptionalDouble lower, OptionalDouble upper,
            Boolean passed, double yMin, double yMax) {
        CategoryChart chart = new CategoryChartBuilder().width(260).height(230).title(metric).build();
        style(chart);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax).setLegendVisible(false)
                .setSeriesColors(new Color[] {passed == null ? BAR : passed ? PASS : FAIL})
                .setAnnotationLineColor(FAIL)
                .setAnnotationLineStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        String label = Double.isNaN(value) ? "undefined" : String.format(java.util.Locale.ROOT, "%.3f", value);
        chart.addSeries("value", List.of(label), List.of(Double.isNaN(value) ? 0.0 : value));
        lower.ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        upper.ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        return png(chart);
    }

    /** Lines through (x, y) points, one per series, with an optional horizontal reference line. */
    public static byte[] lines(String title, String xTitle, String yTitle, List<Double> x, List<Series> series,
            OptionalDouble reference, double yMin, double yMax) {
        XYChart chart = new XYChartBuilder().width(480).height(300).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        style(chart);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setSeriesColors(SERIES)
                .setAnnotationLineColor(Color.GRAY);
        for (Series s : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                if (!Double.isNaN(s.values().get(i))) {
                    xs.add(x.get(i));
                    ys.add(s.values().get(i));
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(s.name(), xs, ys);
            }
        }
        reference.ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        return png(chart);
    }

    private static void style(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setDecimalPattern("0.###");
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("XChart could not encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }
}
