package org.trustml.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.Table;
import org.trustml.tabular.TabularAlgorithm;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularFixtures;
import org.trustml.tabular.TabularModel;

/** Publishing a Tribuo tabular classifier: the publish stage after a tabular bless, files, hashes, signature. */
class TabularPackageTest {
    @TempDir
    static Path dir;

    static PipelineRun<Publication> published;
    static TabularModel trained;

    @BeforeAll
    static void publish() {
        published = TabularFixtures.run(TabularFixtures.pipeline(dir, 200, 3).then(Publish.to(dir.resolve("registry"),
                "applicants")), dir, 3);
        trained = ModelPackage.open(published.output().directory()).tabularModel();
    }

    @Test
    void publishStageWritesTheTribuoModelWithItsHashAndNoImageFiles() throws IOException {
        Publication p = published.output();
        assertThat(p.version()).isEqualTo("1");
        assertThat(p.blessed()).isTrue();
        assertThat(p.files()).extracting(PackageFile::path).containsExactly("deploy/kserve.yaml",
                "deploy/kubernetes.yaml", "evaluation.json", "model.json", "model.tribuo", "run.json", "signature.json",
                "verdict.json");
        ModelPackage pkg = ModelPackage.open(p.directory());
        assertThat(pkg.kind()).isEqualTo(ModelKind.TABULAR_CLASSIFIER);
        // the packaged file is byte for byte the one the train stage wrote and hashed (its run-record artifact)
        String recorded = published.record().stages().stream().filter(s -> s.name().equals("train")).findFirst()
                .orElseThrow().artifacts().stream().filter(a -> a.path().endsWith("model.tribuo")).findFirst()
                .orElseThrow().sha256();
        String hash = ContentHash.ofFile(pkg.directory().resolve("model.tribuo"));
        assertThat(hash).isEqualTo(recorded).isEqualTo(pkg.model().paramsHash());
        assertThat(pkg.files()).filteredOn(f -> f.path().equals("model.tribuo")).singleElement()
                .satisfies(f -> assertThat(f.sha256()).isEqualTo(hash));
        assertThat(Files.readString(pkg.directory().resolve("SHA256SUMS")))
                .contains(hash.substring(ContentHash.PREFIX.length()) + "  model.tribuo\n");
        assertThat(Files.readString(pkg.directory().resolve("deploy/kubernetes.yaml")))
                .contains("trustml.org/params-sha256: \"" + hash + "\"");
        // model.json: the kind, the input columns with their types, and nothing of the image classifier
        JsonNode json = Json.reader().readTree(Files.readString(pkg.directory().resolve("model.json")));
        assertThat(json.get("kind").asText()).isEqualTo("TABULAR_CLASSIFIER");
        assertThat(json.has("architecture")).isFalse();
        assertThat(json.get("tabular").get("label").asText()).isEqualTo("approved");
        assertThat(pkg.model().tabular().orElseThrow().featureTypes()).containsExactly(Map.entry("income", ColumnType.DOUBLE),
                Map.entry("years", ColumnType.LONG), Map.entry("region", ColumnType.STRING),
                Map.entry("member", ColumnType.BOOLEAN));
        assertThat(pkg.model().tabular().orElseThrow().types()).hasSize(4); // features only: not sex, not the label
        assertThat(trained.algorithm()).isEqualTo(TabularAlgorithm.LOGISTIC_REGRESSION);
        assertThat(trained.classes()).containsExactly("no", "yes");
    }

    @Test
    void signatureNamesEachInputColumnWithItsDatatype() {
        Signature s = ModelPackage.open(published.output().directory()).signature();
        // region is a string column, so there is no FP32 'input' of all features
        assertThat(s.inputs()).extracting(TensorSpec::name, TensorSpec::datatype, TensorSpec::shape).containsExactly(
                tuple("income", "FP64", List.of(-1L)), tuple("years", "INT64", List.of(-1L)),
                tuple("region", "BYTES", List.of(-1L)), tuple("member", "BOOL", List.of(-1L)));
        assertThat(s.outputs()).extracting(TensorSpec::name, TensorSpec::datatype, TensorSpec::shape).containsExactly(
                tuple("probabilities", "FP64", List.of(-1L, 2L)), tuple("label", "BYTES", List.of(-1L)));
        assertThat(s.classes()).containsExactly("no", "yes");
    }

    @Test
    void anAllNumericModelAlsoTakesTheFp32Input() {
        TabularModel numeric = new TabularModel(TabularAlgorithm.DECISION_TREE, "y", List.of("a", "b", "c"),
                List.of("n", "p"), dir.resolve("m"), "sha256:0", dir, Map.of("a", ColumnType.DOUBLE, "b",
                        ColumnType.LONG, "c", ColumnType.BOOLEAN, "y", ColumnType.STRING), 1, 1);
        assertThat(Signature.of(numeric).input("input")).hasValue(new TensorSpec("input", "FP32", List.of(-1L, 3L)));
    }

    @Test
    void thePackagedModelPredictsAsTheTrainedOne() {
        TabularModel original = TabularFixtures.run(TabularFixtures.pipeline(dir.resolve("again"), 200, 3), dir
                .resolve("again"), 3).output().evaluation().model();
        Table rows = original.heldOutRows();
        Model<Label> before = original.load();
        Model<Label> after = trained.load();
        // same data and seed give the same parameters (TrainTabularClassifier's contract), so the same numbers
        assertThat(trained.predictProbabilities(after, rows)).isDeepEqualTo(original.predictProbabilities(before, rows));
    }

    @Test
    void aModelFileChangedAfterTrainingIsRefused() throws IOException {
        Path other = dir.resolve("changed");
        Blessing<TabularEvaluation> b = TabularFixtures.run(TabularFixtures.pipeline(other, 120, 4), other, 4).output();
        Files.write(b.evaluation().model().model(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Path registry = other.resolve("registry");
        assertThatThrownBy(() -> ModelRegistry.at(registry).publish(b.evaluation().model(), b.evaluation(),
                b.verdict(), Optional.empty(), PublishOptions.named("changed")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed since training");
        assertThat(ModelRegistry.at(registry).versions("changed")).isEmpty();
    }

    @Test
    void anImagePackageRefusesToOpenAsTabular() {
        PackagedModel m = ModelPackage.open(published.output().directory()).model();
        assertThatThrownBy(() -> m.trainedModel(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("another kind");
    }
}
