package org.trustml.bench;

import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;
import org.trustml.core.table.Table;

/** Filter then derive over the 1M-row benchmark table, through the row API. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class TableOpsBenchmark {
    @Param("1000000")
    int rows;

    private Table table;

    @Setup(Level.Trial)
    public void load() throws IOException {
        table = BenchData.table(rows);
    }

    /** Keeps about half the rows (d0 is uniform on [0,1)), then adds a column computed from two others. */
    @Benchmark
    public Table filterThenDerive() {
        return table.filter(r -> r.number("d0") < 0.5)
                .deriveDouble("z", r -> r.number("d1") * 2 + r.number("n0"));
    }

    @Benchmark
    public Table filterOnly() {
        return table.filter(r -> r.number("d0") < 0.5);
    }

    @Benchmark
    public Table deriveOnly() {
        return table.deriveDouble("z", r -> r.number("d1") * 2 + r.number("n0"));
    }
}
