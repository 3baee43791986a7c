package org.trustml.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.trustml.core.report.Chart;
import org.trustml.core.report.ChartRenderer;

/**
 * Draws the sections' {@link Chart}s with XChart and encodes them as PNG bytes with its
 * {@link BitmapEncoder} (java.awt on a BufferedImage: no display needed). Every chart uses the same plain
 * style. Stateless.
 */
public final class XChartRenderer implements ChartRenderer {
    private static final Color BAR = new Color(60, 110, 190);
    private static final Color PASS = new Color(40, 140, 80);
    private static final Color FAIL = new Color(190, 50, 40);
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private static final Color[] SERIES = {BAR, new Color(230, 140, 40), new Color(40, 150, 130),
        new Color(150, 80, 170), new Color(120, 120, 120)};

    @Override
    public byte[] png(Chart chart) {
        if (chart instanceof Chart.GroupedBars b) {
            return groupedBars(b);
        } else if (chart instanceof Chart.GatedBar b) {
            return gatedBar(b);
        }
        return lines((Chart.Lines) chart);
    }

    /** Grouped bars; NaN values are drawn as 0 (the section's table flags them). */
    private static byte[] groupedBars(Chart.GroupedBars c) {
        CategoryChart chart = new CategoryChartBuilder().width(c.width()).height(c.height()).title(c.title())
                .yAxisTitle(c.yTitle()).build();
        style(chart);
        chart.getStyler().setYAxisMin(c.yMin()).setYAxisMax(c.yMax())
                .setXAxisLabelRotation(c.categories().size() > 4 ? 30 : 0)
                .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
                .setSeriesColors(SERIES);
        chart.getStyler().setAnnotationLineColor(FAIL);
        for (Chart.Series s : c.series()) {
            chart.addSeries(s.name(), c.categories(),
                    s.values().stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList());
        }
        c.reference().ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        return png(chart);
    }

    /**
     * One bar, green within the gate, red outside, blue without one; the bounds as dashed lines; the confidence
     * interval, if any, as a black whisker. XChart's error bars are symmetric, so the interval is drawn as the error
     * bar of a second, invisible bar at its midpoint, overlapping the first: {@code mid ± (upper − lower)/2}.
     */
    private static byte[] gatedBar(Chart.GatedBar c) {
        CategoryChart chart = new CategoryChartBuilder().width(260).height(230).title(c.metric()).build();
        style(chart);
        Color colour = switch (c.gate()) {
            case PASSED -> PASS;
            case FAILED -> FAIL;
            case NO_GATE -> BAR;
        };
        chart.getStyler().setYAxisMin(c.yMin()).setYAxisMax(c.yMax()).setLegendVisible(false)
                .setSeriesColors(new Color[] {colour})
                .setAnnotationLineColor(FAIL)
                .setAnnotationLineStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        double value = c.value();
        String label = Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.3f", value);
        chart.addSeries("value", List.of(label), List.of(Double.isNaN(value) ? 0.0 : value));
        c.errorBar().ifPresent(e -> {
            chart.getStyler().setOverlapped(true).setErrorBarsColorSeriesColor(false).setErrorBarsColor(Color.BLACK);
            chart.addSeries("interval", List.of(label), List.of((e.lower() + e.upper()) / 2),
                    List.of((e.upper() - e.lower()) / 2)).setFillColor(INVISIBLE);
        });
        c.lower().ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        c.upper().ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        return png(chart);
    }

    /** Lines through the (x, y) points of each series, NaN points left out. */
    private static byte[] lines(Chart.Lines c) {
        XYChart chart = new XYChartBuilder().width(480).height(300).title(c.title()).xAxisTitle(c.xTitle())
                .yAxisTitle(c.yTitle()).build();
        style(chart);
        chart.getStyler().setYAxisMin(c.yMin()).setYAxisMax(c.yMax()).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setSeriesColors(SERIES)
                .setAnnotationLineColor(Color.GRAY);
        for (Chart.Series s : c.series()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < c.x().size(); i++) {
                if (!Double.isNaN(s.values().get(i))) {
                    xs.add(c.x().get(i));
                    ys.add(s.values().get(i));
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(s.name(), xs, ys);
            }
        }
        c.reference().ifPresent(v -> chart.addAnnotation(new AnnotationLine(v, false, false)));
        return png(chart);
    }

    private static void style(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setDecimalPattern("0.###");
    }

    private static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("XChart could not encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }
}
