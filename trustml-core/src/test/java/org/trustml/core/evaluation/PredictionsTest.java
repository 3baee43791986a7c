package org.trustml.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

class PredictionsTest {
    static final List<String> CLASSES = List.of("no", "yes");
    // six rows; women (rows 0-2): truth yes,yes,no predicted yes,no,no; men (3-5): truth no,yes,no predicted no,yes,yes
    static final int[] TRUTH = {1, 1, 0, 0, 1, 0};
    static final int[] PREDICTED = {1, 0, 0, 0, 1, 1};
    static final double[] P_YES = {0.9, 0.4, 0.2, 0.3, 0.8, 0.6};
    static final String[] SEX = {"F", "F", "F", "M", "M", "M"};

    @TempDir
    Path dir;

    static double[][] rows(double[] pYes) {
        double[][] p = new double[pYes.length][];
        for (int i = 0; i < pYes.length; i++) {
            p[i] = new double[] {1 - pYes[i], pYes[i]};
        }
        return p;
    }

    static Predictions six() {
        return Predictions.builder(CLASSES).truth(TRUTH).probabilities(rows(P_YES))
                .attribute(StringColumn.of("sex", SEX)).build();
    }

    @Test
    void computesTheSameReportAsClassificationOnTheArrays() {
        Predictions p = six();
        // predicted is the argmax of the probabilities when not given
        assertThat(p.predicted()).containsExactly(PREDICTED);
        ClassificationReport direct = Classification.of(TRUTH, PREDICTED, CLASSES).scores(rows(P_YES))
                .slicesBy(Table.of(StringColumn.of("sex", SEX)), "sex").report();
        ClassificationReport viaPredictions = p.report(List.of("sex"), List.of());
        assertThat(viaPredictions).isEqualTo(direct);
        // by hand: 4 of 6 right overall, 2 of 3 for women and for men
        assertThat(viaPredictions.overall().accuracy()).isEqualTo(4.0 / 6);
        assertThat(viaPredictions.metric("accuracy", Slice.of("sex", "F"))).get().extracting(MetricValue::value)
                .isEqualTo(2.0 / 3);
    }

    @Test
    void aSliceHasTheMetricsTheReportGivesThatSlice() {
        Predictions p = six();
        Predictions women = p.slice(Slice.of("sex", "F"));
        assertThat(women.size()).isEqualTo(3);
        assertThat(women.truth()).containsExactly(1, 1, 0);
        assertThat(women.probabilities(1)).containsExactly(0.9, 0.4, 0.2);
        SliceResult fromReport = p.report(List.of("sex"), List.of()).slice(Slice.of("sex", "F")).orElseThrow();
        SliceResult fromSubset = women.report(List.of(), List.of()).overall();
        assertThat(fromSubset.confusion()).isEqualTo(fromReport.confusion());
        assertThat(fromSubset.accuracy()).isEqualTo(fromReport.accuracy());
        assertThat(fromSubset.scores().orElseThrow().rocAuc()).isEqualTo(fromReport.scores().orElseThrow().rocAuc());
        assertThat(p.slice(Slice.OVERALL).truth()).containsExactly(TRUTH);
        assertThat(p.subset(new int[] {5, 0}).predicted()).containsExactly(1, 1);
    }

