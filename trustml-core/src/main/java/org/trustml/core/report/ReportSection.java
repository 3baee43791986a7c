package org.trustml.core.report;

/**
 * One section of the HTML trust report: an anchor {@link #id()}, a short {@link #title()} for the
 * page's navigation, a place in the page ({@link #order()}), whether it has something to say about a
 * given report ({@link #appliesTo(ReportInput)}) and its body, written through the report's escaping
 * {@link HtmlWriter}. The report writes the {@code <section id>} element and its {@code <h2>}
 * {@link #heading(ReportInput)}; the section writes what comes under the heading.
 *
 * <p>The built-in sections sit at these orders; a new section picks a free number between them:
 *
 * <table>
 *   <caption>Sections and their order</caption>
 *   <tr><th>order</th><th>id</th><th>module</th></tr>
 *   <tr><td>100</td><td>{@code confusion}</td><td>trustml-report</td></tr>
 *   <tr><td>200</td><td>{@code slices}</td><td>trustml-report</td></tr>
 *   <tr><td>300</td><td>{@code fairness}</td><td>trustml-fairness</td></tr>
 *   <tr><td>400</td><td>{@code explanations}</td><td>trustml-explain</td></tr>
 *   <tr><td>410</td><td>{@code shap}</td><td>trustml-explain</td></tr>
 *   <tr><td>500</td><td>{@code robustness}</td><td>trustml-adversarial</td></tr>
 *   <tr><td>600</td><td>{@code drift}</td><td>trustml-drift</td></tr>
 *   <tr><td>700</td><td>{@code verdict}</td><td>trustml-report</td></tr>
 *   <tr><td>800</td><td>{@code model-card}</td><td>trustml-modelcard</td></tr>
 *   <tr><td>900</td><td>{@code metrics}</td><td>trustml-report</td></tr>
 * </table>
 *
 * <p>Sections are stateless and thread-safe; the same instance renders many reports.
 */
public interface ReportSection {
    /** The anchor of the section, unique in the page: lower-case letters, digits and dashes. */
    String id();

    /** The short name in the page's navigation, e.g. {@code "Fairness"}. */
    String title();

    /** The place in the page: lower first; equal orders fall back to the id. */
    int order();

    /** The section's {@code <h2>}; the {@link #title()} unless the section says more (e.g. the verdict's status). */
    default String heading(ReportInput input) {
        return title();
    }

    /**
     * Whether this section belongs in the report of {@code input}. A section about an optional evaluator
     * usually applies always and says when its evaluator did not run; a section that needs, say, a
     * classification report does not apply without one.
     */
    default boolean appliesTo(ReportInput input) {
        return true;
    }

    /** Writes the section's body (what follows the heading). */
    void render(ReportInput input, HtmlWriter out);
}
