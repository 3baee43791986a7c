package org.trustml.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.trustml.core.table.Column;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftReport;
import org.trustml.drift.DriftTest;

/**
 * Every per-column drift test (KS, Cramér–von Mises, Wasserstein, PSI, Jensen–Shannon) over
 * 20 numeric columns × 1,000,000 rows in the reference and in the current table (column k of
 * the current table is shifted by k/200 standard deviations, so p-values range from ~1 to the
 * far tail). One radix sort per column and side is shared by all five tests. {@link ProcessCpu}
 * records the process CPU time next to the wall time (the machine is shared).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class DriftBenchmark {
    static final int COLUMNS = 20;
    static final int ROWS = 1_000_000;

    Table reference;
    Table current;

    static Table normalTable(long seed, boolean shifted) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            double[] v = new double[ROWS];
            double shift = shifted ? c / 200.0 : 0;
            for (int i = 0; i < ROWS; i++) {
                v[i] = shift + Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            }
            cols.add(DoubleColumn.of("c" + c, v));
        }
        return Table.of(cols);
    }

    @Setup(Level.Trial)
    public void setUp() {
        reference = normalTable(1, false);
        current = normalTable(2, true);
    }

    @Benchmark
    public DriftReport allPerColumnTests(ProcessCpu cpu) {
        cpu.begin();
        DriftReport r = Drift.between(reference, current).tests(DriftTest.KS, DriftTest.CRAMER_VON_MISES,
                DriftTest.WASSERSTEIN, DriftTest.PSI, DriftTest.JENSEN_SHANNON).report();
        cpu.end();
        return r;
    }

    @Benchmark
    public DriftReport ksOnly(ProcessCpu cpu) {
        cpu.begin();
        DriftReport r = Drift.between(reference, current).tests(DriftTest.KS).report();
        cpu.end();
        return r;
    }
}
