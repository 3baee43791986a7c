package org.trustml.report;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassifierEvaluation;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.report.internal.Page;
import org.trustml.report.internal.Sections;

/**
 * The trust report of an evaluated and judged model: ONE self-contained HTML page (inline CSS, every image
 * a {@code data:image/png;base64} URI, no scripts, a Content-Security-Policy that forbids loading anything
 * else) with a summary (the model, the verdict, overall accuracy) and one section per
 * {@link ReportSection} that applies. Plots are drawn with XChart.
 *
 * <p>The sections are found on the class path with {@link java.util.ServiceLoader}: every
 * {@link ReportSectionProvider} listed in a {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}
 * file. This module brings the sections of every evaluation ({@code confusion}, {@code slices},
 * {@code verdict}, {@code metrics}); the analysis modules bring theirs ({@code fairness} from
 * trustml-fairness, {@code explanations} from trustml-explain, {@code robustness} from
 * trustml-adversarial, {@code drift} from trustml-drift, {@code model-card} from trustml-modelcard), so an
 * application gets a section by having its module on the class path, and this module depends on none
 * of them. A section whose module is present but whose evaluator did not run says so.
 *
 * <p>Every value — slice names, class labels, file names, gate messages, the card — is HTML-escaped: the
 * sections write only through an {@link org.trustml.core.report.HtmlWriter}. Immutable.
 */
public final class HtmlReport {
    private final ReportInput input;
    private final List<ReportSection> sections;

    private HtmlReport(ReportInput input, List<ReportSection> sections) {
        this.input = input;
        this.sections = sections;
    }

    /**
     * A report of {@code input} (any evaluation: an image or tabular model's, or predictions made elsewhere)
     * with the sections found on the class path of the thread's context class loader.
     */
    public static HtmlReport of(ReportInput input) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new HtmlReport(requireNonNull(input, "input"),
                discover(loader != null ? loader : HtmlReport.class.getClassLoader()));
    }

    /**
     * A report of this evaluation (an image or tabular classifier's, or predictions read from anywhere) and
     * its verdict, titled {@code title}.
     */
    public static HtmlReport of(String title, Blessing<? extends ClassifierEvaluation> blessing) {
        requireNonNull(title, "title");
        ClassifierEvaluation e = requireNonNull(blessing, "blessing").evaluation();
        return of(ReportInput.of(title, e, blessing.verdict()).withModel(e.modelDescription(), e.unit())
                .withClassification(e.classification()).withEvaluators(e.evaluators()));
    }

    /** A report of a pipeline run that ended with the bless stage, with its run id. */
    public static HtmlReport of(String title, PipelineRun<? extends Blessing<? extends ClassifierEvaluation>> run) {
        requireNonNull(run, "run");
        return of(title, run.output()).runId(run.record().runId());
    }

    /**
     * The sections that the providers on {@code loader}'s class path give, in page order ({@link
     * ReportSection#order()}, then id). Two sections with one id, or an id that is not lower-case letters,
     * digits and dashes, are refused.
     */
    public static List<ReportSection> discover(ClassLoader loader) {
        return Sections.discover(requireNonNull(loader, "loader"));
    }

    /** The same report with an object a section renders, e.g. a {@code ModelCard} (trustml-modelcard embeds it). */
    public HtmlReport attach(Object attachment) {
        return new HtmlReport(input.withAttachment(attachment), sections);
    }

    /** The same report naming the run it came from. */
    public HtmlReport runId(String id) {
        return new HtmlReport(input.withRunId(id), sections);
    }

    /** The same report with exactly these sections (ordered and checked as {@link #discover} does). */
    public HtmlReport sections(List<? extends ReportSection> chosen) {
        return new HtmlReport(input, Sections.ordered(List.copyOf(chosen)));
    }

    /** The sections this report considers, in page order; those that apply to its input are on the page. */
    public List<ReportSection> sections() {
        return sections;
    }

    /** What the report is about, as the sections see it. */
    public ReportInput input() {
        return input;
    }

    /** The page. */
    public String html() {
        return Page.html(input, sections);
    }

    /** Writes the page atomically (a reader never sees half of it); returns {@code file}. */
    public Path write(Path file) {
        return AtomicFiles.writeString(requireNonNull(file, "file"), html());
    }
}
