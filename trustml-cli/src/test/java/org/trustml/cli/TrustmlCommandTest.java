package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.ContentHash;
import org.trustml.core.io.Json;
import org.trustml.core.run.RunRecord;

class TrustmlCommandTest {
    @TempDir
    Path dir;

    @Test
    void versionAndHelp() {
        Cli.Result v = Cli.run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("trustml 0.1.0-SNAPSHOT\nDJL 0.35.1, Java ");
        Cli.Result h = Cli.run("--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("Usage: trustml").contains("table").contains("demo").contains("Exit codes");
    }

    @Test
    void describeCsvAsTextAndJson() throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "age,sex\n30,F\n50,M\n,F\n", StandardCharsets.UTF_8);
        Cli.Result text = Cli.run("table", "describe", f.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith(f + ": 3 rows, 2 columns\n")
                .contains("age     long    2      1        30   50   40    14.14")  // std of 30,50 = sqrt(200)
                .contains("sex     string  3      0                               F (2), M (1)");

        Cli.Result json = Cli.run("table", "describe", "--format", "json", f.toString());
        assertThat(json.code()).isZero();
        JsonNode doc = Json.reader().readTree(json.out());
        assertThat(doc.get("rows").asInt()).isEqualTo(3);
        JsonNode age = doc.get("columns").get(0);
        assertThat(age.get("name").asText()).isEqualTo("age");
        assertThat(age.get("type").asText()).isEqualTo("LONG");
        assertThat(age.get("missing").asInt()).isEqualTo(1);
        assertThat(age.get("mean").asDouble()).isEqualTo(40.0);
        assertThat(doc.get("columns").get(1).get("top").get(0).get("value").asText()).isEqualTo("F");
    }

    @Test
    void typeOverridesAndJsonLines() throws IOException {
        Path f = Files.writeString(dir.resolve("t.jsonl"), "{\"zip\":\"01\"}\n{\"zip\":\"02\"}\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("table", "describe", "--format=json", f.toString());
        assertThat(r.code()).isZero();
        assertThat(Json.reader().readTree(r.out()).get("columns").get(0).get("type").asText()).isEqualTo("STRING");
        Path csv = Files.writeString(dir.resolve("z.csv"), "zip\n01\n", StandardCharsets.UTF_8);
        assertThat(Cli.run("table", "describe", "--type", "zip=string", csv.toString()).out()).contains("01 (1)");
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        Path ragged = Files.writeString(dir.resolve("r.csv"), "a,b\n1\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("table", "describe", ragged.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("trustml: " + ragged + ", line 2: has 1 fields (expected 2 fields like the header (a,b))\n");

        Cli.Result missing = Cli.run("table", "describe", dir.resolve("none.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("trustml: " + dir.resolve("none.csv") + ": does not exist (expected a CSV file)\n");

        Cli.Result badType = Cli.run("table", "describe", "--type", "a=int", ragged.toString());
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).isEqualTo("trustml: column 'a': value 'int' is not a column type (expected double, long, string or boolean)\n");

        Cli.Result usage = Cli.run("table", "describe");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void demoRunsThePipelineAndRecordsItInItsOwnFolderAndRunsAgain() throws IOException {
        Path out = dir.resolve("demo");
        Cli.Result r = Cli.run("demo", "--out", out.toString(), "--patients", "40", "--epochs", "1", "--seed", "7",
                "--lime-images", "2", "--lime-samples", "30", "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = Json.reader().readTree(r.out());
        Path run = Path.of(doc.get("runFolder").asText());
        assertThat(run.getParent()).isEqualTo(out);
        assertThat(run.getFileName().toString()).matches("\\d{8}-\\d{6}");
        assertThat(out.resolve("latest")).hasContent(run.getFileName() + "\n");
        RunRecord record = RunRecord.read(Path.of(doc.get("runRecord").asText()));
        assertThat(record.stages()).extracting(s -> s.name())
                .containsExactly("ingest", "filter", "filter-2", "image-folder", "train", "evaluate", "bless");
        assertThat(record.stages().get(0).metrics().get("rows")).isEqualTo(40.0);
        assertThat(doc.get("verdict").get("results")).hasSize(4);
        assertThat(Path.of(doc.get("model").asText())).exists();
        assertThat(run.resolve("dataset/dataset.json")).exists();
        assertThat(Cli.run("card", "validate", doc.get("modelCard").asText()).code()).isZero();
        assertThat(run.resolve("model-card.html")).content().contains("COVID-19 CT classifier");
        assertThat(run.resolve("mlruns/1/meta.yaml")).content().contains("name: 'trustml-demo'");
        // the report: one page with every section, images inline, the card embedded
        assertThat(Path.of(doc.get("report").asText())).isEqualTo(run.resolve("report.html"));
        assertThat(run.resolve("report.html")).content().contains("id=\"explanations\"").contains("id=\"robustness\"")
                .contains("LIME overlay of test/").contains("Adversarial examples at eps 0.030")
                .contains("srcdoc=\"&lt;!DOCTYPE html&gt;").doesNotContain("src=\"file:").doesNotContain("<script");
        assertThat(doc.get("metrics").toString()).contains("lime_score_mean");

        // the same command again with another size, as in issue 17 (it refused, after rewriting the first run's inputs)
        String metadata = ContentHash.ofFile(run.resolve("data/metadata.csv"));
        List<String> images = hashes(run.resolve("data/images"));
        Cli.Result again = Cli.run("demo", "--out", out.toString(), "--patients", "50", "--epochs", "1", "--seed", "7",
                "--lime-images", "1", "--lime-samples", "10", "--format", "json");
        assertThat(again.code()).as(again.err()).isZero();
        Path second = Path.of(Json.reader().readTree(again.out()).get("runFolder").asText());
        assertThat(second).isNotEqualTo(run).hasParent(out);
        assertThat(out.resolve("latest")).hasContent(second.getFileName() + "\n");
        assertThat(ContentHash.ofFile(run.resolve("data/metadata.csv"))).isEqualTo(metadata);
        assertThat(hashes(run.resolve("data/images"))).isEqualTo(images);
    }

    @Test
    void demoRejectsBadOptionsBeforeWritingAnything() {
        Path out = dir.resolve("bad-demo");
        Cli.Result r = Cli.run("demo", "--out", out.toString(), "--lime-samples", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("num_samples").contains("1");
        assertThat(out).doesNotExist();
    }

    /** Name and content hash of every file in {@code folder}, sorted. */
    static List<String> hashes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(f -> f.getFileName() + " " + ContentHash.ofFile(f)).toList();
        }
    }
}
