package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;

/**
 * The publish stage: writes the blessed model (of an image or a tabular evaluation: see
 * {@link PublishableModel#of(MetricSource)}) as a versioned package into a {@link ModelRegistry}
 * (and its object store, when one is set), with the evaluation, the verdict, the run record as it
 * stands (every stage before this one) and the model card when given. Refuses a model the verdict did
 * not bless unless {@link #forced()}; never overwrites a version. Writes {@code publication.json},
 * logs {@code published_files} and {@code forced}, and gives the {@link Publication}, whose content
 * hash (that of {@code SHA256SUMS}) becomes the stage's output hash in the run record.
 */
public final class Publish implements Stage<Blessing<? extends MetricSource>, Publication> {

    /**
     * The stage's configuration and provenance.
     *
     * @param registry    the registry folder
     * @param options     name, version, force, model card, deployment settings
     * @param objectStore the object store's URI root, when one is set
     */
    public record Config(Path registry, PublishOptions options, Optional<String> objectStore) {
        public Config {
            requireNonNull(registry, "registry");
            requireNonNull(options, "options");
            requireNonNull(objectStore, "objectStore");
        }
    }

    private final Path registry;
    private final PublishOptions options;
    private final Optional<ObjectStore> store;

    private Publish(Path registry, PublishOptions options, Optional<ObjectStore> store) {
        this.registry = registry;
        this.options = options;
        this.store = store;
    }

    /** Publishes as {@code modelName} into the registry folder {@code registry}, as the next integer version. */
    public static Publish to(Path registry, String modelName) {
        return new Publish(requireNonNull(registry, "registry"), PublishOptions.named(modelName), Optional.empty());
    }

    /** The same with these options (name, version, force, card, deployment). */
    public Publish with(PublishOptions publishOptions) {
        return new Publish(registry, requireNonNull(publishOptions, "options"), store);
    }

    /** The same, as this version. */
    public Publish version(String version) {
        return with(options.withVersion(version));
    }

    /** The same, shipping this model card file. */
    public Publish withModelCard(Path card) {
        return with(options.withModelCard(card));
    }

    /** The same, with these manifest settings. */
    public Publish deployedWith(DeploymentSettings settings) {
        return with(options.withDeployment(settings));
    }

    /** The same, publishing even an unblessed model (recorded as {@code forced}). */
    public Publish forced() {
        return with(options.forced());
    }

    /** The same, also copying the package to {@code objectStore}. */
    public Publish alsoTo(ObjectStore objectStore) {
        return new Publish(registry, options, Optional.of(requireNonNull(objectStore, "objectStore")));
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public Config config() {
        return new Config(registry, options, store.map(s -> s.uri("")));
    }

    @Override
    public Publication apply(Blessing<? extends MetricSource> blessing, RunContext context) {
        ModelRegistry r = ModelRegistry.at(registry);
        if (store.isPresent()) {
            r = r.withObjectStore(store.get());
        }
        Publication p = r.publish(PublishableModel.of(blessing.evaluation()), blessing.evaluation(), blessing.verdict(),
                Optional.of(context.recordSoFar()), options);
        context.writeArtifact("publication.json", out -> Json.writer().writeValue(out, p));
        context.logMetric("published_files", p.files().size());
        context.logMetric("forced", p.forced() ? 1 : 0);
        return p;
    }
}
