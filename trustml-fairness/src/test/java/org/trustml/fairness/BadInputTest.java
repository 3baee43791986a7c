package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/** Each bad input the issue lists, with its exact message. */
class BadInputTest {
    private static Table table(long[] y, long[] p, double[] w, double[] s) {
        return Table.of(LongColumn.of("sex", 1, 1, 0, 0), LongColumn.of("y", y), LongColumn.of("yhat", p),
                DoubleColumn.of("w", w), DoubleColumn.of("p", s));
    }

    private static final long[] Y = {1, 0, 1, 0};
    private static final double[] ONES = {1, 1, 1, 1};
    private static final double[] HALF = {0.5, 0.5, 0.5, 0.5};

    private static Fairness fairness(Table t) {
        return Fairness.of(t).label("y").prediction("yhat").score("p").weights("w").privileged(Group.where("sex", 1));
    }

    @Test
    void thirdLabelValueInBinaryMode() {
        assertThatThrownBy(() -> fairness(table(new long[] {1, 0, 2, 0}, Y, ONES, HALF)).report())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("row 3, column 'y': value '2' is neither the favorable nor the unfavorable label "
                        + "(expected 1 (favorable) or 0 (unfavorable); use multiclass mode for more label values)");
    }

    @Test
    void thirdPredictionValueInBinaryMode() {
        assertThatThrownBy(() -> fairness(table(Y, new long[] {1, 0, 1, 7}, ONES, HALF)).report())
                .hasMessage("row 4, column 'yhat': value '7' is neither the favorable nor the unfavorable label "
                        + "(expected 1 (favorable) or 0 (unfavorable); use multiclass mode for more label values)");
    }

    @Test
    void emptyGroup() {
        assertThatThrownBy(() -> fairness(table(Y, Y, ONES, HALF)).privileged(Group.where("sex", 3)).report())
                .hasMessage("column 'sex': value '3' matches no row, so the privileged group {sex=3} is empty "
                        + "(expected a value present in the column: 0, 1)");
    }

    @Test
    void overlappingGroups() {
        // groups may test different columns; they must not share a row
        assertThatThrownBy(() -> fairness(table(Y, Y, ONES, HALF)).unprivileged(Group.where("y", 1)).report())
                .hasMessage("column 'unprivileged': value '{sex=1, y=1}' is in both the privileged group {sex=1} and "
                        + "the unprivileged group {y=1} (expected disjoint groups: no row in both)");
    }

    @Test
    void negativeAndNaNWeights() {
        assertThatThrownBy(() -> fairness(table(Y, Y, new double[] {1, -2, 1, 1}, HALF)).report())
                .hasMessage("row 2, column 'w': value '-2' is not a valid instance weight (expected a finite number >= 0)");
        assertThatThrownBy(() -> fairness(table(Y, Y, new double[] {1, 1, Double.NaN, 1}, HALF)).report())
                .hasMessage("row 3, column 'w': value 'NaN' is not a valid instance weight (expected a finite number >= 0)");
    }

    @Test
    void scoreOutsideUnitInterval() {
        assertThatThrownBy(() -> fairness(table(Y, Y, ONES, new double[] {0.5, 1.5, 0.5, 0.5})).report())
                .hasMessage("row 2, column 'p': value '1.5' is not a score in [0, 1] "
                        + "(expected the probability of the favorable label, 0 <= score <= 1)");
    }

    @Test
    void missingColumn() {
        assertThatThrownBy(() -> fairness(table(Y, Y, ONES, HALF)).label("label").report())
                .hasMessage("column 'label': does not exist (label column) (expected one of the columns [sex, y, yhat, w, p])");
    }

    @Test
    void streamedCsvErrorsNameFileAndLine(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("s.csv"), "sex,y,yhat\n1,1,1\n0,0,0\n0,5,1\n");
        assertThatThrownBy(() -> Fairness.streamingCsv(csv).label("y").prediction("yhat")
                .privileged(Group.where("sex", 1)).report())
                .hasMessage(csv + ", line 4, column 'y': value '5' is neither the favorable nor the unfavorable label "
                        + "(expected 1 (favorable) or 0 (unfavorable); use multiclass mode for more label values)");
        Path noCol = Files.writeString(dir.resolve("n.csv"), "sex,y\n1,1\n");
        assertThatThrownBy(() -> Fairness.streamingCsv(noCol).label("y").prediction("yhat")
                .privileged(Group.where("sex", 1)).report())
                .hasMessage(noCol + ", column 'yhat': does not exist (expected one of the columns [sex, y])");
    }

    @Test
    void streamedCsvRefusesWhatTableReadingRefusesWithTheSameMessage(@TempDir Path dir) throws IOException {
        // before: the 0xFF byte became U+FFFD and silently the unfavorable label; the second 'y' was ignored; the
        // ragged row and the unclosed quote gave "Exception when reading record ..." or no error at all
        java.util.Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("latin1.csv", new byte[] {'s', 'e', 'x', ',', 'y', '\n', '1', ',', '1', '\n', '0', ',', (byte) 0xFF, '\n'});
        bad.put("dup.csv", "sex,y,y\n1,1,0\n0,0,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad.put("ragged.csv", "sex,y\n1,1\n0,0,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad.put("nul.csv", "sex,y\n1,1\n0,\0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad.put("unclosed.csv", "sex,y\n1,1\n0,\"0\n1,0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (java.util.Map.Entry<String, byte[]> e : bad.entrySet()) {
            Path csv = Files.write(dir.resolve(e.getKey()), e.getValue());
            InvalidInputException table = org.assertj.core.api.Assertions.catchThrowableOfType(
                    InvalidInputException.class, () -> Table.readCsv(csv));
            assertThatThrownBy(() -> Fairness.streamingCsv(csv).label("y").privileged(Group.where("sex", 1)).report())
                    .as(e.getKey()).isInstanceOf(InvalidInputException.class).hasMessage(table.getMessage())
                    .hasMessageStartingWith(csv + ", line ");
        }
    }
}
