package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.ConfusionMatrix;

/**
 * The two graphics a card draws itself from the numbers it holds, as PNG bytes for
 * {@link ModelCardBuilder#graphic(String, byte[])} (drawn with java.awt; works headless).
 * Explanation overlays and adversarial examples are drawn by the modules that make them
 * ({@code ExplanationImages}, the attack's image sheet) and passed in as PNGs.
 *
 * <ul>
 *   <li>{@link #confusionMatrix(ConfusionMatrix)}: rows are the true class, columns the predicted
 *       class (scikit-learn's {@code ConfusionMatrixDisplay} layout); each cell shows the count and
 *       its share of the row (the class's recall on the diagonal) and is shaded by that share.</li>
 *   <li>{@link #fairnessBars(List)}: one bar per metric, from the metric's fair value (0 for a
 *       difference, 1 for a ratio such as disparate impact; 0 otherwise) to its value; green inside
 *       the conventional band (|difference| &lt; 0.1, ratio within [0.8, 1.25], the four-fifths
 *       rule), orange outside, grey for metrics without a fair value; an undefined (NaN) value
 *       is written as such, without a bar.</li>
 * </ul>
 */
public final class CardCharts {
    private static final int MARGIN = 12;
    private static final int CELL = 76;
    private static final int BAR_ROW = 26;
    private static final int BAR_AREA = 360;
    /** |difference| below this is drawn as fair (AIF360's usual 0.1 band). */
    public static final double DIFFERENCE_BAND = 0.1;
    /** A ratio within [0.8, 1.25] is drawn as fair (the four-fifths rule). */
    public static final double RATIO_LOW = 0.8;
    static final Color FAIR = new Color(46, 139, 87);
    static final Color UNFAIR = new Color(230, 126, 34);
    static final Color NEUTRAL = new Color(128, 128, 128);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private CardCharts() {}

