package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.publish.Signature;
import org.trustml.tabular.TabularFixtures;
import org.trustml.tabular.TabularModel;

/** A served Tribuo classifier asked through {@link ServedClassifier}: the model's own probabilities, in order. */
class ServedClassifierTest {
    @TempDir
    static Path dir;

    static TabularModel trained;
    static Signature signature;
    static ModelServer server;

    @BeforeAll
    static void publishAndServe() {
        TabularServingTest.Published p = TabularServingTest.published(dir, 6);
        trained = p.trained();
        signature = p.pkg().signature();
        server = ModelServer.start(ServerConfig.defaults().withPort(0), p.pkg());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ServedClassifier served() {
        return ServedClassifier.at(server.uri().resolve("/v2/models/applicants/infer"), signature);
    }

    @Test
    void answersAreTheModelsOwnProbabilitiesInRowOrderAcrossRequests() {
        Table rows = trained.heldOutRows();
        double[][] expected = trained.predictProbabilities(trained.load(), rows);
        ServedClassifier s = served().withBatch(7); // 40 held-out rows: six requests of 7 and one of 5
        assertThat(s.classes()).isEqualTo(trained.classes());
        assertThat(s.features()).containsExactly(TabularFixtures.FEATURES);
        // FP64 answers carry every digit of the model's doubles: equal bit for bit
        assertThat(s.probabilities(rows)).isDeepEqualTo(expected);
    }

    @Test
    void doublesSentToAnIntegerInputAreRoundedToTheNearestInteger() {
        Table rows = trained.heldOutRows().head(5);
        long[] years = rows.longs("years");
        double[] nudged = new double[years.length];
        for (int i = 0; i < nudged.length; i++) {
            nudged[i] = years[i] + (i % 2 == 0 ? 0.4 : -0.4);
        }
        Table asDoubles = rows.drop("years").withColumn(DoubleColumn.of("years", nudged));
        assertThat(served().probabilities(asDoubles)).isDeepEqualTo(served().probabilities(rows));
    }

    @Test
    void aRefusalOrAnAbsentModelIsNamed() {
        ServedClassifier absent = ServedClassifier.at(server.uri().resolve("/v2/models/nobody/infer"), signature);
        assertThatThrownBy(() -> absent.probabilities(trained.heldOutRows().head(3)))
                .isInstanceOf(TrustmlException.class).hasMessageContaining("/v2/models/nobody/infer answered 404")
                .hasMessageContaining("rows 1–3");
        assertThatThrownBy(() -> served().probabilities(trained.heldOutRows().drop("region")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("region");
        Signature images = new Signature(Signature.SCHEMA_VERSION, List.of(new org.trustml.publish.TensorSpec(
                Signature.IMAGE_INPUT, "BYTES", List.of(-1L))), signature.outputs(), signature.classes(), 0, "none");
        assertThatThrownBy(() -> ServedClassifier.at(URI.create("http://localhost:1/v2/models/x/infer"), images))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no column inputs");
        assertThatThrownBy(() -> served().withBatch(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("batch");
    }
}
