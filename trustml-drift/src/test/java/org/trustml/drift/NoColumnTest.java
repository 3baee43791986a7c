package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/** A comparison of no column is refused: its drift share was reported as 0 and the verdict as "not drifted". */
class NoColumnTest {
    static final Table REFERENCE = Table.of(LongColumn.of("y", 0, 1, 0, 1), DoubleColumn.of("x", 1, 2, 3, 4));
    static final Table CURRENT = Table.of(LongColumn.of("y", 1, 1, 1, 1), DoubleColumn.of("x", 9, 9, 9, 9));

    @Test
    void anEmptyColumnListIsRefused() {
        assertThatThrownBy(() -> Drift.between(REFERENCE, CURRENT).columns().report())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'columns': has no column to compare (expected at least one column besides the label)");
    }

    @Test
    void aTableOfOnlyTheLabelIsRefused() {
        Table ref = Table.of(LongColumn.of("y", 0, 1, 0, 1));
        Table cur = Table.of(LongColumn.of("y", 1, 1, 1, 1));
        assertThatThrownBy(() -> Drift.between(ref, cur).label("y").report())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'y': has no column to compare (expected at least one column besides the label)");
    }
}
