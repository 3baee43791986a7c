package org.trustml.core.table;

import java.util.BitSet;

/** Immutable set of missing rows. A shared instance stands for "none missing". */
final class Missing {
    private static final Missing NONE = new Missing(new BitSet(0));

    private final BitSet bits;
    private final int count;

    private Missing(BitSet bits) {
        this.bits = bits;
        this.count = bits.cardinality();
    }

    static Missing none() {
        return NONE;
    }

    /** Takes ownership of {@code bits}: the caller must not change it afterwards. */
    static Missing of(BitSet bits) {
        return bits == null || bits.isEmpty() ? NONE : new Missing(bits);
    }

    boolean contains(int row) {
        return count > 0 && bits.get(row);
    }

    int count() {
        return count;
    }

    /** The missing rows among {@code rows}, renumbered by position. */
    Missing take(int[] rows) {
        if (count == 0) {
            return NONE;
        }
        BitSet out = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (bits.get(rows[i])) {
                out.set(i);
            }
        }
        return of(out);
    }
}
