package org.trustml.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.pipeline.spec.StageSpecKinds;

/**
 * The published schema ({@code docs/pipeline.schema.json}) is what the kinds on the class path give, lists every kind
 * and every field Jackson binds (an independent reading of the records), and the sample pipelines pass an independent
 * validator (networknt's, draft 2020-12).
 */
class PipelineSchemaTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path PUBLISHED = ROOT.resolve("docs/pipeline.schema.json");

    @Test
    void thePublishedSchemaIsTheGeneratedOne() throws IOException {
        String generated = PipelineSchema.ofClassPath().text();
        if (Boolean.getBoolean("trustml.writeSchema")) {
            Files.writeString(PUBLISHED, generated);
        }
        assertThat(Files.readString(PUBLISHED)).as("docs/pipeline.schema.json is stale: regenerate it with "
                + "mvn -pl trustml-pipeline test -Dtest=PipelineSchemaTest -Dtrustml.writeSchema=true").isEqualTo(generated);
    }

    @Test
    void everyKindAndEveryFieldJacksonBindsIsInTheSchema() {
        JsonNode schema = PipelineSchema.ofClassPath().json();
        JsonNode defs = schema.get("$defs");
        assertThat(kinds(defs.get("stage"))).isEqualTo(StageSpecKinds.all().keySet())
                .contains("ingest", "transform", "filter", "image-folder", "train", "evaluate", "train-tabular",
                        "evaluate-tabular", "reweighing", "disparate-impact-remover", "reject-option-classification",
                        "eq-odds-postprocessing", "calibrated-eq-odds-postprocessing", "drift-check", "bless", "publish",
                        "model-card", "report");
        assertThat(kinds(defs.get("evaluator"))).isEqualTo(EvaluatorSpecKinds.all().keySet())
                .containsExactlyInAnyOrder("fairness", "lime", "lime-tabular", "shap", "tree-shap", "robustness", "drift",
                        "image-drift", "autoencoder-drift");
        ObjectMapper jackson = new YAMLMapper();
        List<String> checked = new ArrayList<>();
        StageSpecKinds.all().forEach((kind, type) -> {
            assertThat(fields(defs.get("stage." + kind))).as(kind).isEqualTo(bound(jackson, type));
            checked.add(kind);
        });
        EvaluatorSpecKinds.all().forEach((kind, type) ->
                assertThat(fields(defs.get("evaluator." + kind))).as(kind).isEqualTo(bound(jackson, type)));
        assertThat(fields(defs.get("gate"))).containsExactlyInAnyOrder("metric", "slice", "min", "max",
                "no-worse-than-baseline", "no-higher-than-baseline", "whole-interval", "min-interval-level");
        assertThat(defs.get("stage.bless").get("required")).extracting(JsonNode::asText).containsExactly("gates");
        assertThat(defs.get("stage.ingest").get("properties").get("types").get("additionalProperties").get("enum"))
                .extracting(JsonNode::asText).containsExactly("double", "long", "string", "boolean");
        assertThat(checked).hasSizeGreaterThan(15);
    }

    @Test
    void theSamplePipelinesPassAnIndependentValidator() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(PUBLISHED));
        List<Path> samples;
        try (Stream<Path> s = Files.list(ROOT.resolve("samples/pipelines"))) {
            samples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).extracting(p -> p.getFileName().toString()).contains("credit.yaml", "ct-scan.yaml");
        for (Path p : samples) {
            Set<ValidationMessage> errors = schema.validate(new YAMLMapper().readTree(p.toFile()));
            assertThat(errors).as(p.toString()).isEmpty();
        }
        JsonNode typo = new YAMLMapper().readTree("seed: 1\nstages:\n  - train: {epohcs: 2}\n");
        assertThat(schema.validate(typo)).isNotEmpty();
        assertThat(schema.validate(new YAMLMapper().readTree("seed: 1\nstages:\n  - trian: {}\n"))).isNotEmpty();
    }

    private static Set<String> kinds(JsonNode oneKind) {
        Set<String> out = new TreeSet<>();
        oneKind.get("oneOf").forEach(alt -> alt.get("properties").fieldNames().forEachRemaining(out::add));
        return out;
    }

    private static Set<String> fields(JsonNode def) {
        Set<String> out = new TreeSet<>();
        def.get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The properties Jackson's deserializer finds on the record (its creator's parameters, named as it names them). */
    private static Set<String> bound(ObjectMapper mapper, Class<?> type) {
        BeanDescription d = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        Set<String> out = new TreeSet<>();
        for (BeanPropertyDefinition p : d.findProperties()) {
            if (p.hasConstructorParameter()) {
                out.add(p.getName());
            }
        }
        return out;
    }
}
