package org.trustml.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;

/**
 * CSV → {@link Table} against the bare parser (FastCSV iterating records and touching every
 * field) on the same file, side by side in one run. Rows/s = rows / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class CsvReadBenchmark {
    @Param("1000000")
    int rows;

    /** ONE: the caller's thread only; TWO: tokenize and convert on two threads (AUTO picks TWO here). */
    @Param({"ONE", "TWO"})
    CsvOptions.Threads threads;

    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = BenchData.writeCsv(Files.createTempFile("trustml-bench", ".csv"), rows, 42);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Table trustmlReadCsv() {
        return Table.readCsv(file, CsvOptions.defaults().withThreads(threads));
    }

    @Benchmark
    public void fastCsvBare(Blackhole bh) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord r : reader) {
                for (int i = 0; i < r.getFieldCount(); i++) {
                    bh.consume(r.getField(i));
                }
            }
        }
    }
}
