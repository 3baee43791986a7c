package org.trustml.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * An append-only sequence of 64-bit words, used while a column is read: doubles as their raw
 * bits, longs as themselves, codes and booleans as small integers. Words go into chunks that
 * double in size (1 Ki, 2 Ki, 4 Ki, … words), so growing never copies what was stored, and the
 * finished column is one array allocated once at its exact size.
 */
final class LongChunks {
    private static final int FIRST_CHUNK = 1 << 10;
    private static final int MAX_CHUNK = 1 << 22;

    private final List<long[]> full = new ArrayList<>();
    private long[] current = new long[FIRST_CHUNK];
    private int position;
    private int stored; // words in full chunks

    void add(long word) {
        if (position == current.length) {
            full.add(current);
            stored += current.length;
            current = new long[Math.min(current.length * 2, MAX_CHUNK)];
            position = 0;
        }
        current[position++] = word;
    }

    int size() {
        return stored + position;
    }

    /** Replaces every word {@code w} by {@code f(w)}. */
    void transform(LongUnaryOperator f) {
        for (long[] chunk : full) {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = f.applyAsLong(chunk[i]);
            }
        }
        for (int i = 0; i < position; i++) {
            current[i] = f.applyAsLong(current[i]);
        }
    }

    long[] toLongs() {
        long[] out = new long[size()];
        int at = 0;
        for (long[] chunk : full) {
            System.arraycopy(chunk, 0, out, at, chunk.length);
            at += chunk.length;
        }
        System.arraycopy(current, 0, out, at, position);
        return out;
    }

    double[] toDoubles() {
        double[] out = new double[size()];
        forEach((i, w) -> out[i] = Double.longBitsToDouble(w));
        return out;
    }

    int[] toInts() {
        int[] out = new int[size()];
        forEach((i, w) -> out[i] = (int) w);
        return out;
    }

    boolean[] toBooleans() {
        boolean[] out = new boolean[size()];
        forEach((i, w) -> out[i] = w != 0);
        return out;
    }

    private interface WordAt {
        void accept(int index, long word);
    }

    private void forEach(WordAt f) {
        int at = 0;
        for (long[] chunk : full) {
            for (long w : chunk) {
                f.accept(at++, w);
            }
        }
        for (int i = 0; i < position; i++) {
            f.accept(at++, current[i]);
        }
    }

    @Override
    public String toString() {
        return "LongChunks[" + size() + " words]";
    }
}
