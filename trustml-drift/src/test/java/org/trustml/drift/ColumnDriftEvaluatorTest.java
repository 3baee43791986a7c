package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

class ColumnDriftEvaluatorTest {
    /** {@code n} rows: x ~ N(shift, 1), colour red/blue with equal odds, seeded. */
    private static Table rows(int n, double shift, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        String[] colour = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = shift + r.nextGaussian();
            colour[i] = r.nextBoolean() ? "red" : "blue";
        }
        return Table.of(DoubleColumn.of("x", x), StringColumn.of("colour", colour));
    }

    private static Predictions predictionsOn(Table rows) {
        int n = rows.rowCount();
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {1, 0};
        }
        return Predictions.of(List.of("a", "b"), new int[n], new int[n], p, rows);
    }

    @Test
    void theEvaluatedRowsAreComparedWithTheReferenceColumnByColumn() {
        Table reference = rows(300, 0, 1);
        ColumnDriftEvaluator e = ColumnDriftEvaluator.against(reference, "x", "colour");
        // a shift of one standard deviation in x on 300 rows: KS p-value far below 0.05; colour unchanged
        DriftReport shifted = e.evaluate(predictionsOn(rows(300, 1, 2)), null);
        assertThat(shifted.driftedColumns()).containsExactly("x");
        assertThat(shifted.metric("drift_share")).hasValueSatisfying(m -> assertThat(m.value()).isEqualTo(0.5));
        assertThat(e.config().referenceHash()).isEqualTo(reference.contentHash());
        assertThat(e.config().columns()).containsExactly("x", "colour");
    }

    @Test
    void aColumnTheReferenceLacksIsRefusedWhenMade() {
        assertThatThrownBy(() -> ColumnDriftEvaluator.against(rows(10, 0, 1), "y"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("y");
    }
}
