package org.trustml.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.NotBlessedException;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.run.RunRecord;
import org.trustml.core.run.RunStatus;
import org.trustml.core.run.StageRecord;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;
import org.trustml.vision.train.ColourImagesAccess;
import org.trustml.vision.train.ImageClassifierConfig;

/** Publishing a tiny MobileNetV2 (32x32 colour images, one epoch) through the pipeline and directly. */
class PublishTest {
    @TempDir
    static Path dir;

    static PipelineRun<Blessing<ImageEvaluation>> blessed;

    @BeforeAll
    static void train() throws IOException {
        Path csv = ColourImagesAccess.write(dir, 24);
        ImageFolder folder = ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                .output(dir.resolve("dataset")).split(0.2, 0.2).build();
        ImageClassifierConfig config = ImageClassifierConfig.mobileNetV2().withInputSize(32).withSchedule(1, 8, 1e-3)
                .withAugmentation(false, false).withPatience(0);
        blessed = Pipeline.from(Ingest.csv(csv)).then(folder).then(TrainImageClassifier.with(config))
                .then(EvaluateImageClassifier.onTestSplit())
                .then(Bless.<ImageEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.0)))
                .run(RunOptions.seed(3).withTracker(Tracker.none(dir.resolve("runs"))));
    }

    private static Publication publishDirect(Path registry, PublishOptions options, Verdict verdict) {
        ImageEvaluation e = blessed.output().evaluation();
        return ModelRegistry.at(registry).publish(e.model(), e, verdict, Optional.of(blessed.record()), options);
    }

    private static Verdict notBlessed() {
        return Verdict.judge(List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(2.0)), blessed.output().evaluation(), Optional.empty());
    }

    @Test
    void publishStageWritesAVerifiedPackageAndIsRecorded() throws IOException {
        Path registry = dir.resolve("registry-stage");
        Path card = Files.writeString(dir.resolve("card.yaml"), "model_details:\n  name: colours\n");
        PipelineRun<Publication> run = Pipeline.from(Ingest.csv(dir.resolve("meta.csv")))
                .then(ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                        .output(dir.resolve("dataset2")).split(0.2, 0.2).build())
                .then(TrainImageClassifier.with(ImageClassifierConfig.mobileNetV2().withInputSize(32)
                        .withSchedule(1, 8, 1e-3).withAugmentation(false, false).withPatience(0)))
                .then(EvaluateImageClassifier.onTestSplit())
                .then(Bless.<ImageEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.0)))
                .then(Publish.to(registry, "colours").withModelCard(card))
                .run(RunOptions.seed(3).withTracker(Tracker.none(dir.resolve("runs"))));

        Publication p = run.output();
        assertThat(p.version()).isEqualTo("1"); // first version of a new name
        assertThat(p.directory()).isEqualTo(registry.toAbsolutePath().resolve("colours/1"));
        if (Files.getFileStore(registry).supportsFileAttributeView("posix")) {
            // an ordinary directory's mode (0777 less the umask), not a temporary directory's 0700
            Path plain = Files.createDirectory(registry.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(p.directory())).isEqualTo(Files.getPosixFilePermissions(plain));
        }
        assertThat(p.blessed()).isTrue();
        assertThat(p.forced()).isFalse();
        assertThat(p.storageUri()).isEqualTo("pvc://trustml-registry/colours/1");
        assertThat(p.files()).extracting(PackageFile::path).containsExactly("deploy/kserve.yaml",
                "deploy/kubernetes.yaml", "evaluation.json", "model-0000.params", "model-card.yaml", "model.json", "run.json",
                "serving.properties", "signature.json", "synset.txt", "verdict.json");

        ModelPackage pkg = ModelPackage.open(p.directory());
        assertThat(pkg.name()).isEqualTo("colours");
        assertThat(pkg.files()).isEqualTo(p.files());
        assertThat(pkg.signature().classes()).containsExactly("blue", "red"); // ImageFolder sorts class names
        assertThat(pkg.signature().inputs()).extracting(TensorSpec::name, TensorSpec::datatype)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image", "BYTES"),
                        org.assertj.core.groups.Tuple.tuple("input", "FP32"));
        assertThat(pkg.trainedModel().paramsHash()).isEqualTo(ContentHash.ofFile(pkg.directory().resolve("model-0000.params")));
        assertThat(Files.readString(pkg.directory().resolve("synset.txt"))).isEqualTo("blue\nred\n");
        assertThat(Files.readString(pkg.directory().resolve("serving.properties")))
                .contains("engine=PyTorch", "option.modelName=model", "width=32",
                        "blockFactory=org.trustml.publish.TrustmlBlockFactory");

        // the package's run.json is the run up to the publish stage
        RunRecord shipped = RunRecord.read(pkg.directory().resolve("run.json"));
        assertThat(shipped.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(shipped.runId()).isEqualTo(run.record().runId());
        assertThat(shipped.stages()).extracting(StageRecord::name)
                .containsExactly("ingest", "image-folder", "train", "evaluate", "bless");
        // and the final run record holds the publish stage, its artifact and output hash
        StageRecord publish = run.record().stage("publish").orElseThrow();
        assertThat(publish.outputHash()).contains(p.checksumsHash());
        assertThat(p.checksumsHash()).isEqualTo(ContentHash.ofFile(pkg.directory().resolve("SHA256SUMS")));
        assertThat(publish.artifacts()).extracting(a -> a.name()).containsExactly("publication.json");
        assertThat(publish.metrics()).containsEntry("published_files", 11.0).containsEntry("forced", 0.0);
        // nothing hidden left behind
        try (Stream<Path> s = Files.list(registry.resolve("colours"))) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("1");
        }
    }

    @Test
    void versionsCountUpAndAnExistingVersionIsNeverOverwritten() throws IOException {
        Path registry = dir.resolve("registry-versions");
        assertThat(publishDirect(registry, PublishOptions.named("m"), blessed.output().verdict()).version()).isEqualTo("1");
        assertThat(publishDirect(registry, PublishOptions.named("m"), blessed.output().verdict()).version()).isEqualTo("2");
        Path params = registry.resolve("m/2/model-0000.params");
        byte[] before = Files.readAllBytes(params);
        assertThatThrownBy(() -> publishDirect(registry, PublishOptions.named("m").withVersion("2"),
                blessed.output().verdict()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("m/2").hasMessageContaining("already exists; a published version is never overwritten");
        assertThat(Files.readAllBytes(params)).isEqualTo(before);
        // an empty folder squatting on the name is refused too, not filled
        Files.createDirectories(registry.resolve("m/7"));
        assertThatThrownBy(() -> publishDirect(registry, PublishOptions.named("m").withVersion("7"),
                blessed.output().verdict())).isInstanceOf(InvalidInputException.class);
        assertThat(ModelRegistry.at(registry).versions("m")).containsExactly("1", "2", "7");
    }

    @Test
    void unblessedIsRefusedUnlessForced() {
        Path registry = dir.resolve("registry-unblessed");
        assertThatThrownBy(() -> publishDirect(registry, PublishOptions.named("m"), notBlessed()))
                .isInstanceOf(NotBlessedException.class).hasMessageContaining("NOT_BLESSED");
        assertThat(registry.resolve("m")).doesNotExist();
        Publication p = publishDirect(registry, PublishOptions.named("m").forced(), notBlessed());
        assertThat(p.forced()).isTrue();
        assertThat(p.blessed()).isFalse();
        assertThat(ModelPackage.open(p.directory()).files()).hasSize(10); // 11 above, less the model card
    }

    @Test
    void unblessedInAPipelineFailsThePublishStage() {
        Path registry = dir.resolve("registry-pipeline-unblessed");
        Blessing<ImageEvaluation> refused = new Blessing<>(blessed.output().evaluation(), notBlessed());
        assertThatThrownBy(() -> Pipeline.from(new Source(refused)).then(Publish.to(registry, "m"))
                .run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs")))))
                .isInstanceOf(PipelineException.class).hasRootCauseInstanceOf(NotBlessedException.class);
        assertThat(registry.resolve("m")).doesNotExist();
    }

    /** A source stage that gives a fixed blessing. */
    record Source(Blessing<ImageEvaluation> blessing) implements org.trustml.core.pipeline.Stage<Void, Blessing<ImageEvaluation>> {
        public String name() {
            return "given";
        }

        public Object config() {
            return "fixed";
        }

        public Blessing<ImageEvaluation> apply(Void in, org.trustml.core.pipeline.RunContext ctx) {
            ctx.recordInputHash(ContentHash.of(new byte[0]));
            return blessing;
        }
    }

    @Test
    void aFailedPublishLeavesNothingBehind() throws IOException {
        Path registry = dir.resolve("registry-failed");
        ImageEvaluation e = blessed.output().evaluation();
        org.trustml.vision.train.TrainedModel m = e.model();
        Path fake = Files.write(dir.resolve("other.params"), new byte[] {1, 2, 3});
        org.trustml.vision.train.TrainedModel wrong = new org.trustml.vision.train.TrainedModel(m.architecture(), fake,
                m.paramsHash(), m.classes(), m.inputSize(), m.bestEpoch(), m.history(), m.dataset());
        assertThatThrownBy(() -> ModelRegistry.at(registry).publish(wrong, e, blessed.output().verdict(),
                Optional.empty(), PublishOptions.named("m")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed since training");
        try (Stream<Path> s = Files.list(registry.resolve("m"))) {
            assertThat(s).isEmpty(); // no version, no hidden .publishing- folder
        }
    }

    @Test
    void tamperedOrExtraFilesAreDetected() throws IOException {
        Path registry = dir.resolve("registry-tamper");
        Publication p = publishDirect(registry, PublishOptions.named("m"), blessed.output().verdict());
        Path extra = Files.writeString(p.directory().resolve("extra.txt"), "x");
        assertThatThrownBy(() -> ModelPackage.open(p.directory())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("extra.txt").hasMessageContaining("not in SHA256SUMS");
        Files.delete(extra);
        Files.writeString(p.directory().resolve("synset.txt"), "cat\ndog\n");
        assertThatThrownBy(() -> ModelPackage.open(p.directory())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("synset.txt").hasMessageContaining("does not match its checksum");
        assertThatThrownBy(() -> ModelPackage.open(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no SHA256SUMS");
    }

    @Test
    void namesAndVersionsCannotLeaveTheRegistry() {
        ModelRegistry r = ModelRegistry.at(dir.resolve("registry-names"));
        for (String bad : List.of("..", "../x", "a/b", "UPPER", "-a", "")) {
            assertThatThrownBy(() -> PublishOptions.named(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a model name");
            assertThatThrownBy(() -> r.open(bad, "1")).isInstanceOf(InvalidInputException.class);
        }
        for (String bad : List.of("..", ".hidden", "1/../../x", "a b")) {
            assertThatThrownBy(() -> PublishOptions.named("m").withVersion(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a version");
            assertThatThrownBy(() -> r.open("m", bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void manifestsParseBackWithTheRequiredFields() throws IOException {
        Path registry = dir.resolve("registry-yaml");
        DeploymentSettings settings = new DeploymentSettings("ghcr.io/acme/trustml:0.1.0", "models", 9000, 2);
        Publication p = publishDirect(registry, PublishOptions.named("colours").withVersion("3").withDeployment(settings),
                blessed.output().verdict());
        YAMLMapper yaml = new YAMLMapper();
        List<JsonNode> kserve = yaml.readerFor(JsonNode.class)
                .<JsonNode>readValues(p.directory().resolve("deploy/kserve.yaml").toFile()).readAll();
        assertThat(kserve).hasSize(2);
        JsonNode runtime = kserve.get(0);
        assertThat(runtime.path("apiVersion").asText()).isEqualTo("serving.kserve.io/v1alpha1");
        assertThat(runtime.path("kind").asText()).isEqualTo("ServingRuntime");
        assertThat(runtime.at("/spec/protocolVersions/0").asText()).isEqualTo("v2");
        assertThat(runtime.at("/spec/containers/0/args").toString())
                .isEqualTo("[\"serve\",\"/mnt/models\",\"--host\",\"0.0.0.0\",\"--port\",\"9000\"]");
        JsonNode isvc = kserve.get(1);
        assertThat(isvc.path("apiVersion").asText()).isEqualTo("serving.kserve.io/v1beta1");
        assertThat(isvc.path("kind").asText()).isEqualTo("InferenceService");
        assertThat(isvc.at("/metadata/name").asText()).isEqualTo("colours");
        assertThat(isvc.at("/spec/predictor/model/protocolVersion").asText()).isEqualTo("v2");
        assertThat(isvc.at("/spec/predictor/model/storageUri").asText()).isEqualTo("pvc://models/colours/3");
        assertThat(isvc.at("/spec/predictor/model/runtime").asText()).isEqualTo("trustml");
        assertThat(isvc.at("/spec/predictor/model/modelFormat/name").asText())
                .isEqualTo(runtime.at("/spec/supportedModelFormats/0/name").asText());

        List<JsonNode> k8s = yaml.readerFor(JsonNode.class)
                .<JsonNode>readValues(p.directory().resolve("deploy/kubernetes.yaml").toFile()).readAll();
        JsonNode deployment = k8s.get(0);
        JsonNode service = k8s.get(1);
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("colours");
        assertThat(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText()).isEqualTo("colours");
        JsonNode c = deployment.at("/spec/template/spec/containers/0");
        assertThat(c.path("image").asText()).isEqualTo("ghcr.io/acme/trustml:0.1.0");
        assertThat(c.at("/args/1").asText()).isEqualTo("/models/colours/3");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/v2/health/ready");
        assertThat(deployment.at("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName").asText())
                .isEqualTo("models");
        assertThat(service.path("kind").asText()).isEqualTo("Service");
        assertThat(service.at("/spec/selector/app.kubernetes.io~1name").asText()).isEqualTo("colours");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9000);
    }
}
