package org.trustml.report;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.ModelCard;
import org.trustml.report.internal.ReportView;
import org.trustml.vision.evaluation.ImageEvaluation;

/**
 * The trust report of an image classifier that went through evaluate and bless: ONE self-contained
 * HTML page (inline CSS, every image a {@code data:image/png;base64} URI, no scripts, a
 * Content-Security-Policy that forbids loading anything else), rendered with Mustache (the engine of
 * the model card) so that every value — slice names, class labels, file names, gate messages, the
 * card — is HTML-escaped. Plots are drawn with XChart. Sections, each with an {@code id}:
 *
 * <ul>
 *   <li>{@code summary}: the model, the verdict, overall accuracy;</li>
 *   <li>{@code confusion}: the confusion matrix overall and on every slice;</li>
 *   <li>{@code slices}: accuracy, balanced accuracy, per-class recall and precision, F1, ROC-AUC and
 *       calibration error per slice, as a table and a bar chart, and the overall ROC curve;</li>
 *   <li>{@code fairness}: the fairness report's between-group metrics as bars with the bless gates'
 *       thresholds drawn on them, and every fairness metric in a table;</li>
 *   <li>{@code explanations}: each LIME-explained image's overlay and heat map with its top superpixels;</li>
 *   <li>{@code robustness}: accuracy under attack per eps and the adversarial example sheets
 *       (original, magnified perturbation, adversarial);</li>
 *   <li>{@code drift}: the drift verdict and every test per feature;</li>
 *   <li>{@code verdict}: every gate with its threshold, value and pass or fail;</li>
 *   <li>{@code model-card}: the model card, embedded as its own document ({@code iframe srcdoc});</li>
 *   <li>{@code metrics}: every metric of the evaluation.</li>
 * </ul>
 *
 * <p>A section whose evaluator did not run says so instead of showing charts. Immutable; the template
 * is compiled once.
 */
public final class HtmlReport {
    private static final class Template {
        static final Mustache HTML = new DefaultMustacheFactory("org/trustml/report/templates")
                .compile("report.html.mustache");
    }

    private final String title;
    private final Blessing<ImageEvaluation> blessing;
    private final Optional<ModelCard> card;
    private final Optional<String> runId;

    private HtmlReport(String title, Blessing<ImageEvaluation> blessing, Optional<ModelCard> card,
            Optional<String> runId) {
        this.title = title;
        this.blessing = blessing;
        this.card = card;
        this.runId = runId;
    }

    /** A report of this evaluation and verdict, titled {@code title}. */
    public static HtmlReport of(String title, Blessing<ImageEvaluation> blessing) {
        requireNonNull(title, "title");
        if (title.isBlank()) {
            throw InvalidInputException.problem("is blank").column("title").expected("a title for the report").build();
        }
        return new HtmlReport(title, requireNonNull(blessing, "blessing"), Optional.empty(), Optional.empty());
    }

    /** A report of a pipeline run that ended with the bless stage, with its run id. */
    public static HtmlReport of(String title, PipelineRun<Blessing<ImageEvaluation>> run) {
        requireNonNull(run, "run");
        return of(title, run.output()).runId(run.record().runId());
    }

    /** The same report with this model card embedded. */
    public HtmlReport card(ModelCard modelCard) {
        return new HtmlReport(title, blessing, Optional.of(requireNonNull(modelCard, "card")), runId);
    }

    /** The same report naming the run it came from. */
    public HtmlReport runId(String id) {
        return new HtmlReport(title, blessing, card, Optional.of(requireNonNull(id, "runId")));
    }

    /** The page. */
    public String html() {
        StringWriter out = new StringWriter();
        try {
            Template.HTML.execute(out, ReportView.of(title, runId, blessing.evaluation(), blessing.verdict(),
                    card.map(CardRenderer::html))).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the page atomically (a reader never sees half of it); returns {@code file}. */
    public Path write(Path file) {
        return AtomicFiles.writeString(requireNonNull(file, "file"), html());
    }
}
