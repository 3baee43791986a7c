package org.trustml.samples.notebook;

import static java.util.Objects.requireNonNull;

/**
 * An HTML fragment. Its {@code toString()} is the HTML, so rapaio-jupyter-kernel's {@code display(x)}
 * (whose default MIME type is {@code text/html}) renders it as is; {@link Notebook#show(Object)}
 * publishes it as {@code text/html} in every supported kernel.
 *
 * @param html the fragment
 */
public record Html(String html) {
    public Html {
        requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return html;
    }
}
