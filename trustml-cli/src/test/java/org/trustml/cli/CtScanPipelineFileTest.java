package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.cli.demo.CtScanDemo;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.vision.evaluation.ImageEvaluation;

/**
 * samples/pipelines/ct-scan.yaml is the demo's pipeline: {@code trustml run} on it gives the Java pipeline's verdict
 * (every gate's value) with the same seed and data. Both run on a reduced copy (20 patients, the fewest the demo takes, one epoch, one LIME image
 * of 10 samples) to stay fast; the copy changes only those numbers of the file.
 */
class CtScanPipelineFileTest {
    static final Path SAMPLE = Path.of("").toAbsolutePath().getParent().resolve("samples/pipelines/ct-scan.yaml");
    static final long SEED = 42;
    static final int PATIENTS = 20;

    @TempDir
    Path dir;

    @Test
    void thePipelineFileGivesTheJavaPipelinesVerdict() throws IOException {
        Path javaDir = dir.resolve("java");
        CtScanDemo.Options o = new CtScanDemo.Options(javaDir, SEED, PATIENTS, 1, 1, 10);
        Path metadata = org.trustml.cli.demo.CtScanData.write(javaDir.resolve("data"), PATIENTS, SEED);
        PipelineRun<Blessing<ImageEvaluation>> java = CtScanDemo.pipeline(metadata, javaDir.resolve("data/images"),
                javaDir.resolve("dataset"), o).run(RunOptions.seed(SEED).withMlflowStore(javaDir.resolve("mlruns"))
                .withExperiment("trustml-demo"));

        Path fileDir = Files.createDirectories(dir.resolve("file"));
        Cli.Result data = Cli.run("demo", "--data-only", "--out", fileDir.toString(), "--patients",
                String.valueOf(PATIENTS), "--seed", String.valueOf(SEED));
        assertThat(data.code()).as(data.err()).isZero();
        String text = Files.readString(SAMPLE);
        String reduced = text.replace("epochs: 15,", "epochs: 1,").replace("images: 4, samples: 300,",
                "images: 1, samples: 10,");
        assertThat(reduced).isNotEqualTo(text.replace("epochs: 15,", "epochs: 1,")).isNotEqualTo(text);
        Path file = Files.writeString(fileDir.resolve("ct-scan.yaml"), reduced);
        Cli.Result r = Cli.run("run", "--format", "json", file.toString());
        assertThat(r.code()).as(r.err()).isZero();

        JsonNode fromFile = Json.reader().readTree(r.out()).get("verdict");
        JsonNode fromJava = Json.toTree(java.output().verdict());
        assertThat(fromFile.get("results")).hasSize(4);
        assertThat(fromFile).isEqualTo(fromJava);
        assertThat(fileDir.resolve("model-card.yaml")).content().contains("COVID-19 CT classifier (trustml demo)");
        assertThat(fileDir.resolve("model-card.html")).exists();
        assertThat(fileDir.resolve("report.html")).content().contains("Model card").contains("Fairness");
    }
}
