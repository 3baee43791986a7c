package org.trustml.core.pipeline.spec;

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
import org.trustml.core.train.Architecture;
import org.trustml.core.train.ImageClassifierConfig;

class PipelineSpecTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), text);
    }

    @Test
    void runsTheStagesOfAFile() throws IOException {
        org.trustml.core.train.ColourImagesAccess.write(dir, 24);
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
                "column 'ingest': names 2 sources (expected exactly one of csv, json-lines, cloud-annotations)");
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
                .hasMessage(file + ": column 'stages[1]': value 'train' cannot follow ingest, which gives a Table "
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
        // ten levels of nine aliases each would expand to 9^10 (3.5 billion) strings; Jackson's streaming
        // YAML parser never expands an alias (it reads *k as the text "k"), so the file is refused at once
        Path file = yaml("seed: 1\nrun-name: x\nstages:\n  - ingest:\n      types: {bomb: *k}\n      csv: x.csv\n"
                .replace("seed: 1", y + "seed: 1"));
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 16, column 'stages[0].types.bomb': Cannot deserialize value of type");
    }
}
