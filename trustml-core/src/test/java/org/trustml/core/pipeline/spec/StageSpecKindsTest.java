package org.trustml.core.pipeline.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/** Core alone: its own stage kinds, and a clear error for a kind whose module is not on the class path. */
class StageSpecKindsTest {
    @TempDir
    Path dir;

    @Test
    void coreProvidesIngestAndBless() {
        assertThat(StageSpecKinds.all()).containsOnlyKeys("ingest", "bless");
    }

    @Test
    void coreProvidesNoEvaluatorKind() {
        assertThat(EvaluatorSpecKinds.all()).isEmpty();
        assertThat(EvaluatorSpecKinds.moduleOf("lime-tabular")).contains("trustml-explain");
        assertThat(StageSpecKinds.moduleOf("transform")).contains("trustml-pipeline");
        assertThat(StageSpecKinds.moduleOf("nonsense")).isEmpty();
    }

    @Test
    void aKindOfAModuleNotOnTheClassPathNamesTheModule() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.yaml"), """
                seed: 1
                stages:
                  - ingest: {csv: rows.csv}
                  - train: {epochs: 1}
                """);
        assertThatThrownBy(() -> PipelineSpec.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pipeline.yaml").hasMessageContaining("line 4")
                .hasMessageContaining("'train'").hasMessageContaining("add trustml-vision")
                .hasMessageContaining("known: bless, ingest");
    }
}
