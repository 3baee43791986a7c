package org.trustml.core.table;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.trustml.core.TrustmlException;

/**
 * Splits reading a large CSV over two threads: the caller's thread tokenizes (FastCSV) and copies
 * each row's fields into a batch; a converter thread parses the batches into the column builders,
 * row by row. Batches are recycled, so memory stays flat. Errors keep their single-thread
 * meaning: the one on the earliest line is thrown.
 */
final class PipelinedRowSink implements RowSink {
    static final int BATCH_ROWS = 4096;
    private static final int IN_FLIGHT = 4;
    /** Queued, being converted, being filled, and one spare. */
    private static final int MAX_BATCHES = IN_FLIGHT + 3;

    /** Fields of up to {@link #BATCH_ROWS} rows, stored row-major at {@code row * columns + column}. */
    private static final class Batch {
        char[] chars = new char[1 << 16];
        int used;
        final int[] start;
        final int[] length; // ~length when the field was quoted
        final long[] line = new long[BATCH_ROWS];
        int rows;
        boolean last;

        Batch(int columns) {
            start = new int[BATCH_ROWS * columns];
            length = new int[BATCH_ROWS * columns];
        }

        void clear() {
            used = 0;
            rows = 0;
            last = false;
        }
    }

    private final CsvColumnBuilder[] builders;
    private final int columns;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(MAX_BATCHES);
    private final Thread converter;
    private volatile RuntimeException failure;
    private Batch current;
    private boolean closed;
    private int created = 1;

    PipelinedRowSink(CsvColumnBuilder[] builders, String sourceName) {
        this.builders = builders;
        this.columns = builders.length;
        this.current = new Batch(columns);
        this.converter = new Thread(this::convertAll, "trustml-csv-convert " + sourceName);
        converter.setDaemon(true);
        converter.start();
    }

    @Override
    public void field(int column, char[] buf, int off, int len, boolean quoted, long line) {
        Batch b = current;
        if (b.used + len > b.chars.length) {
            char[] bigger = new char[Math.max(b.chars.length * 2, b.used + len)];
            System.arraycopy(b.chars, 0, bigger, 0, b.used);
            b.chars = bigger;
        }
        System.arraycopy(buf, off, b.chars, b.used, len);
        int k = b.rows * columns + column;
        b.start[k] = b.used;
        b.length[k] = quoted ? ~len : len;
        b.used += len;
    }

    @Override
    public void endRow(long line) {
        Batch b = current;
        b.line[b.rows++] = line;
        if (b.rows == BATCH_ROWS) {
            handOff(false);
        }
    }

    @Override
    public void finish() {
        close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public RuntimeException abort(RuntimeException cause) {
        close(); // converts the complete rows before the failing one
        return failure != null ? failure : cause;
    }

    private void close() {
        if (!closed) {
            closed = true;
            handOff(true);
            join();
        }
    }

    private void handOff(boolean last) {
        Batch b = current;
        b.last = last;
        put(b);
        if (!last) {
            Batch next = free.poll();
            if (next == null && created < MAX_BATCHES) {
                created++;
                next = new Batch(columns);
            }
            current = next != null ? next : takeFree();
            current.clear();
        }
    }

    /** Waits for the converter to hand a batch back: at most {@link #MAX_BATCHES} ever exist. */
    private Batch takeFree() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private void put(Batch b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private void join() {
        try {
            converter.join();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** The reading thread was interrupted: keep the flag, stop the converter, give up the read. */
    private TrustmlException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        converter.interrupt();
        return new TrustmlException("interrupted while reading CSV", e);
    }

    /** The converter thread: convert batches until the last; after a failure, only drain. */
    private void convertAll() {
        try {
            while (true) {
                Batch b = full.take();
                if (failure == null) {
                    try {
                        convert(b);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                if (b.last) {
                    return;
                }
                free.offer(b);
            }
        } catch (InterruptedException e) {
            if (failure == null) {
                failure = new TrustmlException("interrupted while reading CSV", e);
            }
        }
    }

    /** Row by row, as the single-thread reader does, so the first error is the same one. */
    private void convert(Batch b) {
        for (int r = 0, k = 0; r < b.rows; r++) {
            long line = b.line[r];
            for (int c = 0; c < columns; c++, k++) {
                int len = b.length[k];
                builders[c].add(b.chars, b.start[k], len < 0 ? ~len : len, len < 0, line);
            }
        }
    }
}
