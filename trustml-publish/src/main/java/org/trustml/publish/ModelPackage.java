package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.tabular.TabularModel;
import org.trustml.vision.train.TrainedModel;

/**
 * A published model version, read back and verified: every file listed in {@code SHA256SUMS} exists
 * with that hash, and no file is there that the manifest does not list.
 *
 * <p>Layout of {@code <registry>/<name>/<version>/}: the model file, {@value #MODEL_PARAMS} for an image
 * classifier (DJL parameters; TorchScript for a TorchScript network) or {@value #TRIBUO_MODEL} for a tabular
 * one (Tribuo's protobuf format); {@value #MODEL_JSON} ({@link PackagedModel}: its {@link ModelKind} and how
 * to load it); for image classifiers {@value #SYNSET} (labels, one a line, for DJL) and
 * {@value #SERVING_PROPERTIES} (DJL Serving); {@value #SIGNATURE} ({@link Signature}),
 * {@value #EVALUATION} (every metric), {@value #VERDICT} (the bless verdict), {@value #RUN} (the
 * run record, when there is one), {@code model-card.json|yaml} (when given), {@value #KSERVE} and
 * {@value #KUBERNETES} ({@link DeploymentManifests}), and {@value #CHECKSUMS}, in the format of
 * {@code sha256sum} (so {@code sha256sum -c SHA256SUMS} checks a copy).
 */
public final class ModelPackage {
    public static final String MODEL_PARAMS = "model-0000.params";
    public static final String TRIBUO_MODEL = "model.tribuo";
    public static final String MODEL_JSON = "model.json";
    public static final String SYNSET = "synset.txt";
    public static final String SERVING_PROPERTIES = "serving.properties";
    public static final String SIGNATURE = "signature.json";
    public static final String EVALUATION = "evaluation.json";
    public static final String VERDICT = "verdict.json";
    public static final String RUN = "run.json";
    public static final String KSERVE = "deploy/kserve.yaml";
    public static final String KUBERNETES = "deploy/kubernetes.yaml";
    public static final String CHECKSUMS = "SHA256SUMS";

    /** A model name: a Kubernetes DNS-1123 label, so it can name the InferenceService too. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** A version: letters, digits, '.', '_', '-', not starting with '.'; at most 64 characters. */
    public static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S.*)");

    private final Path directory;
    private final PackagedModel model;
    private final Signature signature;
    private final List<PackageFile> files;

    private ModelPackage(Path directory, PackagedModel model, Signature signature, List<PackageFile> files) {
        this.directory = directory;
        this.model = model;
        this.signature = signature;
        this.files = List.copyOf(files);
    }

    /** Opens and verifies the package in {@code directory}. */
    public static ModelPackage open(Path directory) {
        requireNonNull(directory, "directory");
        Path dir = directory.toAbsolutePath().normalize();
        Path sums = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(sums)) {
            throw InvalidInputException.problem("is not a trustml model package (no " + CHECKSUMS + ")").file(dir)
                    .expected("a <registry>/<name>/<version> folder written by trustml publish").build();
        }
        List<PackageFile> files = verify(dir, sums);
        PackagedModel model = readModelJson(dir.resolve(MODEL_JSON));
        Signature signature = read(dir.resolve(SIGNATURE), Signature.class);
        return new ModelPackage(dir, model, signature, files);
    }

    private static List<PackageFile> verify(Path dir, Path sums) {
        List<String> lines;
        try {
            lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + sums, e);
        }
        List<PackageFile> files = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CHECKSUM_LINE.matcher(lines.get(i));
            String rel = m.matches() ? m.group(2) : null;
            if (rel == null || !safeRelative(rel)) {
                throw InvalidInputException.problem("is not a checksum line").file(sums).line(i + 1L).value(lines.get(i))
                        .expected("<64 hex digits>, two spaces, a relative path inside the package").build();
            }
            Path file = dir.resolve(rel);
            if (!Files.isRegularFile(file)) {
                throw InvalidInputException.problem("is listed but missing").file(sums).line(i + 1L).value(rel)
                        .expected("every listed file present").build();
            }
            String actual = ContentHash.ofFile(file);
            if (!actual.equals(ContentHash.PREFIX + m.group(1))) {
                throw InvalidInputException.problem("does not match its checksum (changed after publishing)").file(file)
                        .value(actual).expected(ContentHash.PREFIX + m.group(1) + " from " + CHECKSUMS + " line " + (i + 1))
                        .build();
            }
            listed.add(rel);
            files.add(new PackageFile(rel, actual, size(file)));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(CHECKSUMS) && !listed.contains(rel)) {
                    throw InvalidInputException.problem("is in the package but not in " + CHECKSUMS).file(p)
                            .expected("only the files the manifest lists").build();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
        return files;
    }

    /** A relative, '/'-separated path with no empty, '.' or '..' part. */
    static boolean safeRelative(String rel) {
        if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\")) {
            return false;
        }
        for (String part : rel.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a {@code model.json}. */
    public static PackagedModel readModelJson(Path file) {
        return read(file, PackagedModel.class);
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return Json.readerFor(type).readValue(file.toFile());
        } catch (JsonProcessingException e) {
            throw InvalidInputException.problem("is not a valid " + file.getFileName() + ": " + e.getOriginalMessage())
                    .file(file).line(e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    .expected("the JSON trustml publish writes").build(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** The package's folder (absolute). */
    public Path directory() {
        return directory;
    }

    public String name() {
        return model.name();
    }

    public String version() {
        return model.version();
    }

    public PackagedModel model() {
        return model;
    }

    public Signature signature() {
        return signature;
    }

    /** The verified files, in manifest order. */
    public List<PackageFile> files() {
        return files;
    }

    /** The evaluation published with the model ({@value #EVALUATION}): every metric, overall and per slice. */
    public Evaluation evaluation() {
        return read(directory.resolve(EVALUATION), Evaluation.class);
    }

    /** The bless verdict published with the model ({@value #VERDICT}). */
    public Verdict verdict() {
        return read(directory.resolve(VERDICT), Verdict.class);
    }

    /** What kind of model the package holds. */
    public ModelKind kind() {
        return model.kind();
    }

    /** The image classifier, with its parameters in this package; {@link TrainedModel#load()} loads it. */
    public TrainedModel trainedModel() {
        return model.trainedModel(directory);
    }

    /** The tabular classifier, with its Tribuo model in this package; {@link TabularModel#load()} loads it. */
    public TabularModel tabularModel() {
        return model.tabularModel(directory);
    }
}
