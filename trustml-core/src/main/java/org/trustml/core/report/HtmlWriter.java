package org.trustml.core.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Set;
import org.trustml.core.InvalidInputException;

/**
 * The only way a {@link ReportSection} writes HTML: elements from a fixed set of tags and attributes,
 * every text and attribute value escaped, images only as {@code data:image/png;base64} URIs of PNG bytes.
 * There is no way to write raw markup, so a section cannot put a script, a style sheet, an event handler
 * or a remote URL into the page, whatever its data holds.
 *
 * <p>Escaping is the one of mustache.java's {@code HtmlEscaper} (the engine the page used before it had
 * sections): {@code & < > " ' ` =} become entities and so do the control characters U+0000–U+000D, so a
 * value is safe in text and in a quoted attribute alike. Elements must be closed in order
 * ({@link #close(String)} names the element it closes) and {@link #html()} refuses a page with an element
 * left open. Not thread-safe: one writer per section rendering.
 */
public final class HtmlWriter {
    /** The tags a section may open. */
    public static final Set<String> TAGS = Set.of("section", "header", "nav", "a", "h1", "h2", "h3", "p", "div", "span",
            "b", "i", "code", "pre", "ul", "li", "table", "tr", "th", "td", "details", "summary", "figure", "figcaption",
            "iframe");
    /**
     * The attributes a section may set: {@code href} only to an anchor in the page ({@code #…}), {@code srcdoc}
     * only on an {@code iframe}, which must then be fully sandboxed ({@code sandbox} with no value).
     */
    public static final Set<String> ATTRIBUTES = Set.of("id", "class", "title", "alt", "style", "href", "sandbox",
            "srcdoc");

    private static final String[] ESCAPES = escapes();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final StringBuilder html = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private final ChartRenderer charts;

    /** A writer that draws the charts it is given with {@code charts}. */
    public HtmlWriter(ChartRenderer charts) {
        this.charts = requireNonNull(charts, "charts");
    }

    /** Opens {@code tag} with attributes given as name, value, name, value… */
    public HtmlWriter open(String tag, String... attributes) {
        if (!TAGS.contains(tag)) {
            throw refused("tag", tag, "one of " + new java.util.TreeSet<>(TAGS));
        }
        String attrs = attributes(tag, attributes);
        html.append('<').append(tag).append(attrs).append('>');
        open.push(tag);
        return this;
    }

    /** Closes {@code tag}, which must be the element opened last. */
    public HtmlWriter close(String tag) {
        if (!tag.equals(open.peek())) {
            throw refused("closing tag", tag, open.isEmpty() ? "no element is open" : "</" + open.peek() + "> first");
        }
        open.pop();
        html.append("</").append(tag).append('>');
        return this;
    }

    /** Writes {@code value}'s text, escaped. */
    public HtmlWriter text(Object value) {
        html.append(escape(String.valueOf(requireNonNull(value, "text"))));
        return this;
    }

    /** {@code <tag attributes>text</tag>}. */
    public HtmlWriter element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A line break in the source (not in the page), to keep the page readable. */
    public HtmlWriter newline() {
        html.append('\n');
        return this;
    }

    /** An {@code <img>} of these PNG bytes, described by {@code alt}; the writer does not keep the array. */
    public HtmlWriter image(byte[] png, String alt, String... attributes) {
        requireNonNull(png, "png");
        if (!isPng(png)) {
            throw refused("image", png.length + " bytes", "a PNG (it starts with the PNG signature)");
        }
        String attrs = attributes("img", attributes);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals("alt")) {
                throw refused("attribute", "alt", "the alt text as the image's own argument, once");
            }
        }
        html.append("<img").append(attrs).append(attribute("alt", requireNonNull(alt, "alt")))
                .append(attribute("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))).append('>');
        return this;
    }

    /**
     * An {@code <img>} of a PNG file an evaluator wrote (a LIME overlay, an adversarial example sheet), read
     * now and embedded, so the page needs no other file.
     */
    public HtmlWriter image(Path png, String alt, String... attributes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(requireNonNull(png, "png"));
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be read for the report: " + e.getMessage()).file(png)
                    .expected("the PNG an evaluator wrote (LIME overlay, adversarial sheet), still in place").build(e);
        }
        if (!isPng(bytes)) {
            throw InvalidInputException.problem("is not a PNG").file(png)
                    .expected("the PNG an evaluator wrote (it starts with the PNG signature)").build();
        }
        return image(bytes, alt, attributes);
    }

    /** An {@code <img>} of {@code chart}, drawn by the report's {@link ChartRenderer}. */
    public HtmlWriter chart(Chart chart, String alt) {
        return image(charts.png(requireNonNull(chart, "chart")), alt);
    }

    /** What was written; refuses when an element is still open. */
    public String html() {
        if (!open.isEmpty()) {
            throw refused("element", "<" + open.peek() + ">", "closed before the section ends");
        }
        return html.toString();
    }

    /**
     * {@code text} with {@code & < > " ' ` =} and U+0000–U+000D replaced by character references, as
     * mustache.java's {@code HtmlEscaper} does; safe in element text and in quoted attribute values.
     */
    public static String escape(String text) {
        StringBuilder out = null;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ESCAPES.length && ESCAPES[c] != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, from, i).append(ESCAPES[c]);
                from = i + 1;
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /** The attributes, checked and escaped, each with its leading space; nothing is written here. */
    private static String attributes(String tag, String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw refused("attributes", String.join(", ", attributes), "name, value pairs");
        }
        StringBuilder out = new StringBuilder();
        boolean sandboxed = false;
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = requireNonNull(attributes[i + 1], "value of " + name);
            if (!ATTRIBUTES.contains(name)) {
                throw refused("attribute", name, "one of " + new java.util.TreeSet<>(ATTRIBUTES));
            }
            if (name.equals("href") && !value.startsWith("#")) {
                throw refused("href", value, "an anchor in the page (#id)");
            }
            if (name.equals("srcdoc") && !tag.equals("iframe")) {
                throw refused("srcdoc", "<" + tag + ">", "srcdoc only on an iframe");
            }
            if (name.equals("sandbox")) {
                if (!value.isEmpty()) {
                    throw refused("sandbox", value, "an empty value (every restriction on)");
                }
                sandboxed = true;
            }
            out.append(attribute(name, value));
        }
        if (tag.equals("iframe") && !sandboxed) {
            throw refused("iframe", "without sandbox", "an iframe with sandbox=\"\"");
        }
        return out.toString();
    }

    private static String attribute(String name, String value) {
        return " " + name + "=\"" + escape(value) + '"';
    }

    private static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException refused(String what, String value, String expected) {
        return InvalidInputException.problem("is not allowed in a report section").column(what).value(value)
                .expected(expected).build();
    }

    private static String[] escapes() {
        String[] e = new String['`' + 1];
        for (char c = 0; c <= 13; c++) {
            e[c] = "&#" + (int) c + ";";
        }
        e['&'] = "&amp;";
        e['<'] = "&lt;";
        e['>'] = "&gt;";
        e['"'] = "&quot;";
        e['\''] = "&#39;";
        e['`'] = "&#96;";
        e['='] = "&#61;";
        return e;
    }
}
