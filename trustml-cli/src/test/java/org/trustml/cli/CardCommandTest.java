package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCommandTest {
    @TempDir
    Path dir;

    @Test
    void initWritesATemplateThatValidatesAndRenders() {
        Path card = dir.resolve("card.yaml");
        assertThat(Cli.run("card", "init", card.toString()).code()).isZero();
        Cli.Result v = Cli.run("card", "validate", card.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).isEqualTo(card + ": valid (Model Card Toolkit schema v0.0.2, final (f895074) revision)\n");
        assertThat(Cli.run("card", "init", card.toString()).err()).contains("already exists");

        Cli.Result r = Cli.run("card", "render", card.toString(), "--html", dir.resolve("c.html").toString(),
                "--markdown", dir.resolve("c.md").toString());
        assertThat(r.code()).isZero();
        assertThat(dir.resolve("c.html")).content().contains("<h1>Name of the model</h1>");
        assertThat(dir.resolve("c.md")).content().startsWith("# Model card: Name of the model");
    }

    @Test
    void validateExitsTwoWithOneLinePerErrorOnStderr() throws IOException {
        Path card = Files.writeString(dir.resolve("bad.yaml"),
                "model_details:\n  name: 42\nextra: 1\nquantitative_analysis:\n  performance_metrics:\n    - value: [1]\n");
        Cli.Result v = Cli.run("card", "validate", card.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err().lines()).containsExactly(
                "$.model_details.name: integer found, string expected (rule 'type', line 2, column 3)",
                "$.extra: unknown field 'extra' (the schema allows only schema_version, model_details, model_parameters, "
                        + "quantitative_analysis and considerations here) (rule 'additionalProperties', line 3, column 1)",
                "$.quantitative_analysis.performance_metrics[0].value: array found, string expected (rule 'type', line 6, column 7)");
    }

    @Test
    void aCardAsMctsLastReleaseWritesItIsValidAndAnEarlyOneIsNamed() throws IOException {
        // the shape MCT 2.1.0's ModelCard.to_json() writes (trustml-modelcard's cards/mct-2.1.0.json is one it wrote)
        Path mct = Files.writeString(dir.resolve("mct.json"), """
                {"model_details": {"name": "m", "path": "models/m/1"},
                 "model_parameters": {"input_format_map": [{"key": "image", "value": "float32[1, 28, 28]"}]},
                 "quantitative_analysis": {"performance_metrics": [{"type": "accuracy", "value": "0.91",
                   "confidence_interval": {"lower_bound": "0.88", "upper_bound": "0.94"}}]},
                 "schema_version": "0.0.2"}
                """);
        assertThat(Cli.run("card", "validate", mct.toString()).code()).isZero();

        Path early = Files.writeString(dir.resolve("early.yaml"),
                "quantitative_analysis:\n  performance_metrics:\n    - {type: accuracy, value: 0.91}\n");
        Cli.Result v = Cli.run("card", "validate", early.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).startsWith("$.quantitative_analysis.performance_metrics[0].value: number found, string "
                + "expected (a number here follows MCT's early v0.0.2 revision, 4161ebb,");
        Path md = dir.resolve("early.md");
        assertThat(Cli.run("card", "render", early.toString(), "--markdown", md.toString()).code()).isZero();
        assertThat(md).content().contains("0.91");
    }

    @Test
    void validateListsMissingSectionsButExitsZero() throws IOException {
        Path card = Files.writeString(dir.resolve("c.json"), "{\"model_details\": {\"name\": \"m\"}}");
        Cli.Result v = Cli.run("card", "validate", card.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("incomplete: $.considerations.users: intended users are not stated");
    }

    @Test
    void malformedYamlIsOneLineOnStderr() throws IOException {
        Path card = Files.writeString(dir.resolve("m.yaml"), "a: &x [1]\nb: *x\n");
        Cli.Result v = Cli.run("card", "validate", card.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).startsWith("trustml: " + card + ", line 2: uses the YAML alias '*x'").hasLineCount(1);
    }

    @Test
    void diffReportsWorseSlices() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), "quantitative_analysis:\n  performance_metrics:\n"
                + "    - {type: recall, value: 0.8, slice: age=70+}\n    - {type: recall, value: 0.9}\n");
        Path b = Files.writeString(dir.resolve("b.yaml"), "quantitative_analysis:\n  performance_metrics:\n"
                + "    - {type: recall, value: 0.7, slice: age=70+}\n    - {type: recall, value: 0.9}\n");
        Cli.Result d = Cli.run("card", "diff", a.toString(), b.toString());
        assertThat(d.code()).isZero();
        // 0.7 - 0.8 = -0.1
        assertThat(d.out()).isEqualTo("WORSE     recall [age=70+]: 0.8 -> 0.7 (-0.1)\nSlices that got worse: age=70+\n");
        Cli.Result j = Cli.run("card", "diff", "--format", "json", a.toString(), b.toString());
        assertThat(j.out()).contains("\"slicesThatGotWorse\" : [ \"age=70+\" ]");
    }
}
