package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.modelcard.ModelCardSchema.Revision;
import org.trustml.modelcard.internal.CardMappers;

/**
 * Cards of MCT's last release (schema v0.0.2, final revision f895074) and of the early revision (4161ebb).
 *
 * <p>{@code cards/mct-2.1.0.json} was written by MCT 2.1.0's own {@code ModelCard.to_json()} and checked by
 * its own validator; {@code src/test/python/make_mct_final_card.py} made it. {@code cards/early-revision.yaml}
 * has numbers where the early revision had them, as earlier trustml versions wrote.
 */
class MctFinalRevisionTest {
    @TempDir
    Path dir;

    @Test
    void aCardWrittenByMctsLastReleaseIsValidAndReadsEveryField() {
        Path mct = ModelCardIoTest.fixture("mct-2.1.0.json");
        assertThat(ModelCards.validate(mct).errors()).isEmpty();

        ModelCard card = ModelCards.read(mct);
        assertThat(card.details().path()).contains("models/covid-ct/3f2a9c");
        assertThat(card.parameters().inputFormatMap())
                .containsExactly(KeyVal.of("image", "float32[1, 224, 224]"), KeyVal.of("scale", "[0, 1]"));
        assertThat(card.parameters().outputFormatMap()).containsExactly(KeyVal.of("probability", "float32[2]"));
        List<PerformanceMetric> metrics = card.analysis().performanceMetrics();
        // the strings MCT wrote with Python's str(): str(0.91), str(0.8235294117647058), str(1.5e-05)
        assertThat(metrics).extracting(m -> m.value().orElseThrow())
                .containsExactly("0.91", "0.87", "0.8235294117647058", "1.5e-05", "0.1, 0.5, 0.9");
        assertThat(metrics).extracting(PerformanceMetric::numericValue)
                .containsExactly(Optional.of(0.91), Optional.of(0.87), Optional.of(0.8235294117647058),
                        Optional.of(1.5e-05), Optional.empty());
        ConfidenceInterval ci = metrics.get(1).confidenceInterval().orElseThrow();
        assertThat(ci.lowerBound()).contains("0.84");
        assertThat(ci.upper()).contains(0.9);
    }

    @Test
    void theNewFieldsAndTextValuesAreRendered() {
        String html = CardRenderer.html(ModelCards.read(ModelCardIoTest.fixture("mct-2.1.0.json")));
        assertThat(html).contains("<dt>Path</dt><dd>models/covid-ct/3f2a9c</dd>",
                "<dt>Inputs</dt><dd>image: float32[1, 224, 224]<br>scale: [0, 1]<br></dd>",
                "<dt>Outputs</dt><dd>probability: float32[2]<br></dd>",
                "0.1, 0.5, 0.9",  // not a number: shown as written
                "0.000015");      // "1.5e-05" is a number: shown plain, at most 4 significant digits
    }

    @Test
    void aCardOfMctsLastReleaseIsWrittenBackAsMctWroteIt() throws Exception {
        Path mct = ModelCardIoTest.fixture("mct-2.1.0.json");
        JsonNode original = CardMappers.json().readTree(mct.toFile());
        ModelCard card = ModelCards.read(mct);

        // the same JSON tree (MCT puts schema_version last; key order aside, nothing changes)
        assertThat(CardMappers.json().readTree(ModelCards.toJson(card))).isEqualTo(original);
        assertThat(ModelCards.parse(ModelCards.toJson(card), CardFormat.JSON)).isEqualTo(card);
        Path yaml = ModelCards.write(card, dir.resolve("card.yaml"));
        assertThat(CardMappers.yaml().readTree(yaml.toFile())).isEqualTo(original);
        assertThat(ModelCards.read(yaml)).isEqualTo(card);
    }

    @Test
    void anEarlyRevisionCardStillReadsAndIsWrittenInTheFinalRevision() throws Exception {
        Path early = ModelCardIoTest.fixture("early-revision.yaml");
        ModelCard card = ModelCards.read(early);

        // numbers became the text MCT's last release writes: Python's str(0.91) == "0.91"; an integer keeps its digits
        assertThat(card.analysis().performanceMetrics()).extracting(m -> m.value().orElseThrow())
                .containsExactly("0.91", "0.87", "0.82", "1");
        assertThat(card.analysis().performanceMetrics().get(1).confidenceInterval()).contains(ConfidenceInterval.of(0.84, 0.9));
        // the same card as full.yaml, which has strings
        ModelCard full = ModelCards.read(ModelCardIoTest.fixture("full.yaml"));
        assertThat(card.analysis().performanceMetrics().subList(0, 3)).isEqualTo(full.analysis().performanceMetrics());

        Path written = ModelCards.write(card, dir.resolve("card.json"));
        assertThat(ModelCards.validate(written).errors()).isEmpty();
        JsonNode tree = CardMappers.json().readTree(written.toFile());
        JsonNode metric = tree.at("/quantitative_analysis/performance_metrics/1");
        assertThat(metric.get("value").isTextual()).isTrue();
        assertThat(metric.at("/confidence_interval/lower_bound").textValue()).isEqualTo("0.84");
        assertThat(Files.readString(written)).doesNotContain("\"value\" : 0.");
    }

    @Test
    void validationIsAgainstTheFinalRevisionAndNamesTheEarlyOne() {
        Path early = ModelCardIoTest.fixture("early-revision.yaml");
        ValidationReport report = ModelCards.validate(early);
        assertThat(report.errors()).hasSize(6); // four values and two bounds are numbers
        assertThat(report.errors().get(0).toString()).isEqualTo(
                "$.quantitative_analysis.performance_metrics[0].value: number found, string expected (a number here "
                        + "follows MCT's early v0.0.2 revision, 4161ebb, which earlier trustml versions wrote; trustml "
                        + "still reads such a card and writes the value as a string) (rule 'type', line 38, column 7)");
        assertThat(ModelCardSchema.of(Revision.EARLY).validate(early).errors()).isEmpty();
        // and a card of MCT's last release is not one of the early revision
        assertThat(ModelCardSchema.of(Revision.EARLY).validate(ModelCardIoTest.fixture("mct-2.1.0.json")).errors())
                .extracting(ValidationError::rule).contains("type");
    }

    @Test
    void whatTheBuilderWritesIsValidInTheFinalRevision() {
        ModelCard card = ModelCard.empty()
                .withModelDetails(ModelDetails.empty().withPath("s3://models/m/1"))
                .withModelParameters(ModelParameters.empty().withFormatMaps(List.of(KeyVal.of("x", "float32[4]")),
                        List.of(KeyVal.of("p", "float32[2]"))))
                .withQuantitativeAnalysis(new QuantitativeAnalysis(List.of(
                        SlicedMetric.overall(StandardMetric.ACCURACY, 0.9123).withConfidenceInterval(0.9, 0.93).toPerformanceMetric(),
                        PerformanceMetric.of("loss", 1.5e-5),
                        PerformanceMetric.of("count", 12.0)), Optional.empty()));
        String json = ModelCards.toJson(card);
        assertThat(ModelCardSchema.mct002().validate(json, CardFormat.JSON).errors()).isEmpty();
        // Python: str(0.9123) == '0.9123', str(1.5e-05) == '1.5e-05', str(12.0) == '12.0'
        assertThat(json).contains("\"value\" : \"0.9123\"", "\"value\" : \"1.5e-05\"", "\"value\" : \"12.0\"",
                "\"lower_bound\" : \"0.9\"", "\"path\" : \"s3://models/m/1\"", "\"input_format_map\" : [ {");
    }
}
