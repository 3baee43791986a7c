package org.trustml.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.pipeline.spec.PipelineSpec;

/** Every problem of a file with its line, column, field and the valid choices; hostile YAML refused first. */
class PipelineCheckTest {
    @TempDir
    Path dir;

    private List<String> check(String name, String text) throws IOException {
        return PipelineCheck.lines(PipelineCheck.check(Files.writeString(dir.resolve(name), text)));
    }

    @Test
    void everyProblemIsReportedWithLineColumnAndChoices() throws IOException {
        Files.writeString(dir.resolve("rows.csv"), "a,b\n1,x\n");
        List<String> problems = check("p.yaml", """
                seed: 1
                sed: 2
                stages:
                  - ingest: {csv: rows.csv, types: {a: decimal}}
                  - trian: {epochs: 1}
                  - train: {epohcs: 2, flip: maybe}
                  - evaluate:
                      evaluators:
                        - fairnes: {}
                        - fairness: {favorable: yes}
                  - bless: {}
                """);
        Path p = dir.resolve("p.yaml");
        assertThat(problems).containsExactly(
                p + ", line 2, column 1: unknown field 'sed'; did you mean 'seed'? (valid: seed, experiment, mlruns, "
                        + "run-name, stages)",
                p + ", line 4, column 40: stages[0].ingest.types.a: 'decimal' is not a choice (valid: double, long, "
                        + "string, boolean)",
                p + ", line 5, column 5: stages[1]: names the stage kind 'trian', which no module on the class path "
                        + "provides; did you mean 'train'? (valid: " + String.join(", ", PipelineCheck.kindsForTest()) + ")",
                p + ", line 6, column 13: stages[2].train: unknown field 'epohcs' of train; did you mean 'epochs'? "
                        + "(valid: architecture, input-size, epochs, batch-size, learning-rate, flip, crop, patience, "
                        + "initial-weights)",
                p + ", line 6, column 30: stages[2].train.flip: 'maybe' is not true or false",
                p + ", line 9, column 11: stages[3].evaluate.evaluators[0]: names the evaluator kind 'fairnes', which no "
                        + "module on the class path provides; did you mean 'fairness'? (valid: autoencoder-drift, drift, "
                        + "fairness, image-drift, lime, lime-tabular, robustness, shap, tree-shap)",
                p + ", line 10, column 21: stages[3].evaluate.evaluators[1].fairness: misses the required field 'privileged'",
                p + ", line 10, column 21: stages[3].evaluate.evaluators[1].fairness: misses the required field "
                        + "'protected-columns'",
                p + ", line 11, column 12: stages[4].bless: misses the required field 'gates'");
    }

    @Test
    void aFileWhoseShapeIsRightIsBoundAndItsStagesFitted() throws IOException {
        Files.writeString(dir.resolve("rows.csv"), "a,b\n1,x\n");
        assertThat(check("ok.yaml", "seed: 1\nstages:\n  - ingest: {csv: rows.csv}\n  - filter: {keep: \"a > 0\"}\n"))
                .isEmpty();
        List<String> fit = check("fit.yaml", "seed: 1\nstages:\n  - ingest: {csv: rows.csv}\n  - bless: {gates: "
                + "[{metric: acuracy, min: 1}]}\n");
        assertThat(fit).singleElement().asString().startsWith(dir.resolve("fit.yaml") + ", line 4, column 30: "
                        + "stages[1].gates[0].metric: value 'acuracy' is not a known metric (expected one of accuracy");
    }

    @Test
    void anEvaluatorOfAnotherStagesInputIsRefusedNamingWhatItNeeds() throws IOException {
        Files.writeString(dir.resolve("rows.csv"), "a,b\n1,x\n");
        List<String> p = check("wrong.yaml", """
                seed: 1
                stages:
                  - ingest: {csv: rows.csv}
                  - train-tabular: {label: b, features: [a]}
                  - evaluate-tabular:
                      evaluators:
                        - lime: {images: 1}
                """);
        assertThat(p).singleElement().asString().endsWith("wrong.yaml, line 7, column 11: stages[2].evaluators[0]: "
                        + "value 'lime' reads a ImageEvaluationInput, which the "
                        + "evaluate-tabular stage does not give (expected an evaluator of Predictions or "
                        + "TableEvaluationInput or TabularEvaluationInput in evaluate-tabular)");
    }

    @Test
    void jsonPipelineFilesAreReadAndCheckedToo() throws IOException {
        Files.writeString(dir.resolve("rows.csv"), "a,b\n1,x\n");
        String json = "{\n\t\"seed\": 1,\n\t\"stages\": [\n\t\t{\"ingest\": {\"csv\": \"rows.csv\"}},\n"
                + "\t\t{\"filter\": {\"kepe\": \"a > 0\"}}\n\t]\n}\n";
        Path p = dir.resolve("p.json");
        assertThat(check("p.json", json)).containsExactly(
                p + ", line 5, column 15: stages[1].filter: unknown field 'kepe' of filter; did you mean 'keep'? (valid: keep)",
                p + ", line 5, column 14: stages[1].filter: misses the required field 'keep'");
        Path ok = Files.writeString(dir.resolve("ok.json"), json.replace("kepe", "keep"));
        assertThat(PipelineCheck.check(ok)).isEmpty();
        assertThat(PipelineSpec.read(ok).stages()).hasSize(2);
    }

    @Test
    void anAliasBombIsRefusedBeforeAnythingIsBuilt() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9,
                    prev))).append("]\n");
        }
        // nine levels of nine aliases would expand to 9^10 strings (3.5 billion); the first alias is refused
        List<String> p = check("bomb.yaml", y + "seed: 1\nstages:\n  - ingest: {csv: rows.csv}\n");
        assertThat(p).singleElement().asString().contains("line 2: uses the YAML alias '*a'");
    }

    @Test
    void aHugeDocumentIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] filler = ("# " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            out.write("seed: 1\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1100; i++) { // 1.1 MB of comments: over the 1 MiB limit
                out.write(filler);
            }
        }
        assertThat(PipelineCheck.lines(PipelineCheck.check(big))).singleElement().asString()
                .contains("big.yaml").contains(String.valueOf(PipelineSpec.MAX_BYTES));
    }

    @Test
    void aDeeplyNestedDocumentIsRefused() throws IOException {
        String deep = "[".repeat(60) + "]".repeat(60);
        List<String> p = check("deep.yaml", "seed: 1\nrun-name: " + deep + "\nstages:\n  - ingest: {csv: a.csv}\n");
        assertThat(p).singleElement().asString().contains("line 2: nests deeper than 50 levels");
        String json = "{\"seed\": 1, \"x\": " + "{\"a\": ".repeat(60) + "1" + "}".repeat(60) + "}";
        assertThat(check("deep.json", json)).singleElement().asString().contains("nests deeper than 50 levels");
    }

    @Test
    void customTagsAreRefused() throws IOException {
        for (String tag : List.of("!!python/object/apply:os.system [\"ls\"]", "!custom x", "!!java.io.File x")) {
            List<String> p = check("tag.yaml", "seed: 1\nrun-name: " + tag + "\nstages:\n  - ingest: {csv: a.csv}\n");
            assertThat(p).as(tag).singleElement().asString().contains("line 2: uses the YAML tag");
        }
    }
}
