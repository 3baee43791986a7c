package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.NotBlessedException;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.core.run.RunRecord;
import org.trustml.tabular.TabularModel;
import org.trustml.vision.train.TrainedModel;

/**
 * A model registry folder: {@code <root>/<name>/<version>/}, one {@link ModelPackage} per version,
 * optionally mirrored to an {@link ObjectStore}.
 *
 * <p>Publishing writes the whole package into a hidden folder {@code <root>/<name>/.publishing-…}
 * and then renames it to {@code <version>} in one step, so a reader sees either no version or all
 * of it; a failed publish deletes its hidden folder. A version that exists is never replaced (the
 * rename fails rather than overwrite a non-empty folder, so two publishers racing for one version
 * cannot both win). An object-store copy is uploaded after the local rename, {@code SHA256SUMS}
 * last: a reader of the store treats a version as present once that key exists.
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final Path root;
    private final Optional<ObjectStore> store;

    private ModelRegistry(Path root, Optional<ObjectStore> store) {
        this.root = root.toAbsolutePath().normalize();
        this.store = store;
    }

    /** The registry in this folder (created on first publish). */
    public static ModelRegistry at(Path root) {
        return new ModelRegistry(requireNonNull(root, "root"), Optional.empty());
    }

    /** The same registry, also copying each published package to {@code objectStore}. */
    public ModelRegistry withObjectStore(ObjectStore objectStore) {
        return new ModelRegistry(root, Optional.of(requireNonNull(objectStore, "objectStore")));
    }

    public Path root() {
        return root;
    }

    /** The published versions of a model, integer versions in numeric order first, then the rest by name. */
    public List<String> versions(String name) {
        Path dir = modelDirectory(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(v -> ModelPackage.VERSION.matcher(v).matches())
                    .sorted(Comparator.comparing((String v) -> !v.matches("\\d{1,18}"))
                            .thenComparing(v -> v.matches("\\d{1,18}") ? Long.parseLong(v) : 0L)
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    /** Opens and verifies a published version; name and version are checked, so they cannot leave the registry. */
    public ModelPackage open(String name, String version) {
        PublishOptions.checkVersion(requireNonNull(version, "version"));
        Path dir = modelDirectory(name).resolve(version);
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.problem("is not a published version").file(dir).value(name + "/" + version)
                    .expected("one of " + versions(name)).build();
        }
        return ModelPackage.open(dir);
    }

    private Path modelDirectory(String name) {
        if (!ModelPackage.NAME.matcher(requireNonNull(name, "name")).matches()) {
            throw InvalidInputException.problem("is not a model name").column("name").value(name)
                    .expected("a DNS-1123 label").build();
        }
        return root.resolve(name);
    }

    /** Publishes an image classifier; see {@link #publish(PublishableModel, MetricSource, Verdict, Optional, PublishOptions)}. */
    public Publication publish(TrainedModel model, MetricSource evaluation, Verdict verdict, Optional<RunRecord> run,
            PublishOptions options) {
        return publish(PublishableModel.of(model), evaluation, verdict, run, options);
    }

    /** Publishes a Tribuo tabular classifier; see {@link #publish(PublishableModel, MetricSource, Verdict, Optional, PublishOptions)}. */
    public Publication publish(TabularModel model, MetricSource evaluation, Verdict verdict, Optional<RunRecord> run,
            PublishOptions options) {
        return publish(PublishableModel.of(model), evaluation, verdict, run, options);
    }

    /**
     * Publishes a model with its evaluation and verdict (and the run record, when there is one).
     *
     * @throws NotBlessedException   when the verdict did not bless the model and {@code options} is not forced
     * @throws InvalidInputException when the version exists already, or the model file changed since training
     */
    public Publication publish(PublishableModel model, MetricSource evaluation, Verdict verdict,
            Optional<RunRecord> run, PublishOptions options) {
        requireNonNull(model, "model");
        requireNonNull(evaluation, "evaluation");
        requireNonNull(verdict, "verdict");
        requireNonNull(run, "run");
        requireNonNull(options, "options");
        if (!verdict.blessed() && !options.force()) {
            throw new NotBlessedException(verdict);
        }
        String name = options.modelName();
        Path modelDir = modelDirectory(name);
        String version = options.version().orElseGet(() -> nextVersion(name));
        Path target = modelDir.resolve(version);
        if (Files.exists(target)) {
            throw exists(target, name, version);
        }
        String storageUri = store.map(s -> s.uri(name + "/" + version))
                .orElse("pvc://" + options.deployment().registryClaim() + "/" + name + "/" + version);
        if (store.isPresent() && store.get().exists(name + "/" + version + "/" + ModelPackage.CHECKSUMS)) {
            throw InvalidInputException.problem("already exists in the object store; a published version is never "
                    + "overwritten").value(storageUri).expected("a new version").build();
        }
        Path tmp = null;
        try {
            Files.createDirectories(modelDir);
            AtomicFiles.deleteStaleTemporaries(modelDir, ".publishing-" + version + "-");
            tmp = AtomicFiles.createTempDirectory(modelDir, ".publishing-" + version + "-");
            List<PackageFile> files = PackageWriter.write(tmp, model, evaluation, verdict, run, options, version,
                    storageUri);
            String sumsHash = ContentHash.ofFile(tmp.resolve(ModelPackage.CHECKSUMS));
            moveIntoPlace(tmp, target, name, version);
            tmp = null;
            Optional<String> storeUri = store.map(s -> upload(s, target, name + "/" + version, files));
            Publication p = new Publication(Publication.SCHEMA_VERSION, name, version, target, verdict.blessed(),
                    !verdict.blessed(), storageUri, storeUri, files, sumsHash);
            LOG.info("published {} version {} to {}{}", name, version, target, storeUri.map(u -> " and " + u).orElse(""));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish " + name + " " + version + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    private String nextVersion(String name) {
        long max = 0;
        for (String v : versions(name)) {
            if (v.matches("\\d{1,18}")) {
                max = Math.max(max, Long.parseLong(v));
            }
        }
        return Long.toString(max + 1);
    }

    private static void moveIntoPlace(Path tmp, Path target, String name, String version) throws IOException {
        if (Files.exists(target)) {
            throw exists(target, name, version);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw exists(target, name, version);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the registry's file system cannot rename a folder atomically: " + e.getMessage(), e);
        }
    }

    private static InvalidInputException exists(Path target, String name, String version) {
        return InvalidInputException.problem("already exists; a published version is never overwritten").file(target)
                .value(name + "/" + version).expected("a new version").build();
    }

    private static String upload(ObjectStore s, Path dir, String prefix, List<PackageFile> files) {
        for (PackageFile f : files) {
            s.put(prefix + "/" + f.path(), dir.resolve(f.path()), f.sha256());
        }
        Path sums = dir.resolve(ModelPackage.CHECKSUMS);
        s.put(prefix + "/" + ModelPackage.CHECKSUMS, sums, ContentHash.ofFile(sums));
        return s.uri(prefix);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the unfinished package {}: {}", dir, e.getMessage());
        }
    }

    /** Writes a package's files into a folder. */
    static final class PackageWriter {
        private PackageWriter() {}

        static List<PackageFile> write(Path dir, PublishableModel model, MetricSource evaluation, Verdict verdict,
                Optional<RunRecord> run, PublishOptions options, String version, String storageUri) throws IOException {
            Path packaged = dir.resolve(model.packagedFile());
            Files.copy(model.source(), packaged);
            String hash = ContentHash.ofFile(packaged);
            if (!hash.equals(model.sourceHash())) {
                throw InvalidInputException.problem("changed since training").file(model.source()).value(hash)
                        .expected(model.sourceHash() + " as recorded by the train stage").build();
            }
            PackagedModel description = model.describe(options.modelName(), version);
            json(dir, ModelPackage.MODEL_JSON, description);
            for (var side : model.sideFiles(description).entrySet()) {
                text(dir, side.getKey(), side.getValue());
            }
            json(dir, ModelPackage.SIGNATURE, model.signature());
            json(dir, ModelPackage.EVALUATION, Evaluation.of(evaluation.metrics()));
            json(dir, ModelPackage.VERDICT, verdict);
            if (run.isPresent()) {
                json(dir, ModelPackage.RUN, run.get());
            }
            if (options.modelCard().isPresent()) {
                Path card = options.modelCard().get();
                String n = card.getFileName().toString();
                Files.copy(card, dir.resolve("model-card" + n.substring(n.lastIndexOf('.'))));
            }
            Files.createDirectories(dir.resolve("deploy"));
            text(dir, ModelPackage.KSERVE, DeploymentManifests.kserve(description, storageUri, options.deployment()));
            text(dir, ModelPackage.KUBERNETES, DeploymentManifests.kubernetes(description, options.deployment()));

            List<PackageFile> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(new PackageFile(dir.relativize(p).toString().replace('\\', '/'), ContentHash.ofFile(p),
                            Files.size(p)));
                }
            }
            StringBuilder sums = new StringBuilder();
            for (PackageFile f : files) {
                sums.append(f.sha256().substring(ContentHash.PREFIX.length())).append("  ").append(f.path()).append('\n');
            }
            text(dir, ModelPackage.CHECKSUMS, sums.toString());
            return files;
        }

        private static void json(Path dir, String name, Object value) throws IOException {
            AtomicFiles.write(dir.resolve(name), out -> Json.writer().writeValue(out, value));
        }

        private static void text(Path dir, String name, String text) throws IOException {
            AtomicFiles.writeString(dir.resolve(name), text);
        }
    }
}
