package org.trustml.samples.notebook;

import static java.util.Objects.requireNonNull;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.GateResult;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;
import org.trustml.fairness.FairnessReport;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.ModelCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows trustml results in a notebook: {@code show(report)} publishes a fairness report, verdict,
 * evaluation or model card as an HTML table, and an image as a PNG, to the running Java kernel.
 *
 * <p>How: Jupyter renders {@code display_data} messages by MIME type, and each Java kernel has its
 * own API for them; an object whose {@code toString()} is HTML is not enough (IJava shows it as
 * {@code text/plain}). So {@link #show} looks the kernel up by reflection, without depending on it:
 * <ul>
 *   <li>rapaio-jupyter-kernel 3: {@code org.rapaio.jupyter.kernel.global.Global.display("text/html", html)},
 *       and {@code Global.display(image)} for a {@link RenderedImage} (its image renderer writes a PNG);</li>
 *   <li>IJava / JJava: {@code io.github.spencerpark.ijava.runtime.Display.display(Object, String...)}
 *       (resp. {@code org.dflib.jjava.runtime.Display}) with the HTML as a {@code CharSequence} rendered
 *       as {@code text/html}, and the image as is (their renderer registers {@code image/png} for images).</li>
 * </ul>
 * Outside a kernel {@link #show} publishes nothing and logs so ({@link #publish} returns {@code false}).
 */
public final class Notebook {
    private static final Logger LOG = LoggerFactory.getLogger(Notebook.class);
    private static final List<String> IJAVA_DISPLAYS = List.of("io.github.spencerpark.ijava.runtime.Display",
            "org.dflib.jjava.runtime.Display");

    private Notebook() {}

    /**
     * Publishes {@code value} to the running kernel: an image as PNG; a fairness report, verdict,
     * model card or metric source as an HTML table; {@link Html} as is; anything else as escaped text.
     * Returns nothing, so the cell shows only the display (see {@link #publish} to know whether a
     * kernel took it).
     */
    public static void show(Object value) {
        publish(value);
    }

    /** {@link #show}, returning whether a kernel took the value ({@code false} outside a notebook). */
    public static boolean publish(Object value) {
        requireNonNull(value, "value");
        if (value instanceof Image) {
            return publishImage(value instanceof RenderedImage r ? r : toBuffered((Image) value));
        }
        return publishHtml(html(value).html());
    }

    /** The HTML {@link #show} publishes for {@code value}. */
    public static Html html(Object value) {
        requireNonNull(value, "value");
        if (value instanceof Html h) {
            return h;
        }
        if (value instanceof ModelCard card) {
            return new Html(CardRenderer.html(card));
        }
        if (value instanceof FairnessReport report) {
            return fairnessTable(report);
        }
        if (value instanceof Verdict verdict) {
            return verdictTable(verdict);
        }
        if (value instanceof MetricSource source) {
            return metricTable(source.metrics());
        }
        return new Html("<pre>" + escape(String.valueOf(value)) + "</pre>");
    }

    /** {@code image} enlarged {@code scale} times without smoothing (tiny images stay legible). */
    public static BufferedImage enlarge(BufferedImage source, int scale) {
        BufferedImage big = new BufferedImage(source.getWidth() * scale, source.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, source.getRGB(x / scale, y / scale));
            }
        }
        return big;
    }

    private static Html metricTable(List<MetricValue> values) {
        StringBuilder s = new StringBuilder("<table><thead><tr><th>metric</th><th>slice</th><th>value</th>"
                + "<th>undefined because</th></tr></thead><tbody>");
        for (MetricValue m : values) {
            s.append("<tr><td>").append(escape(m.name())).append("</td><td>").append(escape(m.slice().toString()))
                    .append("</td><td>").append(Gate.fmt(m.value())).append("</td><td>")
                    .append(escape(m.undefinedReason().orElse(""))).append("</td></tr>");
        }
        return new Html(s.append("</tbody></table>").toString());
    }

    private static Html fairnessTable(FairnessReport report) {
        StringBuilder s = new StringBuilder("<table><thead><tr><th>section</th><th>metric</th><th>overall</th>"
                + "<th>privileged</th><th>unprivileged</th><th>between groups</th></tr></thead><tbody>");
        Map<String, ? extends Map<String, org.trustml.fairness.FairnessValue>> sections =
                Map.of("classification", report.classification(), "dataset", report.dataset());
        for (String section : List.of("classification", "dataset")) {
            sections.get(section).forEach((name, v) -> {
                s.append("<tr><td>").append(section).append("</td><td>").append(escape(name)).append("</td>");
                if (v.perGroup()) {
                    s.append(cell(v.get(org.trustml.fairness.FairnessSlice.OVERALL)))
                            .append(cell(v.get(org.trustml.fairness.FairnessSlice.PRIVILEGED)))
                            .append(cell(v.get(org.trustml.fairness.FairnessSlice.UNPRIVILEGED))).append("<td></td>");
                } else {
                    s.append("<td></td><td></td><td></td>").append(cell(v.between()));
                }
                s.append("</tr>");
            });
        }
        s.append("</tbody></table>");
        if (!report.undefined().isEmpty()) {
            s.append("<p>undefined (NaN):</p><ul>");
            report.undefined().forEach((k, why) -> s.append("<li>").append(escape(k)).append(": ").append(escape(why))
                    .append("</li>"));
            s.append("</ul>");
        }
        return new Html(s.toString());
    }

    private static Html verdictTable(Verdict verdict) {
        StringBuilder s = new StringBuilder("<p><b>").append(verdict.status()).append("</b></p><table><thead><tr>"
                + "<th>gate</th><th>passed</th><th>result</th></tr></thead><tbody>");
        for (GateResult r : verdict.results()) {
            s.append("<tr><td>")
                    .append(escape(r.gate().metric().jsonName() + " on " + r.gate().slice() + " " + r.gate().describe()))
                    .append("</td><td>").append(r.passed() ? "yes" : "<b>no</b>").append("</td><td>")
                    .append(escape(r.message())).append("</td></tr>");
        }
        return new Html(s.append("</tbody></table>").toString());
    }

    private static String cell(double v) {
        return "<td>" + Gate.fmt(v) + "</td>";
    }

    /** {@code text} with HTML's special characters escaped. */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static boolean publishHtml(String html) {
        Optional<Class<?>> rapaio = find("org.rapaio.jupyter.kernel.global.Global");
        if (rapaio.isPresent()) {
            return invoke(rapaio.get(), "display", new Class<?>[] {String.class, Object.class}, "text/html", html);
        }
        for (String name : IJAVA_DISPLAYS) {
            Optional<Class<?>> display = find(name);
            if (display.isPresent()) {
                return invoke(display.get(), "display", new Class<?>[] {Object.class, String[].class}, html,
                        new String[] {"text/html"});
            }
        }
        LOG.info("no Java kernel (rapaio-jupyter-kernel, IJava, JJava) to show HTML in");
        return false;
    }

    private static boolean publishImage(RenderedImage image) {
        Optional<Class<?>> rapaio = find("org.rapaio.jupyter.kernel.global.Global");
        if (rapaio.isPresent()) {
            return invoke(rapaio.get(), "display", new Class<?>[] {Object.class}, image);
        }
        for (String name : IJAVA_DISPLAYS) {
            Optional<Class<?>> display = find(name);
            if (display.isPresent()) {
                return invoke(display.get(), "display", new Class<?>[] {Object.class}, image);
            }
        }
        LOG.info("no Java kernel (rapaio-jupyter-kernel, IJava, JJava) to show an image in");
        return false;
    }

    private static Optional<Class<?>> find(String name) {
        for (ClassLoader loader : new ClassLoader[] {Notebook.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            try {
                return Optional.of(Class.forName(name, true, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.trace("{} not visible from {}", name, loader);
            }
        }
        return Optional.empty();
    }

    private static boolean invoke(Class<?> type, String method, Class<?>[] parameters, Object... args) {
        try {
            Method m = type.getMethod(method, parameters);
            m.invoke(null, args);
            return true;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + "." + method + " is not the display API this helper "
                    + "knows (" + String.format(Locale.ROOT, "%s", e.getMessage()) + ")", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the kernel failed to display: " + e.getCause(), e.getCause());
        }
    }

    private static BufferedImage toBuffered(Image awt) {
        BufferedImage b = new BufferedImage(awt.getWidth(null), awt.getHeight(null), BufferedImage.TYPE_INT_RGB);
        b.getGraphics().drawImage(awt, 0, 0, null);
        return b;
    }
}
