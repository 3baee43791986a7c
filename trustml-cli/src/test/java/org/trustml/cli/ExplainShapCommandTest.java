package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;

/**
 * {@code trustml explain --method …-shap} on the XGBoost model and numbers XGBoost 1.7.4 made
 * (trustml-explain/src/test/python/make_shap_fixtures.py, committed next to it).
 */
class ExplainShapCommandTest {
    static final Path SHAP = Path.of("../trustml-explain/src/test/resources/shap");

    @TempDir
    Path dir;

    /** The fixture's complete explained rows (0, 1, 2, 4, 6, 7) then its 30 background rows, as a CSV. */
    Path table(JsonNode f) throws Exception {
        StringBuilder s = new StringBuilder("a,b,c,d\n");
        for (JsonNode r : f.get("rows")) {
            if (!r.get(0).isNull() && !r.get(1).isNull()) {
                s.append(r.get(0).asDouble()).append(',').append(r.get(1).asDouble()).append(',')
                        .append(r.get(2).asDouble()).append(',').append(r.get(3).asDouble()).append('\n');
            }
        }
        for (JsonNode r : f.get("background")) {
            s.append(r.get(0).asDouble()).append(',').append(r.get(1).asDouble()).append(',').append(r.get(2).asDouble())
                    .append(',').append(r.get(3).asDouble()).append('\n');
        }
        return Files.writeString(dir.resolve("rows.csv"), s);
    }

    static JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        return Json.reader().readTree(r.out());
    }

    @Test
    void treeShapGivesXGBoostsPredContribs() throws Exception {
        JsonNode f = Json.reader().readTree(Files.readString(SHAP.resolve("xgb_binary_expected.json")));
        Path csv = table(f);
        String model = SHAP.resolve("xgb_binary.json").toString();
        // CSV row 3 is the fixture's row 4 (rows 3 and 5 have missing values)
        JsonNode doc = json(Cli.run("explain", "--method", "tree-shap", "--model", model, "--table", csv.toString(),
                "--row", "3", "--format", "json"));
        JsonNode e = doc.get("explanation");
        assertThat(e.get("method").asText()).isEqualTo("tree_path_dependent");
        for (int j = 0; j < 4; j++) {
            assertThat(e.get("values").get(0).get(j).asDouble())
                    .isCloseTo(f.get("pred_contribs").get(4).get(j).asDouble(), within(1e-5));
        }
        assertThat(e.get("expectedValues").get(0).asDouble()).isCloseTo(f.get("pred_contribs").get(4).get(4).asDouble(),
                within(1e-5));
        assertThat(doc.get("outputs").get(0).asText()).isEqualTo("margin");
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void exactShapAgreesWithInterventionalTreeShapAgainstTheWholeTable() throws Exception {
        JsonNode f = Json.reader().readTree(Files.readString(SHAP.resolve("xgb_binary_expected.json")));
        String csv = table(f).toString();
        String model = SHAP.resolve("xgb_binary.json").toString();
        JsonNode exact = json(Cli.run("explain", "--method", "exact-shap", "--model", model, "--table", csv, "--row",
                "1", "--background", "sample", "--background-size", "1000", "--format", "json")).get("explanation");
        JsonNode tree = json(Cli.run("explain", "--method", "tree-shap", "--perturbation", "interventional",
                "--background-size", "1000", "--model", model, "--table", csv, "--row", "1", "--format", "json"))
                .get("explanation");
        for (int j = 0; j < 4; j++) {
            assertThat(exact.get("values").get(0).get(j).asDouble())
                    .isCloseTo(tree.get("values").get(0).get(j).asDouble(), within(1e-9));
        }
        Cli.Result kernel = Cli.run("explain", "--method", "kernel-shap", "--model", model, "--table", csv, "--row", "1");
        assertThat(kernel.code()).isZero();
        // 4 features: every one of the 2^4 − 2 coalitions is enumerated, so the values are exact
        assertThat(kernel.out()).contains("row 1: kernel-shap (kernel, link identity), 16 coalitions, converged")
                .contains("output 0: E[f]").contains("SHAP value");
    }

    @Test
    void badInputExitsWith2AndOneLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n3,4\n");
        Cli.Result r = Cli.run("explain", "--method", "shapley", "--model", "m.pt", "--table", csv.toString(), "--row",
                "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'--method'").contains("shapley")
                .contains("lime, kernel-shap, exact-shap, tree-shap").doesNotContain("\n\n");
        Cli.Result notTrees = Cli.run("explain", "--method", "tree-shap", "--model",
                ExplainCommandTest.MODELS.resolve("two_of_eight.pt").toString(), "--table", csv.toString(), "--row", "0");
        assertThat(notTrees.code()).isEqualTo(2);
        assertThat(notTrees.err()).contains("is not an XGBoost JSON model");
        Cli.Result wrongWidth = Cli.run("explain", "--method", "tree-shap", "--model",
                SHAP.resolve("xgb_binary.json").toString(), "--table", csv.toString(), "--row", "0");
        assertThat(wrongWidth.code()).isEqualTo(2);
        assertThat(wrongWidth.err()).contains("has 4 features").contains("[a, b]");
        Cli.Result image = Cli.run("explain", "--method", "kernel-shap", "--model", "m.pt", "--image", "x.png");
        assertThat(image.code()).isEqualTo(2);
        assertThat(image.err()).contains("explains table rows only");
        assertThat(Cli.run("explain", "--help").out()).contains("--method").contains("tree-shap")
                .contains("--tolerance").contains("--perturbation");
    }
}
