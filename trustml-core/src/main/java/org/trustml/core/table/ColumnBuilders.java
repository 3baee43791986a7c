package org.trustml.core.table;

import java.util.BitSet;

/** Small helpers shared by the column factories and readers. */
final class ColumnBuilders {
    private ColumnBuilders() {}

    /** The NaN rows of {@code values} as a missing set. */
    static Missing nanMask(double[] values) {
        BitSet nan = null;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                if (nan == null) {
                    nan = new BitSet(values.length);
                }
                nan.set(i);
            }
        }
        return Missing.of(nan);
    }
}
