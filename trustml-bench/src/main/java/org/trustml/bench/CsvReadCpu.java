package org.trustml.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.Group;

/**
 * The reading thread's CPU time per read, for a machine too loaded for wall-clock JMH runs: on a
 * shared 2-core machine another session's build stretches wall time but not the CPU time of the
 * thread that reads. Reads {@code reads} times in one JVM and prints the median and minimum of the
 * last two thirds. Compare two jars by running them alternately, several rounds each.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks.jar org.trustml.bench.CsvReadCpu table /tmp/bench.csv 15
 * java -Xmx4g -cp benchmarks.jar org.trustml.bench.CsvReadCpu fairness /tmp/fair.csv 12
 * </pre>
 *
 * {@code table}: {@code Table.readCsv} with {@code Threads.ONE} of {@link BenchData}'s 1M × 10 CSV;
 * {@code fairness}: {@code Fairness.streamingCsv} over 1M rows of {@code sex,race,y,yhat,p}. Each file
 * is written (seeded) when it does not exist.
 */
public final class CsvReadCpu {
    private CsvReadCpu() {}

    public static void main(String[] args) throws IOException {
        String what = args[0];
        Path file = Path.of(args[1]);
        int reads = Integer.parseInt(args[2]);
        if (!Files.exists(file)) {
            if (what.equals("table")) {
                BenchData.writeCsv(file, 1_000_000, 42);
            } else {
                writeScored(file);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[reads];
        double[] wall = new double[reads];
        for (int i = 0; i < reads; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long rows = what.equals("table")
                    ? Table.readCsv(file, CsvOptions.defaults().withThreads(CsvOptions.Threads.ONE)).rowCount()
                    : Fairness.streamingCsv(file).label("y").prediction("yhat").score("p")
                            .privileged(Group.where("sex", 1)).protectedColumns("sex", "race").report().rows();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            if (rows != 1_000_000) {
                throw new IllegalStateException("read " + rows + " rows");
            }
        }
        double[] c = Arrays.copyOfRange(cpu, reads / 3, reads);
        double[] w = Arrays.copyOfRange(wall, reads / 3, reads);
        Arrays.sort(c);
        Arrays.sort(w);
        System.out.printf(Locale.ROOT, "%s: reading thread CPU median %.1f ms (min %.1f); wall median %.1f ms (min %.1f)%n",
                what, c[c.length / 2], c[0], w[w.length / 2], w[0]);
    }

    private static void writeScored(Path file) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("sex,race,y,yhat,p\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write(r.nextInt(2) + ",r" + r.nextInt(4) + "," + r.nextInt(2) + "," + r.nextInt(2) + ","
                        + String.format(Locale.ROOT, "%.4f", r.nextDouble()) + "\n");
            }
        }
    }
}
