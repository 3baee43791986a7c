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
import org.trustml.core.table.Column;
import org.trustml.core.table.Table;
import org.trustml.pipeline.RowExpression;

/**
 * The CEL filter and transform of pipeline files over the 1M-row benchmark table, beside the same operations as
 * Java lambdas ({@link TableOpsBenchmark}'s): compile once (parse and type-check against the schema), then evaluate
 * per row through one reused activation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class ExpressionBenchmark {
    static final String KEEP = "d0 < 0.5";
    static final String DERIVE = "d1 * 2.0 + double(n0)";
    static final String TEXT = "sex == 'F' && filename.endsWith('7.png')";

    @Param("1000000")
    int rows;

    private Table table;

    @Setup(Level.Trial)
    public void load() throws IOException {
        table = BenchData.table(rows);
    }

    /** Parse and type-check only: what a transform or filter stage does once before its rows. */
    @Benchmark
    public RowExpression celCompile() {
        return RowExpression.compile(DERIVE, table.schema(), "bench");
    }

    @Benchmark
    public int[] celFilter() {
        return RowExpression.compile(KEEP, table.schema(), "bench").rowsWhereTrue(table);
    }

    @Benchmark
    public Column celDerive() {
        return RowExpression.compile(DERIVE, table.schema(), "bench").values(table, "z");
    }

    @Benchmark
    public int[] celFilterText() {
        return RowExpression.compile(TEXT, table.schema(), "bench").rowsWhereTrue(table);
    }

    @Benchmark
    public Table javaFilter() {
        return table.filter(r -> r.number("d0") < 0.5);
    }

    @Benchmark
    public Table javaDerive() {
        return table.deriveDouble("z", r -> r.number("d1") * 2 + r.number("n0"));
    }

    @Benchmark
    public Table javaFilterText() {
        return table.filter(r -> "F".equals(r.string("sex")) && r.string("filename").endsWith("7.png"));
    }
}
