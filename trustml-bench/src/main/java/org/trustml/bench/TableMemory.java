package org.trustml.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;
import org.trustml.core.table.Column;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Retained size of the benchmark table (JOL's object graph walk) against its raw primitive size:
 * 8 bytes per numeric value plus the UTF-8 bytes of every string value.
 *
 * <p>Run: {@code java -Djol.magicFieldOffset=true -cp trustml-bench/target/benchmarks.jar org.trustml.bench.TableMemory [rows]}.
 */
public final class TableMemory {
    private TableMemory() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Table table = BenchData.table(rows);
        long raw = 0;
        for (Column c : table.columns()) {
            if (c.type().isNumeric()) {
                raw += 8L * c.size();
            } else {
                StringColumn s = (StringColumn) c;
                for (int i = 0; i < s.size(); i++) {
                    raw += s.get(i).getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        long retained = GraphLayout.parseInstance(table).totalSize();
        System.out.printf(Locale.ROOT, "rows=%d raw=%.1f MB retained=%.1f MB ratio=%.2f%n",
                rows, raw / 1e6, retained / 1e6, (double) retained / raw);
    }
}
