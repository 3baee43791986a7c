package org.trustml.vision.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.pipeline.spec.StageSpec;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.ImageClassifierConfig;

class PipelineSpecTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), text);
    }

    @Test
    void runsTheStagesOfAFile() throws IOException {
        org.trustml.vision.train.ColourImagesAccess.write(dir, 24);
        Path file = yaml("""
                seed: 5
                experiment: colours
                stages:
                  - ingest: {csv: meta.csv}
                  - image-folder: {file-column: file, label-column: colour, images: images, output: work/dataset,
                                   validation: 0.25, test: 0.25}
                  - train: {architecture: mobilenet-v2, input-size: 32, epochs: 1, batch-size: 8, crop: false}
                  - evaluate: {slices: [site]}
                  - bless:
                      stop-when-not-blessed: false
                      gates:
                        - {metric: accuracy, min: 0.0}
                        - {metric: accuracy, slice: site=A, max: 1.0}
                """);
        PipelineSpec spec = PipelineSpec.read(file);
        assertThat(spec.stages()).extracting(StageSpec::kind)
                .containsExactly("ingest", "image-folder", "train", "evaluate", "bless");
        PipelineRun<?> run = spec.run(dir);
        assertThat(((Blessing<?>) run.output()).verdict().results()).hasSize(2);
        assertThat(dir.resolve("work/dataset/dataset.json")).exists();
        assertThat(dir.resolve("trustml-runs/mlruns")).isDirectory(); // the default store, beside the file
    }

    @Test
    void trainReadsATorchScriptFileAndItsHash() throws IOException {
        Path pt = Files.write(dir.resolve("cnn.pt"), new byte[] {1, 2, 3});
        Path file = yaml("""
                seed: 1
                stages:
                  - ingest: {csv: meta.csv}
                  - image-folder: {file-column: file, label-column: colour, images: images, output: work/dataset}
                  - train: {architecture: torchscript, initial-weights: cnn.pt, input-size: 32}
                """);
        ImageClassifierConfig c = (ImageClassifierConfig) PipelineSpec.read(file).stages().get(2).build(dir).config();
        assertThat(c.architecture()).isEqualTo(Architecture.TORCHSCRIPT);
        assertThat(c.initialWeights()).contains(pt.toString()); // resolved against the spec's folder
        assertThat(c.initialWeightsHash()).contains(ContentHash.ofFile(pt));
    }

    @Test
    void unknownFieldsAndWrongTypesNameLineAndPath() throws IOException {
        Path file = yaml("""
                seed: 1
                stages:
                  - ingest: {csv: meta.csv}
                  - image-folder: {file-column: f, label-column: l, output: out}
                  - train:
                      epochs: five
                """);
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ", line 6, column 'stages[2].epochs': ");
        Path typo = yaml("""
                seed: 1
                stages:
                  - ingest: {csv: meta.csv, separater: ';'}
                """);
        assertThatThrownBy(() -> PipelineSpec.read(typo))
                .hasMessageStartingWith(typo + ", line 3, column 'stages[0].separater': Unrecognized field \"separater\"");
        Path bad = yaml("""
                seed: 1
                stages:
                  - ingest: {csv: a.csv, json-lines: b.jsonl}
                """);
        assertThatThrownBy(() -> PipelineSpec.read(bad)).hasMessageContaining(
                "column 'stages[0].ingest': names 2 sources (expected exactly one of csv, json-lines, cloud-annotations, image-tree)");
    }

    @Test
    void anEvaluatorOfAModuleNotOnTheClassPathNamesTheModule() throws IOException {
        Path file = yaml("""
                seed: 1
                stages:
                  - ingest: {csv: meta.csv}
                  - image-folder: {file-column: f, label-column: l, output: out}
                  - train: {epochs: 1}
                  - evaluate:
                      evaluators:
                        - fairness: {favorable: red, privileged: [{site: A}], protected-columns: [site]}
                """);
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 8").hasMessageContaining("names the evaluator kind 'fairness', which no "
                        + "module on the class path provides; add trustml-fairness (known: none)");
    }

    @Test
    void stagesThatDoNotFitAreRefused() throws IOException {
        Path file = yaml("""
                seed: 1
                stages:
                  - ingest: {csv: meta.csv}
                  - train: {epochs: 1}
                """);
        assertThatThrownBy(() -> PipelineSpec.read(file))
                .hasMessage(file + ", column 'stages[1]': value 'train' cannot follow ingest, which gives a Table "
                        + "(expected a stage that takes a Table)");
    }

    @Test
    void anAliasBombIsRefused() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            String prev = String.valueOf((char) (c - 1));
            y.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append(", *").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        // ten levels of nine aliases each would expand to 9^10 (3.5 billion) strings; the first alias is refused
        Path file = yaml("seed: 1\nrun-name: x\nstages:\n  - ingest:\n      types: {bomb: *k}\n      csv: x.csv\n"
                .replace("seed: 1", y + "seed: 1"));
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ", line 2: uses the YAML alias '*a' at column 8");
    }

    /** A pipeline whose only stages are ingest and image-folder: reading it builds nothing on disk. */
    private static final String STAGES = "stages:\n  - ingest: {csv: meta.csv}\n"
            + "  - image-folder: {file-column: f, label-column: l, output: work}\n";

    @Test
    void anAliasIsRefusedNotReadAsTheAnchorsName() throws IOException {
        // Jackson's streaming parser reads *e as the text "e": the dataset went to a folder named e
        Path file = yaml("seed: 1\nrun-name: &e work\n" + STAGES.replace("output: work", "output: *e"));
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ", line 5: uses the YAML alias '*e' at column 61 (expected plain values (aliases are "
                        + "refused: a streaming reader takes an alias for the anchor's name, and expanding them is how a "
                        + "'billion laughs' document explodes))");
    }

    @Test
    void aDuplicateKeyIsRefusedNotOverwritten() throws IOException {
        Path file = yaml("seed: 1\nseed: 2\n" + STAGES);
        assertThatThrownBy(() -> PipelineSpec.read(file))
                .hasMessage(file + ", line 2: has the key 'seed' twice in one mapping at column 1 (expected each key once "
                        + "(YAML keys are unique; readers would silently keep the last))");
        Path nested = yaml("seed: 1\n" + STAGES.replace("{csv: meta.csv}", "{csv: meta.csv, csv: other.csv}"));
        assertThatThrownBy(() -> PipelineSpec.read(nested)).hasMessageStartingWith(nested + ", line 3: has the key 'csv' "
                + "twice in one mapping");
    }

    @Test
    void aSecondDocumentIsRefusedNotIgnored() throws IOException {
        Path file = yaml("seed: 1\n" + STAGES + "---\nseed: 2\n");
        assertThatThrownBy(() -> PipelineSpec.read(file))
                .hasMessage(file + ", line 6: starts a second YAML document at column 1 (expected a single document (no "
                        + "second '---'))"); // line 6 holds its first value, after the '---' on line 5
        Path emptySecond = yaml("seed: 1\n" + STAGES + "---\n");
        assertThatThrownBy(() -> PipelineSpec.read(emptySecond)).hasMessageContaining("starts a second YAML document");
        assertThat(PipelineSpec.read(yaml("---\nseed: 1\n" + STAGES + "...\n")).seed()).isEqualTo(1L); // markers alone are fine
    }

    @Test
    void aTagIsRefusedNotDropped() throws IOException {
        Path file = yaml("seed: !custom 1\n" + STAGES);
        assertThatThrownBy(() -> PipelineSpec.read(file))
                .hasMessage(file + ", line 1: uses the YAML tag '!custom' at column 7 (expected no tags, or only the core "
                        + "tags !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)");
        assertThat(PipelineSpec.read(yaml("seed: !!int 1\n" + STAGES)).seed()).isEqualTo(1L);
    }

    @Test
    void aBadByteIsReportedOnItsOwnLine() throws IOException {
        byte[] text = ("seed: 1\nrun-name: caf\u00e9\n" + STAGES).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.yaml"), text);
        // é is 0xE9 in ISO-8859-1: line 2, after "run-name: caf" (13 characters), after "seed: 1\nrun-name: caf" (21 bytes)
        assertThatThrownBy(() -> PipelineSpec.read(file))
                .hasMessage(file + ", line 2: value '0xE9' at character 14 (byte offset 21) is not valid UTF-8 (expected "
                        + "a pipeline file as described in docs/core.md (Pipelines in YAML) in UTF-8)");
    }

    @Test
    void limitsOnNestingAndSize() throws IOException {
        Path deep = yaml("seed: 1\nrun-name: " + "[".repeat(60) + "]".repeat(60) + "\n" + STAGES);
        assertThatThrownBy(() -> PipelineSpec.read(deep)).hasMessageStartingWith(deep + ", line 2: nests deeper than 50 "
                + "levels");
        Path big = yaml("seed: 1\n" + STAGES + "# " + "x".repeat(PipelineSpec.MAX_BYTES) + "\n");
        assertThatThrownBy(() -> PipelineSpec.read(big)).hasMessageStartingWith(big + ": has " + Files.size(big)
                + " bytes, more than the limit of 1048576");
        assertThatThrownBy(() -> PipelineSpec.read(dir)).hasMessageStartingWith(dir + ": is a directory");
    }
}