    /** A confusion matrix as a PNG: counts and row shares, shaded white (0) to dark blue (whole row). */
    public static byte[] confusionMatrix(ConfusionMatrix matrix) {
        requireNonNull(matrix, "matrix");
        List<String> classes = matrix.classes();
        int k = classes.size();
        if (k == 0) {
            throw InvalidInputException.problem("has no classes").column("confusion matrix")
                    .expected("at least one class").build();
        }
        FontMetrics fm = metrics();
        int labelW = 0;
        for (String c : classes) {
            labelW = Math.max(labelW, fm.stringWidth(shorten(c)));
        }
        int left = MARGIN + 18 + labelW + 8;
        int top = MARGIN + 18 + 18;
        int width = left + k * CELL + MARGIN;
        int height = top + k * CELL + MARGIN + 18;
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        try {
            g.setColor(Color.BLACK);
            g.setFont(BOLD);
            centred(g, "predicted", left + k * CELL / 2, MARGIN + 12);
            g.rotate(-Math.PI / 2);
            centred(g, "true", -(top + k * CELL / 2), MARGIN + 12);
            g.rotate(Math.PI / 2);
            g.setFont(FONT);
            for (int j = 0; j < k; j++) {
                centred(g, shorten(classes.get(j)), left + j * CELL + CELL / 2, top - 6);
            }
            for (int i = 0; i < k; i++) {
                List<Long> row = matrix.counts().get(i);
                long total = row.stream().mapToLong(Long::longValue).sum();
                g.setColor(Color.BLACK);
                g.drawString(shorten(classes.get(i)), left - 8 - fm.stringWidth(shorten(classes.get(i))),
                        top + i * CELL + CELL / 2 + 4);
                for (int j = 0; j < k; j++) {
                    long n = row.get(j);
                    double share = total == 0 ? 0 : (double) n / total;
                    Color fill = shade(share);
                    g.setColor(fill);
                    g.fillRect(left + j * CELL, top + i * CELL, CELL, CELL);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    centred(g, Long.toString(n), left + j * CELL + CELL / 2, top + i * CELL + CELL / 2 - 2);
                    centred(g, total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share),
                            left + j * CELL + CELL / 2, top + i * CELL + CELL / 2 + 14);
                }
            }
            g.setColor(Color.GRAY);
            g.drawRect(left, top, k * CELL, k * CELL);
            g.setColor(Color.DARK_GRAY);
            g.drawString("cell: count and share of its true class", left, top + k * CELL + 16);
        } finally {
            g.dispose();
        }
        return png(img);
    }

    /** Group-fairness metrics as horizontal bars around each metric's fair value. */
    public static byte[] fairnessBars(List<FairnessComparison> metrics) {
        requireNonNull(metrics, "metrics");
        if (metrics.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("fairness metrics")
                    .expected("at least one fairness metric to draw").build();
        }
        FontMetrics fm = metrics();
        int labelW = 0;
        double span = 0;
        for (FairnessComparison m : metrics) {
            labelW = Math.max(labelW, fm.stringWidth(label(m)));
            if (!Double.isNaN(m.value()) && !Double.isInfinite(m.value())) {
                span = Math.max(span, Math.abs(m.value() - fairValue(m.metric().direction())));
            }
        }
        span = span == 0 ? 1 : span;
        int left = MARGIN + labelW + 10;
        int centre = left + BAR_AREA / 2;
        int top = MARGIN + 4;
        int width = left + BAR_AREA + 70 + MARGIN;
        int height = top + metrics.size() * BAR_ROW + 24 + MARGIN;
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        try {
            g.setFont(FONT);
            for (int r = 0; r < metrics.size(); r++) {
                FairnessComparison m = metrics.get(r);
                int y = top + r * BAR_ROW;
                g.setColor(Color.BLACK);
                g.drawString(label(m), left - 10 - fm.stringWidth(label(m)), y + BAR_ROW / 2 + 4);
                double v = m.value();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    g.setColor(NEUTRAL);
                    g.drawString("undefined (" + v + ")", centre + 6, y + BAR_ROW / 2 + 4);
                    continue;
                }
                double delta = v - fairValue(m.metric().direction());
                int length = (int) Math.round(Math.abs(delta) / span * (BAR_AREA / 2 - 4));
                int x0 = delta >= 0 ? centre : centre - length;
                g.setColor(colour(m));
                g.fillRect(x0, y + 5, Math.max(length, 1), BAR_ROW - 10);
                g.setColor(Color.BLACK);
                String text = String.format(Locale.ROOT, "%.3f", v);
                g.drawString(text, delta >= 0 ? centre + length + 4 : centre - length - 4 - fm.stringWidth(text),
                        y + BAR_ROW / 2 + 4);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawLine(centre, top, centre, top + metrics.size() * BAR_ROW);
            g.drawString("bars start at the fair value: 0 for differences, 1 for ratios", left,
                    top + metrics.size() * BAR_ROW + 18);
        } finally {
            g.dispose();
        }
        return png(img);
    }

    /** The value at which a metric of this direction is fair: 1 for ratios, else 0. */
    static double fairValue(MetricDirection direction) {
        return direction == MetricDirection.CLOSER_TO_ONE ? 1.0 : 0.0;
    }

    /** Green inside the conventional band, orange outside, grey when the metric has no fair value. */
    static Color colour(FairnessComparison m) {
        double v = m.value();
        return switch (m.metric().direction()) {
            case CLOSER_TO_ZERO -> Math.abs(v) < DIFFERENCE_BAND ? FAIR : UNFAIR;
            case CLOSER_TO_ONE -> v >= RATIO_LOW && v <= 1 / RATIO_LOW ? FAIR : UNFAIR;
            default -> NEUTRAL;
        };
    }

    private static String label(FairnessComparison m) {
        return shorten(m.metric().jsonName() + " (" + m.slice() + ")");
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    /** White at 0 to RGB (8, 48, 107) at 1 (the end of matplotlib's "Blues"). */
    static Color shade(double share) {
        double t = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(255 + t * (8 - 255)), (int) Math.round(255 + t * (48 - 255)),
                (int) Math.round(255 + t * (107 - 255)));
    }

    private static FontMetrics metrics() {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        try {
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(FONT);
        return g;
    }

    private static void centred(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        return out.toByteArray();
    }
}
