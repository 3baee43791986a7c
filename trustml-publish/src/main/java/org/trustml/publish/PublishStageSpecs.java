package org.trustml.publish;

import static org.trustml.core.pipeline.spec.StageSpecs.required;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Map;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;

/** The publish module's kind of pipeline files: {@code publish} ({@link Publish}). */
public final class PublishStageSpecs implements StageSpecKinds {
    @Override
    public Map<String, Class<? extends StageSpec>> kinds() {
        return Map.of("publish", PublishSpec.class);
    }

    /**
     * {@code publish}: {@code registry} (a folder) and {@code name} (a DNS-1123 label) required; {@code version}
     * (default the next integer), {@code force} (publish an unblessed model; default false), {@code model-card} (a
     * card file to ship, e.g. the {@code output} of an earlier {@code model-card} stage: it is looked for when the
     * stage runs) and the deployment manifests' {@code image}, {@code port} and {@code replicas}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Publishes the blessed model as a versioned package into a registry folder: registry and name "
            + "required; version, force, model-card (a card file, e.g. model-card's output), image, port, replicas.")
    public record PublishSpec(@Required String registry, @Required String name, String version, Boolean force,
            String modelCard,
            String image, Integer port, Integer replicas) implements StageSpec {
        public PublishSpec {
            required("registry", registry);
            options(name, version, force, image, port, replicas); // name, version and settings checked when read
        }

        public String kind() {
            return "publish";
        }

        public Class<?> inputType() {
            return Blessing.class;
        }

        public Class<?> outputType() {
            return Publication.class;
        }

        public Stage<?, ?> build(Path base) {
            Publish stage = Publish.to(base.resolve(registry), name).with(options(name, version, force, image, port,
                    replicas));
            return modelCard == null ? stage : new WithCard(stage, base.resolve(modelCard));
        }

        private static PublishOptions options(String name, String version, Boolean force, String image, Integer port,
                Integer replicas) {
            required("name", name);
            PublishOptions o = PublishOptions.named(name);
            if (version != null) {
                o = o.withVersion(version);
            }
            if (force != null && force) {
                o = o.forced();
            }
            DeploymentSettings d = DeploymentSettings.defaults();
            if (image != null || port != null || replicas != null) {
                o = o.withDeployment(new DeploymentSettings(image == null ? d.image() : image, d.registryClaim(),
                        port == null ? d.port() : port, replicas == null ? d.replicas() : replicas));
            }
            return o;
        }
    }

    /**
     * The configuration of a publish stage that ships a card written earlier in the same run.
     *
     * @param publish   the publish stage's configuration, without the card
     * @param modelCard the card, looked for when the stage runs
     */
    public record CardConfig(Publish.Config publish, Path modelCard) {}

    /**
     * The publish stage shipping a card that an earlier stage of the same run writes: the card is checked (present,
     * {@code .json}/{@code .yaml}) when the stage runs, not when the file is read. Its configuration is the publish
     * stage's with the card.
     */
    private static final class WithCard implements Stage<Blessing<? extends MetricSource>, Publication> {
        private final Publish publish;
        private final Path card;

        WithCard(Publish publish, Path card) {
            this.publish = publish;
            this.card = card;
        }

        @Override
        public String name() {
            return publish.name();
        }

        @Override
        public CardConfig config() {
            return new CardConfig(publish.config(), card);
        }

        @Override
        public Publication apply(Blessing<? extends MetricSource> blessing, RunContext context) {
            return publish.withModelCard(card).apply(blessing, context);
        }
    }
}
