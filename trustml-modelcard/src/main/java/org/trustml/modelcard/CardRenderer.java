package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.trustml.core.io.AtomicFiles;

/**
 * Renders a card for people, through Mustache templates (mustache.java) on the classpath under
 * {@code org/trustml/modelcard/templates/}:
 *
 * <ul>
 *   <li>{@link #html}: one self-contained page: inline CSS, graphics as {@code data:image/png;base64}
 *       URIs, no scripts, and a Content-Security-Policy that forbids loading anything else. Every
 *       value from the card is HTML-escaped, so a {@code <script>} in a description is shown as text;
 *       only {@code http(s)} references become links.</li>
 *   <li>{@link #markdown}: GitHub-flavoured Markdown; values have {@code & < >} turned into entities and
 *       Markdown punctuation backslash-escaped, so they cannot inject HTML, links or table cells.</li>
 * </ul>
 *
 * <p>An incomplete card ({@link Completeness}) is rendered with a notice listing what is missing.
 * Thread-safe; templates are compiled once.
 */
public final class CardRenderer {
    private static final String ROOT = "org/trustml/modelcard/templates";

    private static final class Templates {
        static final Mustache HTML = new DefaultMustacheFactory(ROOT).compile("card.html.mustache");
        static final Mustache MARKDOWN = new MarkdownMustacheFactory().compile("card.md.mustache");
    }

    private CardRenderer() {}

    /** The card as one self-contained HTML page. */
    public static String html(ModelCard card) {
        return render(Templates.HTML, card);
    }

    /** The card as Markdown. */
    public static String markdown(ModelCard card) {
        return render(Templates.MARKDOWN, card);
    }

    /** Writes {@link #html} atomically. */
    public static Path writeHtml(ModelCard card, Path file) {
        return AtomicFiles.writeString(file, html(card));
    }

    /** Writes {@link #markdown} atomically. */
    public static Path writeMarkdown(ModelCard card, Path file) {
        return AtomicFiles.writeString(file, markdown(card));
    }

    private static String render(Mustache template, ModelCard card) {
        requireNonNull(card, "card");
        StringWriter out = new StringWriter();
        try {
            template.execute(out, CardView.of(card)).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Escapes values for Markdown instead of HTML. */
    private static final class MarkdownMustacheFactory extends DefaultMustacheFactory {
        MarkdownMustacheFactory() {
            super(ROOT);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escapeMarkdown(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Text safe in Markdown: {@code & < >} as HTML entities (no raw HTML), ASCII punctuation that
     * Markdown gives meaning to backslash-escaped (CommonMark allows escaping any of it), line breaks
     * as hard breaks.
     */
    static String escapeMarkdown(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~' -> sb.append('\\').append(c);
                case '\r' -> { }
                case '\n' -> sb.append("\\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
