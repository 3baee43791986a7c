package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/**
 * Large cards (issue 17, part 6): a 10 MB string and a 120,000-entry list are read and validated, in
 * time and memory linear in their size (measured by hand in BENCHMARKS.md, not timed here); past
 * {@link CardLimits} a card is refused before it is parsed further.
 */
class CardLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aYamlCardWithATenMegabyteStringValidatesAndReads() throws Exception {
        String image = "iVBORw0KGgo".repeat(1_000_000); // 11,000,000 characters without a space, like a base64 PNG
        Path card = Files.writeString(dir.resolve("big.yaml"),
                "schema_version: \"0.0.2\"\nmodel_details:\n  name: \"" + image + "\"\n  overview: plain\n");
        // read validates against the schema first, and throws if the card is not valid
        assertThat(ModelCards.read(card).details().name().orElseThrow()).hasSize(11_000_000);
    }

    @Test
    void aYamlCardWithAListOf120000EntriesValidatesAndReads() throws Exception {
        StringBuilder yaml = new StringBuilder("schema_version: \"0.0.2\"\nconsiderations:\n  limitations:\n");
        for (int i = 0; i < 120_000; i++) {
            yaml.append("    - description: \"limitation ").append(i).append("\"\n");
        }
        Path card = Files.writeString(dir.resolve("long.yaml"), yaml);
        // read validates against the schema first, and throws if the card is not valid
        assertThat(ModelCards.read(card).considerationsOrEmpty().limitations()).hasSize(120_000);
    }

    @Test
    void aCardLargerThanMaxBytesIsRefusedBeforeItIsRead() throws Exception {
        Path card = Files.writeString(dir.resolve("card.json"), "{\"model_details\": {\"name\": \"" + "x".repeat(2000) + "\"}}");
        CardLimits limits = CardLimits.defaults().withMaxBytes(1024); // the file: 28 + 2,000 + 3 = 2,031 bytes
        assertThatThrownBy(() -> ModelCards.read(card, limits))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("card.json: value '2031 bytes' is too large for a model card "
                        + "(expected at most 1024 bytes (CardLimits.maxBytes))");
        assertThatCode(() -> ModelCards.parse("model_details: {name: \"\u00e9\u00e9\"}", CardFormat.YAML,
                CardLimits.defaults().withMaxBytes(30)))   // 27 characters, 29 bytes in UTF-8 (é takes 2): fits
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ModelCards.parse("model_details: {name: \"\u00e9\u00e9\u00e9\"}", CardFormat.YAML,
                CardLimits.defaults().withMaxBytes(30)))   // 28 characters, 31 bytes
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value '31 bytes'");
    }

    @Test
    void theDefaultByteLimitIsSixteenMebibytes() throws Exception {
        Path card = dir.resolve("huge.yaml");
        Files.write(card, new byte[(int) CardLimits.DEFAULT_MAX_BYTES + 1]);
        assertThatThrownBy(() -> ModelCards.validate(card))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("huge.yaml: value '16777217 bytes' is too large for a model card "
                        + "(expected at most 16777216 bytes (CardLimits.maxBytes))");
    }

    @Test
    void moreNodesThanMaxNodesAreRefusedWithTheLineWhereTheLimitWasPassed() {
        String yaml = "considerations:\n  limitations:\n    - description: a\n    - description: b\n    - description: c\n";
        // nodes: the card, considerations, limitations, then each entry and its description: 3 + 2 per entry
        assertThat(ModelCards.parse(yaml, CardFormat.YAML, CardLimits.defaults().withMaxNodes(9)).considerationsOrEmpty()
                .limitations()).hasSize(3);
        assertThatThrownBy(() -> ModelCards.parse(yaml, CardFormat.YAML, CardLimits.defaults().withMaxNodes(8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("line 5: has more than 8 values at column 20 (expected at most 8 (CardLimits.maxNodes))");
    }

    @Test
    void deeperNestingThanMaxDepthIsRefused() {
        String json = "{\"model_details\": {\"owners\": [{\"name\": \"a\"}]}}"; // 4 levels: card, details, owners, owner
        assertThat(ModelCards.parse(json, CardFormat.JSON, CardLimits.defaults().withMaxDepth(4)).details().owners()).hasSize(1);
        assertThatThrownBy(() -> ModelCards.parse(json, CardFormat.JSON, CardLimits.defaults().withMaxDepth(3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("line 1: nests deeper than 3 levels at column 31 (expected at most 3 (CardLimits.maxDepth))");
    }

    @Test
    void limitsThemselvesAreChecked() {
        assertThatThrownBy(() -> CardLimits.defaults().withMaxBytes(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'maxBytes': value '0' is out of range (expected 1 to 2147483639)");
        assertThatThrownBy(() -> CardLimits.defaults().withMaxDepth(0)).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> CardLimits.defaults().withMaxNodes(-1)).hasMessageContaining("maxNodes");
    }
}
