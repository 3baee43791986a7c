package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.modelcard.internal.CardMappers;

class ModelCardIoTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(ModelCardIoTest.class.getResource("/cards/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEverySectionOfAFullCard() {
        ModelCard card = ModelCards.read(fixture("full.yaml"));
        assertThat(card.schemaVersion()).contains("0.0.2");
        assertThat(card.details().name()).contains("Chest CT COVID classifier");
        assertThat(card.details().documentation().orElseThrow()).contains("\nUse it as a second reader");
        assertThat(card.details().owners()).containsExactly(Owner.of("Imaging team", "imaging@example.org"));
        assertThat(card.details().version().orElseThrow().date()).contains("2025-03-14");
        assertThat(card.details().licenses()).containsExactly(License.spdx("Apache-2.0"));
        assertThat(card.parameters().data().get(0).sensitive().orElseThrow().sensitiveData()).containsExactly("age", "sex");
        PerformanceMetric female = card.analysis().performanceMetrics().get(1);
        assertThat(female.slice()).contains("sex=female");
        assertThat(female.value()).contains("0.87");
        assertThat(female.confidenceInterval()).contains(ConfidenceInterval.of(0.84, 0.9));
        assertThat(card.considerationsOrEmpty().ethicalConsiderations().get(0).mitigationStrategy())
                .contains("Per-slice recall is monitored.");
        assertThat(Completeness.of(card).isComplete()).isTrue();
    }

    @Test
    void yamlAndJsonRoundTripToTheSameTreeAndRecord() throws Exception {
        Path yaml = fixture("full.yaml");
        JsonNode original = CardMappers.yaml().readTree(yaml.toFile());
        ModelCard card = ModelCards.read(yaml);

        String asYaml = ModelCards.toYaml(card);
        assertThat(CardMappers.yaml().readTree(asYaml)).isEqualTo(original);
        assertThat(ModelCards.parse(asYaml, CardFormat.YAML)).isEqualTo(card);

        Path json = ModelCards.write(card, dir.resolve("card.json"));
        assertThat(CardMappers.json().readTree(json.toFile())).isEqualTo(original);
        assertThat(ModelCards.read(json)).isEqualTo(card);
        // writing what was read gives the same bytes again
        assertThat(ModelCards.toJson(ModelCards.read(json))).isEqualTo(Files.readString(json));
    }

    @Test
    void theShippedSchemasAreTheUpstreamFilesByteForByte() throws Exception {
        // Git blob ids of model_card_toolkit/schema/v0.0.2/model_card.schema.json in tensorflow/model-card-toolkit
        // (git rev-parse <commit>:<path>): e6e6efe... at f895074 and in tags v1.2.0 to v2.1.0 (10,781 bytes);
        // 864ebcb... at 4161ebb and in tags v1.0.0, v1.1.0 (9,451 bytes).
        assertThat(gitBlobId(ModelCardSchema.rawSchema())).isEqualTo("e6e6efed2761b092219225a4ce33ef933306bd6b");
        assertThat(ModelCardSchema.rawSchema()).isEqualTo(ModelCardSchema.rawSchema(ModelCardSchema.Revision.FINAL));
        assertThat(gitBlobId(ModelCardSchema.rawSchema(ModelCardSchema.Revision.EARLY)))
                .isEqualTo("864ebcbf3f10a386bbeba297d4c88aed4dc901c2");
        assertThat(new String(ModelCardSchema.rawSchema(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"$ref\": \"#definitions/graphic\"");
    }

    /** Git's object id of a file: SHA-1 of "blob SIZE\0" and the bytes. */
    static String gitBlobId(byte[] bytes) throws Exception {
        java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return java.util.HexFormat.of().formatHex(sha1.digest(bytes));
    }

    @Test
    void wrongTypesAreRefusedWithPathRuleAndLine() {
        ValidationReport report = ModelCards.validate(fixture("bad-types.yaml"));
        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).extracting(ValidationError::toString).containsExactly(
                // a property's position is its key's: "name" starts at line 3, column 3
                "$.model_details.name: integer found, string expected (rule 'type', line 3, column 3)",
                "$.model_details.licenses[0]: must be valid to one and only one schema, but 2 are valid with indexes "
                        + "'0, 1' (rule 'oneOf', line 5, column 7)",
                "$.quantitative_analysis.performance_metrics[0].value: boolean found, string expected (rule 'type', line 10, column 7)");
        assertThatThrownBy(() -> ModelCards.read(fixture("bad-types.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("bad-types.yaml, line 3: does not follow the Model Card Toolkit schema v0.0.2 "
                        + "(final (f895074) revision): $.model_details.name: integer found, string expected (rule 'type'); "
                        + "and 2 more errors");
    }

    @Test
    void unknownTopLevelFieldsAreReported() {
        ValidationReport report = ModelCards.validate(fixture("unknown-top.yaml"));
        assertThat(report.errors()).extracting(ValidationError::toString).containsExactly(
                "$.intended_use: unknown field 'intended_use' (the schema allows only schema_version, model_details, "
                        + "model_parameters, quantitative_analysis and considerations here) (rule 'additionalProperties', line 4, column 1)");
    }

    @Test
    void unknownNestedFieldsAreRefusedRatherThanDropped() {
        String yaml = "model_details:\n  name: x\n  owners:\n    - name: a\n      phone: 123\n";
        assertThat(ModelCardSchema.mct002().validate(yaml, CardFormat.YAML).isValid()).isTrue(); // the schema allows it
        assertThatThrownBy(() -> ModelCards.parse(yaml, CardFormat.YAML))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("line 5: $.model_details.owners[0].phone: unknown field 'phone'");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThatThrownBy(() -> ModelCards.read(fixture("malformed.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed.yaml, line 3: is not valid YAML at column 12: mapping values are not allowed here");
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstAlias() {
        assertThatThrownBy(() -> ModelCards.read(fixture("billion-laughs.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("billion-laughs.yaml, line 2: uses the YAML alias '*a' at column 8"); // "b: &b [" is 7 characters
    }

    @Test
    void customTagsAreRefused() {
        assertThatThrownBy(() -> ModelCards.read(fixture("custom-tag.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("custom-tag.yaml, line 3: uses the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'");
    }

    @Test
    void malformedJsonDuplicateKeysAndEmptyFilesAreRefused() {
        assertThatThrownBy(() -> ModelCards.parse("{\"model_details\": {\"name\": \"a\",}}", CardFormat.JSON))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("line 1: is not valid JSON at column");
        assertThatThrownBy(() -> ModelCards.parse("model_details:\n  name: a\n  name: b\n", CardFormat.YAML))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3").hasMessageContaining("name");
        assertThatThrownBy(() -> ModelCards.parse("", CardFormat.YAML))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ModelCards.read(dir.resolve("card.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no model card extension");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: ".repeat(1) + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThatThrownBy(() -> ModelCards.parse(deep, CardFormat.YAML)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nest");
    }

    @Test
    void mergeLetsTheOverlayWinAndAppendsLists() {
        ModelCard base = ModelCard.empty().withModelDetails(new ModelDetails(Optional.of("run name"), Optional.empty(),
                Optional.empty(), java.util.List.of(Owner.of("a", null)), Optional.empty(), java.util.List.of(),
                java.util.List.of(), java.util.List.of()));
        ModelCard user = ModelCard.empty().withModelDetails(new ModelDetails(Optional.of("Nice name"), Optional.of("o"),
                Optional.empty(), java.util.List.of(Owner.of("a", null), Owner.of("b", "b@x")), Optional.empty(),
                java.util.List.of(), java.util.List.of(), java.util.List.of()));
        ModelCard merged = ModelCards.merge(base, user);
        assertThat(merged.details().name()).contains("Nice name");
        assertThat(merged.details().overview()).contains("o");
        assertThat(merged.details().owners()).containsExactly(Owner.of("a", null), Owner.of("b", "b@x"));
    }
}
