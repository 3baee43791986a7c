package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustml.core.InvalidInputException;

/** The two-thread reader gives exactly what the one-thread reader gives: tables and errors. */
class PipelinedCsvTest {
    private static final CsvOptions ONE = CsvOptions.defaults().withThreads(CsvOptions.Threads.ONE);
    private static final CsvOptions TWO = CsvOptions.defaults().withThreads(CsvOptions.Threads.TWO);

    /** Several batches' worth of rows, with a type change far from the start. */
    private static String csv(int rows, long seed, String lateValue) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("d,n,s,b,q\n");
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "%.5f", rnd.nextDouble())).append(',')
                    .append(i == rows - 7 ? lateValue : Integer.toString(rnd.nextInt(100))).append(',')
                    .append(rnd.nextInt(10) == 0 ? "" : "cat" + rnd.nextInt(4)).append(',')
                    .append(rnd.nextBoolean()).append(',')
                    .append("\"a, \"\"quoted\"\"\nvalue ").append(i).append("\"\n");
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.5", "forty"})
    void sameTableBothWays(String lateValue) {
        String text = csv(3 * PipelinedRowSink.BATCH_ROWS + 17, 1, lateValue);
        Table one = Table.parseCsv("x.csv", text, ONE);
        Table two = Table.parseCsv("x.csv", text, TWO);
        assertThat(two).isEqualTo(one);
        assertThat(two.rowCount()).isEqualTo(3 * PipelinedRowSink.BATCH_ROWS + 17);
        ColumnType expected = switch (lateValue) {
            case "42" -> ColumnType.LONG;
            case "4.5" -> ColumnType.DOUBLE;
            default -> ColumnType.STRING;
        };
        assertThat(two.column("n").type()).isEqualTo(expected);
    }

    @Test
    void sameErrorBothWays() {
        int rows = 2 * PipelinedRowSink.BATCH_ROWS + 5;
        String typed = csv(rows, 2, "forty");
        CsvOptions longN = CsvOptions.defaults().withType("n", ColumnType.LONG);
        Throwable one = catchThrowable(() -> Table.parseCsv("x.csv", typed, longN.withThreads(CsvOptions.Threads.ONE)));
        Throwable two = catchThrowable(() -> Table.parseCsv("x.csv", typed, longN.withThreads(CsvOptions.Threads.TWO)));
        assertThat(one).isInstanceOf(InvalidInputException.class).hasMessageContaining("value 'forty'");
        assertThat(two).isInstanceOf(InvalidInputException.class).hasMessage(one.getMessage());

        // a bad value early, a ragged row later: the earlier line wins in both
        String both = typed + "1,2\n";
        Throwable oneBoth = catchThrowable(() -> Table.parseCsv("x.csv", both, longN.withThreads(CsvOptions.Threads.ONE)));
        Throwable twoBoth = catchThrowable(() -> Table.parseCsv("x.csv", both, longN.withThreads(CsvOptions.Threads.TWO)));
        assertThat(twoBoth).hasMessage(oneBoth.getMessage()).hasMessageContaining("forty");

        String ragged = csv(rows, 3, "1") + "1,2\n";
        Throwable r1 = catchThrowable(() -> Table.parseCsv("x.csv", ragged, ONE));
        Throwable r2 = catchThrowable(() -> Table.parseCsv("x.csv", ragged, TWO));
        assertThat(r2).hasMessage(r1.getMessage()).hasMessageContaining("has 2 fields");
    }

    @Test
    void noConverterThreadOutlivesARead() throws InterruptedException {
        String ragged = csv(PipelinedRowSink.BATCH_ROWS * 2, 4, "1") + "x\n";
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> Table.parseCsv("x.csv", ragged, TWO));
            Table.parseCsv("x.csv", csv(100, i, "1"), TWO);
        }
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("trustml-csv-convert") && t.isAlive());
    }
}
