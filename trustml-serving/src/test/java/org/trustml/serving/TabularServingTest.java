package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.Table;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.Publication;
import org.trustml.publish.ModelRegistry;
import org.trustml.publish.PublishOptions;
import org.trustml.publish.Signature;
import org.trustml.serving.internal.TabularCodec;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularFixtures;
import org.trustml.tabular.TabularModel;

/** A published Tribuo classifier served over v2: typed columns in, the model's exact probabilities out. */
class TabularServingTest {
    @TempDir
    static Path dir;

    static TabularModel trained;
    static Signature signature;
    static ModelServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void publishAndServe() {
        Published p = published(dir, 5);
        trained = p.trained();
        signature = p.pkg().signature();
        server = ModelServer.start(ServerConfig.defaults().withPort(0).withBatching(8, Duration.ofMillis(5)), p.pkg());
    }

    /** The model as the train stage gave it (with its held-out rows) and its published package. */
    record Published(TabularModel trained, ModelPackage pkg) {}

    /**
     * {@link TabularFixtures#pipeline}'s model (200 applicants, seeded), evaluated, blessed and published as
     * {@code applicants} version 1 under {@code dir/registry}.
     */
    static Published published(Path dir, long seed) {
        Blessing<TabularEvaluation> b = TabularFixtures.run(TabularFixtures.pipeline(dir, 200, seed), dir, seed)
                .output();
        Publication p = ModelRegistry.at(dir.resolve("registry")).publish(b.evaluation().model(), b.evaluation(),
                b.verdict(), Optional.empty(), PublishOptions.named("applicants"));
        return new Published(b.evaluation().model(), ModelPackage.open(p.directory()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/v2/models/applicants/infer"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A v2 request with one input per feature column of {@code rows}, typed as the signature says. */
    static ObjectNode columnsRequest(Table rows) throws java.io.IOException {
        return (ObjectNode) JSON.readTree(TabularRequests.of(rows, signature, Optional.of("t1")));
    }

    @Test
    void typedColumnsGetTheModelsOwnProbabilitiesAndLabels() throws Exception {
        Table rows = trained.heldOutRows().head(7);
        double[][] expected = trained.predictProbabilities(trained.load(), rows);

        HttpResponse<String> r = post(columnsRequest(rows).toString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("id").asText()).isEqualTo("t1");
        JsonNode p = body.get("outputs").get(0);
        assertThat(p.get("name").asText()).isEqualTo("probabilities");
        assertThat(p.get("datatype").asText()).isEqualTo("FP64");
        assertThat(p.get("shape")).containsExactly(JSON.valueToTree(7), JSON.valueToTree(2));
        double[][] served = new double[7][2];
        for (int i = 0; i < 14; i++) {
            served[i / 2][i % 2] = p.get("data").get(i).doubleValue();
        }
        // FP64 carries every digit of the double, so the served numbers are exactly the model's own
        assertThat(served).isDeepEqualTo(expected);
        JsonNode labels = body.get("outputs").get(1);
        int[] best = Classification.argmax(expected);
        for (int i = 0; i < 7; i++) {
            assertThat(labels.get("data").get(i).asText()).isEqualTo(trained.classes().get(best[i]));
        }
    }

    @Test
    void aColumnOfTheWrongDatatypeIsA400NamingItAndWhatWasExpected() throws Exception {
        Table rows = trained.heldOutRows().head(2);
        ObjectNode request = columnsRequest(rows);
        ObjectNode years = (ObjectNode) request.get("inputs").get(1);
        years.put("datatype", "FP64");

        HttpResponse<String> r = post(request.toString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .isEqualTo("input 'years' has datatype FP64; expected INT64 (a long column)");
    }

    @Test
    void aMissingColumnOrAStringForANumberIsA400() throws Exception {
        Table rows = trained.heldOutRows().head(2);
        ObjectNode missing = columnsRequest(rows);
        ((ArrayNode) missing.get("inputs")).remove(2);
        HttpResponse<String> r = post(missing.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).startsWith("missing input 'region' (BYTES [n])");

        ObjectNode text = columnsRequest(rows);
        ((ArrayNode) text.get("inputs").get(0).get("data")).set(1, JSON.valueToTree("lots"));
        r = post(text.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .isEqualTo("input 'income' data[1] is \"lots\"; expected a finite FP64 number");
    }

    @Test
    void metadataListsTheTypedInputs() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/v2/models/applicants"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode m = JSON.readTree(r.body());
        assertThat(m.get("platform").asText()).isEqualTo("trustml_tribuo");
        assertThat(m.get("inputs").findValuesAsText("datatype")).containsExactly("FP64", "INT64", "BYTES", "BOOL");
    }

    @Test
    void anAllNumericModelTakesFp32RowsAndRefusesAWrongWidth() {
        TabularModel numeric = new TabularModel(trained.algorithm(), "y", java.util.List.of("a", "b"), trained.classes(),
                dir.resolve("m"), "sha256:0", dir, java.util.Map.of("a", ColumnType.DOUBLE, "b", ColumnType.LONG), 1, 1);
        Signature s = Signature.of(numeric);
        java.util.Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        types.put("a", ColumnType.DOUBLE);
        types.put("b", ColumnType.LONG);
        Table t = TabularCodec.parse("{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[[0.5,3],[1.5,4]]}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), s, types).payload();
        assertThat(t.doubles("a")).containsExactly(0.5, 1.5);
        assertThat(t.doubles("b")).containsExactly(3, 4);
        assertThatThrownBy(() -> TabularCodec.parse("{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,3],\"data\":[1,2,3]}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), s, types))
                .hasMessage("input 'input' has shape [1, 3]; expected [n, 2], the feature columns [a, b] in this order");
    }
}