    @Test
    void isImmutable() {
        int[] truth = TRUTH.clone();
        Predictions p = Predictions.builder(CLASSES).truth(truth).predicted(PREDICTED).build();
        truth[0] = 0;
        p.truth()[1] = 0;
        assertThat(p.truth(0)).isEqualTo(1);
        assertThat(p.truth(1)).isEqualTo(1);
        assertThat(p.hasProbabilities()).isFalse();
        assertThatThrownBy(() -> p.probability(0, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("have no class probabilities");
    }

    @Test
    void aCsvRoundTripGivesTheSameNumbers() {
        Random r = new Random(18);
        int n = 200;
        int[] truth = new int[n];
        double[] pYes = new double[n];
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            truth[i] = r.nextInt(2);
            pYes[i] = r.nextDouble();
            sex[i] = r.nextBoolean() ? "F" : "M";
        }
        Predictions p = Predictions.builder(CLASSES).truth(truth).probabilities(rows(pYes))
                .ids(StringColumn.of("row_id", java.util.stream.IntStream.range(0, n).mapToObj(i -> "r" + i).toList()))
                .attribute(StringColumn.of("sex", sex)).build();
        PredictionColumns cols = PredictionColumns.of("label", "predicted").withId("row_id");
        Path file = p.toTable(cols).writeCsv(dir.resolve("scored.csv"));
        Predictions back = Predictions.readCsv(file, cols);
        assertThat(back.classes()).isEqualTo(CLASSES); // from the p_no, p_yes header
        assertThat(back.truth()).containsExactly(truth);
        assertThat(back.predicted()).containsExactly(p.predicted());
        assertThat(back.probabilities()).isDeepEqualTo(p.probabilities());
        assertThat(back.attributes().columnNames()).containsExactly("sex");
        assertThat(back.report(List.of("sex"), List.of())).isEqualTo(p.report(List.of("sex"), List.of()));
        assertThat(back.contentHash()).isEqualTo(p.contentHash());
    }

    @Test
    void withoutProbabilityColumnsTheClassesAreTheSortedLabels() throws IOException {
        Path file = Files.writeString(dir.resolve("labels.csv"), "y,yhat,sex\nb,a,F\nc,c,M\na,a,F\n");
        Predictions p = Predictions.readCsv(file, PredictionColumns.of("y", "yhat"));
        assertThat(p.classes()).containsExactly("a", "b", "c");
        assertThat(p.truth()).containsExactly(1, 2, 0);
        assertThat(p.hasProbabilities()).isFalse();
        // 2 of 3 right, by hand
        assertThat(p.report(List.of(), List.of()).overall().accuracy()).isEqualTo(2.0 / 3);
    }

    @Test
    void badCsvValuesNameFileRowColumnValueAndExpectation() throws IOException {
        PredictionColumns cols = PredictionColumns.of("label", "predicted");
        Path notAClass = Files.writeString(dir.resolve("a.csv"), "label,predicted,p_no,p_yes\nno,no,0.8,0.2\nyes,maybe,0.5,0.5\n");
        InvalidInputException e = catchThrowableOfType(() -> Predictions.readCsv(notAClass, cols),
                InvalidInputException.class);
        assertThat(e.file()).contains(notAClass);
        assertThat(e.line()).hasValue(2);
        assertThat(e.column()).contains("predicted");
        assertThat(e.value()).contains("maybe");
        assertThat(e).hasMessage(notAClass + ", row 2, column 'predicted': value 'maybe' is not a class "
                + "(expected one of [no, yes])");

        Path outOfRange = Files.writeString(dir.resolve("b.csv"), "label,predicted,p_no,p_yes\nno,no,0.8,0.2\nyes,yes,-0.5,1.5\n");
        assertThatThrownBy(() -> Predictions.readCsv(outOfRange, cols)).isInstanceOf(InvalidInputException.class)
                .hasMessage(outOfRange + ", row 2, column 'p_no': value '-0.5' is not a probability "
                        + "(expected a number in [0, 1]; apply softmax to logits first)");

        Path notNumber = Files.writeString(dir.resolve("c.csv"), "label,predicted,p_no,p_yes\nno,no,0.8,0.2\nyes,yes,0.1,high\n");
        assertThatThrownBy(() -> Predictions.readCsv(notNumber, cols)).isInstanceOf(InvalidInputException.class)
                .hasMessage(notNumber + ", row 2, column 'p_yes': value 'high' is not a number "
                        + "(expected a probability in [0, 1])");

        Path badSum = Files.writeString(dir.resolve("d.csv"), "label,predicted,p_no,p_yes\nno,no,0.8,0.3\n");
        assertThatThrownBy(() -> Predictions.readCsv(badSum, cols)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(badSum + ", row 1, column 'p_no+p_yes': value '1.1")
                .hasMessageEndingWith("are probabilities that do not sum to 1 (expected a row sum within 1e-4 of 1)");

        Path missingLabel = Files.writeString(dir.resolve("e.csv"), "label,predicted\nno,no\n,yes\n");
        assertThatThrownBy(() -> Predictions.readCsv(missingLabel, cols.withClasses("no", "yes")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(missingLabel + ", row 2, column 'label': is missing (expected a label, one of [no, yes])");

        // a column that is not there: the strict CSV reader names the header line
        Path noPredicted = Files.writeString(dir.resolve("f.csv"), "label,guess\nno,no\n");
        assertThatThrownBy(() -> Predictions.readCsv(noPredicted, cols)).isInstanceOf(InvalidInputException.class)
                .hasMessage(noPredicted + ", line 1, column 'predicted': was given a type but is not in the header "
                        + "(expected one of label, guess)");
    }

    @Test
    void badArraysAreRefusedWithTheRow() {
        assertThatThrownBy(() -> Predictions.builder(CLASSES).truth(0, 2).predicted(0, 1).build())
                .hasMessage("row 2, column 'truth': value '2' is not a class index (expected 0 to 1)");
        assertThatThrownBy(() -> Predictions.builder(List.of("a", "a")))
                .hasMessageContaining("has a class twice");
        assertThatThrownBy(() -> Predictions.builder(CLASSES).truth(0, 1).predicted(0, 1)
                .attribute(StringColumn.of("sex", "F")).build())
                .hasMessage("column 'attribute sex': has 1 rows but the truth has 2 (expected 2 rows, one per true label)");
        assertThatThrownBy(() -> six().attribute("race")).hasMessage(
                "column 'race': is not an attribute of the predictions (expected one of [sex])");
    }
}
