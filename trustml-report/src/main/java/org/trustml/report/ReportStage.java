package org.trustml.report;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassifierEvaluation;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.report.AttachmentReader;

/**
 * The report stage: after the bless stage, writes the {@link HtmlReport} of the blessed evaluation and its verdict,
 * with the run's id, as the artifact {@code report.html} and to {@link Config#output()} when given. Files named in
 * {@link Config#attachments()} (a model card written by an earlier {@code model-card} stage, say) are read when the
 * stage runs, by the {@link AttachmentReader} of their kind that a module on the class path provides, and attached
 * for their section. Passes the blessing on unchanged.
 *
 * @param <E> the evaluation blessed
 */
public final class ReportStage<E extends ClassifierEvaluation> implements Stage<Blessing<E>, Blessing<E>> {

    /**
     * The stage's configuration.
     *
     * @param title       the report's title
     * @param output      where to write the page besides the run's artifacts
     * @param attachments attachment kind (e.g. {@code model-card}) → file
     */
    public record Config(String title, Optional<Path> output, Map<String, Path> attachments) {
        public Config {
            requireNonNull(title, "title");
            requireNonNull(output, "output");
            attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        }
    }

    private final Config config;

    public ReportStage(Config config) {
        this.config = requireNonNull(config, "config");
        ClassLoader loader = loader();
        for (String kind : config.attachments().keySet()) {
            if (AttachmentReader.find(kind, loader).isEmpty()) {
                throw InvalidInputException.problem("is an attachment no module on the class path reads")
                        .column("attachments").value(kind)
                        .expected("model-card (with trustml-modelcard on the class path)").build();
            }
        }
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Blessing<E> apply(Blessing<E> blessing, RunContext context) {
        HtmlReport report = HtmlReport.of(config.title(), blessing).runId(context.runId());
        for (Map.Entry<String, Path> a : config.attachments().entrySet()) {
            report = report.attach(AttachmentReader.find(a.getKey(), loader()).orElseThrow().read(a.getValue()));
        }
        String html = report.html();
        context.writeArtifact("report.html", out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
        config.output().ifPresent(report::write);
        return blessing;
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ReportStage.class.getClassLoader();
    }
}
