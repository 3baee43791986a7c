package org.trustml.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.publish.Signature;

/** v2 answers, written here as the server writes them (see docs/serving.md), read back as predictions. */
class ServedPredictionsTest {
    static final Signature SIGNATURE = new Signature(Signature.SCHEMA_VERSION, List.of(), List.of(),
            List.of("no", "yes"), 0, "none");

    /** Three rows asked about: the feature x, the true label and a protected attribute the requests do not carry. */
    static final Table ROWS = Table.of(DoubleColumn.of("x", 0.5, -1.0, 2.0),
            StringColumn.of("approved", "yes", "no", "no"), StringColumn.of("sex", "F", "M", "F"));

    static String answer(String datatype, int n, String probabilities, String labels) {
        return "{\"model_name\":\"loans\",\"model_version\":\"1\",\"outputs\":[{\"name\":\"probabilities\",\"shape\":["
                + n + ",2],\"datatype\":\"" + datatype + "\",\"data\":[" + probabilities + "]},{\"name\":\"label\","
                + "\"shape\":[" + n + "],\"datatype\":\"BYTES\",\"data\":[" + labels + "]}]}";
    }

    @Test
    void answersInOrderBecomeThePredictionsOfTheRowsWithEveryColumnAsAnAttribute() {
        // rows 1-2 in one request, row 3 in another; 0.30000000000000004 is 0.1 + 0.2, a double no float holds
        List<String> answers = List.of(answer("FP64", 2, "0.30000000000000004,0.7,0.9,0.1", "\"yes\",\"no\""),
                answer("FP64", 1, "0.25,0.75", "\"yes\""));

        Predictions p = ServedPredictions.of(ROWS, "approved", SIGNATURE, answers);

        assertThat(p.classes()).containsExactly("no", "yes");
        assertThat(p.truth()).containsExactly(1, 0, 0);
        assertThat(p.predicted()).containsExactly(1, 0, 1);
        assertThat(p.probabilities()).isDeepEqualTo(new double[][] {{0.1 + 0.2, 0.7}, {0.9, 0.1}, {0.25, 0.75}});
        assertThat(p.attributes()).isEqualTo(ROWS);
    }

    @Test
    void fp32AnswersAreReadAsTheFloatsTheServerWrote() {
        String answer = answer("FP32", 3, "0.1,0.9,0.6,0.4,0.3,0.7", "\"yes\",\"no\",\"yes\"");

        Predictions p = ServedPredictions.of(ROWS, "approved", SIGNATURE, List.of(answer));

        assertThat(p.probability(0, 0)).isEqualTo((double) 0.1f).isNotEqualTo(0.1);
        assertThat(p.probability(2, 1)).isEqualTo((double) 0.7f);
    }

    @Test
    void anAnswerWithLabelsOnlyGivesPredictionsWithoutProbabilities() {
        String labels = "{\"outputs\":[{\"name\":\"label\",\"shape\":[3],\"datatype\":\"BYTES\","
                + "\"data\":[\"no\",\"no\",\"yes\"]}]}";

        Predictions p = ServedPredictions.of(ROWS, "approved", SIGNATURE, List.of(labels));

        assertThat(p.hasProbabilities()).isFalse();
        assertThat(p.predicted()).containsExactly(0, 0, 1);
    }

    @Test
    void anErrorAnswerIsRefusedNamingIt() {
        List<String> answers = List.of(answer("FP64", 2, "0.3,0.7,0.9,0.1", "\"yes\",\"no\""),
                "{\"error\":\"input 'x' data[0] is \\\"lots\\\"; expected a finite FP64 number\"}");

        assertThatThrownBy(() -> ServedPredictions.of(ROWS, "approved", SIGNATURE, answers))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("column 'responses[1]': value '{\"error\":\"input 'x' data[0]")
                .hasMessageEndingWith("is an error answer (expected the body of a 200 v2 inference answer)");
    }

    @Test
    void answersThatDoNotCoverTheRowsOnceAreRefused() {
        List<String> answers = List.of(answer("FP64", 2, "0.3,0.7,0.9,0.1", "\"yes\",\"no\""));

        assertThatThrownBy(() -> ServedPredictions.of(ROWS, "approved", SIGNATURE, answers))
                .isInstanceOf(InvalidInputException.class).hasMessage("column 'responses': value '1 responses' answer "
                        + "2 rows (expected answers to each of the 3 rows once, in order)");
    }

    @Test
    void aLabelOrATruthThatIsNotAClassIsRefusedNamingWhere() {
        String maybe = answer("FP64", 3, "0.3,0.7,0.9,0.1,0.5,0.5", "\"yes\",\"maybe\",\"no\"");
        assertThatThrownBy(() -> ServedPredictions.of(ROWS, "approved", SIGNATURE, List.of(maybe)))
                .isInstanceOf(InvalidInputException.class).hasMessage("column 'responses[0].outputs.label.data[1]': "
                        + "value 'maybe' is not a class of the model (expected one of [no, yes])");

        Table unknown = ROWS.mapStrings("approved", s -> s.equals("no") ? "n/a" : s);
        String ok = answer("FP64", 3, "0.3,0.7,0.9,0.1,0.5,0.5", "\"yes\",\"no\",\"no\"");
        assertThatThrownBy(() -> ServedPredictions.of(unknown, "approved", SIGNATURE, List.of(ok)))
                .isInstanceOf(InvalidInputException.class).hasMessage("row 2, column 'approved': value 'n/a' is not "
                        + "a class of the model (expected a true label, one of [no, yes])");
    }

    @Test
    void probabilitiesOfTheWrongShapeOrNotSummingToOneAreRefused() {
        String three = answer("FP64", 3, "0.3,0.7,0.9,0.1,0.5,0.5", "\"yes\",\"no\",\"no\"").replace("[3,2]", "[3,3]");
        assertThatThrownBy(() -> ServedPredictions.of(ROWS, "approved", SIGNATURE, List.of(three)))
                .isInstanceOf(InvalidInputException.class).hasMessage("column 'responses[0].outputs.probabilities': "
                        + "value 'FP64 [3,3]' is not a tensor of probabilities (expected FP64 or FP32 [n, 2], one "
                        + "column per class)");

        String sum = answer("FP64", 3, "0.3,0.7,0.9,0.2,0.5,0.5", "\"yes\",\"no\",\"no\"");
        assertThatThrownBy(() -> ServedPredictions.of(ROWS, "approved", SIGNATURE, List.of(sum)))
                .isInstanceOf(InvalidInputException.class).hasMessage("row 2, column 'probabilities': value "
                        + "'1.1' are probabilities that do not sum to 1 (expected a row sum within 1e-4 of 1)");
    }
}
