package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;

/**
 * The model card stage: after the bless stage, writes the model card of the run so far ({@link
 * ModelCardBuilder#fromRun}: datasets and stage metrics from the run record, every metric of the evaluation) named
 * and described as configured, merged with a card the user wrote, as the artifacts {@code model-card.yaml} and
 * {@code model-card.html}, and to {@link Config#output()} when given (with the HTML beside it, same name, {@code .html}).
 * Passes the blessing on unchanged, so {@code publish} can ship the card and {@code report} can show it.
 *
 * @param <E> the evaluation blessed
 */
public final class ModelCardStage<E extends MetricSource> implements Stage<Blessing<E>, Blessing<E>> {

    /**
     * The stage's configuration.
     *
     * @param name         the model's name in the card
     * @param overview     what the model does
     * @param architecture its architecture
     * @param merge        a card written by hand ({@code .yaml}/{@code .json}) merged into the generated one
     * @param output       where to write the card besides the run's artifacts ({@code .yaml}, {@code .yml} or
     *                     {@code .json})
     */
    public record Config(String name, Optional<String> overview, Optional<String> architecture, Optional<Path> merge,
            Optional<Path> output) {
        public Config {
            requireNonNull(name, "name");
            requireNonNull(overview, "overview");
            requireNonNull(architecture, "architecture");
            requireNonNull(merge, "merge");
            requireNonNull(output, "output");
            output.ifPresent(CardFormat::of); // an unknown extension is refused before the run
        }
    }

    private final Config config;

    public ModelCardStage(Config config) {
        this.config = requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "model-card";
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Blessing<E> apply(Blessing<E> blessing, RunContext context) {
        ModelCard card = card(blessing, context);
        context.writeArtifact("model-card.yaml", out -> out.write(ModelCards.toYaml(card).getBytes(StandardCharsets.UTF_8)));
        String html = CardRenderer.html(card);
        context.writeArtifact("model-card.html", out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
        config.output().ifPresent(file -> {
            ModelCards.write(card, file);
            String n = file.getFileName().toString();
            CardRenderer.writeHtml(card, file.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".html"));
        });
        return blessing;
    }

    /** The card this stage writes for {@code blessing} in the run of {@code context}. */
    public ModelCard card(Blessing<E> blessing, RunContext context) {
        ModelCardBuilder b = ModelCardBuilder.fromRun(context.recordSoFar()).name(config.name())
                .performance(blessing.evaluation());
        config.overview().ifPresent(b::overview);
        config.architecture().ifPresent(b::modelArchitecture);
        config.merge().ifPresent(b::mergeYaml);
        return b.build();
    }
}
